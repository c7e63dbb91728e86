"""A profile's store: the database and the repositories every journey reads and writes."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.store.activity import ActivityRepo
from app.store.answers import AnswersRepo
from app.store.calls import CallsRepo
from app.store.db import Database
from app.store.passwords import PasswordsRepo
from app.store.progress import ProgressRepo
from app.store.scams import ScamsRepo
from app.store.settings import SettingsRepo
from app.store.tasks import TasksRepo


class Store:
    """Everything about one person, in one sqlite file."""

    def __init__(self, path: Path, backup_dir: Path | None = None, today: dt.date | None = None):
        self.db = Database(path, backup_dir, today)
        self.recovery = self.db.recovery
        self.settings = SettingsRepo(self.db)
        self.progress = ProgressRepo(self.db)
        self.answers = AnswersRepo(self.db)
        self.tasks = TasksRepo(self.db)
        self.activity = ActivityRepo(self.db)
        self.passwords = PasswordsRepo(self.db)
        self.scams = ScamsRepo(self.db)
        self.calls = CallsRepo(self.db)

    @property
    def path(self) -> Path:
        return self.db.path

    def export(self, target: Path) -> Path:
        """A copy of these notes in one private `.sereno` file (see profiles.export_profile)."""
        from app.store.profiles import export_profile

        return export_profile(self.db.conn, target)

    def close(self) -> None:
        self.db.close()
