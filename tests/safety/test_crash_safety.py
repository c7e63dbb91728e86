"""Killed at any moment (kill -9), the store keeps every change it said was saved.

A writer process (writer.py) adds tasks, accounts and reviewed payments through the real
Store and prints each one after the write returned. It is killed with SIGKILL at random
moments (seeded): while starting, migrating, taking its daily backup or writing. After
each kill the database is opened the way Sereno opens it: it must not be taken for a
damaged one, pass `PRAGMA integrity_check`, and hold everything reported before the kill.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.store import Store

WRITER = Path(__file__).with_name("writer.py")
KILLS = 28
SEED = 20261123

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9 (POSIX)")


def reported(output: bytes) -> list[tuple[str, int, str]]:
    """The complete lines the writer printed (a line cut by the kill does not count)."""
    lines = output.decode("utf-8").split("\n")[:-1]
    found = []
    for line in lines:
        if line == "ready":
            continue
        kind, ident, value = line.split(" ", 2)
        found.append((kind, int(ident), value))
    return found


def stored(store: Store) -> dict[str, dict[int, str]]:
    db = store.db
    return {
        "task": {r["id"]: r["title"] for r in db.query("SELECT id, title FROM tasks")},
        "account": {r["id"]: r["name"] for r in db.query("SELECT id, name FROM accounts")},
        "verdict": {
            r["id"]: r["verdict"]
            for r in db.query(
                "SELECT id, verdict FROM activity_transactions WHERE verdict IS NOT NULL"
            )
        },
    }


@pytest.mark.timeout(120)
def test_kill_9_at_random_moments_loses_nothing_that_was_saved(tmp_path):
    rnd = random.Random(SEED)
    db_path = tmp_path / "profiles" / "p1.sqlite3"
    backup_dir = tmp_path / "backups"
    committed: dict[str, dict[int, str]] = {"task": {}, "account": {}, "verdict": {}}
    kills_while_writing = 0
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for run in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db_path), str(backup_dir), str(run), str(run)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        head = b""
        if rnd.random() < 0.8:
            head = proc.stdout.readline()  # store open: kill it while writing
            assert head == b"ready\n", proc.stderr.read().decode()
        time.sleep(rnd.uniform(0.0, 0.2))
        assert proc.poll() is None, proc.stderr.read().decode()
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL
        changes = reported(head + out)
        kills_while_writing += bool(changes)
        for kind, ident, value in changes:
            committed[kind][ident] = value

        if not db_path.exists():
            assert not changes
            continue
        raw = sqlite3.connect(db_path)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"run {run}"
        finally:
            raw.close()
        store = Store(db_path, backup_dir)
        try:
            assert store.recovery is None, f"run {run}: a kill was taken for damage"
            found = stored(store)
            for kind, items in committed.items():
                missing = {i: v for i, v in items.items() if found[kind].get(i) != v}
                assert not missing, f"run {run}: {kind} reported saved but not there: {missing}"
        finally:
            store.close()

    assert kills_while_writing >= KILLS // 2
    # Not vacuous: every kill while writing came after saved changes (a count, not a speed:
    # a loaded machine writes fewer in the same time, and that proves nothing either way).
    assert sum(len(v) for v in committed.values()) >= kills_while_writing
    assert not list(backup_dir.glob("*.tmp")), "a half-written backup was left behind"
