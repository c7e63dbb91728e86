"""Every journey Sereno offers, in the order the home page shows them.

A journey is listed here only when its pages are finished: a page that is not ready is
not shown.
"""
from __future__ import annotations

from app.core.answers import Answers
from app.core.flow import Journey, Step
from app.i18n import N_

FIRST_RUN = Journey(
    key="first_run",
    title=N_("Settings"),
    summary=N_("Language, text size, colours and reading aloud."),
    module="app.ui.pages.first_run",
    pages=("language", "welcome", "text_size", "contrast", "read_aloud", "name", "country", "ready"),
)


SCAMS_ROUND = 3  # messages per round of "Spot the scam": short, so nobody is overwhelmed


def scams_steps(answers: Answers) -> list[Step]:
    """Spot the scam: an introduction, each message then its answer, and a summary."""
    steps = [Step("scams.intro")]
    for slot in range(1, SCAMS_ROUND + 1):
        steps += [Step("scams.example", str(slot)), Step("scams.answer", str(slot))]
    return steps + [Step("scams.result")]


SCAMS = Journey(
    key="scams",
    title=N_("Spot the scam"),
    summary=N_("Practise with three messages: genuine, or a scam?"),
    module="app.ui.pages.scams",
    steps_for=scams_steps,
)

CONTACTS = Journey(
    key="contacts",
    title=N_("Who to call"),
    summary=N_("The official organisations of your country, and someone you trust."),
    module="app.ui.pages.contacts",
    pages=("list", "trusted"),
)

JOURNEYS: list[Journey] = [
    FIRST_RUN,
    SCAMS,
    CONTACTS,
]
