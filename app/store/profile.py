"""A profile's store: the database and the repositories every journey reads and writes.

The repositories of one journey each (activity, passwords, scams, calls) are imported the
first time they are used: the home page, shown at start-up, needs none of them.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from app.store.answers import AnswersRepo
from app.store.db import Database
from app.store.progress import ProgressRepo
from app.store.settings import SettingsRepo
from app.store.tasks import TasksRepo

if TYPE_CHECKING:
    from app.store.activity import ActivityRepo
    from app.store.calls import CallsRepo
    from app.store.passwords import PasswordsRepo
    from app.store.scams import ScamsRepo


class Store:
    """Everything about one person, in one sqlite file."""

    def __init__(self, path: Path, backup_dir: Path | None = None, today: dt.date | None = None):
        self.db = Database(path, backup_dir, today)
        self.recovery = self.db.recovery
        self.settings = SettingsRepo(self.db)
        self.progress = ProgressRepo(self.db)
        self.answers = AnswersRepo(self.db)
        self.tasks = TasksRepo(self.db)

    @cached_property
    def activity(self) -> ActivityRepo:
        from app.store.activity import ActivityRepo

        return ActivityRepo(self.db)

    @cached_property
    def passwords(self) -> PasswordsRepo:
        from app.store.passwords import PasswordsRepo

        return PasswordsRepo(self.db)

    @cached_property
    def scams(self) -> ScamsRepo:
        from app.store.scams import ScamsRepo

        return ScamsRepo(self.db)

    @cached_property
    def calls(self) -> CallsRepo:
        from app.store.calls import CallsRepo

        return CallsRepo(self.db)

    def transaction(self):
        """One person's action as one commit: every repository write inside joins it."""
        return self.db.write()

    @property
    def path(self) -> Path:
        return self.db.path

    def export(self, target: Path) -> Path:
        """A copy of these notes in one private `.sereno` file (see profiles.export_profile)."""
        from app.store.profiles import export_profile

        return export_profile(self.db.conn, target)

    def close(self) -> None:
        self.db.close()
