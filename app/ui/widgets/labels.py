"""Text on a page: titles, headings, body text and framed cards, all word-wrapped.

Every label here is plain text: a payee, a task or a name that looks like HTML
(`<a href=…>`, `<img src=…>`, `&amp;`) is shown as typed, never as a link or an image.
A text longer than a page can show is cut (`clip`), so a 1 MB note costs no more to show
than a page of it; the whole text stays in the store and in the form that edits it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

SHOWN_CHARS = 6000  # above the store's longest text (a 5,000-character note): cut only junk
SHOWN_LINES = 150
ENTRY_CHARS = 300  # one entry of a list (Entries)
MORE = "\u2026"  # "…": where a text was cut


def restyle(widget: QWidget, name: str, value) -> None:
    """Give a widget a style-sheet property and apply it now (Qt reads properties only when
    it polishes a widget); nothing is done when the value is already set."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def clip(text: str, chars: int = SHOWN_CHARS, lines: int = SHOWN_LINES) -> str:
    """`text` cut to at most `chars` characters and `lines` lines, ending in "…" if cut."""
    if len(text) <= chars and text.count("\n") < lines:
        return text
    cut = text[:chars]
    if cut.count("\n") >= lines:
        cut = "\n".join(cut.split("\n", lines)[:lines])
    return cut.rstrip() + MORE


class Text(QLabel):
    """Body text: wraps, plain text only (no link, no image, no markup), cut when too long."""

    def __init__(self, text: str = "", role: str = "", parent: QWidget | None = None):
        text = clip(text)
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # before any text is set
        self.setOpenExternalLinks(False)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if role:
            self.setProperty("role", role)
        super().setText(text)
        self.setAccessibleName(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        text = clip(text)
        super().setText(text)
        self.setAccessibleName(text)


class Entries(Text):
    """Short entries (a date and its task) in one label, each on its own line after a bullet.

    The bullet shows where an entry that runs onto a second line begins. One plain-text label
    for many entries keeps a long page quick to lay out again after a text-size change (rich
    text with a hanging indent took twice as long); screen readers get the entries unbulleted."""

    def __init__(self, entries: Sequence[str], parent: QWidget | None = None):
        entries = [clip(entry, ENTRY_CHARS, 3) for entry in entries]
        super().__init__("\n".join(f"\u2022 {entry}" for entry in entries), "", parent)
        self.setAccessibleName(clip("\n".join(entries)))


class Title(Text):
    """A page title: focusable, so a page change can move focus (and the screen reader) here.

    The focus ring shows when the keyboard brought the focus (Tab, Shift+Tab); after a page
    turn the title takes the focus quietly, without a frame that looks like a text box.
    """

    _KEYBOARD = (
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
    )

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, "title", parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setIndent(0)  # lined up with the page's text, though the ring's room is framed

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._ring(event.reason() in self._KEYBOARD)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._ring(False)
        super().focusOutEvent(event)

    def take_focus_quietly(self) -> None:
        """After a page turn: the focus (and the screen reader) comes here, with no ring."""
        self._ring(False)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ring(self, shown: bool) -> None:
        restyle(self, "ring", shown)


class Heading(Text):
    """A section's heading, announced as a heading by screen readers."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, "heading", parent)


class Card(QFrame):
    """A framed block (a task, a message, a warning) with its own vertical layout."""

    def __init__(self, parent: QWidget | None = None, name: str = ""):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(16, 16, 16, 16)
        self.box.setSpacing(12)
        if name:
            self.setAccessibleName(name)
