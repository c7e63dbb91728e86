"""What they already know: the facts a criminal may hold, from the exposed kinds answered.

A caller who quotes true facts sounds official; the card made from this list tells the
person, in their country's words (CURP and NSS in Mexico, numéro de sécurité sociale in
France), that knowing these facts proves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.answers import EXPOSED_KINDS, Answers
from app.i18n import N_, _

CARD_TITLE = N_("What they already know")
CARD_INTRO = N_("A caller may already know:")
CARD_RULE = N_(
    "Someone who knows these has proved nothing. Sereno's rule: hang up. Then call the "
    "organisation yourself, on a number you already have."
)
CARD_UNSURE = N_("You were not sure what leaked, so this card counts the usual facts.")

# Per kind: the wording for Mexico, France and any other country (catalog ids).
_WORDS: dict[str, dict[str, str]] = {
    "name_address": {"": N_("your name and your address")},
    "birth_date": {"": N_("your date of birth")},
    "social_security": {
        "MX": N_("your NSS, your social security number"),
        "FR": N_("your social security number (the number on your carte Vitale)"),
        "": N_("your social security number"),
    },
    "curp": {"": N_("your CURP, your personal identity code")},
    "contact": {"": N_("your phone number and your email address")},
    "bank": {"": N_("your bank details")},
    "pension": {"": N_("the amount of your pension")},
    "health_rights": {
        "FR": N_("your health cover: your regular doctor, your top-up insurance, your full cover"),
        "": N_("your health cover"),
    },
}


@dataclass(frozen=True)
class Fact:
    """One fact a caller may know: its exposed kind and its catalog id."""

    kind: str
    text: str

    def shown(self) -> str:
        return _(self.text)


def _country(answers: Answers) -> str:
    return answers.country if answers.country in ("MX", "FR") else ""


def known_facts(answers: Answers) -> list[Fact]:
    """The facts for the exposed kinds ("I don't know" counts the usual ones), in a fixed order."""
    kinds = answers.effective_exposed()
    country = _country(answers)
    facts = []
    for kind in EXPOSED_KINDS:
        if kind in kinds and kind in _WORDS:
            words = _WORDS[kind]
            facts.append(Fact(kind, words.get(country, words[""])))
    return facts


def unsure(answers: Answers) -> bool:
    """True when the person answered "I don't know" about what leaked."""
    return "unknown" in answers.exposed


def card_lines(answers: Answers) -> list[str]:
    """The card as it is read aloud or printed: intro, one line per fact, the rule."""
    facts = known_facts(answers)
    if not facts:
        return []
    lines = [_(CARD_INTRO)] + [f"• {f.shown()}" for f in facts]
    if unsure(answers):
        lines.append(_(CARD_UNSURE))
    lines.append(_(CARD_RULE))
    return lines
