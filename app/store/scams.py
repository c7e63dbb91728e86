"""Spot the scam: the person's answers to the practice messages, and the current round.

The records are app.core.scam_practice's; this module only maps them to rows.
"""

from __future__ import annotations

import datetime as dt

from app.core.scam_practice import ANSWERS, RoundSlot, ScamAnswer
from app.store.db import Database


class ScamsRepo:
    """The answers and the round of one person, as rows."""

    def __init__(self, db: Database):
        self.db = db

    def latest(self) -> dict[str, ScamAnswer]:
        """The last answer given to each message answered so far."""
        rows = self.db.query(
            "SELECT example_id, answered_on, answer, correct FROM scam_answers ORDER BY id"
        )
        return {
            r["example_id"]: ScamAnswer(
                r["example_id"],
                dt.date.fromisoformat(r["answered_on"]),
                r["answer"],
                bool(r["correct"]),
            )
            for r in rows
        }

    def last_answer(self, example_id: str) -> ScamAnswer | None:
        return self.latest().get(example_id)

    def answer(
        self, slot: int, example_id: str, answer: str, correct: bool, day: dt.date
    ) -> ScamAnswer:
        """The answer given on a page of the round: kept in the round and in the history."""
        if answer not in ANSWERS:
            raise ValueError(answer)
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO scam_answers (example_id, answered_on, answer, correct) "
                "VALUES (?, ?, ?, ?)",
                (example_id, day.isoformat(), answer, int(correct)),
            )
            conn.execute(
                "UPDATE scam_round SET answer = ? WHERE slot = ? AND example_id = ?",
                (answer, slot, example_id),
            )
        return ScamAnswer(example_id, day, answer, correct)

    def round(self) -> list[RoundSlot]:
        """The messages of the current round, in page order (empty before the first)."""
        rows = self.db.query("SELECT slot, example_id, answer FROM scam_round ORDER BY slot")
        return [RoundSlot(r["slot"], r["example_id"], r["answer"] or "") for r in rows]

    def set_round(self, example_ids: list[str]) -> None:
        """Start a new round with these messages (slot 1, 2, 3...)."""
        with self.db.write() as conn:
            conn.execute("DELETE FROM scam_round")
            conn.executemany(
                "INSERT INTO scam_round (slot, example_id) VALUES (?, ?)",
                list(enumerate(example_ids, 1)),
            )
