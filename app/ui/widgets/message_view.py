"""A practice message drawn like the real thing, with its clues marked when the answer is shown.

An SMS is a bubble under its sender, an email has its sender and subject above the text, a
phone call is a short dialogue. When `marked`, every clue fragment is highlighted, underlined,
bold and preceded by its number "[1]", so the marks do not rely on colour alone and match the
numbered list of clues under the message. All message text is escaped: only our own tags
reach the rich-text label.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.core.scams import SPEAKER_NAMES, SPOKEN_TURN, Example, locate_clues
from app.i18n import _
from app.ui import theme
from app.ui.widgets.labels import Card, Text

MARKER = "[{number}]"
STANDARD_COLOURS = (theme.STANDARD.highlight, theme.STANDARD.highlight_text)


def marked_html(text: str, spans: list[tuple[int, int, int]], colours: tuple[str, str]) -> str:
    """`text` escaped, with each (start, end, number) span highlighted and numbered."""
    background, foreground = colours
    out, position = [], 0
    for start, end, number in sorted(spans):
        if start < position:  # overlapping clues: the first one wins
            continue
        out.append(html.escape(text[position:start]))
        out.append(
            f'<span style="background-color:{background}; color:{foreground}; '
            f'font-weight:bold; text-decoration:underline;">'
            f"{html.escape(MARKER.format(number=number))}\u00a0"
            f"{html.escape(text[start:end])}</span>"
        )
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out).replace("\n", "<br>")


def marked_plain(text: str, spans: list[tuple[int, int, int]]) -> str:
    """The same text for screen readers and tests: "[1] " before each clue."""
    out, position = [], 0
    for start, end, number in sorted(spans):
        if start < position:
            continue
        out.append(text[position:start] + MARKER.format(number=number) + " " + text[start:end])
        position = end
    return "".join(out) + text[position:]


def clue_order(example: Example) -> list[int]:
    """Clue indices in reading order (sender, subject, then the text), so the numbers on
    the message run 1, 2, 3 from top to bottom; clues not found in the text come last."""
    rank = {"sender_name": 0, "sender": 1, "subject": 2, "body": 3, "line": 3}
    spans = sorted(locate_clues(example), key=lambda s: (rank[s.part], s.line, s.start))
    found = [s.clue for s in spans]
    return found + [i for i in range(len(example.clues)) if i not in found]


class RichLine(QLabel):
    """One part of the message (body, subject, a call turn) as wrapped rich text."""

    def __init__(self, rich: str, plain: str, role: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        if role:
            self.setProperty("role", role)
        self.setText(rich)
        self.plain = plain
        self.setAccessibleName(plain)


class MessageView(Card):
    """One example drawn as an SMS, an email or a call; `marked` shows its numbered clues."""

    def __init__(
        self,
        example: Example,
        marked: bool = False,
        colours: tuple[str, str] = STANDARD_COLOURS,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, name=example.shown("kind"))
        self.example = example
        self.colours = colours
        self.spans = locate_clues(example) if marked else []
        self.order = clue_order(example)
        self.lines: list[RichLine] = []
        self.box.addWidget(Text(example.shown("kind"), "muted"))
        if example.kind == "call":
            self._call()
        else:
            self._message()

    # Parts -------------------------------------------------------------------------------
    def _spans(self, part: str, line: int = -1) -> list[tuple[int, int, int]]:
        return [
            (s.start, s.end, self.order.index(s.clue) + 1)
            for s in self.spans
            if s.part == part and s.line == line
        ]

    def _rich(self, part: str, text: str, line: int = -1) -> tuple[str, str]:
        spans = self._spans(part, line)
        return marked_html(text, spans, self.colours), marked_plain(text, spans)

    def _add(
        self,
        rich: str,
        plain: str,
        role: str = "",
        box: QVBoxLayout | None = None,
    ) -> RichLine:
        label = RichLine(rich, plain, role)
        (box or self.box).addWidget(label)
        self.lines.append(label)
        return label

    def _sender(self) -> tuple[str, str]:
        """The sender as a phone or mail app shows it: the name, then the address."""
        e = self.example
        pieces_rich, pieces_plain = [], []
        if e.sender_name:
            rich, plain = self._rich("sender_name", e.shown("sender_name"))
            pieces_rich.append(f"<b>{rich}</b>")
            pieces_plain.append(plain)
        if e.sender:
            rich, plain = self._rich("sender", e.sender)
            if pieces_rich:
                rich, plain = f"&lt;{rich}&gt;", f"<{plain}>"
            pieces_rich.append(rich)
            pieces_plain.append(plain)
        template = _("From: {sender}")
        return (
            html.escape(template).format(sender=" ".join(pieces_rich)),
            template.format(sender=" ".join(pieces_plain)),
        )

    def _message(self) -> None:
        e = self.example
        self._add(*self._sender())
        if e.kind == "email":
            template = _("Subject: {subject}")
            rich, plain = self._rich("subject", e.shown("subject"))
            self._add(
                html.escape(template).format(subject=f"<b>{rich}</b>"),
                template.format(subject=plain),
            )
            rule = QFrame()
            rule.setFrameShape(QFrame.Shape.HLine)
            self.box.addWidget(rule)
            self._add(*self._rich("body", e.shown("body")))
        else:
            bubble = Card(name=_("Message"))
            bubble.setProperty("role", "card")
            self.box.addWidget(bubble)
            self._add(*self._rich("body", e.shown("body")), box=bubble.box)

    def _call(self) -> None:
        template = _(SPOKEN_TURN)
        for index, (who, text) in enumerate(self.example.shown_lines()):
            name = _(SPEAKER_NAMES[who])
            rich, plain = self._rich("line", text, index)
            label = self._add(
                html.escape(template).format(who=f"<b>{html.escape(name)}</b>", text=rich),
                template.format(who=name, text=plain),
            )
            if who == "you":
                label.setIndent(theme.GAP_PX * 3)

    def plain_text(self) -> str:
        """Everything the view shows, markers included, one part per line."""
        return "\n".join(label.plain for label in self.lines)
