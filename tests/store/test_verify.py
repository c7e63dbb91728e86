"""Hostile and damaged profile files: refused whole on import, set aside on open.

Each file is a real exported profile with one thing changed, as an attacker or one flipped
bit would change it. `integrity_check` says "ok" for every one of them.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from app.core.tasks import Task
from app.store import Store, StoreError
from app.store.profiles import DataDir
from app.store.verify import APPLICATION_ID, expected_schema, verify
from tests.conftest import TODAY


@pytest.fixture
def folder(tmp_path):
    data = DataDir(tmp_path / "data", today=lambda: TODAY)
    data.ensure()
    return data


def exported(tmp_path: Path, name: str = "Carmen") -> Path:
    """A good `.sereno` file: a name, a task with a date, an account, a call."""
    source = DataDir(tmp_path / "source", today=lambda: TODAY)
    pid = source.create(name)
    store = Store(source.path_for(pid), source.backup_dir, TODAY)
    store.tasks.add(Task(title="Call the bank", due=TODAY, note="Ask for Lucía"))
    store.answers.add_account("bank", "Banorte", "4821")
    store.close()
    return source.export(pid, tmp_path / f"{name}-{os.urandom(3).hex()}.sereno")


def tamper(path: Path, *sql: str) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in sql:
            conn.execute(statement)
    finally:
        conn.close()
    return path


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


NESTED = "[" * 200_000 + "]" * 200_000  # 400 KB of nesting: json.loads hits RecursionError

HOSTILE = {
    "trigger": (
        "CREATE TRIGGER flip AFTER UPDATE ON activity_transactions BEGIN "
        "UPDATE activity_transactions SET verdict = 'mine'; DELETE FROM tasks; END",
    ),
    "view": ("CREATE VIEW everything AS SELECT * FROM tasks",),
    "extra table": (
        "CREATE TABLE kept_notes (note TEXT)",
        "INSERT INTO kept_notes VALUES ('copied')",
    ),
    "index": ("CREATE INDEX sneaky ON tasks (note)",),
    "nested json setting": (f"UPDATE settings SET value = '{NESTED}' WHERE key = 'first_name'",),
    "deep but small json": (
        "INSERT INTO drafts VALUES ('todo.add', '" + "[" * 40 + "]" * 40 + "')",
    ),
    "text for a date": ("UPDATE tasks SET due = 'next Tuesday'",),
    "flipped date": ("UPDATE tasks SET due = '2027-01-33'",),
    "unknown repeat": ("UPDATE tasks SET repeat = 'hourly'",),
    "text for a number": ("UPDATE tasks SET priority = 'high'",),
    "params not an object": ("UPDATE tasks SET params = '[1, 2]'",),
    "huge note": ("UPDATE tasks SET note = printf('%.*c', 1000000, 'x')",),
    "huge amount": (
        "INSERT INTO activity_transactions (account_id, fingerprint, day, amount, "
        "description) VALUES (1, 'f', '2026-11-01', '1' || printf('%.*c', 30, '0'), "
        "'X')",
    ),
    "bad account kind": ("UPDATE accounts SET kind = 'crypto'",),
    "letters in last4": (
        "PRAGMA ignore_check_constraints = ON",
        "UPDATE accounts SET last4 = '12ab'",
    ),
    "bad call time": ("INSERT INTO calls (direction, at) VALUES ('made', '2026-13-01T10:00')",),
    "dangling row": (
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO task_log (task_id, done_on) VALUES (999, '2026-11-01')",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_file_is_refused_on_import_and_changes_nothing(folder, tmp_path, case):
    folder.create("Ana")
    before = all_files(folder.root)
    bad = tamper(exported(tmp_path), *HOSTILE[case])
    if case != "letters in last4":  # a broken CHECK is the one integrity_check sees
        conn = sqlite3.connect(bad)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    for call in (folder.peek, folder.import_file):
        with pytest.raises(StoreError) as error:
            call(bad)
        assert error.value.reason == "damaged", case
    assert all_files(folder.root) == before
    assert [p.name for p in folder.profiles()] == ["Ana"]


def test_a_good_file_passes_and_carries_the_application_id(folder, tmp_path):
    good = exported(tmp_path)
    verify(good)
    conn = sqlite3.connect(good)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    assert folder.peek(good) == "Carmen"


def test_a_foreign_sqlite_file_with_a_settings_table_is_refused(folder, tmp_path):
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign, isolation_level=None)
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("PRAGMA user_version = 6")
    conn.close()
    with pytest.raises(StoreError) as error:
        folder.import_file(foreign)
    assert error.value.reason == "not_sereno"
    # Our own schema under another program's id is not ours either.
    other_app = tamper(exported(tmp_path), "PRAGMA application_id = 42")
    with pytest.raises(StoreError) as error:
        folder.import_file(other_app)
    assert error.value.reason == "not_sereno"
    assert folder.profile_ids() == []


def test_nothing_in_the_file_runs_when_sereno_writes(folder, tmp_path):
    """trusted_schema is off on every connection Sereno opens."""
    pid = folder.create("Ana")
    store = Store(folder.path_for(pid), folder.backup_dir, TODAY)
    try:
        assert store.db.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    finally:
        store.close()


def test_expected_schema_is_exactly_what_the_migrations_make():
    names = {n for t, n, _tb, _s in expected_schema(6) if t == "table"}
    assert {"settings", "tasks", "calls"} <= names and "kept_notes" not in names


def test_every_column_has_a_rule():
    from app.store.migrations import latest_version
    from app.store.verify import RULES

    conn = sqlite3.connect(":memory:")
    from app.store.migrations import migrate

    migrate(conn)
    missing = []
    for table in sorted(n for t, n, _tb, _s in expected_schema(latest_version()) if t == "table"):
        for row in conn.execute(f'PRAGMA table_info("{table}")'):
            if row[1] not in RULES.get(table, {}):
                missing.append(f"{table}.{row[1]}")
    conn.close()
    assert not missing, f"give these columns a rule in app/store/verify.py: {missing}"


# Opening a profile that was damaged in place -------------------------------------------
def a_profile_with_a_backup(folder: DataDir) -> str:
    pid = folder.create("Ana")
    for copy in folder.backup_dir.iterdir():
        copy.unlink()
    store = Store(folder.path_for(pid), folder.backup_dir, TODAY - dt.timedelta(days=1))
    store.tasks.add(Task(title="Call the bank", due=TODAY))
    store.close()  # yesterday's copy holds the task
    return pid


@pytest.mark.parametrize("case", ["flipped date", "trigger", "nested json setting"])
def test_a_damaged_value_on_open_sets_the_file_aside_and_brings_back_the_backup(folder, case):
    pid = a_profile_with_a_backup(folder)
    path = folder.path_for(pid)
    tamper(path, *HOSTILE[case])
    damaged = path.read_bytes()
    store = Store(path, folder.backup_dir, TODAY)
    try:
        assert store.recovery is not None
        assert store.recovery.restored_from == TODAY - dt.timedelta(days=1)
        assert store.recovery.damaged_copy.read_bytes() == damaged
        assert [t.title for t in store.tasks.all()] == ["Call the bank"]
        assert store.tasks.all()[0].due == TODAY
    finally:
        store.close()


def test_recovery_skips_a_newer_backup_that_fails_the_full_read(folder):
    pid = a_profile_with_a_backup(folder)
    path = folder.path_for(pid)
    newest = Store(path, folder.backup_dir, TODAY)
    newest.tasks.add(Task(title="Second task"))
    newest.close()
    (today_copy,) = [p for p in folder.backup_dir.iterdir() if TODAY.isoformat() in p.name]
    tamper(today_copy, "UPDATE tasks SET due = '2027-01-33'")
    tamper(path, "UPDATE tasks SET due = '2027-01-33'")
    store = Store(path, folder.backup_dir, TODAY)
    try:
        assert store.recovery.restored_from == TODAY - dt.timedelta(days=1)
        assert [t.title for t in store.tasks.all()] == ["Call the bank"]
    finally:
        store.close()


def test_the_chooser_list_survives_a_file_it_cannot_read(folder):
    good = folder.create("Ana")
    bad = folder.create("Carmen")
    tamper(folder.path_for(bad), f"UPDATE settings SET value = '{NESTED}' WHERE key = 'first_name'")
    other = folder.create("Rosa")
    folder.path_for(other).write_bytes(b"not a database" * 100)
    assert [p.id for p in folder.profiles()] == [good, bad]
    assert [p.id for p in folder.unreadable()] == [other]


def test_what_sereno_writes_always_passes_the_full_read(folder):
    """Over-long text typed or pasted is cut to the stored length, so the person's own
    profile is never taken for a damaged one."""
    from decimal import Decimal

    from app.store import limits
    from app.store.calls import Call

    pid = folder.create("x" * 5000)
    store = Store(folder.path_for(pid), folder.backup_dir, TODAY)
    try:
        store.settings.set("trusted_person", "Lucía " * 2000)
        task = store.tasks.add(Task(title="T" * 9000, note="n" * 90_000, why="w" * 9000))
        store.tasks.update(task.id, note="m" * 90_000, title="U" * 9000)
        account = store.answers.add_account("bank", "B" * 5000, "4821")
        store.activity.add_by_hand(
            account.id, TODAY, Decimal("-12.50"), "MXN" * 10, "PAYEE " * 500, TODAY
        )
        store.activity.record_check(account.id, TODAY, "hand", "strange", "z" * 90_000)
        store.calls.add(
            Call(
                "made",
                dt.datetime(2026, 11, 23, 10, 5),
                "O" * 900,
                "P" * 900,
                "R" * 900,
                "N" * 90_000,
            )
        )
        store.progress.save_draft("todo.add", {"title": "d" * 90_000, "deep": [[[[[[1]]]]]]})
        assert len(store.settings.get("first_name")) == limits.NAME
        assert len(store.tasks.get(task.id).note) == limits.NOTE
    finally:
        store.close()
    verify(folder.path_for(pid))
