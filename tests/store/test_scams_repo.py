"""Spot the scam answers and rounds: kept per message, the last answer counts, reopened intact."""

import datetime as dt
import sqlite3

import pytest

from app.store import Store
from tests.conftest import TODAY


def test_the_last_answer_to_a_message_counts(store):
    assert store.scams.latest() == {}
    store.scams.set_round(["mx-sms-imss-update", "fr-sms-ameli-card"])
    store.scams.answer(1, "mx-sms-imss-update", "genuine", False, TODAY)
    store.scams.answer(1, "mx-sms-imss-update", "scam", True, TODAY + dt.timedelta(days=1))
    store.scams.answer(2, "fr-sms-ameli-card", "unsure", False, TODAY)
    assert [(s.slot, s.answer) for s in store.scams.round()] == [(1, "scam"), (2, "unsure")]
    latest = store.scams.latest()
    assert set(latest) == {"mx-sms-imss-update", "fr-sms-ameli-card"}
    last = store.scams.last_answer("mx-sms-imss-update")
    tomorrow = TODAY + dt.timedelta(days=1)
    assert (last.answer, last.correct, last.answered_on) == ("scam", True, tomorrow)
    assert store.scams.last_answer("never-seen") is None


def test_only_known_answers_are_kept(store):
    with pytest.raises(ValueError):
        store.scams.answer(1, "x", "maybe", False, TODAY)
    with pytest.raises(sqlite3.IntegrityError), store.db.write() as conn:
        conn.execute(
            "INSERT INTO scam_answers (example_id, answered_on, answer, correct) "
            "VALUES ('x', '2026-11-23', 'maybe', 0)"
        )


def test_a_round_is_replaced_whole_and_survives_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    store = Store(path)
    assert store.scams.round() == []
    store.scams.set_round(["a", "b", "c"])
    store.scams.answer(1, "a", "scam", True, TODAY)
    store.scams.set_round(["d", "e", "f"])
    store.scams.answer(1, "d", "scam", True, TODAY)
    store.close()
    again = Store(path)
    assert [(s.example_id, s.answer) for s in again.scams.round()] == [
        ("d", "scam"),
        ("e", ""),
        ("f", ""),
    ]
    assert again.scams.last_answer("d").correct
    again.close()
