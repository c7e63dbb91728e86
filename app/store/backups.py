"""Rolling daily backups through sqlite's backup API: at most one a day, the last 7 kept."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

KEEP = 7
_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")


def backup_path(backup_dir: Path, db_path: Path, day: dt.date) -> Path:
    return backup_dir / f"{db_path.stem}-{day.isoformat()}.sqlite3"


def list_backups(backup_dir: Path, db_path: Path) -> list[tuple[dt.date, Path]]:
    """This profile's backups, newest first."""
    found = []
    for path in backup_dir.glob(f"{db_path.stem}-*.sqlite3"):
        match = _DATED.search(path.name)
        if match and path.name == f"{db_path.stem}-{match.group(1)}.sqlite3":
            found.append((dt.date.fromisoformat(match.group(1)), path))
    return sorted(found, reverse=True)


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of a live database into a new private file, written atomically."""
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a half-written copy (full disk) is never left behind
        Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise


def rolling_backup(conn: sqlite3.Connection, db_path: Path, backup_dir: Path,
                   today: dt.date) -> None:
    backup_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(backup_dir, 0o700)
    for stale in backup_dir.glob(f"{db_path.stem}-*.sqlite3.tmp*"):
        stale.unlink(missing_ok=True)  # a copy cut short (the computer stopped): never used
    target = backup_path(backup_dir, db_path, today)
    if not target.exists():
        copy_database(conn, target)
    for _day, old in list_backups(backup_dir, db_path)[KEEP:]:
        old.unlink(missing_ok=True)


def restore_newest(backup_dir: Path, db_path: Path,
                   check: Callable[[Path], None]) -> dt.date | None:
    """Copy the newest backup that passes `check` into place; its date, or None."""
    for day, path in list_backups(backup_dir, db_path):
        try:
            check(path)
        except Exception:  # noqa: BLE001 - any failing backup is skipped for an older one
            continue
        tmp = db_path.with_name(db_path.name + ".restore")
        try:
            tmp.unlink(missing_ok=True)
            os.close(os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600))  # private from the start
            shutil.copyfile(path, tmp)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, db_path)
        except BaseException:
            tmp.unlink(missing_ok=True)  # the backup itself is never touched
            raise
        if os.name == "posix":
            os.chmod(db_path, 0o600)
        return day
    return None
