"""The to-do list's blocks on the home page, apart from the list page so that home imports
only what it draws (start-up time, see bench/RESULTS.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core import emergency
from app.core.tasks import Task, arrange
from app.i18n import _, ngettext
from app.ui.home_sections import register_section
from app.ui.widgets import BigButton, ButtonRow, Heading, Text
from app.ui.widgets.more import content
from app.ui.widgets.wrapping import WrapButton, make_compact

OPENED_KEY = "opened"  # the to-do list's draft: the ids of the opened cards
LIST_KEY = "todo.list"


def section_heading(text: str) -> Heading:
    """A heading for screen readers (level 2), drawn in bold at the body size the person
    chose: on home the room goes to what can be pressed, never to big headings."""
    heading = Heading(text)
    heading.setProperty("role", "strong")
    return heading


def open_on_list(controller, task_id: int) -> None:
    """Show the to-do list with this task's card opened (home's task rows use it)."""
    draft = dict(controller.drafts.get(LIST_KEY))
    draft[OPENED_KEY] = sorted({*draft.get(OPENED_KEY, []), task_id})
    draft["editing"] = ""
    controller.drafts.save(LIST_KEY, draft)
    controller.start("todo")


def emergency_button(controller) -> QWidget:
    """ "I already gave something away": on home always, at the top."""
    from app.ui.pages.emergency import ENTRY, ENTRY_WHY, start

    button = BigButton(_(ENTRY), description=_(ENTRY_WHY))
    make_compact(button)
    button.clicked.connect(lambda: start(controller))
    return ButtonRow(button)


def for_today(controller) -> tuple[list[Task], bool]:
    """The same (at most three) tasks as the list's "For today", and whether steps of "I
    already gave something away" are open (home then says they come first)."""
    open_tasks = controller.tasks.open()
    first, _later = arrange(open_tasks, controller.today())
    return first, emergency.is_open(open_tasks)


def today_column(controller, first: list[Task], urgent: bool) -> QWidget:
    """ "What to do today": a heading and one compact row per task; a row opens its card on
    the list (why, how, Done). While the emergency steps are open, the heading says so."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(12)  # the least gap between two targets (tests/ui/audit.py)
    if urgent:
        box.addWidget(
            section_heading(_("First, the steps to protect your money. They are for today."))
        )
    else:
        box.addWidget(section_heading(_("What to do today")))
    if not first:
        box.addWidget(Text(_("Nothing is due today.")))
    for index, task in enumerate(first):
        title = task.shown_title()
        # One line each; the steps that protect the person's money are whole (two lines),
        # and the first of them is home's main (filled) button.
        row = WrapButton(
            title,
            primary=urgent and index == 0,
            lines=2 if urgent else 1,
            compact=True,
            description=_("Why it matters, how to do it, and how to change it: {task}").format(
                task=title
            ),
        )
        row.setObjectName("task")
        row.clicked.connect(lambda _c=False, t=task.id: open_on_list(controller, t))
        box.addWidget(row)
    box.addStretch(1)
    return holder


def home_section(controller) -> tuple[tuple, Callable[[], QWidget]]:
    """After the journeys: how many things are left, and the way to the whole list."""
    left = len(controller.tasks.open())
    return ("todo", left), lambda: _section(controller, left)


def _section(controller, left: int) -> QWidget:
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(16)
    if left:
        box.addWidget(
            content(
                Text(
                    ngettext(
                        "{n} thing on your to-do list.", "{n} things on your to-do list.", left
                    ).format(n=left)
                )
            )
        )
    button = BigButton(_("All my tasks"), description=_("Open your whole to-do list."))
    button.clicked.connect(lambda: controller.start("todo"))
    box.addWidget(ButtonRow(button))
    return holder


register_section(home_section, order=10)
