"""Damaged, missing, newer, read-only or full: Sereno starts with a plain message.

Each case starts the real `main()` on a data folder (`--data-dir`), with message boxes
recorded and the event loop replaced. Where a backup exists it is brought back; neither
the backups nor the damaged original are ever lost.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.core.tasks import Task
from app.store import Store
from app.store.migrations import latest_version
from app.store.profiles import DataDir
from app.ui import application
from tests.safety.running import Run

PID = "p00000001"
TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)
TASKS = 150
RESTORED = "Your notes could not be read, so Sereno brought back the copy it made on {date}."
AFRESH = "Your notes could not be read and there was no earlier copy, so Sereno starts afresh."
CANNOT_SAVE = "Sereno cannot save on this computer right now"
TOO_NEW = "These notes were saved by a newer version of Sereno."


def profile(data_dir: Path, backup: bool = True) -> Path:
    """A person's notes (name, first run done, many tasks); yesterday's backup holds them."""
    folder = DataDir(data_dir)
    folder.ensure()
    path = folder.path_for(PID)
    store = Store(path, folder.backup_dir if backup else None, TODAY - dt.timedelta(days=2))
    store.settings.set("first_name", "Ana")
    store.settings.set("first_run_done", True)
    store.settings.set("country", "MX")
    for i in range(TASKS):
        store.tasks.add(Task(title=f"Task {i}", note="Llamar al banco. " * 20))
    store.close()
    if backup:
        Store(path, folder.backup_dir, YESTERDAY).close()
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{path}{suffix}").exists()
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def assert_kept(before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """Every backup is still there, byte for byte."""
    for name, data in before.items():
        if name.startswith("backups"):
            assert after.get(name) == data, f"backup {name} lost or changed"


def damaged_copies(data_dir: Path, suffix: str = ".sqlite3") -> list[Path]:
    """The damaged files kept aside (their main file, or `-wal`)."""
    return sorted(
        p for p in (data_dir / "profiles").glob(f"{PID}.damaged-*") if p.name.endswith(suffix)
    )


def assert_unchanged(before: dict[str, bytes], after: dict[str, bytes]) -> None:
    """Every file is as it was; sqlite may only have added its -wal/-shm beside a file."""
    for name, data in before.items():
        assert after.get(name) == data, f"{name} changed or lost"
    for name in set(after) - set(before):
        if name.startswith("locks/"):
            continue  # the lock that keeps a second start from opening the same person
        assert name.endswith(("-wal", "-shm")) and name[:-4] in before, f"{name} was added"


def reopen(data_dir: Path) -> Store:
    return Store(DataDir(data_dir).path_for(PID))


def assert_notes_back(data_dir: Path) -> None:
    store = reopen(data_dir)
    try:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.settings.get("first_name") == "Ana"
        assert len(store.tasks.all()) == TASKS
    finally:
        store.close()


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 5])


def garbage_in_the_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rnd = random.Random(7)
    middle = len(data) // 2 // 4096 * 4096
    data[middle - 4096 : middle + 8192] = bytes(rnd.randrange(256) for _ in range(12288))
    path.write_bytes(bytes(data))


def flipped_date(path: Path) -> None:
    """One bit: 2026-11-23 becomes 2026-11-33; integrity_check still says "ok"."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE tasks SET due = '2027-01-33' WHERE id = 1")
    conn.close()


def nested_setting(path: Path) -> None:
    """A 400 KB nested JSON setting: json.loads stopped every start with RecursionError."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "UPDATE settings SET value = ? WHERE key = 'country'", ("[" * 200_000 + "]" * 200_000,)
    )
    conn.close()


def hidden_trigger(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON tasks BEGIN DELETE FROM tasks; END")
    conn.close()


@pytest.mark.parametrize(
    "damage", [truncate, garbage_in_the_middle, flipped_date, nested_setting, hidden_trigger]
)
def test_a_damaged_database_is_kept_aside_and_the_backup_brought_back(
    qapp, monkeypatch, tmp_path, damage
):
    data_dir = tmp_path / "data"
    path = profile(data_dir)
    damage(path)
    damaged = path.read_bytes()
    before = snapshot(data_dir)
    run = Run(monkeypatch, data_dir)
    assert run() == 0
    date = i18n.format_date(YESTERDAY)
    assert run.shown == [
        ("information", RESTORED.format(date=date) + " A copy of the damaged file was kept.")
    ]
    (copy,) = damaged_copies(data_dir)
    assert copy.read_bytes() == damaged
    assert_kept(before, snapshot(data_dir))
    assert_notes_back(data_dir)


def test_a_damaged_database_without_a_backup_starts_afresh_and_keeps_the_file(
    qapp, monkeypatch, tmp_path
):
    data_dir = tmp_path / "data"
    path = profile(data_dir, backup=False)
    garbage_in_the_middle(path)
    damaged = path.read_bytes()
    run = Run(monkeypatch, data_dir)
    assert run() == 0
    assert run.shown[0][0] == "information" and run.shown[0][1].startswith(AFRESH)
    (copy,) = damaged_copies(data_dir)
    assert copy.read_bytes() == damaged
    store = reopen(data_dir)
    assert store.tasks.all() == []  # afresh, and the next start does not warn again
    store.close()
    again = Run(monkeypatch, data_dir)
    assert again() == 0 and again.shown == []
    assert damaged_copies(data_dir) == [copy]


def test_a_database_from_a_newer_version_is_refused_and_left_as_it_was(qapp, monkeypatch, tmp_path):
    data_dir = tmp_path / "data"
    path = profile(data_dir)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    before = snapshot(data_dir)
    run = Run(monkeypatch, data_dir)
    assert run() == 1
    assert len(run.shown) == 1 and run.shown[0][1].startswith(TOO_NEW)
    assert_unchanged(before, snapshot(data_dir))
    assert damaged_copies(data_dir) == []


def wal_alone(data_dir: Path) -> bytes:
    """Changes still in the WAL, and the database file itself gone (a copy went wrong)."""
    path = DataDir(data_dir).path_for(PID)
    store = Store(path)
    store.settings.set("first_name", "Beatriz")
    wal = Path(f"{path}-wal").read_bytes()
    store.close()
    path.unlink()
    Path(f"{path}-wal").write_bytes(wal)
    return wal


def test_a_wal_without_its_database_is_kept_and_the_backup_brought_back(
    qapp, monkeypatch, tmp_path
):
    data_dir = tmp_path / "data"
    profile(data_dir)
    wal = wal_alone(data_dir)
    before = snapshot(data_dir)
    run = Run(monkeypatch, data_dir)
    assert run() == 0
    assert run.shown == [
        (
            "information",
            RESTORED.format(date=i18n.format_date(YESTERDAY))
            + " A copy of the damaged file was kept.",
        )
    ]
    assert [p.read_bytes() for p in damaged_copies(data_dir, "-wal")] == [wal]
    assert_kept(before, snapshot(data_dir))
    assert_notes_back(data_dir)
    assert sorted(p.name for p in (data_dir / "profiles").glob("*.sqlite3")) == [f"{PID}.sqlite3"]


def test_a_wal_without_its_database_or_a_backup_starts_afresh_and_keeps_it(
    qapp, monkeypatch, tmp_path
):
    data_dir = tmp_path / "data"
    profile(data_dir, backup=False)
    for old in (data_dir / "backups").iterdir():
        old.unlink()
    wal = wal_alone(data_dir)
    run = Run(monkeypatch, data_dir)
    assert run() == 0
    assert run.shown[0][1].startswith(AFRESH)
    assert [p.read_bytes() for p in damaged_copies(data_dir, "-wal")] == [wal]


def test_a_lost_database_is_brought_back_from_its_backup(qapp, monkeypatch, tmp_path):
    data_dir = tmp_path / "data"
    path = profile(data_dir)
    path.unlink()
    run = Run(monkeypatch, data_dir)
    assert run() == 0
    assert run.shown == [
        (
            "information",
            "Your notes were not found, so Sereno brought back "
            f"the copy it made on {i18n.format_date(YESTERDAY)}.",
        )
    ]
    assert_notes_back(data_dir)


def _open_to_other_users(path: Path) -> bool:
    """Whether another user could read the app's files here (every folder up is o+rx)."""
    return all(p.stat().st_mode & 0o005 == 0o005 for p in [path, *path.parents])


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="a folder of another user is needed: run as root to simulate it",
)
@pytest.mark.skipif(
    not _open_to_other_users(Path(__file__).resolve().parents[2]),
    reason="the source tree sits in a private folder another user cannot read",
)
def test_a_read_only_data_folder_gives_a_plain_message_and_changes_nothing(tmp_path):
    """The folder belongs to someone else (an administrator, a read-only stick)."""
    outer = Path(tempfile.mkdtemp(prefix="sereno-ro-", dir="/tmp"))
    try:
        os.chmod(outer, 0o755)
        data_dir = outer / "data"
        profile(data_dir)
        for folder in [data_dir, *[p for p in data_dir.rglob("*") if p.is_dir()]]:
            os.chmod(folder, 0o755)
        for file in [p for p in data_dir.rglob("*") if p.is_file()]:
            os.chmod(file, 0o644)
        before = snapshot(data_dir)
        for case in ("existing", "first run"):
            target = data_dir if case == "existing" else data_dir / "profiles" / "empty"
            if case == "first run":
                target.mkdir(mode=0o755)
            done = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).with_name("app_runner.py")),
                    str(target),
                    "65534",
                ],
                capture_output=True,
                timeout=60,
                text=True,
            )
            assert done.returncode == 0, done.stderr
            result = json.loads(done.stdout.strip().splitlines()[-1])
            assert result["code"] == 1, case
            assert len(result["messages"]) == 1, case
            kind, text = result["messages"][0]
            assert kind == "critical" and text.startswith(CANNOT_SAVE), case
            assert "Traceback" not in done.stderr
            assert_unchanged(before, snapshot(data_dir))
    finally:
        shutil.rmtree(outer, ignore_errors=True)


class FullDisk:
    """The disk is full: sqlite answers every write "database or disk is full" (SQLITE_FULL).

    Installed as the factory of every sqlite connection; `at` is "write" (the statement
    fails) or "commit" (the statement is kept, the commit fails).
    """

    def __init__(self, monkeypatch):
        self.full = False
        self.at = "write"
        disk = self
        real_connect = sqlite3.connect

        class Connection(sqlite3.Connection):
            def _refuse(self, sql: str) -> None:
                if not disk.full:
                    return
                head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
                writes = {"INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"}
                if head in {"COMMIT", "END"} or (disk.at == "write" and head in writes):
                    raise sqlite3.OperationalError("database or disk is full")

            def execute(self, sql, *args):
                self._refuse(sql)
                return super().execute(sql, *args)

            def executemany(self, sql, *args):
                self._refuse(sql)
                return super().executemany(sql, *args)

            def executescript(self, script):
                self._refuse("INSERT" if "BEGIN" in script.upper() else script)
                return super().executescript(script)

            def backup(self, *args, **kwargs):
                if disk.full:
                    raise sqlite3.OperationalError("database or disk is full")
                return super().backup(*args, **kwargs)

        def connect(*args, **kwargs):
            kwargs.setdefault("factory", Connection)
            return real_connect(*args, **kwargs)

        monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_full_disk_at_start_still_opens_the_notes_and_loses_nothing(qapp, monkeypatch, tmp_path):
    """Reading needs no room: the notes open (no copy is taken before a change any more),
    a change that cannot be saved says so (test below), and nothing is lost or half-made."""
    data_dir = tmp_path / "data"
    profile(data_dir)
    before = snapshot(data_dir)
    disk = FullDisk(monkeypatch)
    disk.full = True
    run = Run(monkeypatch, data_dir)
    seen = {}

    def during(window):
        seen["name"] = window.controller.setting("first_name")
        seen["tasks"] = len(window.controller.store.tasks.all())
        disk.full = False  # room again before the window saves where the person stopped

    run.during = during
    assert run() == 0
    assert seen == {"name": "Ana", "tasks": TASKS}
    assert run.shown == []
    assert_kept(before, snapshot(data_dir))
    assert not list(data_dir.rglob("*.tmp"))
    assert_notes_back(data_dir)


def test_a_first_start_on_a_full_disk_gives_a_plain_message(qapp, monkeypatch, tmp_path):
    disk = FullDisk(monkeypatch)
    disk.full = True
    run = Run(monkeypatch, tmp_path / "new")
    assert run() == 1
    assert len(run.shown) == 1 and run.shown[0][1].startswith(CANNOT_SAVE)


@pytest.mark.parametrize("at", ["write", "commit"])
def test_a_write_refused_while_running_gives_a_plain_message_and_loses_nothing(
    qapp, qtbot, monkeypatch, tmp_path, capfd, at
):
    data_dir = tmp_path / "data"
    profile(data_dir)
    disk = FullDisk(monkeypatch)
    disk.at = at
    run = Run(monkeypatch, data_dir)
    seen = {}

    def during(window):
        window.controller.start("what_happened")
        page = window.current
        disk.full = True
        imss = next(r for r in page.group.rows if r.value == "imss")
        qtbot.mouseClick(imss, Qt.MouseButton.LeftButton)  # saved at once: refused
        seen["after_failure"] = list(run.shown)
        disk.full = False  # room again: Sereno carries on and saves
        bank = next(r for r in page.group.rows if r.value == "bank")
        qtbot.mouseClick(bank, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        seen["step"] = window.controller.navigator.position.step

    run.during = during
    assert run() == 0
    assert seen["after_failure"] == [("warning", application.SAVE_FAILED)]
    assert seen["step"] == "what_happened.exposed"
    err = capfd.readouterr().err
    assert "Traceback" not in err and "disk is full" not in err
    assert "Sereno: OperationalError" in err
    store = reopen(data_dir)
    try:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.answers.notice() == "bank"
        assert store.settings.get("first_name") == "Ana"
        assert len(store.tasks.all()) == TASKS
    finally:
        store.close()


def test_an_unexpected_error_at_start_is_told_plainly_and_prints_no_stored_text(
    qapp, monkeypatch, tmp_path, capfd
):
    """The safety net is installed before the first open: what goes wrong while opening
    prints its kind and place only, never the text it was about."""
    data_dir = tmp_path / "data"
    profile(data_dir)
    from app.ui import session as session_module

    def broken(*_args, **_kwargs):
        raise ValueError("Lucía 55 1234, NSS 12345678901")

    monkeypatch.setattr(session_module, "Store", broken)
    run = Run(monkeypatch, data_dir)
    assert run() == 1
    assert run.shown == [("warning", application.UNEXPECTED)]
    err = capfd.readouterr().err
    assert "Sereno: ValueError" in err
    assert "Lucía" not in err and "12345678901" not in err and "Traceback" not in err
