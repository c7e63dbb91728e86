"""The to-do list's block on the home page, apart from the list page so that home imports
only what it draws (start-up time, see bench/RESULTS.md)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _, ngettext
from app.ui.widgets import BigButton, ButtonRow, Text


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
