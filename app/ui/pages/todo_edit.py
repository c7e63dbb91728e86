"""The form to add a task of one's own or change one: words, a note, a date, a repetition.

The date is three plain fields (day, month, year) read back in words as they are typed, so
nobody has to handle a calendar widget; an impossible date is refused with a plain message.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.dates import DateError, parse_date
from app.core.tasks import Task
from app.i18n import N_, _, format_date
from app.ui.widgets import BigButton, Card, ChoiceGroup, Heading, Text, TextField
from app.ui.widgets.buttons import buttons

NO_REPEAT = "none"
REPEAT_CHOICES: tuple[tuple[str, str], ...] = (
    (NO_REPEAT, N_("Only once")),
    ("weekly", N_("Every week")),
    ("monthly", N_("Every month")),
    ("yearly", N_("Every year")),
)


class _EnterSaves(QObject):
    """Enter in the task's title presses "Save this task" (the window takes Enter for Next)."""

    def __init__(self, edit, save) -> None:
        super().__init__(edit)
        self.save = save
        edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in keys:
            event.accept()  # the line edit gets the key, not the window's Enter shortcut
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in keys:
            self.save()
            return True
        return False


class TaskForm(QWidget):
    """The fields of one task; the page decides where the values go."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.heading = Heading()
        box.addWidget(self.heading)
        self.plan_title = Text(role="strong")
        box.addWidget(self.plan_title)
        self.title = TextField(_("What do you want to do?"), max_length=120)
        box.addWidget(self.title)

        self.note_label = Text(_("A note for yourself (optional)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(_("A note for yourself (optional)"))
        self.note_label.setBuddy(self.note)
        box.addWidget(self.note_label)
        box.addWidget(self.note)

        when = Card(name=_("Date (optional)"))
        when.box.addWidget(Text(_("Date (optional)")))
        row = QHBoxLayout()
        row.setSpacing(16)
        self.day = TextField(_("Day"), max_length=2)
        self.month = TextField(_("Month"), max_length=2)
        self.year = TextField(_("Year"), max_length=4)
        for field, stretch in ((self.day, 2), (self.month, 2), (self.year, 3)):
            row.addWidget(field, stretch)
            field.edit.textChanged.connect(self._show_date)
        row.addStretch(4)
        when.box.addLayout(row)
        when.box.addWidget(
            Text(
                _("For example: day 5, month 3, year 2027. Leave it empty if there is no date."),
                "muted",
            )
        )
        self.date_words = Text("", "status")
        self.date_words.hide()
        when.box.addWidget(self.date_words)
        box.addWidget(when)

        self.repeat_label = Text(_("Does it come back?"))
        box.addWidget(self.repeat_label)
        self.repeat = ChoiceGroup(exclusive=True, name=_("Does it come back?"))
        for value, label in REPEAT_CHOICES:
            self.repeat.add(value, _(label))
        box.addWidget(self.repeat)

        self.error = Text("", "error")
        self.error.hide()
        box.addWidget(self.error)
        self.save_button = BigButton(_("Save this task"), primary=True)
        self.cancel_button = BigButton(_("Go back without saving"))
        box.addWidget(buttons(self.save_button, self.cancel_button))
        _EnterSaves(self.title.edit, self.save_button.click)

    # Showing ---------------------------------------------------------------------------
    def show_for(self, task: Task | None) -> None:
        """Set which kind of task is edited: the plan's wording and repetition stay as they are."""
        own = task is None or task.is_own
        self.heading.setText(_("A task of my own") if task is None else _("Change this task"))
        self.plan_title.setText(task.shown_title() if task is not None and not own else "")
        self.plan_title.setVisible(not own)
        self.title.setVisible(own)
        self.repeat_label.setVisible(own)
        self.repeat.setVisible(own)
        self.show_error(None)

    def fill(self, task: Task | None) -> None:
        """Put a task's values in the fields (empty fields for a new task)."""
        self.title.set_value(task.title if task is not None and task.is_own else "")
        self.note.setPlainText(task.note if task is not None else "")
        due = task.due if task is not None else None
        self.day.set_value(str(due.day) if due else "")
        self.month.set_value(str(due.month) if due else "")
        self.year.set_value(str(due.year) if due else "")
        repeat = task.repeat if task is not None and task.repeat else NO_REPEAT
        self.repeat.set_value(repeat)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def _show_date(self, *_args) -> None:
        try:
            day = parse_date(self.day.value(), self.month.value(), self.year.value())
        except DateError:
            day = None
        self.date_words.setText(_("That is: {date}").format(date=format_date(day)) if day else "")
        self.date_words.setVisible(day is not None)

    # Reading ---------------------------------------------------------------------------
    def due(self) -> dt.date | None:
        return parse_date(self.day.value(), self.month.value(), self.year.value())

    def repeat_value(self) -> str:
        value = self.repeat.value()
        return "" if value in ("", NO_REPEAT) else value

    def problem(self, own: bool) -> str | None:
        """A plain sentence when the form cannot be saved as it is."""
        if own and not self.title.value().strip():
            return _("Please write what you want to do.")
        try:
            self.due()
        except DateError:
            return _(
                "This date does not exist. Please check the day, the month and the year "
                "(the year with 4 digits). Nothing was saved."
            )
        return None
