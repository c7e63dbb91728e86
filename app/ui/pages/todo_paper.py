"""The to-do list and the rules to keep in mind, on paper; a task's date in words.

Paper is read on later days than it was printed: it says each date itself ("3 December
2026"), never "today" or "in 2 days".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app import i18n
from app.core import plan
from app.core.tasks import Task, arrange
from app.i18n import N_, _, due_in_words, format_date

if TYPE_CHECKING:  # printing waits for a printout
    from app.ui.printing import Printout

REPEAT_WORDS = {
    "weekly": N_("Comes back every week."),
    "monthly": N_("Comes back every month."),
    "yearly": N_("Comes back every year."),
}


def due_words(task: Task, today: dt.date) -> str:
    """On screen: "Due: tomorrow". Paper says the date itself (due_line)."""
    if task.done:
        return _("Done on {date}").format(date=format_date(task.done_on))
    if task.due is None:
        return _("No date")
    return _("Due: {when}").format(when=due_in_words(task.due, today))


def paper_date(day: dt.date) -> str:
    """A date written out in full; French writes the first of the month "1er"."""
    text = format_date(day)
    if day.day == 1 and i18n.babel_locale().startswith("fr") and text.startswith("1 "):
        text = "1er " + text[2:]
    return text


def due_line(task: Task, today: dt.date) -> str:
    """When, in words that stay true on any later day."""
    if task.done:
        return _("Done on {date}").format(date=paper_date(task.done_on))
    if task.due is None:
        return _("No date")
    return _("To do by {date}").format(date=paper_date(task.due))


def _task_lines(task: Task, today: dt.date) -> str:
    lines = [due_line(task, today)]
    if task.repeat:
        lines.append(_(REPEAT_WORDS[task.repeat]))
    if task.shown_how():
        lines.append(task.shown_how())
    if task.note:
        lines.append(_("Note: {note}").format(note=task.note))
    return "\n".join(lines)


def _rules(sheet: Printout, controller) -> None:
    rules = plan.reminders(controller.answers())
    if rules:
        sheet.heading(_("Rules to keep in mind"))
        for rule in rules:
            sheet.item(_(rule), tick=False)


def printout(controller) -> Printout:
    """The open tasks with their how-to and a box to tick by hand, then the rules."""
    from app.ui.printing import Printout

    today = controller.today()
    sheet = Printout(_("My to-do list"), controller.setting("first_name") or "", today)
    first, later = arrange(controller.tasks.open(), today)
    if not first and not later:
        sheet.paragraph(_("Nothing left to do. Well done."))
    for heading, tasks in ((_("To do first"), first), (_("Later"), later)):
        if tasks and first:
            sheet.heading(heading)
        for task in tasks:
            sheet.item(task.shown_title(), _task_lines(task, today))
    _rules(sheet, controller)
    sheet.blank_lines(3, _("My notes"))
    return sheet


def rules_printout(controller) -> Printout:
    """The rules to keep in mind alone: a sheet to keep beside the phone."""
    from app.ui.printing import Printout

    sheet = Printout(
        _("Rules to keep in mind"), controller.setting("first_name") or "", controller.today()
    )
    for rule in plan.reminders(controller.answers()):
        sheet.item(_(rule), tick=False)
    return sheet
