"""The data folder: each person's database and backups, and what a helper does with them.

List the people (their first names read from each file), create, rename, erase
everything about one person, export one to a single `.sereno` file and import one back
(checked first: a damaged file or one from a newer Sereno is refused, nothing changed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.store import backups, limits
from app.store.db import Database, StoreError, check, make_private_dir
from app.store.lock import ProfileLock
from app.store.verify import MAX_FILE_BYTES, open_read_only

_ID = re.compile(r"p[0-9a-f]{8}")
_BACKUP_NAME = re.compile(r"^([^.]+)-\d{4}-\d{2}-\d{2}\.sqlite3$")
_WAL_SUFFIX = ".sqlite3-wal"

APP_NAME = "Sereno"
EXTENSION = ".sereno"
# Settings read without opening a profile, to show its name in the chooser.
_SHOWN = ("first_name", "language", "text_size", "first_run_done")


def _token() -> str:
    import secrets  # with hashlib and hmac: only when a profile is made or imported

    return secrets.token_hex(4)


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Profile:
    """One person on this computer: the id of their file and what the chooser shows."""

    id: str
    name: str = ""
    language: str = ""
    text_size: int = 100
    path: Path = field(default=Path(), compare=False)
    readable: bool = True  # False: the file could not be read; the chooser says so


@dataclass(frozen=True)
class Erased:
    """What erasing a person removed: their notes, how many daily copies, damaged copies."""

    notes: bool
    backups: int
    damaged: int
    paths: tuple[Path, ...]


def _read_settings(path: Path) -> dict | None:
    """A few settings of a profile file, read-only; None when it cannot be read.

    The file is not trusted yet (the full read comes when it is opened): nothing in it
    runs, long values are refused by sqlite, and whatever goes wrong only means "cannot
    be read", never a crash that would stop the chooser for everyone.
    """
    try:
        conn = open_read_only(path)
        try:
            marks = ",".join("?" * len(_SHOWN))
            rows = conn.execute(
                f"SELECT key, value FROM settings WHERE key IN ({marks})", _SHOWN
            ).fetchall()
        finally:
            conn.close()
        found = {}
        for key, value in rows:
            if not isinstance(value, str) or len(value) > limits.JSON_CHARS:
                continue
            try:
                found[key] = json.loads(value)
            except (ValueError, RecursionError):
                continue
        return found
    except Exception:  # noqa: BLE001 - any failure means "cannot be read", said plainly
        return None


def _profile(profile_id: str, path: Path) -> Profile:
    values = _read_settings(path)
    if values is None:
        return Profile(profile_id, path=path, readable=False)
    name = values.get("first_name")
    size = values.get("text_size")
    lang = values.get("language")
    return Profile(
        profile_id,
        limits.clip(name.strip(), limits.NAME) if isinstance(name, str) else "",
        lang if lang in ("es_MX", "fr_FR", "en") else "",
        size if size in (100, 125, 150, 175) else 100,
        path,
    )


class DataDir:
    """profiles/<id>.sqlite3 and backups/<id>-<date>.sqlite3 under one private folder.

    `today` is the one clock the folder reads (the day a backup is named after), so that
    tests and the app can fix it. `staging/` holds a file being brought in while it is
    checked; it is emptied at every start and when someone is erased. `locks/` holds one
    lock per open person (app/store/lock.py).
    """

    def __init__(self, root: Path, today: Callable[[], dt.date] = dt.date.today):
        self.root = Path(root)
        self.today = today
        self.profiles_dir = self.root / "profiles"
        self.backup_dir = self.root / "backups"
        self.staging_dir = self.root / "staging"
        self.locks_dir = self.root / "locks"

    def ensure(self) -> None:
        for folder in (
            self.root,
            self.profiles_dir,
            self.backup_dir,
            self.staging_dir,
            self.locks_dir,
        ):
            make_private_dir(folder)

    def clear_staging(self) -> None:
        """Remove whatever a check left behind (a start, an import cut short)."""
        if not self.staging_dir.is_dir():
            return
        for path in self.staging_dir.iterdir():
            try:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink()
            except OSError:
                continue
        # Older Sereno staged imports beside the profiles.
        if self.profiles_dir.is_dir():
            for path in self.profiles_dir.iterdir():
                if path.name.startswith("peek-") or ".sqlite3.import" in path.name:
                    path.unlink(missing_ok=True)

    def profile_ids(self) -> list[str]:
        if not self.profiles_dir.is_dir():
            return []
        return sorted(
            name[: -len(".sqlite3")]
            for name in os.listdir(self.profiles_dir)
            if name.endswith(".sqlite3") and valid_id(name[: -len(".sqlite3")])
        )

    def path_for(self, profile_id: str) -> Path:
        if not valid_id(profile_id):
            raise StoreError("bad_id", repr(profile_id)[:20])
        return self.profiles_dir / f"{profile_id}.sqlite3"

    def lock(self, profile_id: str) -> ProfileLock:
        self.path_for(profile_id)  # the id is checked before it names a file
        return ProfileLock(self.locks_dir, profile_id)

    def new_profile_id(self) -> str:
        while True:
            candidate = "p" + _token()
            if not self.path_for(candidate).exists():
                return candidate

    def profile_to_open(self) -> str:
        """The first profile: its database, else a WAL left without it, else its backups.

        Damaged copies set aside ("p1.damaged-....sqlite3") are never taken for a profile,
        and a profile whose file is gone is found again through what is left of it, so that
        its backup is brought back instead of starting an empty profile.
        """
        ids = self.profile_ids()
        if ids:
            return ids[0]
        if self.profiles_dir.is_dir():
            orphans = sorted(
                p.name[: -len(_WAL_SUFFIX)]
                for p in self.profiles_dir.iterdir()
                if p.name.endswith(_WAL_SUFFIX) and valid_id(p.name[: -len(_WAL_SUFFIX)])
            )
            if orphans:
                return orphans[0]
        if self.backup_dir.is_dir():
            backed = sorted(
                {
                    m.group(1)
                    for p in self.backup_dir.iterdir()
                    if (m := _BACKUP_NAME.match(p.name)) and valid_id(m.group(1))
                }
            )
            if backed:
                return backed[0]
        return self.new_profile_id()

    # The people -------------------------------------------------------------------------
    def all_profiles(self) -> list[Profile]:
        """Every person, by name (people without a name last, oldest file first); a file
        that cannot be read is listed with `readable` False."""
        found = [_profile(pid, self.path_for(pid)) for pid in self.profile_ids()]

        def order(p: Profile):
            try:
                mtime = p.path.stat().st_mtime
            except OSError:
                mtime = 0.0
            return (not p.name, p.name.casefold(), mtime)

        return sorted(found, key=order)

    def profiles(self) -> list[Profile]:
        """The people whose notes can be read (the chooser says when someone is left out)."""
        return [p for p in self.all_profiles() if p.readable]

    def unreadable(self) -> list[Profile]:
        return [p for p in self.all_profiles() if not p.readable]

    def profile(self, profile_id: str) -> Profile:
        return _profile(profile_id, self.path_for(profile_id))

    def find_by_name(self, name: str) -> str | None:
        """The id of the person with this name (ignoring case), if there is one."""
        wanted = name.strip().casefold()
        if not wanted:
            return None
        return next((p.id for p in self.profiles() if p.name.casefold() == wanted), None)

    def create(self, name: str = "") -> str:
        """A new, empty profile (its first run still to do); returns its id."""
        self.ensure()
        profile_id = self.new_profile_id()
        db = Database(self.path_for(profile_id), self.backup_dir, self.today)
        try:
            if name.strip():
                db.set_json("settings", "first_name", limits.clip(name.strip(), limits.NAME))
        finally:
            db.close()
        return profile_id

    def rename(self, profile_id: str, name: str) -> None:
        """Change the person's first name (the name shown everywhere, printouts too)."""
        path = self.path_for(profile_id)
        if not path.exists():
            raise StoreError("missing", profile_id)
        db = Database(path, self.backup_dir, self.today)
        try:
            db.set_json("settings", "first_name", limits.clip(name.strip(), limits.NAME))
        finally:
            db.close()

    # Erasing ----------------------------------------------------------------------------
    def files_of(self, profile_id: str) -> list[Path]:
        """Every file that holds something of this person: notes, journal, copies."""
        self.path_for(profile_id)  # a checked id: never a pattern, never a path
        found = []
        own = (f"{profile_id}.", f"{profile_id}-")
        for folder in (self.profiles_dir, self.backup_dir):
            if folder.is_dir():
                found += [p for p in folder.iterdir() if p.name.startswith(own)]
        return sorted(p for p in found if p.is_file() or p.is_symlink())

    def erase(self, profile_id: str) -> Erased:
        """Remove everything about this person. Close their store first.

        Refused (StoreError "in_use") while another Sereno has this person open.
        """
        lock = self.lock(profile_id)
        if self.locks_dir.is_dir() and not lock.acquire():
            raise StoreError("in_use", profile_id)
        removed = []
        try:
            for path in self.files_of(profile_id):
                path.unlink(missing_ok=True)
                removed.append(path)
            self.clear_staging()
        finally:
            lock.release(remove=True)
        return Erased(
            notes=self.path_for(profile_id) in removed,
            backups=sum(
                1 for p in removed if p.parent == self.backup_dir and p.name.endswith(".sqlite3")
            ),
            damaged=sum(
                1 for p in removed if ".damaged-" in p.name and p.name.endswith(".sqlite3")
            ),
            paths=tuple(removed),
        )

    # Export and import ------------------------------------------------------------------
    def export(self, profile_id: str, target: Path, conn: sqlite3.Connection | None = None) -> Path:
        """Copy a profile into one private `.sereno` file (atomically); `conn` if it is open."""
        return export_profile(conn or self.path_for(profile_id), target)

    def _stage(self, source: Path) -> Path:
        """Copy the file into a private staging file, so checks never touch the original.

        Only a regular file is read (a pipe, a device or a folder is refused before a byte
        is read), opened without waiting, and never more than MAX_IMPORT_BYTES of it.
        """
        self.ensure()
        try:
            staging, out_fd = backups.private_temp(self.staging_dir / "import.sqlite3", "import")
        except OSError as exc:
            raise StoreError("cannot_write", type(exc).__name__) from exc
        try:
            with os.fdopen(out_fd, "wb") as out:
                copy_regular_file(Path(source), out, MAX_IMPORT_BYTES)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            staging.unlink(missing_ok=True)
            raise
        return staging

    def _discard(self, staging: Path) -> None:
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(f"{staging}{extra}").unlink(missing_ok=True)

    def peek(self, source: Path) -> str:
        """Check a file whole before importing it; the first name written in it (or "")."""
        staging = self._stage(source)
        try:
            check(staging)
            return name_in_file(staging)
        finally:
            self._discard(staging)

    def import_file(self, source: Path, replace: str | None = None) -> str:
        """Bring in an exported file as a new profile; `replace` is erased once it opened.

        The file is copied first, then read whole (app/store/verify.py) and migrated
        forward; on any problem nothing is changed. The person it replaces is erased only
        after the new file has opened; the caller that opens it in a window passes no
        `replace` and erases the old one itself once the window is open.
        """
        staging = self._stage(source)
        profile_id = self.new_profile_id()
        target = self.path_for(profile_id)
        try:
            check(staging)
            os.replace(staging, target)
            Database(target, self.backup_dir, self.today).close()
        except BaseException:
            self._discard(staging)
            for extra in ("", "-wal", "-shm"):
                Path(f"{target}{extra}").unlink(missing_ok=True)
            for _day, copy in backups.list_backups(self.backup_dir, target):
                copy.unlink(missing_ok=True)
            raise
        if replace and replace != profile_id:
            self.erase(replace)
        return profile_id


MAX_IMPORT_BYTES = MAX_FILE_BYTES


def copy_regular_file(source: Path, out, cap: int) -> int:
    """Copy a regular file into `out`, at most `cap` bytes; StoreError otherwise.

    "not_a_file" for a pipe, device, socket or folder (checked on the opened file, so a
    link swapped in between changes nothing), "too_big" past the cap (checked before the
    copy and while copying: a file may grow), "unreadable" when it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as exc:
        raise StoreError("unreadable", type(exc).__name__) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError("not_a_file", stat.filemode(info.st_mode))
        if info.st_size > cap:
            raise StoreError("too_big", f"{info.st_size} bytes")
        copied = 0
        while True:
            try:
                chunk = os.read(fd, 1 << 20)
            except OSError as exc:
                raise StoreError("unreadable", type(exc).__name__) from exc
            if not chunk:
                return copied
            copied += len(chunk)
            if copied > cap:
                raise StoreError("too_big", f"over {cap} bytes")
            out.write(chunk)
    finally:
        os.close(fd)


def valid_id(profile_id: object) -> bool:
    """A profile id Sereno made: "p" and 8 hexadecimal digits, nothing else."""
    return isinstance(profile_id, str) and _ID.fullmatch(profile_id) is not None


def validate(path: Path) -> None:
    """Raise StoreError ("damaged", "too_new" or "not_sereno") unless it is a good profile."""
    check(path)


def name_in_file(path: Path) -> str:
    """The first name written in a profile file, or "" (validate it first)."""
    name = (_read_settings(Path(path)) or {}).get("first_name")
    return limits.clip(name.strip(), limits.NAME) if isinstance(name, str) else ""


def export_profile(source: sqlite3.Connection | Path, target: Path) -> Path:
    """A consistent copy (sqlite backup API) into `target`, `.sereno` added, mode 0600."""
    target = Path(target)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    if isinstance(source, sqlite3.Connection):
        backups.copy_database(source, target)
        return target
    conn = open_read_only(Path(source))
    try:
        backups.copy_database(conn, target)
    finally:
        conn.close()
    return target
