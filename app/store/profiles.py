"""The data folder: where each profile's database and backups live."""
from __future__ import annotations

import secrets
from pathlib import Path

from app.store.db import make_private_dir

APP_NAME = "Sereno"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


class DataDir:
    """profiles/<id>.sqlite3 and backups/<id>-<date>.sqlite3 under one private folder."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.profiles_dir = self.root / "profiles"
        self.backup_dir = self.root / "backups"

    def ensure(self) -> None:
        for folder in (self.root, self.profiles_dir, self.backup_dir):
            make_private_dir(folder)

    def profile_ids(self) -> list[str]:
        if not self.profiles_dir.is_dir():
            return []
        return sorted(p.stem for p in self.profiles_dir.glob("*.sqlite3"))

    def path_for(self, profile_id: str) -> Path:
        return self.profiles_dir / f"{profile_id}.sqlite3"

    def new_profile_id(self) -> str:
        while True:
            candidate = "p" + secrets.token_hex(4)
            if not self.path_for(candidate).exists():
                return candidate
