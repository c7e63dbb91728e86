"""A call written down in the log, and what a call that felt like a scam puts on the list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.tasks import Task
from app.i18n import N_

DIRECTIONS: tuple[str, ...] = ("made", "received")
SOURCE = "calls"
REPORT_RULE = "calls.report."  # + the call's id: the plan reads it as "a scam call happened"

REPORT_TITLE = N_("Report the call from {organisation} that felt like a scam")
REPORT_WHY = N_("Reporting it protects you and others. Talking about it helps too.")
REPORT_HOW = {
    "MX": N_(
        "1. Tell {trusted} about this call.\n"
        "2. If you gave a code or card details, call your bank at once, on the number "
        "on your card.\n"
        "3. Report it to the Fiscalía or the Cyber Police of your state."
    ),
    "FR": N_(
        "1. Tell {trusted} about this call.\n"
        "2. If you gave a code or card details, call your bank at once, on the number "
        "on your card.\n"
        "3. Report it on 17cyber.gouv.fr, typed by hand, or at the police station."
    ),
    "OTHER": N_(
        "1. Tell {trusted} about this call.\n"
        "2. If you gave a code or card details, call your bank at once, on the "
        "number on your card.\n"
        "3. Report it to the police."
    ),
}
NOBODY = N_("someone you trust")
SOMEONE = N_("someone")


@dataclass(frozen=True)
class Call:
    """One call: who called whom, when, with whom, and what came of it."""

    direction: str
    at: dt.datetime
    organisation: str = ""
    person: str = ""
    reference: str = ""
    notes: str = ""
    felt_like_scam: bool = False
    task_id: int | None = None
    id: int | None = None


def report_task(call: Call, trusted: str, country: str, today: dt.date) -> Task:
    """The to-do to report a call that felt like a scam, naming the trusted person."""
    return Task(
        title=REPORT_TITLE,
        why=REPORT_WHY,
        how=REPORT_HOW.get(country, REPORT_HOW["OTHER"]),
        priority=1,
        due=today,
        rule=f"{REPORT_RULE}{call.id}",
        source=SOURCE,
        params={
            "organisation": call.organisation or {"text": SOMEONE},
            "trusted": trusted.strip() or {"text": NOBODY},
        },
    )
