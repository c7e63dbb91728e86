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


def activity_steps(answers: Answers) -> list[Step]:
    """Check account activity: an introduction, three pages per account, a summary."""
    steps = [Step("activity.intro")]
    for account in answers.accounts:
        steps += [Step(f"activity.{page}", str(account.id)) for page in ("open", "look", "result")]
    steps.append(Step("activity.summary"))
    return steps


ACTIVITY = Journey(
    key="activity",
    title=N_("Check account activity"),
    summary=N_("Look at each account for payments you do not recognise."),
    module="app.ui.pages.activity",
    steps_for=activity_steps,
    available=lambda answers: bool(answers.accounts),
)

JOURNEYS: list[Journey] = [
    FIRST_RUN,
    ACTIVITY,
]
