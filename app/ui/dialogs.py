"""Every question, message and file window Sereno opens, in one place, in plain text.

Pages call `dialogs.confirm(...)`, `dialogs.tell(...)`, `dialogs.choose_file(...)` and
`dialogs.save_file(...)` (through the module, so tests can put a fake in its place: the
`dialogs` fixture in tests/conftest.py). A message box shows its text as plain text always:
a task title, a profile name or a payee that looks like HTML (`<a href=…>`, `<img src=…>`,
`&amp;`) is shown as typed, never as a link, a button or an image. A text too long for a
window is cut (`clip`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.i18n import _
from app.ui.widgets.labels import clip

BOX_CHARS = 600  # a message box holds a few sentences, never a whole note
ICONS = {
    "information": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "critical": QMessageBox.Icon.Critical,
    "question": QMessageBox.Icon.Question,
}


def message_box(
    parent: QWidget | None, text: str, title: str = "", kind: str = "information"
) -> QMessageBox:
    """A message box with plain text only, not yet shown."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(clip(title, 120, 1) if title else _("Sereno"))
    box.setIcon(ICONS[kind])
    box.setText(clip(text, BOX_CHARS, 12))
    return box


def confirm(parent: QWidget | None, text: str, yes: str, no: str, title: str = "") -> bool:
    """Ask first, in plain words; True only when `yes` is pressed (the safe answer is the
    default, and Escape or closing the window means no)."""
    answer = choose(
        parent,
        text,
        [("yes", yes), ("no", no)],
        default="no",
        escape="no",
        destructive="yes",
        title=title,
    )
    return answer == "yes"


def choose(
    parent: QWidget | None,
    text: str,
    answers: Sequence[tuple[str, str]],
    default: str,
    escape: str,
    destructive: str = "",
    title: str = "",
) -> str:
    """One of several answers, given as (key, button text): the key of the button pressed,
    or `escape` when the window is closed."""
    box = message_box(parent, text, title, "question")
    buttons = {}
    for key, label in answers:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if key == escape
            else QMessageBox.ButtonRole.DestructiveRole
            if key == destructive
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons[key] = box.addButton(label, role)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), escape)


def tell(parent: QWidget | None, text: str, title: str = "", kind: str = "information") -> None:
    """A message with one OK button: `kind` is "information", "warning" or "critical"."""
    box = message_box(parent, text, title, kind)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def choose_file(parent: QWidget | None, title: str, folder: str | Path, filters: str) -> str:
    """A file to open (`filters` as Qt writes them, ";;" between); "" if the person closed
    the window."""
    path, _chosen = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return path or ""


def save_file(parent: QWidget | None, title: str, suggested: str | Path, filters: str) -> str:
    """Where to save a file, starting from `suggested`; "" if the person closed the window."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return path or ""
