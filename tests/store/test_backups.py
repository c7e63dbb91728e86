"""Daily copies that hold the day's work, and recovery that says which copy came back."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

from app.core.tasks import Task
from app.store import Store, backups
from tests.conftest import TODAY


def open_store(tmp_path, day=TODAY):
    return Store(tmp_path / "profiles" / "p00000001.sqlite3", tmp_path / "backups", day)


def copies(tmp_path) -> list[str]:
    folder = tmp_path / "backups"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def titles_in(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT title FROM tasks ORDER BY id")]
    finally:
        conn.close()


def test_no_copy_is_taken_when_the_file_opens(tmp_path):
    first = open_store(tmp_path, TODAY - dt.timedelta(days=1))
    first.tasks.add(Task(title="Yesterday's task"))
    first.close()
    before = copies(tmp_path)
    store = open_store(tmp_path)
    assert copies(tmp_path) == before  # opening alone copies nothing
    store.close()


def test_the_first_change_of_a_day_makes_todays_copy_and_closing_updates_it(tmp_path):
    first = open_store(tmp_path, TODAY - dt.timedelta(days=1))
    first.tasks.add(Task(title="Old"))
    first.close()
    store = open_store(tmp_path)
    today_copy = backups.backup_path(tmp_path / "backups", store.path, TODAY)
    store.tasks.add(Task(title="First of the day"))
    assert titles_in(today_copy) == ["Old", "First of the day"]  # the work is in a copy
    store.tasks.add(Task(title="Second"))
    assert titles_in(today_copy) == ["Old", "First of the day"]  # one copy per day
    store.close()
    assert titles_in(today_copy) == ["Old", "First of the day", "Second"]


def test_a_new_profile_damaged_on_its_first_day_comes_back_with_its_work(tmp_path):
    store = open_store(tmp_path)
    store.tasks.add(Task(title="Call the bank"))
    store.close()
    path = tmp_path / "profiles" / "p00000001.sqlite3"
    path.write_bytes(b"\x00" * 4096)
    again = open_store(tmp_path)
    try:
        assert again.recovery.restored_from == TODAY
        assert [t.title for t in again.tasks.all()] == ["Call the bank"]
    finally:
        again.close()


def test_recovery_says_when_the_copy_was_made(tmp_path):
    store = open_store(tmp_path)
    store.tasks.add(Task(title="Call the bank"))
    store.close()
    copy = backups.backup_path(tmp_path / "backups", store.path, TODAY)
    made = dt.datetime.combine(TODAY, dt.time(18, 40, 12))
    os.utime(copy, (made.timestamp(), made.timestamp()))
    (tmp_path / "profiles" / "p00000001.sqlite3").write_bytes(b"\x00" * 4096)
    again = open_store(tmp_path)
    try:
        assert again.recovery.restored_at == made.replace(second=0)
    finally:
        again.close()


def test_an_unfinished_copy_of_a_running_sereno_is_left_alone(tmp_path):
    """A second Sereno once deleted the first one's copy in progress ("cannot save")."""
    folder = tmp_path / "backups"
    folder.mkdir()
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        running = folder / f"p00000001-{TODAY}.sqlite3.{alive.pid}x0a0b0c0d0e0f.tmp"
        stopped = folder / f"p00000001-{TODAY}.sqlite3.{dead.pid}x0a0b0c0d0e0f.tmp"
        for tmp in (running, stopped):
            tmp.write_bytes(b"half")
        store = open_store(tmp_path)
        store.tasks.add(Task(title="A change: today's copy is made"))
        if os.name == "posix":
            assert running.exists() and not stopped.exists()
        store.close()
    finally:
        alive.kill()
        alive.wait()
