"""Repeating tasks: month ends, leap years, the end of a repetition, and the stored anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.tasks import ANCHOR_DAY, Task, add_months, format_params, next_due
from app.store import Store

D = dt.date


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "p.sqlite3")
    yield s
    s.close()


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 12, 31), 1, D(2026, 1, 31)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 5, 15), -5, D(2024, 12, 15)),
    ],
)
def test_add_months_stays_inside_short_months(start, months, expected):
    assert add_months(start, months) == expected


def test_next_due_returns_to_the_anchor_day_after_a_short_month():
    assert next_due(D(2025, 2, 28), "monthly", 31) == D(2025, 3, 31)
    assert next_due(D(2025, 4, 30), "monthly", 31) == D(2025, 5, 31)
    assert next_due(D(2025, 2, 28), "yearly", 29) == D(2026, 2, 28)
    assert next_due(D(2027, 2, 28), "yearly", 29) == D(2028, 2, 29)
    assert next_due(D(2025, 12, 29), "weekly") == D(2026, 1, 5)
    with pytest.raises(ValueError):
        next_due(D(2025, 1, 1), "daily")


def _ticks(task: Task, times: int) -> list[dt.date]:
    """Tick a task on each due date, the way TasksRepo.mark_done does (anchor kept)."""
    seen = []
    for _ in range(times):
        nxt = task.after_done(task.due)
        if nxt is None:
            break
        if task.repeat in ("monthly", "yearly") and ANCHOR_DAY not in task.params:
            task.params[ANCHOR_DAY] = task.anchor_day
        task.due = nxt
        seen.append(nxt)
    return seen


def test_monthly_task_begun_on_the_31st_survives_february_in_a_leap_year():
    task = Task("t", due=D(2024, 1, 31), repeat="monthly")
    assert _ticks(task, 5) == [
        D(2024, 2, 29),
        D(2024, 3, 31),
        D(2024, 4, 30),
        D(2024, 5, 31),
        D(2024, 6, 30),
    ]


def test_monthly_task_begun_on_the_30th_crosses_the_year_end():
    task = Task("t", due=D(2025, 11, 30), repeat="monthly")
    assert _ticks(task, 4) == [D(2025, 12, 30), D(2026, 1, 30), D(2026, 2, 28), D(2026, 3, 30)]


def test_yearly_task_on_29_february_comes_back_on_29_february_in_leap_years():
    task = Task("t", due=D(2024, 2, 29), repeat="yearly")
    assert _ticks(task, 4) == [D(2025, 2, 28), D(2026, 2, 28), D(2027, 2, 28), D(2028, 2, 29)]


def test_a_repetition_ends_at_repeat_until():
    task = Task("t", due=D(2025, 1, 31), repeat="monthly", repeat_until=D(2025, 3, 31))
    assert _ticks(task, 10) == [D(2025, 2, 28), D(2025, 3, 31)]
    assert task.after_done(task.due) is None


def test_a_late_tick_moves_past_today_keeping_the_anchor():
    task = Task("t", due=D(2025, 1, 31), repeat="monthly")
    assert task.after_done(D(2025, 4, 2)) == D(2025, 4, 30)
    assert Task("t", due=D(2025, 1, 31)).after_done(D(2025, 2, 1)) is None


def test_bookkeeping_parameters_are_never_shown():
    assert format_params({ANCHOR_DAY: 31, "who": "XYZ"}) == {"who": "XYZ"}
    task = Task("Call about {who}", params={ANCHOR_DAY: 31, "who": "XYZ"}, source="plan")
    assert task.shown_title() == "Call about XYZ"


def test_store_keeps_the_anchor_through_february(store):
    task = store.tasks.add(Task("Read your statement", due=D(2025, 1, 31), repeat="monthly"))
    dues = []
    for _ in range(3):
        store.tasks.mark_done(task.id, store.tasks.get(task.id).due)
        dues.append(store.tasks.get(task.id).due)
    assert dues == [D(2025, 2, 28), D(2025, 3, 31), D(2025, 4, 30)]
    assert not store.tasks.get(task.id).done
    assert len(store.tasks.history(task.id)) == 3


def test_store_undo_brings_back_the_previous_date(store):
    task = store.tasks.add(Task("t", due=D(2025, 1, 31), repeat="monthly"))
    store.tasks.mark_done(task.id, D(2025, 1, 31))
    store.tasks.mark_done(task.id, D(2025, 2, 28))
    store.tasks.undo_done(task.id)
    assert store.tasks.get(task.id).due == D(2025, 2, 28)
    store.tasks.mark_done(task.id, D(2025, 2, 28))
    assert store.tasks.get(task.id).due == D(2025, 3, 31)


def test_store_a_new_date_starts_the_repetition_from_its_own_day(store):
    task = store.tasks.add(Task("t", due=D(2025, 1, 31), repeat="monthly"))
    store.tasks.mark_done(task.id, D(2025, 1, 31))
    store.tasks.update(task.id, due=D(2025, 3, 10))
    store.tasks.mark_done(task.id, D(2025, 3, 10))
    assert store.tasks.get(task.id).due == D(2025, 4, 10)


def test_store_repetition_ends_and_the_task_closes(store):
    task = store.tasks.add(
        Task("t", due=D(2025, 1, 31), repeat="monthly", repeat_until=D(2025, 2, 28))
    )
    store.tasks.mark_done(task.id, D(2025, 1, 31))
    store.tasks.mark_done(task.id, D(2025, 2, 28))
    done = store.tasks.get(task.id)
    assert done.done_on == D(2025, 2, 28)
    assert store.tasks.due(D(2025, 12, 31)) == []


def test_store_refreshing_a_rule_keeps_tick_note_dates_and_anchor(store):
    rule = Task(
        "Old words",
        due=D(2025, 1, 31),
        repeat="monthly",
        rule="x.1",
        source="plan",
        repeat_until=D(2025, 12, 30),
    )
    task = store.tasks.add(rule)
    store.tasks.update(task.id, note="called on Monday")
    store.tasks.mark_done(task.id, D(2025, 1, 31))
    store.tasks.upsert(
        Task(
            "New words",
            due=D(2025, 6, 1),
            repeat="monthly",
            rule="x.1",
            source="plan",
            repeat_until=D(2026, 5, 31),
        )
    )
    got = store.tasks.get(task.id)
    assert (got.title, got.note, got.due, got.repeat_until) == (
        "New words",
        "called on Monday",
        D(2025, 2, 28),
        D(2025, 12, 30),
    )
    assert got.params[ANCHOR_DAY] == 31
    store.tasks.upsert(
        Task("New words", repeat="yearly", rule="x.1", source="plan", repeat_until=D(2027, 1, 31))
    )
    assert store.tasks.get(task.id).repeat_until == D(2027, 1, 31)


def test_store_remembers_who_hid_a_task(store):
    mine = store.tasks.add(Task("mine"))
    plans = store.tasks.add(Task("plan's", rule="x.2", source="plan"))
    assert store.tasks.hidden_by(mine.id) is None
    store.tasks.delete(mine.id)
    store.tasks.delete(plans.id, by="plan")
    assert store.tasks.hidden_by(mine.id) == ""
    assert store.tasks.hidden_by(plans.id) == "plan"
    store.tasks.restore(plans.id)
    assert store.tasks.hidden_by(plans.id) is None
    store.tasks.delete(plans.id)
    assert store.tasks.hidden_by(plans.id) == ""
    assert [t.title for t in store.tasks.all()] == []
