"""The to-do list's actions: each is one commit, reads write nothing, listeners hear once."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.actions.tasks import TaskActions
from app.core.tasks import Task, in_order
from tests.conftest import TODAY


@pytest.fixture
def heard():
    return []


@pytest.fixture
def tasks(store, heard):
    return TaskActions(store, lambda: TODAY, heard.append)


def commits_of(store, do):
    before = store.db.commits
    result = do()
    return store.db.commits - before, result


def test_add_is_one_commit_and_says_so(store, tasks, heard):
    n, saved = commits_of(store, lambda: tasks.add(Task(title="Call the bank")))
    assert n == 1
    assert tasks.get(saved.id).title == "Call the bank"
    assert heard == ["Added to your to-do list."]


def test_add_quietly(store, tasks, heard):
    tasks.add(Task(title="Quiet"), announce=False)
    assert heard == [""]


def test_tick_untick_edit_delete_restore_are_one_commit_each(store, tasks, heard):
    saved = tasks.add(Task(title="Pay rent", due=TODAY, repeat="monthly"))
    heard.clear()
    for do in (
        lambda: tasks.mark_done(saved.id),
        lambda: tasks.undo_done(saved.id),
        lambda: tasks.update(saved.id, note="By card"),
        lambda: tasks.delete(saved.id),
        lambda: tasks.restore(saved.id),
        lambda: tasks.move(saved.id, 1),
    ):
        assert commits_of(store, do)[0] == 1
    assert len(heard) == 6
    task = tasks.get(saved.id)
    assert (task.note, task.due, task.done) == ("By card", TODAY, False)


def test_tick_moves_a_repeating_task_on(tasks):
    saved = tasks.add(Task(title="Check statement", due=TODAY, repeat="weekly"))
    tasks.mark_done(saved.id)
    assert tasks.get(saved.id).due == TODAY + dt.timedelta(days=7)
    assert tasks.history(saved.id) == [TODAY]


def test_undo_after_a_repeating_tick_brings_back_its_date(tasks):
    saved = tasks.add(Task(title="Pay rent", due=TODAY, repeat="monthly"))
    tasks.mark_done(saved.id)
    moved = tasks.get(saved.id)
    assert (moved.done, moved.due) == (False, dt.date(2026, 12, 23))
    tasks.undo_done(saved.id)
    assert (tasks.get(saved.id).due, tasks.history(saved.id)) == (TODAY, [])


def test_reads_write_nothing(store, tasks):
    saved = tasks.add(Task(title="Read me", rule="r.1"))
    before = store.db.commits
    tasks.all(), tasks.open(), tasks.get(saved.id), tasks.by_rule("r.1")
    tasks.hidden_by(saved.id), tasks.history(saved.id)
    assert store.db.commits == before


def test_upsert_keeps_the_tick(tasks):
    saved = tasks.add(Task(title="Old words", rule="r.2", source="plan"))
    tasks.mark_done(saved.id)
    tasks.upsert(Task(title="New words", rule="r.2", source="plan"))
    task = tasks.by_rule("r.2")
    assert (task.title, task.done) == ("New words", True)


def test_sync_plan_does_nothing_before_the_plan(store, tasks):
    tasks.add(Task(title="Mine"))
    before = store.db.commits
    assert tasks.sync_plan() is None
    assert store.db.commits == before


def test_move_swaps_with_the_neighbour_shown(store, tasks):
    tasks.add(Task(title="A", due=TODAY, priority=1))
    b = tasks.add(Task(title="B", due=TODAY + dt.timedelta(days=3)))
    before = store.db.commits
    assert tasks.move(b.id, -1)
    assert store.db.commits == before + 1
    assert [t.title for t in in_order(tasks.open(), TODAY)] == ["B", "A"]
    assert not tasks.move(b.id, -1)  # already first


def test_move_skips_the_ticked_tasks(tasks):
    a = tasks.add(Task(title="A", due=TODAY, priority=1))
    b = tasks.add(Task(title="B", due=TODAY + dt.timedelta(days=1)))
    c = tasks.add(Task(title="C", due=TODAY + dt.timedelta(days=2)))
    tasks.mark_done(b.id)
    assert tasks.move(c.id, -1)  # above the ticked B: next to A, the one shown above
    assert [t.id for t in in_order(tasks.open(), TODAY)] == [c.id, a.id]


def test_an_urgent_task_from_elsewhere_goes_to_the_top_of_today(store, tasks):
    store.settings.set("country", "FR")
    store.answers.set_notice("ameli")
    store.answers.set_exposed({"social_security", "health_rights"})
    tasks.apply_plan()
    urgent = tasks.add(
        Task(
            title="Call the bank",
            priority=1,
            due=TODAY,
            rule="activity.manual.1",
            source="activity",
        )
    )
    assert in_order(tasks.open(), TODAY)[0].id == urgent.id


def test_the_form_draft_is_written_with_the_task(store, tasks):
    before = store.db.commits
    saved = tasks.add(Task(title="Stamps"), draft=("todo.list", {"editing": ""}))
    tasks.update(saved.id, note="At the post office", draft=("todo.list", {"editing": "x"}))
    assert store.db.commits == before + 2
    assert store.progress.draft("todo.list") == {"editing": "x"}


def test_sync_plan_writes_only_when_the_answers_changed(store, tasks):
    store.settings.set("country", "FR")
    store.answers.set_notice("ameli")
    store.answers.set_exposed({"social_security"})
    tasks.apply_plan()
    before = store.db.commits
    assert tasks.sync_plan() is None  # up to date: nothing written
    assert store.db.commits == before
    email = tasks.by_rule("plan.secure_email")
    tasks.update(email.id, note="with my son")
    mine = tasks.add(Task(title="Call my daughter"))
    store.settings.set("country", "MX")
    store.answers.set_notice("imss")
    before = store.db.commits
    change = tasks.sync_plan()
    assert store.db.commits == before + 1 and change.changed
    rules = {t.rule for t in tasks.open() if t.rule}
    assert not any(r.startswith("plan.fr_") for r in rules)
    assert "plan.mx_imss_channels" in rules
    assert tasks.get(email.id).note == "with my son" and tasks.get(mine.id) is not None
    before = store.db.commits
    assert tasks.sync_plan() is None  # brought up to date once
    assert store.db.commits == before
