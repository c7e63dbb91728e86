"""A big button whose words wrap onto more lines, or end in "…", instead of widening the page.

A QPushButton draws its text on one line: at 175 % a long label ("Continue where I stopped:
Change passwords, step 3 of 16") is wider than the window and gets cut at the edge. This
one breaks its text at spaces to the width it is given; with `lines=1` it keeps one line
and ends it in "…" (a compact row of a list: the whole text is read out and shown on opening).
A `compact` button (the theme's `compact` rule) has no padding above and below its text:
rows of a list at 175 % take the height of their text (and still at least the least button
height).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

from app.ui.widgets.buttons import BigButton


def make_compact(button: QPushButton) -> None:
    """No padding above and below the text (the theme's `compact` rule): the button is
    as tall as its text, and never lower than the theme's least button height."""
    button.setProperty("compact", True)


class WrapButton(BigButton):
    """A BigButton laid out by width: as many lines as its words need (at most `lines`)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        primary: bool = False,
        description: str = "",
        lines: int = 0,
        compact: bool = False,
    ):
        self._full = ""
        self._most = lines  # 0: no limit
        self._shown_for = -1
        super().__init__(text, parent, primary, description)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        if compact:
            make_compact(self)

    def full_text(self) -> str:
        """The words as given, before any line break or "…"."""
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._full = text
        self.setAccessibleName(text)
        self._shown_for = -1
        self._show(self.width() if self.width() > 0 else self.sizeHint().width())
        self.updateGeometry()

    # Layout ----------------------------------------------------------------------------
    def _chrome(self, inner: QSize) -> QSize:
        """The size of the button around text of size `inner` (padding, border, style)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, inner, self)

    def _room(self, width: int) -> int:
        probe = self.fontMetrics().horizontalAdvance("M" * 20)  # above any least width
        return max(1, width - (self._chrome(QSize(probe, 0)).width() - probe))

    def _lines(self, width: int) -> list[str]:
        """The text broken at spaces to fit `width`, in lines of even length; the last
        line ends in "…" if cut."""
        room = self._room(width)
        lines = self._broken(room)
        if len(lines) > 1 and not self._most:
            # As few lines, as even as they can be: "Continue where I / stopped: ..."
            # rather than a long line over a last word alone.
            low, high = 1, room
            while low < high:
                middle = (low + high) // 2
                if len(self._broken(middle)) <= len(lines):
                    high = middle
                else:
                    low = middle + 1
            lines = self._broken(high)
        if self._most and len(lines) > self._most:
            lines = lines[: self._most - 1] + [" ".join(lines[self._most - 1 :])]
        return [self._cut(line, room) for line in lines]

    def _cut(self, line: str, room: int) -> str:
        """The line as it is if it fits, else cut after a whole word, ending in "…"."""
        fm = self.fontMetrics()
        if fm.horizontalAdvance(line) <= room:
            return line
        words = line.split(" ")
        while len(words) > 1:
            words.pop()
            shown = " ".join(words).rstrip(",;:") + "…"
            if fm.horizontalAdvance(shown) <= room:
                return shown
        return fm.elidedText(line, Qt.TextElideMode.ElideRight, room)  # one long word

    def _broken(self, room: int) -> list[str]:
        """Words put on a line while it stays within `room` (a longer word has its own)."""
        fm = self.fontMetrics()
        lines: list[str] = []
        for paragraph in self._full.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                trial = f"{line} {word}" if line else word
                if line and fm.horizontalAdvance(trial) > room:
                    lines.append(line)
                    line = word
                else:
                    line = trial
            lines.append(line)
        return lines

    def _show(self, width: int) -> None:
        if width == self._shown_for:
            return
        self._shown_for = width
        # Shown as written: "&" is a character here, never Qt's shortcut mark.
        QPushButton.setText(self, "\n".join(self._lines(width)).replace("&", "&&"))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        count = len(self._lines(width))
        height = self._chrome(QSize(0, count * self.fontMetrics().lineSpacing())).height()
        return max(height, self.minimumHeight())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """As wide as the words on one line; the layout narrows it and asks the height."""
        fm = self.fontMetrics()
        one_line = max((fm.horizontalAdvance(p) for p in self._full.split("\n")), default=0)
        width = self._chrome(QSize(one_line, fm.lineSpacing())).width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        fm = self.fontMetrics()
        widest_word = max((fm.horizontalAdvance(w) for w in self._full.split()), default=0)
        least = self._chrome(
            QSize(min(widest_word, fm.horizontalAdvance("M" * 8)), fm.lineSpacing())
        )
        return QSize(least.width(), max(least.height(), self.minimumHeight()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._show(event.size().width())
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        """A new font (the text size changed) breaks the lines anew."""
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._shown_for = -1
            self._show(self.width())
            self.updateGeometry()
        super().changeEvent(event)
