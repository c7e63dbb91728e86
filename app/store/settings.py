"""The person's choices, typed and defaulted by app/core/settings.py."""

from __future__ import annotations

from typing import Any

from app.core.settings import setting
from app.store import limits
from app.store.db import Database


class SettingsRepo:
    """The person's choices, each read back with its declared type and default."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, key: str) -> Any:
        spec = setting(key)
        return spec.coerce(self.db.get_json("settings", key, spec.default))

    def set(self, key: str, value: Any) -> None:
        spec = setting(key)
        if isinstance(value, str):
            value = limits.clip(value, limits.SETTING_TEXT.get(key, limits.TEXT))
        if spec.coerce(value) != value:
            raise ValueError(f"{value!r} is not a valid {key}")
        self.db.set_json("settings", key, value)
