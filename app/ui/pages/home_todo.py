"""The to-do list's blocks on the home page, apart from the list page so that home imports
only what it draws (start-up time, see bench/RESULTS.md)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core import plan
from app.core.tasks import Task, arrange
from app.i18n import _, due_in_words, ngettext
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, Text
from app.ui.widgets.buttons import button_flow

OPENED_KEY = "opened"  # the to-do list's draft: the ids of the opened cards


def open_on_list(controller, task_id: int) -> None:
    """Show the to-do list with this task's card opened (home's task cards use it)."""
    key = "todo.list"
    draft = dict(controller.store.progress.draft(key))
    draft[OPENED_KEY] = sorted({*draft.get(OPENED_KEY, []), task_id})
    draft["editing"] = ""
    controller.store.progress.save_draft(key, draft)
    controller.start("todo")


def urgent_entries(controller) -> list[tuple]:
    """The top of home: the way in for a person who gave something away, and, while steps of
    that path are open, a word that they come first (before anything else on home)."""
    from app.core import emergency

    entries: list[tuple] = []
    if emergency.is_open(controller.store.tasks.all(include_done=False)):
        entries.append(("emergency open", lambda: Heading(
            _("First, the steps to protect your money. They are for today."))))
    entries.append(("emergency button", lambda: _emergency_button(controller)))
    return entries


def _emergency_button(controller) -> QWidget:
    from app.ui.pages.emergency import ENTRY, ENTRY_WHY, start

    button = BigButton(_(ENTRY), description=_(ENTRY_WHY))
    button.clicked.connect(lambda: start(controller))
    return ButtonRow(button)


def today_entries(controller) -> list[tuple]:
    """ "What to do today": the same (at most three) tasks as the list's "For today"."""
    today = controller.today()
    # The plan follows the answers: a new country, or a payment marked "not mine".
    plan.sync(controller.store.tasks, controller.answers(), today)
    first, _later = arrange(controller.store.tasks.all(include_done=False), today)
    entries: list[tuple] = [("today", lambda: Heading(_("What to do today")))]
    if not first:
        entries.append(("nothing due", lambda: Text(_("Nothing is due today."))))
    for task in first:
        entries.append(((repr(task), today), lambda t=task: _task_card(controller, t, today)))
    return entries


def _task_card(controller, task: Task, today) -> Card:
    title = task.shown_title()
    card = Card(name=title)
    card.box.addWidget(Text(title))
    card.box.addWidget(Text(_("Due: {when}").format(when=due_in_words(task.due, today)),
                            "muted"))
    how = BigButton(_("How to do it"), description=_(
        "Why it matters, how to do it, and how to change it: {task}").format(task=title))
    how.clicked.connect(lambda _c=False, t=task.id: open_on_list(controller, t))
    done = BigButton(_("Done"), description=_("Mark “{task}” as done").format(task=title))
    done.clicked.connect(lambda _c=False, t=task.id: _done(controller, t))
    card.box.addLayout(button_flow(how, done))
    return card


def _done(controller, task_id: int) -> None:
    controller.store.tasks.mark_done(task_id, controller.today())
    controller.changed(_("Well done. It is ticked on your list."))


def home_section(controller) -> tuple[tuple, Callable[[], QWidget]]:
    """Under "What to do today": how many things are left, and the way to the whole list."""
    left = len(controller.store.tasks.all(include_done=False))
    return ("todo", left), lambda: _section(controller, left)


def _section(controller, left: int) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(16)
    if left:
        box.addWidget(Text(ngettext("{n} thing on your to-do list.",
                                    "{n} things on your to-do list.", left).format(n=left)))
    button = BigButton(_("All my tasks"), description=_("Open your whole to-do list."))
    button.clicked.connect(lambda: controller.start("todo"))
    box.addWidget(ButtonRow(button))
    return holder
