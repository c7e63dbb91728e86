"""Open a profile's database safely: private file, WAL, full sync, checked, migrated.

A damaged database (not a database, malformed, fails its integrity check, or a WAL left
without its database) is moved aside (never deleted) and the newest good backup is
restored; a database whose file is gone is brought back from its newest backup. The caller
is told what happened so the person hears it in plain words. A file that merely cannot be
opened or written right now (read-only folder, full disk, locked) is never taken for a
damaged one: opening stops with StoreError and nothing is moved.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.store import backups, limits
from app.store.migrations import migrate
from app.store.verify import Refused, verify


class StoreError(Exception):
    """The store cannot be used; `reason` is a short code the UI turns into plain words."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


# What a failed read or write of the store can raise, for callers outside app/store.
STORAGE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, StoreError)


@dataclass(frozen=True)
class Recovery:
    """What happened on open: the damaged file kept aside and the backup used, if any."""

    damaged_copy: Path | None  # None when the file was missing rather than damaged
    restored_from: dt.date | None
    restored_at: dt.datetime | None = None  # when that copy was made, if known


def make_private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass  # another user's or a read-only folder: writing in it will say so


# sqlite's primary result codes that mean "cannot reach the file now", not "the file is bad".
_NOT_DAMAGE = {
    3,  # SQLITE_PERM
    5,  # SQLITE_BUSY
    6,  # SQLITE_LOCKED
    7,  # SQLITE_NOMEM
    8,  # SQLITE_READONLY
    10,  # SQLITE_IOERR
    13,  # SQLITE_FULL
    14,  # SQLITE_CANTOPEN
    23,  # SQLITE_AUTH
}


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is None or (code & 0xFF) not in _NOT_DAMAGE


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
    conn.execute("PRAGMA trusted_schema = OFF")  # nothing in the file runs with our rights
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        conn.close()
        raise StoreError("no_wal", str(mode))
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def check(path: Path) -> None:
    """Raise StoreError unless the file is a whole, well-formed Sereno profile (every row read).

    Reasons: "damaged", "not_sereno", "too_new", or "cannot_open" when the file merely
    cannot be reached now (that is never taken for damage).
    """
    try:
        verify(path)
    except Refused as exc:
        raise StoreError(exc.reason, str(exc)) from None
    except sqlite3.Error as exc:
        raise StoreError(
            "damaged" if _is_damage(exc) else "cannot_open", type(exc).__name__
        ) from None


def _clock(today: dt.date | Callable[[], dt.date] | None) -> Callable[[], dt.date]:
    if today is None:
        return dt.date.today
    if isinstance(today, dt.date):
        return lambda: today
    return today


class Database:
    """One profile's sqlite file. Every write is one committed transaction."""

    def __init__(
        self,
        path: Path,
        backup_dir: Path | None = None,
        today: dt.date | Callable[[], dt.date] | None = None,
    ):
        self.path = Path(path)
        self.backup_dir = backup_dir
        self.today = _clock(today)
        self.recovery: Recovery | None = None
        self.conn: sqlite3.Connection | None = None
        self.changed = False  # a change was written since this file was opened
        self._copied_on: dt.date | None = None  # the day of the copy after a change
        self._closed = False
        self._depth = 0  # open write() blocks: the inner ones join the outer transaction
        self.commits = 0  # transactions committed since the file was opened (tests count them)
        try:
            self._open()
        except (sqlite3.Error, OSError) as exc:
            # A read-only folder, a full disk: say so, and leave every file as it was.
            if self.conn is not None:
                self.conn.close()
            raise StoreError("cannot_write", f"{type(exc).__name__}: {exc}") from exc

    def _open(self) -> None:
        make_private_dir(self.path.parent)
        wal = Path(f"{self.path}-wal")
        if self.path.exists() and (not self.path.is_file() or self.path.stat().st_size > 0):
            try:
                check(self.path)
            except StoreError as exc:
                if exc.reason not in ("damaged", "not_sereno"):
                    raise
                self.recovery = self._recover()
        elif not self.path.exists() and wal.exists():
            # A WAL without its database: it cannot be read alone, and sqlite would
            # replay it into a new empty file. Keep it aside, bring back the backup.
            self.recovery = self._recover()
        elif not self.path.exists() and self._has_backups():
            restored = backups.restore_newest(self.backup_dir, self.path, check)
            if restored is not None:
                self.recovery = Recovery(None, *restored)
        self.conn = connect(self.path)
        before = self.conn.execute("PRAGMA user_version").fetchone()[0]
        self.changed = migrate(self.conn) != before
        # No copy here: a copy taken before the person does anything would hold nothing
        # new, and on a profile's first day it would be an empty one. The copies are made
        # after the first change of a day and when the file is closed.

    def _has_backups(self) -> bool:
        return self.backup_dir is not None and bool(
            backups.list_backups(self.backup_dir, self.path)
        )

    def _recover(self) -> Recovery:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        damaged = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        count = 1
        while any(Path(f"{damaged}{s}").exists() for s in ("", "-wal", "-shm")):
            count += 1  # never overwrite an earlier damaged copy
            damaged = self.path.with_name(
                f"{self.path.stem}.damaged-{stamp}-{count}{self.path.suffix}"
            )
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{self.path}{suffix}")
            if src.exists():
                os.replace(src, f"{damaged}{suffix}")
        restored = None
        if self.backup_dir is not None:
            restored = backups.restore_newest(self.backup_dir, self.path, check)
        return Recovery(damaged, *(restored or (None, None)))

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction that is committed (durably, synchronous=FULL) when the block ends.

        A write() inside another joins it: one person's action, however many rows it
        touches, is one commit, or nothing at all when any part of it fails.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself fails (disk full): the next write must start clean.
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0
        self.commits += 1
        self.changed = True
        if self.backup_dir is not None and self._copied_on != self.today():
            self._copy("change")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchall()

    def _copy(self, when: str) -> bool:
        """Today's copy of the file as it is now; False when it could not be made.

        The change itself is already saved: a copy refused by a full disk is tried again
        at the next change or at closing, and never reported as a failed save.
        """
        today = self.today()
        try:
            backups.rolling_backup(
                self.conn, self.path, self.backup_dir, today, replace=when == "close"
            )
        except (OSError, sqlite3.Error):
            return False
        if when == "change":
            self._copied_on = today
        return True

    def close(self) -> None:
        """Close the file; first, today's copy, when anything changed or none exists yet."""
        if self.conn is None or self._closed:
            return
        self._closed = True
        try:
            if self.backup_dir is not None and (
                self.changed or not backups.has_backup(self.backup_dir, self.path, self.today())
            ):
                self._copy("close")
        finally:
            self.conn.close()

    # Small JSON key-value tables (settings, progress, drafts, answers) share these.
    def get_json(self, table: str, key: str, default: Any = None) -> Any:
        row = self.conn.execute(f"SELECT value FROM {table} WHERE {_KEY[table]} = ?", (key,))
        found = row.fetchone()
        if found is None:
            return default
        try:
            return json.loads(found[0])
        except (ValueError, RecursionError):
            return default

    def set_json(self, table: str, key: str, value: Any) -> None:
        with self.write() as conn:
            conn.execute(
                f"INSERT INTO {table} ({_KEY[table]}, value) VALUES (?, ?) "
                f"ON CONFLICT({_KEY[table]}) DO UPDATE SET value = excluded.value",
                (key, json.dumps(limits.clip_json(value), ensure_ascii=False)),
            )

    def delete_json(self, table: str, key: str) -> None:
        with self.write() as conn:
            conn.execute(f"DELETE FROM {table} WHERE {_KEY[table]} = ?", (key,))


_KEY = {"settings": "key", "progress": "key", "answers": "key", "drafts": "page"}
