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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.store import backups
from app.store.db import Database, StoreError, check, make_private_dir

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


@dataclass(frozen=True)
class Erased:
    """What erasing a person removed: their notes, how many daily copies, damaged copies."""

    notes: bool
    backups: int
    damaged: int
    paths: tuple[Path, ...]


def _read_settings(path: Path) -> dict:
    """A few settings of a profile file, read-only; {} when it cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            marks = ",".join("?" * len(_SHOWN))
            rows = conn.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", _SHOWN)
            found = {}
            for key, value in rows:
                try:
                    found[key] = json.loads(value)
                except ValueError:
                    continue
            return found
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _profile(profile_id: str, path: Path) -> Profile:
    values = _read_settings(path)
    name = values.get("first_name")
    size = values.get("text_size")
    lang = values.get("language")
    return Profile(profile_id, name.strip() if isinstance(name, str) else "",
                   lang if isinstance(lang, str) else "",
                   size if isinstance(size, int) and not isinstance(size, bool) else 100, path)


class DataDir:
    """profiles/<id>.sqlite3 and backups/<id>-<date>.sqlite3 under one private folder.

    `today` is the one clock the folder reads (the day a backup is named after), so that
    tests and the app can fix it.
    """

    def __init__(self, root: Path, today: Callable[[], dt.date] = dt.date.today):
        self.root = Path(root)
        self.today = today
        self.profiles_dir = self.root / "profiles"
        self.backup_dir = self.root / "backups"

    def ensure(self) -> None:
        for folder in (self.root, self.profiles_dir, self.backup_dir):
            make_private_dir(folder)

    def profile_ids(self) -> list[str]:
        if not self.profiles_dir.is_dir():
            return []
        return sorted(p.stem for p in self.profiles_dir.glob("*.sqlite3") if "." not in p.stem)

    def path_for(self, profile_id: str) -> Path:
        return self.profiles_dir / f"{profile_id}.sqlite3"

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
            orphans = sorted(p.name[: -len(_WAL_SUFFIX)] for p in self.profiles_dir.iterdir()
                             if p.name.endswith(_WAL_SUFFIX)
                             and "." not in p.name[: -len(_WAL_SUFFIX)])
            if orphans:
                return orphans[0]
        if self.backup_dir.is_dir():
            backed = sorted({m.group(1) for p in self.backup_dir.iterdir()
                             if (m := _BACKUP_NAME.match(p.name))})
            if backed:
                return backed[0]
        return self.new_profile_id()

    # The people -------------------------------------------------------------------------
    def profiles(self) -> list[Profile]:
        """Every person, by name (people without a name last, oldest file first)."""
        found = [_profile(pid, self.path_for(pid)) for pid in self.profile_ids()]

        def order(p: Profile):
            return (not p.name, p.name.casefold(), self.path_for(p.id).stat().st_mtime)

        return sorted(found, key=order)

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
        db = Database(self.path_for(profile_id), self.backup_dir, self.today())
        try:
            if name.strip():
                db.set_json("settings", "first_name", name.strip())
        finally:
            db.close()
        return profile_id

    def rename(self, profile_id: str, name: str) -> None:
        """Change the person's first name (the name shown everywhere, printouts too)."""
        path = self.path_for(profile_id)
        if not path.exists():
            raise StoreError("missing", profile_id)
        db = Database(path, self.backup_dir, self.today())
        try:
            db.set_json("settings", "first_name", name.strip())
        finally:
            db.close()

    # Erasing ----------------------------------------------------------------------------
    def files_of(self, profile_id: str) -> list[Path]:
        """Every file that holds something of this person: notes, journal, copies."""
        main = self.path_for(profile_id)
        found = [Path(f"{main}{extra}") for extra in ("", "-wal", "-shm", "-journal", ".tmp",
                                                       ".restore", ".import")]
        if self.profiles_dir.is_dir():
            found += self.profiles_dir.glob(f"{profile_id}.damaged-*")
        if self.backup_dir.is_dir():
            found += self.backup_dir.glob(f"{profile_id}-*")
        return sorted({p for p in found if p.exists()})

    def erase(self, profile_id: str) -> Erased:
        """Remove everything about this person. Close their store first."""
        removed = []
        for path in self.files_of(profile_id):
            path.unlink(missing_ok=True)
            removed.append(path)
        return Erased(
            notes=self.path_for(profile_id) in removed,
            backups=sum(1 for p in removed if p.parent == self.backup_dir
                        and p.name.endswith(".sqlite3")),
            damaged=sum(1 for p in removed if ".damaged-" in p.name
                        and p.name.endswith(".sqlite3")),
            paths=tuple(removed),
        )

    # Export and import ------------------------------------------------------------------
    def export(self, profile_id: str, target: Path, conn: sqlite3.Connection | None = None) -> Path:
        """Copy a profile into one private `.sereno` file (atomically); `conn` if it is open."""
        return export_profile(conn or self.path_for(profile_id), target)

    def _stage(self, source: Path, staging: Path) -> None:
        """Copy the file into a private staging file, so checks never touch the original."""
        try:
            fd = os.open(staging, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            staging.unlink(missing_ok=True)
            raise StoreError("unreadable", str(exc)) from exc

    def peek(self, source: Path) -> str:
        """Check a file before importing it; the first name written in it (or "")."""
        self.ensure()
        staging = self.profiles_dir / f"peek-{_token()}.sqlite3.import"
        self._stage(source, staging)
        try:
            validate(staging)
            return name_in_file(staging)
        finally:
            for extra in ("", "-wal", "-shm", "-journal"):
                Path(f"{staging}{extra}").unlink(missing_ok=True)

    def import_file(self, source: Path, replace: str | None = None) -> str:
        """Bring in an exported file as a new profile; `replace` erases that one after.

        The file is copied first, then checked (integrity, a Sereno file, not from a newer
        Sereno) and migrated forward; on any problem nothing is changed.
        """
        self.ensure()
        profile_id = self.new_profile_id()
        target = self.path_for(profile_id)
        staging = Path(f"{target}.import")
        self._stage(source, staging)
        try:
            validate(staging)
            os.replace(staging, target)
            Database(target, self.backup_dir, self.today()).close()
        except BaseException:
            staging.unlink(missing_ok=True)
            for extra in ("", "-wal", "-shm"):
                Path(f"{target}{extra}").unlink(missing_ok=True)
            raise
        if replace and replace != profile_id:
            self.erase(replace)
        return profile_id


def validate(path: Path) -> None:
    """Raise StoreError ("damaged", "too_new" or "not_sereno") unless it is a good profile."""
    check(path)
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {r[0] for r in rows}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError("damaged", str(exc)) from exc
    if version < 1 or "settings" not in tables:
        raise StoreError("not_sereno", f"version {version}")


def name_in_file(path: Path) -> str:
    """The first name written in a profile file, or "" (validate it first)."""
    name = _read_settings(Path(path)).get("first_name")
    return name.strip() if isinstance(name, str) else ""


def export_profile(source: sqlite3.Connection | Path, target: Path) -> Path:
    """A consistent copy (sqlite backup API) into `target`, `.sereno` added, mode 0600."""
    target = Path(target)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    if isinstance(source, sqlite3.Connection):
        backups.copy_database(source, target)
        return target
    conn = sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)
    try:
        backups.copy_database(conn, target)
    finally:
        conn.close()
    return target
