"""The call log store: add, newest first, edit, delete and put back, a task attached."""

import datetime as dt

import pytest

from app.core.calls import Call
from app.core.tasks import Task

AT = dt.datetime(2026, 11, 20, 10, 30)


def test_calls_are_listed_newest_first(store):
    store.calls.add(Call("made", AT, "Banco", "Luis", "F-123", "Blocked the card"))
    store.calls.add(Call("received", AT + dt.timedelta(days=2), "IMSS?", felt_like_scam=True))
    store.calls.add(Call("made", AT - dt.timedelta(hours=1), "CONDUSEF"))
    calls = store.calls.all()
    assert [c.organisation for c in calls] == ["IMSS?", "Banco", "CONDUSEF"]
    assert calls[0].felt_like_scam and calls[0].direction == "received"
    banco = calls[1]
    assert (banco.person, banco.reference, banco.notes) == ("Luis", "F-123", "Blocked the card")
    assert banco.at == AT


def test_a_call_is_edited_in_place(store):
    call = store.calls.add(Call("made", AT, " Banco "))
    assert call.organisation == "Banco"
    changed = store.calls.update(
        Call(
            "received",
            AT.replace(hour=16, second=42),
            "Banco",
            notes="They will send a letter",
            id=call.id,
        )
    )
    assert changed.direction == "received" and changed.at == AT.replace(hour=16)
    assert store.calls.all() == [changed]


def test_delete_then_restore(store):
    call = store.calls.add(Call("made", AT, "Ameli"))
    gone = store.calls.delete(call.id)
    assert store.calls.all() == []
    store.calls.restore(gone)
    assert store.calls.all() == [call]


def test_a_call_can_be_about_a_task_and_survives_the_tasks_removal(store):
    task = store.tasks.add(Task(title="Call the bank"))
    call = store.calls.add(Call("made", AT, "Banco", task_id=task.id))
    assert store.calls.for_task(task.id) == [call]
    with store.db.write() as conn:
        conn.execute("DELETE FROM tasks WHERE id = ?", (task.id,))
    assert store.calls.get(call.id).task_id is None


def test_a_wrong_direction_changes_nothing(store):
    with pytest.raises(ValueError):
        store.calls.add(Call("sideways", AT))
    assert store.calls.all() == []


def test_calls_are_kept_across_reopening(tmp_path):
    from app.store import Store

    path = tmp_path / "p.sqlite3"
    s = Store(path)
    s.calls.add(Call("made", AT, "Banco"))
    s.close()
    s = Store(path)
    assert [c.organisation for c in s.calls.all()] == ["Banco"]
    s.close()
