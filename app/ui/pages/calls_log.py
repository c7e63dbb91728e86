"""My calls: the log of calls made and received, its form, and its folder sheet.

Like the to-do list, one page holds the list and, in place of it, the form: "I made a
call" or "Someone called me", the date and time (now unless changed), the organisation,
the name and reference given, what was said, and "it felt like a scam" (which puts a
to-do on the list to report it, naming the trusted person). A call can be about a task of
the list: saving it ticks that task. What is typed is kept as a draft.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.calls import Call
from app.core.dates import DateError, parse_date
from app.core.tasks import Task
from app.i18n import N_, _, format_date, format_time
from app.ui import dialogs
from app.ui.printing import Printout, print_paper, save_pdf
from app.ui.widgets import BigButton, Card, ChoiceGroup, Heading, Text, TextField
from app.ui.widgets.buttons import button_flow, buttons, undo_card
from app.ui.widgets.list_form import ListFormPage
from app.ui.widgets.more import content

NO_TASK = "none"
MAX_TASK_CHOICES = 6  # the first open tasks of the list: enough to choose from, short to read


def when_line(call: Call) -> str:
    return _("{date} at {time}").format(date=format_date(call.at.date()), time=format_time(call.at))


def headline(call: Call) -> str:
    """Who called whom; a call that felt like a scam says so here, so its card is a line
    shorter and the newest call shows whole at the largest text."""
    who = call.organisation or _("someone")
    if call.felt_like_scam:
        if call.direction == "made":
            return _("Suspicious call to: {organisation}").format(organisation=who)
        return _("Suspicious call from: {organisation}").format(organisation=who)
    if call.direction == "made":
        return _("My call to: {organisation}").format(organisation=who)
    return _("A call from: {organisation}").format(organisation=who)


def details(call: Call, task_title: str = "") -> list[str]:
    lines = []
    if call.person:
        lines.append(_("Spoke with: {name}").format(name=call.person))
    if call.reference:
        lines.append(_("Reference: {reference}").format(reference=call.reference))
    if call.notes:
        lines.append(_("What was said: {notes}").format(notes=call.notes))
    if task_title:
        lines.append(_("About: {task}").format(task=task_title))
    return lines


def _task_title(controller, task_id: int | None) -> str:
    if task_id is None:
        return ""
    task = controller.tasks.get(task_id)
    return task.shown_title() if task else ""


def printout(controller) -> Printout:
    """The call log as a sheet for the folder: every call, newest first, and blank lines."""
    sheet = Printout(_("My calls"), controller.setting("first_name") or "", controller.today())
    calls = controller.calls.all()
    if not calls:
        sheet.paragraph(_("No call written down yet."))
    for call in calls:
        lines = [when_line(call), *details(call, _task_title(controller, call.task_id))]
        sheet.item(headline(call), "\n".join(lines), tick=False)
    sheet.blank_lines(4, _("Calls to write down by hand"))
    return sheet


def show_now(layout) -> None:
    """Show what was just added to a layout at once (Qt would wait for the event loop),
    so reading aloud and the keyboard find it straight away."""
    for i in range(layout.count()):
        widget = layout.itemAt(i).widget()
        if widget is not None:
            widget.show()


def reset_choices(group: ChoiceGroup, items: list[tuple[str, str, str]]) -> None:
    """Replace a choice group's rows (value, title, explanation), keeping the chosen value."""
    if group.items == items:
        return  # the same rows: nothing to rebuild
    chosen = group.values()
    for row in group.rows:
        row.hide()
        group.box.removeWidget(row)
        row.deleteLater()
    group.rows, group.items = [], []
    group.add_all(items)
    group.set_values(chosen)
    show_now(group.box)


class CallForm(QWidget):
    """The fields of one call; the page decides where the values go."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(16)
        self.heading = Heading()
        box.addWidget(self.heading)
        when = Card(name=_("When"))
        when.box.addWidget(Text(_("When")))
        row = QHBoxLayout()
        row.setSpacing(16)
        self.day = TextField(_("Day"), max_length=2)
        self.month = TextField(_("Month"), max_length=2)
        self.year = TextField(_("Year"), max_length=4)
        self.hour = TextField(_("Hour"), max_length=2)
        self.minute = TextField(_("Minutes"), max_length=2)
        for field, stretch in (
            (self.day, 2),
            (self.month, 2),
            (self.year, 3),
            (self.hour, 2),
            (self.minute, 2),
        ):
            row.addWidget(field, stretch)
            field.edit.textChanged.connect(self._show_when)
        row.addStretch(1)
        when.box.addLayout(row)
        self.when_words = Text("", "status")
        when.box.addWidget(self.when_words)
        box.addWidget(when)
        self.organisation = TextField(
            _("Organisation"), max_length=120, hint=_("For example: my bank")
        )
        self.person = TextField(_("Name of the person, if given (optional)"), max_length=120)
        self.reference = TextField(_("Reference number (optional)"), max_length=60)
        for field in (self.organisation, self.person, self.reference):
            box.addWidget(field)
        self.notes_label = Text(_("What was said or agreed (optional)"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setAccessibleName(_("What was said or agreed (optional)"))
        self.notes_label.setBuddy(self.notes)
        box.addWidget(self.notes_label)
        box.addWidget(self.notes)
        self.scam = ChoiceGroup(exclusive=False, name=_("It felt like a scam"))
        self.scam.add("scam", _("It felt like a scam"), _("Sereno adds a to-do to report it."))
        box.addWidget(self.scam)
        self.task_label = Text(_("This call was about (optional):"))
        box.addWidget(self.task_label)
        box.addWidget(
            Text(_("If you choose a task, saving the call ticks it on your list."), "muted")
        )
        self.task = ChoiceGroup(exclusive=True, name=_("This call was about (optional):"))
        box.addWidget(self.task)
        self.error = Text("", "error")
        self.error.hide()
        box.addWidget(self.error)
        self.save_button = BigButton(_("Save this call"), primary=True)
        self.cancel_button = BigButton(_("Go back without saving"))
        box.addWidget(buttons(self.save_button, self.cancel_button))

    def set_tasks(self, tasks: list[Task]) -> None:
        """The choices for "This call was about": nothing, or one of these open tasks."""
        reset_choices(
            self.task,
            [(NO_TASK, _("Nothing on my list"), "")]
            + [(str(t.id), t.shown_title(), "") for t in tasks],
        )

    def fill(self, call: Call | None, now: dt.datetime) -> None:
        at = call.at if call else now
        for field, value in (
            (self.day, at.day),
            (self.month, at.month),
            (self.year, at.year),
            (self.hour, at.hour),
            (self.minute, f"{at.minute:02d}"),
        ):
            field.set_value(str(value))
        self.organisation.set_value(call.organisation if call else "")
        self.person.set_value(call.person if call else "")
        self.reference.set_value(call.reference if call else "")
        self.notes.setPlainText(call.notes if call else "")
        self.scam.set_values(["scam"] if call and call.felt_like_scam else [])
        task_id = call.task_id if call else None
        self.task.set_value(str(task_id) if task_id else NO_TASK)
        self.show_error(None)
        self._show_when()

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def at(self) -> dt.datetime:
        """The date and time typed; DateError when they are not real."""
        day = parse_date(self.day.value(), self.month.value(), self.year.value())
        hour, minute = self.hour.value().strip(), self.minute.value().strip()
        if day is None or not hour.isdigit() or not minute.isdigit():
            raise DateError((hour, minute))
        if not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59):
            raise DateError((hour, minute))
        return dt.datetime.combine(day, dt.time(int(hour), int(minute)))

    def _show_when(self, *_args) -> None:
        try:
            at = self.at()
        except DateError:
            self.when_words.setText("")
            self.when_words.hide()
            return
        self.when_words.setText(
            _("That is: {when}").format(
                when=_("{date} at {time}").format(date=format_date(at.date()), time=format_time(at))
            )
        )
        self.when_words.show()

    def task_id(self) -> int | None:
        value = self.task.value()
        return int(value) if value.isdigit() else None


class LogPage(ListFormPage):
    """The call log, or the form to write down one call."""

    title = N_("My calls")
    help = N_(
        "Write down each call about your accounts: when, with whom, and what was "
        "agreed. If a call felt like a scam, say so: Sereno adds a to-do to report it."
    )
    unsaved = N_("Please press “Save this call” first, or “Go back without saving”.")
    new_keys = ("made", "received")
    kept = (
        "day",
        "month",
        "year",
        "hour",
        "minute",
        "organisation",
        "person",
        "reference",
        "notes",
        "scam",
        "task",
    )

    def build_list(self, lst: QVBoxLayout) -> None:
        self.undo_call: Call | None = None
        # Two equal ways in, neither filled: Next stays the page's one main button.
        self.made_button = BigButton(_("I made a call"))
        self.made_button.clicked.connect(lambda: self.open_form("made"))
        self.received_button = BigButton(_("Someone called me"))
        self.received_button.clicked.connect(lambda: self.open_form("received"))
        lst.addWidget(buttons(self.made_button, self.received_button))
        self.add_cards(lst)
        content(self.count_label)
        lst.addWidget(Heading(_("A copy on paper")))
        self.print_button = BigButton(_("Print my calls"))
        self.print_button.clicked.connect(self.print_log)
        self.pdf_button = BigButton(
            _("Save as PDF"), description=_("Save the list of calls as a file.")
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        lst.addWidget(buttons(self.print_button, self.pdf_button))

    def make_form(self) -> CallForm:
        return CallForm()

    # Model ----------------------------------------------------------------------------
    def item(self, key: str) -> Call | None:
        return self.controller.calls.get(int(key)) if key.isdigit() else None

    def update_form(self) -> None:
        """The open tasks to choose from, and the one the call is about even if done."""
        tasks = self.controller.tasks.open()[:MAX_TASK_CHOICES]
        call = self.item(self.editing)
        if call and call.task_id and call.task_id not in {t.id for t in tasks}:
            attached = self.controller.tasks.get(call.task_id)
            tasks += [attached] if attached else []
        self.form.set_tasks(tasks)

    def now(self) -> dt.datetime:
        """Now, on the controller's day (the day the app believes it is)."""
        clock = dt.datetime.now()
        return dt.datetime.combine(self.controller.today(), clock.time()).replace(
            second=0, microsecond=0
        )

    # The form ---------------------------------------------------------------------------
    def fill_form(self, key: str) -> None:
        self.form.fill(self.item(key), self.now())

    def focus_form(self, key: str) -> None:
        self.form.organisation.setFocus()

    def show_form(self, key: str) -> None:
        call = self.item(key)
        direction = call.direction if call else key
        self.form.heading.setText(
            _("I made a call") if direction == "made" else _("Someone called me")
        )

    def save_form(self) -> None:
        try:
            at = self.form.at()
        except DateError:
            message = _(
                "This date or time does not exist. Please check the day, the month, "
                "the year (4 digits), the hour (0 to 23) and the minutes. "
                "Nothing was saved."
            )
            self.form.show_error(message)
            self.controller.announce.emit(message)
            return
        before = self.item(self.editing)
        call = Call(
            direction=before.direction if before else self.editing,
            at=at,
            organisation=self.form.organisation.value(),
            person=self.form.person.value(),
            reference=self.form.reference.value(),
            notes=self.form.notes.toPlainText(),
            felt_like_scam="scam" in self.form.scam.values(),
            task_id=self.form.task_id(),
            id=before.id if before else None,
        )
        calls = self.controller.calls
        done = self.close_form(
            save=lambda draft: (calls.edit if before else calls.log)(call, draft=draft)
        )
        messages = [_("Your call is written down.")]
        if done.ticked is not None:
            messages.append(
                _("“{task}” is ticked on your list.").format(task=done.ticked.shown_title())
            )
        if done.reported:
            messages.append(_("A to-do to report it is on your list."))
        self.controller.announce.emit(" ".join(messages))

    # The list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the log; a call's card is made again only when what it shows has changed."""
        calls = self.controller.calls.all()
        # Newest first, as the dates show: no line for it, so the newest call shows whole.
        self.count_label.setText(_("No call written down yet."))
        self.count_label.setVisible(not calls)
        self.undo_button = None
        entries: list[tuple] = [] if self.undo_call is None else [(None, self._undo_card)]
        for call in calls:
            task = _task_title(self.controller, call.task_id)
            entries.append(((repr(call), task), lambda c=call: self._card(c)))
        self.cards_kept.fill(entries)

    def _undo_card(self) -> Card:
        card, self.undo_button = undo_card(
            _("The call was deleted."), _("Put the call back."), self.undo_delete
        )
        return card

    def _card(self, call: Call) -> Card:
        title = headline(call)
        card = Card(name=title)
        head = Text(title, "strong")
        card.box.addWidget(head)
        card.box.addWidget(Text(when_line(call), "muted"))
        for line in details(call, _task_title(self.controller, call.task_id)):
            card.box.addWidget(Text(line))
        edit = BigButton(_("Edit"), description=_("Change this call: {call}").format(call=title))
        edit.setAccessibleName(f"{_('Edit')}: {title}, {when_line(call)}")
        edit.clicked.connect(lambda _c=False, i=call.id: self.open_form(str(i)))
        delete = BigButton(
            _("Delete"), description=_("Delete this call: {call}").format(call=title)
        )
        delete.setAccessibleName(f"{_('Delete')}: {title}, {when_line(call)}")
        delete.clicked.connect(lambda _c=False, i=call.id: self.delete(i))
        card.box.addLayout(button_flow(edit, delete))
        return content(card)  # the person's own call, not explanation

    def delete(self, call_id: int) -> None:
        if not dialogs.confirm(
            self,
            _("Delete this call from your list? You can undo it just after."),
            _("Yes, delete it"),
            _("No, keep it"),
            title=_("Delete a call"),
        ):
            return
        self.undo_call = self.controller.calls.delete(call_id)
        self.refresh()
        self.controller.announce.emit(_("The call was deleted."))
        self.focus_undo()

    def undo_delete(self) -> None:
        if self.undo_call is not None:
            self.controller.calls.restore(self.undo_call)
        self.undo_call = None
        self.refresh()
        self.controller.announce.emit(_("The call is back."))

    # Paper ------------------------------------------------------------------------------
    def print_log(self) -> None:
        print_paper(self, printout(self.controller), _("Your calls are printing."))

    def save_pdf(self) -> None:
        save_pdf(self, printout(self.controller), _("my-calls"))
