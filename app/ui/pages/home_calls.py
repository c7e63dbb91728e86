"""The calls journey's card on the home page, apart from the calls pages (call scripts,
calendar export, the call log, printing) so that home imports only what it draws
(start-up time, see bench/RESULTS.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.core.flow import Step
from app.core.known_facts import CARD_INTRO, CARD_RULE, CARD_TITLE, known_facts
from app.i18n import _
from app.ui.home_sections import register_section
from app.ui.pages.home_todo import section_heading
from app.ui.widgets import BigButton, Card, Text
from app.ui.widgets.buttons import button_flow
from app.ui.widgets.more import content


def home_section(controller) -> tuple[tuple, Callable[[], QWidget]] | None:
    """After "What happened?": the card's facts and the rule, and the way to the calls."""
    answers = controller.answers()
    facts = known_facts(answers)
    if not answers.exposed or not facts:
        return None
    lines = tuple(f"• {f.shown()}" for f in facts)
    return ("calls", lines), lambda: _card(controller, lines)


def _card(controller, lines: tuple[str, ...]) -> QWidget:
    card = Card(name=_(CARD_TITLE))
    card.box.addWidget(section_heading(_(CARD_TITLE)))
    card.box.addWidget(Text(_(CARD_INTRO)))
    card.box.addWidget(content(Text("\n".join(lines))))  # what the leak holds about them
    card.box.addWidget(Text(_(CARD_RULE), "status"))
    see = BigButton(_("See and print the card"), description=_(CARD_TITLE))
    see.clicked.connect(lambda: _open(controller, "calls.card"))
    log = BigButton(_("My calls"), description=_("Write down a call you made or received."))
    log.clicked.connect(lambda: _open(controller, "calls.log"))
    card.box.addLayout(button_flow(see, log))
    return card


def _open(controller, page: str) -> None:
    controller.start("calls")
    controller.go_to(Step(page))


register_section(home_section, order=30)
