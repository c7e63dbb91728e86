"""Spot the scam as practice: the answers kept, how a round is picked, and the monthly nudge.

Plain data and rules (no store, no Qt), so the store maps these records to rows and the
practice can be walked through in tests without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.scams import Example
from app.core.tasks import Task, add_months
from app.i18n import N_

ANSWERS: tuple[str, ...] = ("genuine", "scam", "unsure")

# Finishing a round puts this monthly suggestion on the to-do list, or ticks it when due.
TASK_RULE = "scams.practice"
TASK_SOURCE = "scams"
TASK_TITLE = N_("Practise spotting scams: 3 messages")
TASK_WHY = N_("A few minutes of practice make a real scam easier to recognise.")
TASK_HOW = N_("On your home page, press “Spot the scam”.")


@dataclass(frozen=True)
class ScamAnswer:
    """One answer: which message, when, what the person said, and whether it was right."""

    example_id: str
    answered_on: dt.date
    answer: str
    correct: bool


@dataclass(frozen=True)
class RoundSlot:
    """One page of the current round: its number, its message, and the answer given there."""

    slot: int
    example_id: str
    answer: str = ""  # "" until the person answers on this page


def pick_round(examples: list[Example], latest: dict[str, ScamAnswer], size: int) -> list[str]:
    """The next messages to practise: new ones first, then missed ones, then the oldest.

    A round mixes genuine messages and scams whenever both are left, so the practice
    teaches judgement rather than suspicion of everything.
    """
    new = [e for e in examples if e.id not in latest]
    seen = sorted(
        (e for e in examples if e.id in latest),
        key=lambda e: (latest[e.id].correct, latest[e.id].answered_on),
    )
    ordered = new + seen
    chosen = ordered[:size]
    if len({e.genuine for e in chosen}) == 1:
        other = next((e for e in ordered[size:] if e.genuine != chosen[0].genuine), None)
        if other is not None and chosen:
            chosen[-1] = other
    position = {e.id: i for i, e in enumerate(examples)}
    return sorted((e.id for e in chosen), key=position.__getitem__)


def is_right(example: Example, answer: str) -> bool:
    return answer == ("genuine" if example.genuine else "scam")


def practice_task(today: dt.date) -> Task:
    """The monthly "practise 3 messages" suggestion, first due a month after a round."""
    return Task(
        title=TASK_TITLE,
        why=TASK_WHY,
        how=TASK_HOW,
        due=add_months(today, 1),
        repeat="monthly",
        rule=TASK_RULE,
        source=TASK_SOURCE,
    )
