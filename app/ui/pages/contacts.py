"""Where to turn: the official organisations of the person's country, and one trusted person.

Each organisation shows what it helps with, the address to type by hand, a phone number
only where the data file gives one (read aloud digit by digit on request), and where the
facts come from and when they were checked. The same warning opens the page every time.
The trusted person written down here appears on the home page and on every scam answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app import i18n
from app.core.contacts import (
    ALWAYS_ADVICE,
    TYPE_ADDRESS,
    WHY_FEW_NUMBERS,
    Contact,
    load_contacts,
)
from app.core.flow import Step  # noqa: F401 - callers reach it here
from app.i18n import N_, _
from app.ui.pages.home_contacts import trusted_section  # noqa: F401 - kept importable here
from app.ui.pages.registry import register
from app.ui.speech import say_or_explain
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text, TextField
from app.ui.widgets.more import content
from app.ui.widgets.page import clear_layout


class ContactsPage(PageBase):
    """The official organisations of the person's country, each with how to reach it."""

    title = N_("Where to turn")
    help = N_(
        "These organisations are real. Your bank comes first. Type an address yourself, or "
        "use a number you already have. Never use a number given in a message or by a caller."
    )

    def build(self, box: QVBoxLayout) -> None:
        warning = Card(name=_("Always"))
        warning.box.addWidget(Heading(_(ALWAYS_ADVICE)))
        warning.box.addWidget(Text(_(WHY_FEW_NUMBERS), "muted"))
        box.addWidget(warning)
        self.area = QVBoxLayout()
        self.area.setSpacing(16)
        box.addLayout(self.area)
        self.cards: dict[str, Card] = {}

    def load(self) -> None:
        clear_layout(self.area)
        self.cards = {}
        for contact in load_contacts(self.controller.setting("country")):
            card = self._card(contact)
            self.cards[contact.id] = card
            self.area.addWidget(card)

    def _card(self, contact: Contact) -> Card:
        card = Card(name=contact.shown("organisation"))
        card.box.addWidget(Heading(contact.shown("organisation")))
        card.box.addWidget(Text(contact.shown("helps_with")))
        if contact.address:
            # The address alone on its line, so it never breaks at a dash.
            lead, found, rest = _(TYPE_ADDRESS).partition("{address}")
            if found and not rest.strip():
                card.box.addWidget(Text(lead.strip()))
                card.box.addWidget(Text(contact.address, "heading"))
            else:
                card.box.addWidget(Text(contact.shown_address(), "heading"))
        if contact.phone:
            card.box.addWidget(
                Text(_("Phone: {number}").format(number=contact.shown_phone()), "heading")
            )
            if contact.phone_note:
                card.box.addWidget(Text(contact.shown("phone_note")))
            button = BigButton(
                _("Read the number aloud"), description=contact.shown("organisation")
            )
            button.clicked.connect(lambda _c=False, c=contact: self.say_number(c))
            card.box.addWidget(ButtonRow(button))
        if contact.how_to_reach:
            card.box.addWidget(Text(contact.shown("how_to_reach")))
        # The source stays in the data file for whoever corrects it; the person sees the date.
        card.box.addWidget(Text(contact.shown_checked(), "muted"))
        return content(card)  # the list the person came for, not explanation

    def say_number(self, contact: Contact) -> None:
        spoken = "{name}. {number}".format(
            name=contact.shown("organisation"), number=contact.phone_for_speech(i18n.language())
        )
        say_or_explain(self, spoken)


class TrustedPage(PageBase):
    """Someone the person trusts, named on every scam answer as the one to call."""

    title = N_("Someone you trust")
    body = N_(
        "Write down one person you can call when a message or a call worries you: "
        "a name and a phone number. Sereno shows it on your home page and after each "
        "practice message."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.person = TextField(
            _("Name and phone number"),
            max_length=120,
            hint=_("For example: Ana, my daughter — 55 0000 1234"),
        )
        self.person.edit.textChanged.connect(lambda _text: self.save())
        box.addWidget(self.person)
        box.addWidget(
            Text(_("A helper can fill this in with you. Leave it empty if you prefer."), "muted")
        )

    def load(self) -> None:
        self._loading = True
        self.person.set_value(self.controller.setting("trusted_person"))
        self._loading = False

    def save(self) -> None:
        if not self._loading:
            self.controller.set_setting("trusted_person", self.person.value().strip())

    def next_text(self) -> str:
        return _("Finish")


PAGES = register(
    "contacts",
    {
        "list": ContactsPage,
        "trusted": TrustedPage,
    },
)
