"""Open a profile's database safely: private file, WAL, full sync, checked, migrated.

A database that cannot be opened or fails its integrity check is moved aside (never
deleted) and the newest good backup is restored; the caller is told what happened so the
person hears it in plain words.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.store import backups
from app.store.migrations import latest_version, migrate


class StoreError(Exception):
    """The store cannot be used; `reason` is a short code the UI turns into plain words."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Recovery:
    """What happened on open: the damaged file kept aside and the backup used, if any."""

    damaged_copy: Path
    restored_from: dt.date | None


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)


def _create_private_file(path: Path) -> None:
    """Create the file 0600 before sqlite opens it (sqlite gives WAL files the same mode)."""
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)


def connect(path: Path) -> sqlite3.Connection:
    """A connection with the pragmas every write relies on."""
    _create_private_file(path)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        conn.close()
        raise StoreError("no_wal", str(mode))
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def check(path: Path) -> None:
    """Raise StoreError when the file is not a healthy Sereno database of a known version."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError("damaged", str(exc)) from exc
    if result != "ok":
        raise StoreError("damaged", str(result))
    if version > latest_version():
        raise StoreError("too_new", f"version {version}")


class Database:
    """One profile's sqlite file. Every write is one committed transaction."""

    def __init__(self, path: Path, backup_dir: Path | None = None, today: dt.date | None = None):
        self.path = Path(path)
        self.backup_dir = backup_dir
        self.recovery: Recovery | None = None
        make_private_dir(self.path.parent)
        if self.path.exists() and self.path.stat().st_size > 0:
            try:
                check(self.path)
            except StoreError as exc:
                if exc.reason == "too_new":
                    raise
                self.recovery = self._recover()
        self.conn = connect(self.path)
        migrate(self.conn)
        if backup_dir is not None:
            backups.rolling_backup(self.conn, self.path, backup_dir, today or dt.date.today())

    def _recover(self) -> Recovery:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        damaged = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.path}{suffix}")
            if src.exists():
                os.replace(src, f"{damaged}{suffix}")
        restored = None
        if self.backup_dir is not None:
            restored = backups.restore_newest(self.backup_dir, self.path, check)
        return Recovery(damaged, restored)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction that is committed (durably, synchronous=FULL) when the block ends."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchall()

    def close(self) -> None:
        self.conn.close()

    # Small JSON key-value tables (settings, progress, drafts, answers) share these.
    def get_json(self, table: str, key: str, default: Any = None) -> Any:
        row = self.conn.execute(f"SELECT value FROM {table} WHERE {_KEY[table]} = ?", (key,))
        found = row.fetchone()
        if found is None:
            return default
        try:
            return json.loads(found[0])
        except ValueError:
            return default

    def set_json(self, table: str, key: str, value: Any) -> None:
        with self.write() as conn:
            conn.execute(
                f"INSERT INTO {table} ({_KEY[table]}, value) VALUES (?, ?) "
                f"ON CONFLICT({_KEY[table]}) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def delete_json(self, table: str, key: str) -> None:
        with self.write() as conn:
            conn.execute(f"DELETE FROM {table} WHERE {_KEY[table]} = ?", (key,))


_KEY = {"settings": "key", "progress": "key", "answers": "key", "drafts": "page"}
