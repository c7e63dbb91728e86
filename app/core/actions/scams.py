"""Spot the scam as a person practises: the round to show, each answer, a new round.

Reading never starts a round: while none is kept, the pages show the round that would
be picked now, and the first answer keeps it. Answering the last message of a round
also puts the monthly suggestion on the to-do list (or ticks it when due), in the same
commit.
"""

from __future__ import annotations

from app.core.actions import Actions, action
from app.core.journeys import SCAMS_ROUND
from app.core.scam_practice import (
    TASK_RULE,
    RoundSlot,
    ScamAnswer,
    is_right,
    pick_round,
    practice_task,
)
from app.core.scams import Example, find_example, load_examples


class ScamActions(Actions):
    """The practice rounds of one person."""

    # Reads ------------------------------------------------------------------------------
    def examples(self) -> list[Example]:
        return load_examples(self.country())

    def seen(self) -> int:
        """How many of the person's practice messages they have answered at least once."""
        latest = self.store.scams.latest()
        return sum(1 for e in self.examples() if e.id in latest)

    def latest(self) -> dict[str, ScamAnswer]:
        return self.store.scams.latest()

    def round(self) -> list[RoundSlot]:
        """The round kept, or, when none is (or its messages are gone), the one to start."""
        kept = self._kept()
        if kept:
            return kept
        return [RoundSlot(n, example_id) for n, example_id in enumerate(self._pick(), 1)]

    def slot(self, number: int) -> tuple[RoundSlot, Example | None]:
        """One page's slot (1 to the round's size) and its message."""
        slots = self.round()
        chosen = slots[min(max(number, 1), len(slots)) - 1]
        return chosen, find_example(chosen.example_id)

    def round_done(self) -> bool:
        kept = self._kept()
        return bool(kept) and all(s.answer for s in kept)

    def reminder_on_list(self) -> bool:
        """The monthly suggestion is on the to-do list (not removed by the person)."""
        task = self.store.tasks.by_rule(TASK_RULE)
        return task is not None and self.store.tasks.get(task.id) is not None

    def _kept(self) -> list[RoundSlot]:
        known = {e.id for e in self.examples()}
        kept = self.store.scams.round()
        return kept if kept and all(s.example_id in known for s in kept) else []

    def _pick(self) -> list[str]:
        return pick_round(self.examples(), self.store.scams.latest(), SCAMS_ROUND)

    # Actions ----------------------------------------------------------------------------
    @action
    def answer(self, number: int, answer: str) -> ScamAnswer:
        """The person's answer on a message page; the round it belongs to is kept with it."""
        if not self._kept():
            self.store.scams.set_round(self._pick())
        chosen, example = self.slot(number)
        if example is None:
            raise ValueError(chosen.example_id)
        given = self.store.scams.answer(
            chosen.slot, example.id, answer, is_right(example, answer), self.today()
        )
        if self.round_done():
            self._suggest_next_month()
        return given

    @action
    def start_round(self) -> list[RoundSlot]:
        """Three messages not practised lately, from now on (the last round is finished)."""
        self.store.scams.set_round(self._pick())
        return self.round()

    def start_round_if_done(self) -> None:
        """Leaving the introduction after a finished round: the next one starts."""
        if self.round_done():
            self.start_round()

    def _suggest_next_month(self) -> None:
        today = self.today()
        tasks = self.store.tasks
        task = tasks.by_rule(TASK_RULE)
        if task is None:
            tasks.add(practice_task(today))
        elif tasks.get(task.id) is not None and task.is_due(today):
            tasks.mark_done(task.id, today)
