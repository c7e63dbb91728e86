"""Settings, drafts and answers as the pages use them."""

import datetime as dt
import sqlite3

import pytest

from app.core.flow import Position
from app.core.tasks import Task


def test_settings_are_typed_and_defaulted(store):
    assert store.settings.get("text_size") == 100
    store.settings.set("text_size", 175)
    assert store.settings.get("text_size") == 175
    with pytest.raises(ValueError):
        store.settings.set("text_size", 300)
    with pytest.raises(KeyError):
        store.settings.get("nonsense")


def test_drafts_and_position_are_kept(store):
    store.progress.save_draft("first_run.name", {"name": "Ana"})
    assert store.progress.draft("first_run.name") == {"name": "Ana"}
    position = Position("first_run", "first_run.name", {"first_run": "first_run.name"})
    store.progress.save_position(position)
    assert store.progress.position().step == "first_run.name"
    store.progress.clear_draft("first_run.name")
    assert store.progress.draft("first_run.name") == {}


def test_accounts_keep_at_most_four_digits(store):
    acc = store.answers.add_account("bank", "Banorte", "1234")
    assert store.answers.accounts()[0] == acc
    with pytest.raises(sqlite3.IntegrityError):
        store.answers.add_account("bank", "Other", "12345678")
    with pytest.raises(ValueError):
        store.answers.add_account("spaceship", "x")


def test_task_tick_undo_and_delete_restore(store):
    t = store.tasks.add(Task(title="Read my statement"))
    store.tasks.mark_done(t.id, dt.date(2026, 11, 23))
    assert store.tasks.get(t.id).done
    store.tasks.undo_done(t.id)
    assert not store.tasks.get(t.id).done
    store.tasks.delete(t.id)
    assert store.tasks.all() == []
    store.tasks.restore(t.id)
    assert [x.id for x in store.tasks.all()] == [t.id]
