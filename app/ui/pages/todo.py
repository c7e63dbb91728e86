"""My to-do list: the recovery plan and the person's own tasks, in large type.

It opens on "For today" (at most three tasks, the most urgent first), then the rules to keep
in mind (one card, never ticked), then "Later" (soonest first). One page holds the list and,
in place of it, the form to add or change a task (app/ui/widgets/list_form.py). What is typed
in the form is kept as a draft, so leaving loses nothing. Done and Delete leave an Undo button
where the task was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from app import i18n
from app.core import plan
from app.core.tasks import Task, arrange, in_order
from app.i18n import N_, _, format_date, ngettext
from app.ui import dialogs
from app.ui.pages.home_todo import OPENED_KEY, home_section  # noqa: F401 - kept importable
from app.ui.pages.registry import register
from app.ui.pages.todo_edit import TaskForm
from app.ui.pages.todo_paper import (  # noqa: F401 - print_centre prints these from here
    REPEAT_WORDS,
    due_line,
    due_words,
    printout,
    rules_printout,
)
from app.ui.printing import Sheet, register_sheet
from app.ui.widgets import BigButton, Card, Heading, Text
from app.ui.widgets.buttons import button_flow, buttons, undo_card
from app.ui.widgets.list_form import ListFormPage
from app.ui.widgets.more import TellMeMore, content

HOW_TO = N_("How to do it")
OPEN = N_("Open")  # a task with no steps (often one's own): there is no "how" to show


def open_label(task: Task) -> str:
    return _(HOW_TO) if task.how or task.why else _(OPEN)


RULES_SHOWN = 3


@dataclass
class Undoable:
    """The last Done or Delete, shown where the task was until the next action."""

    task_id: int
    kind: str  # "done" or "deleted"
    message: str
    index: int


class ListPage(ListFormPage):
    """The whole list, or the form to add or change one task."""

    title = N_("My to-do list")
    help = N_(
        "Press “How to do it” to read the steps. Press Done when a task is done: you can "
        "undo it. An opened task can also be changed, moved or deleted."
    )
    unsaved = N_("Please press “Save this task” first, or “Go back without saving”.")
    new_keys = ("new",)
    kept = ("title", "note", "day", "month", "year", "repeat")
    # Most visits only tick: the form's two dozen hidden widgets would be styled again at
    # every text-size change and built again at every language change for nothing.
    lazy_form = True

    # Building -----------------------------------------------------------------------
    def build_list(self, lst: QVBoxLayout) -> None:
        self.show_done = False
        self.opened: set[int] = set()
        self.undoable: Undoable | None = None
        self.add_cards(lst)
        content(self.count_label)
        # The list's tools come after the tasks: the first task is the page's main action.
        self.add_button = BigButton(_("Add my own task"))
        self.add_button.clicked.connect(lambda: self.open_form("new"))
        self.done_button = BigButton()
        self.done_button.clicked.connect(self.toggle_done)
        self.print_button = BigButton(_("Print my list"))
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button = BigButton(
            _("Save as PDF"), description=_("Save the list as a file you can print later.")
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        lst.addWidget(
            buttons(self.add_button, self.done_button, self.print_button, self.pdf_button)
        )

    def make_form(self) -> TaskForm:
        return TaskForm()

    # Model ----------------------------------------------------------------------------
    def values(self) -> dict:
        return {**super().values(), "show_done": self.show_done, OPENED_KEY: sorted(self.opened)}

    def load_draft(self, draft: dict) -> None:
        self.show_done = bool(draft.get("show_done"))
        self.opened = {int(i) for i in draft.get(OPENED_KEY, []) if isinstance(i, int)}

    def item(self, key: str) -> Task | None:
        return self.controller.tasks.get(int(key)) if key.isdigit() else None

    def next_text(self) -> str:
        return _("Go to my home page")

    # The form ---------------------------------------------------------------------------
    def fill_form(self, key: str) -> None:
        self.form.fill(self.item(key))

    def focus_form(self, key: str) -> None:
        (self.form.title if key == "new" else self.form.note).setFocus()

    def show_form(self, key: str) -> None:
        self.form.show_for(self.item(key))

    def save_form(self) -> None:
        task = self.item(self.editing)
        own = task is None or task.is_own
        form = self.form
        problem = form.problem(own)
        if problem:
            form.show_error(problem)
            self.controller.announce.emit(problem)
            return
        fields = {"note": form.note.toPlainText().strip(), "due": form.due()}
        if own:
            fields.update(title=form.title.value().strip(), repeat=form.repeat_value())
        tasks = self.controller.tasks
        if task is None:
            # Added before the list is shown again, so the new task is on it at once.
            saved = self.close_form(save=lambda draft: tasks.add(Task(**fields), draft=draft))
            self._focus_button(saved.id, open_label(saved))
            return
        self.close_form(save=lambda draft: tasks.update(task.id, draft=draft, **fields))
        self.controller.announce.emit(_("Your changes are saved."))
        self._focus_button(task.id, open_label(task))

    # The list ---------------------------------------------------------------------------
    def open_tasks(self) -> list[Task]:
        """The open tasks in the order shown: "For today", then "Later"."""
        return in_order(self.controller.tasks.open(), self.controller.today())

    def visible_tasks(self) -> list[Task]:
        """The open tasks in the order shown, then the done ones when they are shown."""
        done = [t for t in self.controller.tasks.all(include_done=self.show_done) if t.done]
        return self.open_tasks() + done

    def refresh(self) -> None:
        """Show the list; a task card is made again only when what it shows has changed."""
        c = self.controller
        today = c.today()
        first, later = arrange(c.tasks.open(), today)
        left = first + later
        self.count_label.setText(
            ngettext("{n} thing to do.", "{n} things to do.", len(left)).format(n=len(left))
            if left
            else _("Nothing left to do. Well done.")
        )
        self.done_button.setText(_("Hide done tasks") if self.show_done else _("Show done tasks"))
        self.undo_button = None
        entries: list[tuple] = [("today", lambda: Heading(_("For today")))]
        if not first:
            entries.append(("nothing today", lambda: Text(_("Nothing is due today."))))
        slots: list[int] = []  # where each open task's card is, in the order shown
        for i, task in enumerate(left):
            if i == len(first):
                entries += self._rules_entries()
                entries.append(("later", lambda: Heading(_("Later"))))
            slots.append(len(entries))
            entries.append(self._entry(task, i, len(left)))
        if len(first) == len(left):
            entries += self._rules_entries()
        if self.undoable is not None:
            at = slots[self.undoable.index] if self.undoable.index < len(slots) else None
            if at is None:
                at = len(entries)
            entries.insert(at, (None, self._undo_card))
        if self.show_done:
            entries.append((None, lambda: Heading(_("Already done"))))
            done = [self._entry(task, 0, 0) for task in c.tasks.all(include_done=True) if task.done]
            entries += done or [(None, lambda: Text(_("Nothing is ticked yet.")))]
        self.cards_kept.fill(entries)

    def _rules_entries(self) -> list[tuple]:
        rules = tuple(plan.reminders(self.controller.answers()))
        return [(("rules", rules), lambda: self._rules_card(rules))] if rules else []

    def _rules_card(self, rules: tuple[str, ...]) -> Card:
        """The rules to keep in mind, never ticked: three, then "Tell me more" for the rest."""
        title = _("Rules to keep in mind")
        card = Card(name=title)
        card.box.addWidget(Heading(title))
        for rule in rules[:RULES_SHOWN]:
            card.box.addWidget(Text(f"• {_(rule)}"))
        if rules[RULES_SHOWN:]:
            card.box.addWidget(
                TellMeMore([f"• {_(rule)}" for rule in rules[RULES_SHOWN:]], about=title)
            )
        read = BigButton(_("Read them aloud"), description=title)
        read.clicked.connect(lambda: self.read_rules(rules))
        paper = BigButton(_("Print them"), description=title)
        paper.clicked.connect(self.print_rules)
        card.box.addLayout(button_flow(read, paper))
        return card

    def read_rules(self, rules: tuple[str, ...]) -> None:
        from app.ui.speech import say_or_explain

        say_or_explain(
            self, " ".join([_("Rules to keep in mind") + "."] + [_(rule) for rule in rules])
        )

    def _entry(self, task: Task, index: int, total: int) -> tuple:
        """A card's key holds all it shows: the task, its place, opened, today's date."""
        key = (
            repr(task),
            index == 0,
            index > 0,
            index < total - 1,
            task.id in self.opened,
            self.controller.today(),
        )
        return key, lambda: self._card(task, index, total)

    def _card(self, task: Task, index: int, total: int) -> Card:
        title = task.shown_title()
        card = Card(name=title)
        head = Text(title, "strong")
        card.box.addWidget(head)
        when = [due_words(task, self.controller.today())]
        if task.repeat and not task.done:
            when.append(_(REPEAT_WORDS[task.repeat]))
        card.box.addWidget(Text("\n".join(when), "muted"))
        if task.note:
            card.box.addWidget(Text(_("Note: {note}").format(note=task.note)))
        opened = task.id in self.opened
        if opened:
            self._details(card, task)
        # A closed card offers "How to do it" and Done only: a calm list, no Delete next to
        # Done. The rarer actions (change, move, delete) come with the opened card. The
        # filled button is the first task's "How to do it" (never Done: a person who presses
        # the biggest button must not tick a task without doing it).
        row: list[BigButton] = []
        row.append(
            self._button(
                _("Close") if opened else open_label(task),
                _("Why it matters, how to do it, and how to change it: {task}"),
                title,
                lambda t=task.id: self.toggle_open(t),
                primary=index == 0 and not opened and not task.done,
            )
        )
        if task.done:
            row.append(
                self._button(
                    _("Not done after all"),
                    _("Put “{task}” back on the list"),
                    title,
                    lambda t=task.id: self.undo_done(t),
                )
            )
        else:
            row.append(
                self._button(
                    _("Done"),
                    _("Mark “{task}” as done"),
                    title,
                    lambda t=task.id: self.mark_done(t),
                )
            )
        if opened:
            row += self._changes(task, title, index, total)
        card.box.addLayout(button_flow(*row))
        return content(card)  # the person's own task, not explanation

    def _changes(self, task: Task, title: str, index: int, total: int) -> list[BigButton]:
        """The buttons of an opened card that change the task or its place."""
        row: list[BigButton] = []
        if not task.done:
            row.append(
                self._button(
                    _("Edit"), _("Change “{task}”"), title, lambda t=task.id: self.open_form(str(t))
                )
            )
            if index > 0:
                row.append(
                    self._button(
                        _("Move up"),
                        _("Move “{task}” up the list"),
                        title,
                        lambda t=task.id: self.move(t, -1),
                    )
                )
            if index < total - 1:
                row.append(
                    self._button(
                        _("Move down"),
                        _("Move “{task}” down the list"),
                        title,
                        lambda t=task.id: self.move(t, +1),
                    )
                )
        row.append(
            self._button(_("Delete"), _("Delete “{task}”"), title, lambda t=task.id: self.delete(t))
        )
        return row

    def _details(self, card: Card, task: Task) -> None:
        if task.shown_why():
            card.box.addWidget(Heading(_("Why it matters")))
            card.box.addWidget(Text(task.shown_why()))
        if task.shown_how():
            card.box.addWidget(Heading(_("How to do it")))
            card.box.addWidget(Text(task.shown_how()))

    def _button(
        self, label: str, description: str, title: str, action, primary: bool = False
    ) -> BigButton:
        button = BigButton(label, primary=primary, description=description.format(task=title))
        button.setAccessibleName(f"{label}: {title}")
        button.clicked.connect(lambda _c=False: action())
        return button

    def _undo_card(self) -> Card:
        card, self.undo_button = undo_card(
            self.undoable.message, _("Take back what you just did."), self.undo
        )
        return content(card)

    # Actions ---------------------------------------------------------------------------
    def _index(self, task_id: int) -> int:
        ids = [t.id for t in self.open_tasks()]
        return ids.index(task_id) if task_id in ids else len(ids)

    def _after_action(self, undoable: Undoable | None, message: str) -> None:
        self.undoable = undoable
        self.refresh()
        self.controller.announce.emit(message)
        self.focus_undo()

    def toggle_open(self, task_id: int) -> None:
        self.opened ^= {task_id}
        self._save_draft()
        self.refresh()
        task = self.controller.tasks.get(task_id)
        self._focus_button(task_id, _("Close") if task_id in self.opened else open_label(task))

    def toggle_done(self) -> None:
        self.show_done = not self.show_done
        self.undoable = None
        self._save_draft()
        self.refresh()
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_done(self, task_id: int) -> None:
        tasks = self.controller.tasks
        task = tasks.get(task_id)
        if task is None:
            return
        index = self._index(task_id)
        tasks.mark_done(task_id)
        after = tasks.get(task_id)
        title = task.shown_title()
        if after is not None and not after.done and after.due:
            message = _("Well done. “{task}” comes back on {date}.").format(
                task=title, date=format_date(after.due)
            )
        else:
            message = _("Well done. “{task}” is done.").format(task=title)
        self._after_action(Undoable(task_id, "done", message, index), message)

    def undo_done(self, task_id: int) -> None:
        self.controller.tasks.undo_done(task_id)
        self._after_action(None, _("It is back on your list."))

    def move(self, task_id: int, offset: int) -> None:
        """Swap with the open task above or below, in the order shown."""
        if not self.controller.tasks.move(task_id, offset):
            return
        self.undoable = None
        self.refresh()
        self.controller.announce.emit(_("Moved up.") if offset < 0 else _("Moved down."))
        self._focus_button(task_id, _("Move up") if offset < 0 else _("Move down"))

    def _focus_button(self, task_id: int, label: str) -> None:
        """Keep the keyboard on the same task: this button, or another one of its card."""
        title = self.controller.tasks.get(task_id).shown_title()
        mine = [
            b
            for b in self.list_view.findChildren(BigButton)
            if b.accessibleName().endswith(f": {title}") and b.isVisibleTo(self)
        ]
        wanted = [b for b in mine if b.accessibleName() == f"{label}: {title}"]
        if wanted or mine:
            (wanted or mine)[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def delete(self, task_id: int) -> None:
        task = self.controller.tasks.get(task_id)
        if task is None or not self._confirm_delete(task.shown_title()):
            return
        index = self._index(task_id)
        self.controller.tasks.delete(task_id)
        message = _("“{task}” was deleted.").format(task=task.shown_title())
        self._after_action(Undoable(task_id, "deleted", message, index), message)

    def _confirm_delete(self, title: str) -> bool:
        text = _("Delete “{task}” from your list? You can undo it just after.").format(task=title)
        return dialogs.confirm(
            self, text, _("Yes, delete it"), _("No, keep it on my list"), title=_("Delete a task")
        )

    def undo(self) -> None:
        undoable, tasks = self.undoable, self.controller.tasks
        if undoable is None:
            return
        if undoable.kind == "done":
            tasks.undo_done(undoable.task_id)
        else:
            tasks.restore(undoable.task_id)
        self._after_action(None, _("Undone: the task is back as it was."))

    # Paper ------------------------------------------------------------------------------
    def print_list(self) -> None:
        from app.ui.printing import print_paper

        print_paper(self, printout(self.controller), _("Your list is printing."))

    def print_rules(self) -> None:
        from app.ui.printing import print_paper

        print_paper(self, rules_printout(self.controller), _("The rules are printing."))

    def save_pdf(self) -> None:
        from app.ui.printing import save_pdf

        save_pdf(self, printout(self.controller), _("my-to-do-list"))


# The person's own words are never translated: the demo speaks each language itself.
DEMO_OWN = {
    "es_MX": ("Llamar a mi hija", "Contarle lo de la carta del IMSS."),
    "fr_FR": ("Appeler ma fille", "Lui parler de la lettre de l'Assurance Maladie."),
    "en": ("Call my daughter", "Tell her about the letter."),
}


def demo(store, today: dt.date) -> None:
    """The plan for the demo answers, one task done and one repeating task of the person's,
    made as a person would, through the list's own actions."""
    from app.core.actions.tasks import TaskActions

    actions = TaskActions(store, lambda: today, lambda _message: None)
    actions.apply_plan()
    tasks = actions.all()
    if tasks and not any(t.done for t in tasks):
        actions.mark_done(tasks[0].id)
    if not any(t.repeat == "weekly" for t in tasks):
        title, note = DEMO_OWN.get(i18n.language(), DEMO_OWN["en"])
        actions.add(Task(title=title, note=note, due=today + dt.timedelta(days=2), repeat="weekly"))


PAGES = register("todo", {"list": ListPage})

register_sheet(
    Sheet(
        "todo",
        N_("My to-do list"),
        N_("What is left to do, with how to do it."),
        printout,
        N_("my-to-do-list"),
        order=20,
    )
)
