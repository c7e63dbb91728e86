"""The store keeps everything, privately, and survives damage."""

import datetime as dt
import os
import sqlite3
import stat

import pytest

from app.store import Store, StoreError, backups
from app.store.migrations import latest_version, migrate, migrations

DAY = dt.date(2026, 11, 23)


def open_store(tmp_path, day=DAY):
    return Store(tmp_path / "profiles" / "p1.sqlite3", tmp_path / "backups", day)


def test_file_is_private_wal_full_sync_with_foreign_keys(tmp_path):
    s = open_store(tmp_path)
    s.settings.set("first_name", "Ana")
    if os.name == "posix":
        assert stat.S_IMODE(s.path.stat().st_mode) == 0o600
        assert stat.S_IMODE(s.path.parent.stat().st_mode) == 0o700
        for extra in (f"{s.path}-wal",):
            assert stat.S_IMODE(os.stat(extra).st_mode) == 0o600
    conn = s.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    s.close()


def test_every_change_is_committed_at_once(tmp_path):
    s = open_store(tmp_path)
    s.settings.set("first_name", "Ana")
    other = sqlite3.connect(s.path)
    row = other.execute("SELECT value FROM settings WHERE key='first_name'").fetchone()
    assert row[0] == '"Ana"'
    other.close()
    s.close()


def test_one_action_is_one_commit_or_nothing(tmp_path):
    s = open_store(tmp_path)
    before = s.db.commits
    with s.transaction():
        s.settings.set("first_name", "Ana")
        s.settings.set("country", "MX")
    assert s.db.commits == before + 1
    with pytest.raises(RuntimeError), s.transaction():
        s.settings.set("first_name", "Rosa")
        raise RuntimeError("the second half failed")
    assert s.settings.get("first_name") == "Ana"
    assert s.db.commits == before + 1
    s.close()


@pytest.mark.parametrize("start", range(0, latest_version()))
def test_migrates_forward_from_every_earlier_version(tmp_path, start):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    if start:
        migrate(conn, up_to=start)
    conn.close()
    s = Store(path)
    assert s.db.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    s.settings.set("text_size", 150)
    assert s.settings.get("text_size") == 150
    s.close()


def test_migration_files_are_numbered_without_repeats():
    numbers = [n for n, _p in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1


def test_a_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as err:
        Store(path)
    assert err.value.reason == "too_new"
    assert path.read_bytes() == before


def _damage(path):
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00garbage" * 499 + b"\x00" * (3996 - 8 * 499)
    path.write_bytes(bytes(data))


def test_damaged_database_is_set_aside_and_backup_restored(tmp_path):
    s = open_store(tmp_path, DAY - dt.timedelta(days=2))
    s.settings.set("first_name", "Ana")
    s.close()
    s = open_store(tmp_path, DAY - dt.timedelta(days=1))  # yesterday's backup holds Ana
    s.close()
    path = tmp_path / "profiles" / "p1.sqlite3"
    for suffix in ("-wal", "-shm"):
        if os.path.exists(f"{path}{suffix}"):
            os.remove(f"{path}{suffix}")
    _damage(path)
    s = open_store(tmp_path)
    assert s.recovery is not None
    assert s.recovery.restored_from == DAY - dt.timedelta(days=1)
    assert s.recovery.damaged_copy.exists()
    assert s.settings.get("first_name") == "Ana"
    s.close()


def test_damaged_database_without_backup_starts_fresh_and_keeps_the_file(tmp_path):
    path = tmp_path / "profiles" / "p1.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database at all" * 100)
    s = Store(path, tmp_path / "backups", DAY)
    assert s.recovery.restored_from is None
    assert s.recovery.damaged_copy.read_bytes().startswith(b"this is not")
    assert s.settings.get("first_name") == ""
    s.close()


def test_one_backup_a_day_and_only_seven_kept(tmp_path):
    for i in range(10):
        s = open_store(tmp_path, DAY + dt.timedelta(days=i))
        s.close()
        s = open_store(tmp_path, DAY + dt.timedelta(days=i))
        s.close()
    kept = backups.list_backups(tmp_path / "backups", tmp_path / "profiles" / "p1.sqlite3")
    assert len(kept) == 7
    assert kept[0][0] == DAY + dt.timedelta(days=9)


def test_a_task_kept_in_an_old_wording_is_shown_in_the_new_one(tmp_path):
    """A list saved before a wording changed keeps being shown in the person's language."""
    from app.core.activity import CALL_BANK, STRANGE_HOW

    path = tmp_path / "p.sqlite3"
    conn = sqlite3.connect(path)
    migrate(conn, up_to=6)
    old_title = (
        "Call your bank about {amount} paid to {payee} on {date} — use the number on your card"
    )
    old_how = (
        "Change its password first. Then call the number on an official letter or on "
        "your card, never a number from a message, and say what you saw."
    )
    conn.execute(
        "INSERT INTO tasks (rule, source, title, how, created) VALUES "
        "('activity.bank.1', 'activity', ?, '', '2026-11-01'), "
        "('activity.strange.2', 'activity', 'Tell them', ?, '2026-11-01')",
        (old_title, old_how),
    )
    conn.commit()
    conn.close()
    s = Store(path, None, DAY)
    assert s.tasks.by_rule("activity.bank.1").title == CALL_BANK
    assert s.tasks.by_rule("activity.strange.2").how == STRANGE_HOW
    s.close()
