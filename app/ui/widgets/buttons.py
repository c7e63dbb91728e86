"""Big buttons: at least 56 px tall at 100 %, named for screen readers, never too close."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from app.i18n import _
from app.ui import theme
from app.ui.widgets.flow import FlowLayout
from app.ui.widgets.labels import Card, Text

# Marks a button that answers the page's question ("Yes, this is mine", "It is a scam"), as
# an answer row does: the page keeps it in sight at 175 % (tests/ui/touring.py).
ANSWER = "answer"


class BigButton(QPushButton):
    """A push button; `primary` draws it as the page's main action, `answer` marks it as
    one of the answers to the page's question."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        primary: bool = False,
        description: str = "",
        answer: bool = False,
    ):
        super().__init__(parent)
        self.setText(text)
        self.setAutoDefault(False)
        if primary:
            self.setProperty("role", "primary")
        if answer:
            self.setProperty(ANSWER, True)
        self.setAccessibleName(text)
        if description:  # for screen readers; no tool tip: nothing is shown only on hover
            self.setAccessibleDescription(description)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        """Shown as written: an "&" in a name ("Tom & Jerry") is a character, never Qt's
        keyboard-shortcut mark."""
        super().setText(text.replace("&", "&&"))
        self.setAccessibleName(text)


class ButtonRow(QWidget):
    """Buttons side by side with the minimum gap between targets."""

    def __init__(
        self, *buttons: QPushButton, parent: QWidget | None = None, stretch_end: bool = True
    ):
        super().__init__(parent)
        self.box = QHBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(theme.GAP_PX)
        for button in buttons:
            self.box.addWidget(button)
        if stretch_end:
            self.box.addStretch(1)

    def add(self, button: QPushButton) -> QPushButton:
        self.box.insertWidget(self.box.count() - 1 if self.box.count() else 0, button)
        return button


def button_flow(*items: BigButton) -> FlowLayout:
    """Buttons that wrap onto a second line when the text is large, as a layout to add.

    A card in a long list takes this rather than `buttons`: no holder widget to restyle
    when the text size or the language changes."""
    flow = FlowLayout(gap=theme.GAP_PX)
    flow.setContentsMargins(0, 0, 0, 0)
    for button in items:
        flow.addWidget(button)
    return flow


def buttons(*items: BigButton) -> QWidget:
    """Buttons that wrap onto a second line when the text is large, in a widget to hide."""
    holder = QWidget()
    holder.setObjectName("buttons")  # transparent in the stylesheet: the card's colour shows
    holder.setLayout(button_flow(*items))
    return holder


def undo_card(message: str, description: str, on_undo) -> tuple[Card, BigButton]:
    """Where something was just done or deleted: what happened, and its Undo button."""
    card = Card(name=message)
    card.box.addWidget(Text(message, "status"))
    button = BigButton(_("Undo"), primary=True, description=description)
    button.clicked.connect(on_undo)
    card.box.addWidget(ButtonRow(button))
    return card, button
