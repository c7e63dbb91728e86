""" "Tell me more": a page shows the first part of its explanation, the rest on request.

A page keeps at most 60 words of explanation in sight (issue #19); what it needs to be
answered stays in sight, and the rest waits behind a plain button. The button keeps the
focus when pressed and is renamed "Show less"; the text it reveals is then part of the
page's read-aloud text, and is read at once when the person asked for pages to be read.

`content()` marks what a page shows from the person's own data (their tasks, calls,
contacts, answers): it is what they came to see, not explanation, and it is not counted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.ui import theme
from app.ui.widgets.buttons import BigButton, ButtonRow
from app.ui.widgets.labels import Text

WORDS = "words"  # the property `content()` sets
CONTENT = "content"


def content(widget: QWidget) -> QWidget:
    """Mark `widget` (and all inside it) as the person's own content, not explanation."""
    widget.setProperty(WORDS, CONTENT)
    return widget


class TellMeMore(QWidget):
    """A "Tell me more" button and, below it, the rest of an explanation, hidden at first.

    `rest` holds texts (shown as body text) or widgets; `about` names what the button
    tells more about, for screen readers ("Tell me more: what to look for").
    """

    def __init__(
        self, rest: Sequence[str | QWidget], about: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.about = about
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.GAP_PX)
        self.button = BigButton(_("Tell me more"))
        self.button.clicked.connect(self.toggle)
        box.addWidget(ButtonRow(self.button))
        self.rest = QWidget()
        self.rest.setObjectName("buttons")  # transparent: a card's colour shows through
        rest_box = QVBoxLayout(self.rest)
        rest_box.setContentsMargins(0, 0, 0, 0)
        rest_box.setSpacing(theme.GAP_PX)
        for part in rest:
            rest_box.addWidget(Text(part) if isinstance(part, str) else part)
        box.addWidget(self.rest)
        self.rest.hide()
        self._name()

    def shown(self) -> bool:
        return not self.rest.isHidden()

    def toggle(self) -> None:
        """Show the rest (or hide it again); the focus stays on the button."""
        self.rest.setVisible(not self.shown())
        self._name()
        if self.shown():
            self._read_if_asked()

    def revealed_text(self) -> str:
        return "\n".join(
            label.accessibleName()
            for label in self.rest.findChildren(Text)
            if label.accessibleName()
        )

    def _name(self) -> None:
        self.button.setText(_("Show less") if self.shown() else _("Tell me more"))
        if self.about:
            self.button.setAccessibleName(f"{self.button.text()}: {self.about}")

    def _read_if_asked(self) -> None:
        """A person who has each page read to them hears what the button just revealed."""
        page = self.parentWidget()
        while page is not None and not hasattr(page, "controller"):
            page = page.parentWidget()
        speaker = getattr(self.window(), "speaker", None)
        if page is not None and speaker is not None and page.controller.setting("read_aloud"):
            speaker.say(self.revealed_text())
