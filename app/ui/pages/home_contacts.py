"""The trusted person's card on the home page, apart from the contacts pages so that home
imports only what it draws (start-up time, see bench/RESULTS.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.core.flow import Step
from app.i18n import _
from app.ui.home_sections import register_section
from app.ui.pages.home_todo import section_heading
from app.ui.widgets import BigButton, ButtonRow, Card, Text


def trusted_section(controller) -> tuple[tuple, Callable[[], QWidget]] | None:
    """The home page's trusted-person card, when one is written down."""
    person = controller.setting("trusted_person").strip()
    if not person:
        return None
    return ("trusted", person), lambda: _card(controller, person)


def _card(controller, person: str) -> QWidget:
    card = Card(name=_("Someone you trust"))
    card.box.addWidget(section_heading(_("Someone you trust")))
    card.box.addWidget(Text(_("If a message or a call worries you, hang up and call:")))
    card.box.addWidget(Text(person, "strong"))
    change = BigButton(_("Change"), description=_("Change the person to call"))
    change.clicked.connect(lambda: open_trusted(controller))
    card.box.addWidget(ButtonRow(change))
    return card


def open_trusted(controller) -> None:
    """Open "Where to turn" on the page where the trusted person is written down."""
    controller.start("contacts")
    controller.go_to(Step("contacts.trusted"))


register_section(trusted_section, order=20)
