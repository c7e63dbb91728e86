"""The page header: the title, "Step 2 of 5" in words, and the same as a bar."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from app.i18n import _
from app.ui.widgets.labels import Text, Title


class StepHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 8, 24, 8)
        box.setSpacing(8)
        self.title = Title()
        line = QHBoxLayout()
        line.setSpacing(16)
        self.step_label = Text("", "muted")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        line.addWidget(self.step_label, 0)
        line.addWidget(self.bar, 1)
        box.addWidget(self.title)
        box.addLayout(line)

    def show_page(self, title: str, index: int, total: int) -> None:
        """index is 0-based; total 0 hides the step line (the home page)."""
        self.title.setText(title)
        visible = total > 1  # a one-page journey needs no "Step 1 of 1"
        self.step_label.setVisible(visible)
        self.bar.setVisible(visible)
        if visible:
            text = _("Step {n} of {total}").format(n=index + 1, total=total)
            self.step_label.setText(text)
            # QProgressBar.setValue repaints at once; with updates off it waits for the
            # window's one paint of the new page instead.
            self.bar.setUpdatesEnabled(False)
            self.bar.setRange(0, total)
            self.bar.setValue(index + 1)
            self.bar.setUpdatesEnabled(True)
            self.bar.setAccessibleName(text)
