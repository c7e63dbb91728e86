"""Spot the scam walked through as data: rounds, answers, the monthly reminder, no window."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.actions.scams import ScamActions
from app.core.scam_practice import TASK_RULE, pick_round
from app.core.scams import load_examples
from tests.conftest import TODAY


@pytest.fixture
def scams(store):
    store.settings.set("country", "MX")
    return ScamActions(store, lambda: TODAY, lambda message="": None)


def right(scams, number):
    example = scams.slot(number)[1]
    return "genuine" if example.genuine else "scam"


def wrong(scams, number):
    return "scam" if right(scams, number) == "genuine" else "genuine"


def test_reading_never_starts_a_round(store, scams):
    before = store.db.commits
    shown = scams.round()
    assert len(shown) == 3 and not any(s.answer for s in shown)
    assert scams.slot(2)[1].id == shown[1].example_id
    assert (scams.seen(), scams.round_done(), scams.reminder_on_list()) == (0, False, False)
    assert store.db.commits == before and store.scams.round() == []


def test_the_first_answer_keeps_the_round_shown(store, scams):
    shown = [s.example_id for s in scams.round()]
    before = store.db.commits
    given = scams.answer(1, right(scams, 1))
    assert store.db.commits == before + 1
    assert given.correct and given.answered_on == TODAY
    assert [s.example_id for s in store.scams.round()] == shown
    assert [s.answer for s in scams.round()] == [given.answer, "", ""]
    assert scams.seen() == 1


def test_a_wrong_answer_or_unsure_is_kept_as_not_right(scams):
    first = scams.answer(1, wrong(scams, 1))
    unsure = scams.answer(2, "unsure")
    latest = scams.latest()
    assert (first.answer, first.correct) == (wrong(scams, 1), False)
    assert latest[scams.slot(1)[1].id] == first
    assert (latest[scams.slot(2)[1].id].answer, unsure.correct) == ("unsure", False)
    assert scams.seen() == 2 and not scams.round_done()


def test_the_last_answer_adds_the_monthly_reminder_in_the_same_commit(store, scams):
    for number in (1, 2):
        scams.answer(number, "unsure")
    assert store.tasks.by_rule(TASK_RULE) is None
    before = store.db.commits
    scams.answer(3, "scam")
    assert store.db.commits == before + 1
    task = store.tasks.by_rule(TASK_RULE)
    assert task.repeat == "monthly" and task.due == dt.date(2026, 12, 23)
    assert scams.round_done() and scams.reminder_on_list()
    scams.answer(3, "genuine")  # changing an answer adds nothing more
    assert [t.rule for t in store.tasks.all()] == [TASK_RULE]


def test_a_due_reminder_is_ticked_by_the_next_round(store):
    day = {"today": TODAY}
    store.settings.set("country", "FR")
    scams = ScamActions(store, lambda: day["today"], lambda message="": None)
    for number in (1, 2, 3):
        scams.answer(number, "unsure")
    day["today"] = dt.date(2026, 12, 28)  # a month on: the suggestion is due
    scams.start_round_if_done()
    for number in (1, 2, 3):
        scams.answer(number, "unsure")
    task = store.tasks.by_rule(TASK_RULE)
    assert store.tasks.history(task.id) == [dt.date(2026, 12, 28)]


def test_a_new_round_starts_only_after_a_finished_one(store, scams):
    first = [s.example_id for s in scams.round()]
    scams.answer(1, "scam")
    before = store.db.commits
    scams.start_round_if_done()  # two messages still to answer: nothing changes
    assert store.db.commits == before
    for number in (2, 3):
        scams.answer(number, "scam")
    scams.start_round_if_done()
    second = [s.example_id for s in scams.round()]
    assert len(second) == 3 and not set(first) & set(second)
    assert not any(s.answer for s in scams.round())


def test_practise_three_more_starts_a_new_round_at_once_in_one_commit(store, scams):
    for number in (1, 2, 3):
        scams.answer(number, "scam")
    first = [s.example_id for s in scams.round()]
    before = store.db.commits
    fresh = scams.start_round()
    assert store.db.commits == before + 1
    assert [s.example_id for s in fresh] == [s.example_id for s in store.scams.round()]
    assert len(fresh) == 3 and not set(first) & {s.example_id for s in fresh}
    assert not scams.round_done()


def test_a_round_of_messages_gone_from_the_files_is_replaced(store, scams):
    store.scams.set_round(["gone-1", "gone-2", "gone-3"])
    assert all(s.example_id != "gone-1" for s in scams.round())
    scams.answer(1, "scam")
    assert "gone-1" not in [s.example_id for s in store.scams.round()]


def test_a_round_mixes_genuine_messages_and_scams_and_prefers_new_ones():
    examples = load_examples("MX")
    chosen = pick_round(examples, {}, 3)
    assert {e.genuine for e in examples if e.id in chosen} == {True, False}
