"""The page header: the title, and "Step 2 of 5" in words beside it.

One line, not a title box over a progress bar: at large text sizes every row the header
takes is a row the question and its answers do not get.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from app.i18n import _
from app.ui import theme
from app.ui.widgets.labels import Text, Title


class StepHeader(QWidget):
    """The page's title with the step beside it ("Step 3 of 8"), on one line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        line = QHBoxLayout(self)
        # The title's own frame (room for its focus ring) brings its text to the page's 24 px.
        inset = 24 - theme.FOCUS_PX - 4
        line.setContentsMargins(inset, 4, 24, 0)
        line.setSpacing(24)
        self.title = Title()
        self.step_label = Text("", "muted")
        self.step_label.setWordWrap(False)
        line.addWidget(self.title, 1)
        line.addWidget(self.step_label, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)

    def show_page(self, title: str, index: int, total: int) -> None:
        """index is 0-based; total 0 hides the step (the home page)."""
        self.title.setText(title)
        visible = total > 1  # a one-page journey needs no "Step 1 of 1"
        self.step_label.setVisible(visible)
        if visible:
            self.step_label.setText(_("Step {n} of {total}").format(n=index + 1, total=total))
