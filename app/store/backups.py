"""Rolling daily copies through sqlite's backup API: one file a day, the last 7 kept.

Today's copy is made after the first change of the day and made again when the file is
closed, so it holds the day's work. Every copy is written to a temporary file of its own
(a unique name, created exclusively, never through a link) and renamed into place, so two
copies at once, or a copy cut short, never spoil another one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

KEEP = 7
STALE_SECONDS = 3600  # an unfinished copy this old was cut short (the computer stopped)
_DATED = re.compile(r"-(\d{4}-\d{2}-\d{2})\.sqlite3$")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def backup_path(backup_dir: Path, db_path: Path, day: dt.date) -> Path:
    return backup_dir / f"{db_path.stem}-{day.isoformat()}.sqlite3"


def private_temp(target: Path, tag: str = "tmp") -> tuple[Path, int]:
    """A new, empty, private file beside `target`, with a name nobody else uses.

    Created exclusively (O_EXCL) and never through a planted link (O_NOFOLLOW): the open
    file descriptor is returned with its path.
    """
    while True:
        tmp = target.with_name(f"{target.name}.{os.getpid()}x{secrets.token_hex(6)}.{tag}")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW | _BINARY, 0o600)
        except FileExistsError:
            continue
        return tmp, fd


def list_backups(backup_dir: Path, db_path: Path) -> list[tuple[dt.date, Path]]:
    """This profile's backups, newest first."""
    found = []
    if not backup_dir.is_dir():
        return found
    prefix = f"{db_path.stem}-"
    for path in backup_dir.iterdir():  # not glob: a name is never read as a pattern
        if not path.name.startswith(prefix):
            continue
        match = _DATED.search(path.name)
        if match and path.name == f"{db_path.stem}-{match.group(1)}.sqlite3":
            try:
                day = dt.date.fromisoformat(match.group(1))
            except ValueError:
                continue
            found.append((day, path))
    return sorted(found, reverse=True)


def has_backup(backup_dir: Path, db_path: Path, day: dt.date) -> bool:
    return backup_path(backup_dir, db_path, day).exists()


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy of a live database into a new private file, written atomically."""
    tmp, fd = private_temp(target)
    os.close(fd)
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a half-written copy (full disk) is never left behind
        Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise


_TEMP = re.compile(r"\.sqlite3\.(\d+)x[0-9a-f]+\.tmp(-journal)?$")


def _gone(pid: int) -> bool:
    """Whether no process has this id any more (unknown on Windows: False)."""
    if os.name != "posix" or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


def remove_stale(folder: Path, stem: str) -> None:
    """Unfinished copies of this profile whose Sereno stopped (killed, computer off).

    A copy another Sereno is writing right now is left alone: its process still runs.
    """
    if not folder.is_dir():
        return
    now = time.time()
    for path in folder.iterdir():
        match = _TEMP.search(path.name)
        if not match or not path.name.startswith(f"{stem}-"):
            continue
        try:
            if _gone(int(match.group(1))) or now - path.lstat().st_mtime > STALE_SECONDS:
                path.unlink()
        except OSError:
            continue


def rolling_backup(
    conn: sqlite3.Connection, db_path: Path, backup_dir: Path, today: dt.date, replace: bool = False
) -> None:
    """Make today's copy (again, when `replace`), and keep only the newest KEEP."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(backup_dir, 0o700)
    remove_stale(backup_dir, db_path.stem)
    target = backup_path(backup_dir, db_path, today)
    if replace or not target.exists():
        copy_database(conn, target)
    for _day, old in list_backups(backup_dir, db_path)[KEEP:]:
        old.unlink(missing_ok=True)


def made_at(day: dt.date, path: Path) -> dt.datetime | None:
    """When a copy was made: its file's time, if that falls on the day in its name."""
    try:
        moment = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return None
    return moment.replace(second=0, microsecond=0) if moment.date() == day else None


def restore_newest(
    backup_dir: Path, db_path: Path, check: Callable[[Path], None]
) -> tuple[dt.date, dt.datetime | None] | None:
    """Copy the newest backup that passes `check` (the full read) into place.

    Returns its day and when it was made (None if unknown), or None when none passes.
    """
    for day, path in list_backups(backup_dir, db_path):
        try:
            check(path)
        except Exception:  # noqa: BLE001 - any failing backup is skipped for an older one
            continue
        moment = made_at(day, path)
        tmp, fd = private_temp(db_path, "restore")
        try:
            with os.fdopen(fd, "wb") as out, open(path, "rb") as src:
                while chunk := src.read(1 << 20):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, db_path)
        except BaseException:
            tmp.unlink(missing_ok=True)  # the backup itself is never touched
            raise
        if os.name == "posix":
            os.chmod(db_path, 0o600)
        return day, moment
    return None
