"""Where the wizard stopped and what was typed on each page, so nothing is lost on close."""

from __future__ import annotations

from typing import Any

from app.core.flow import Position
from app.store.db import Database


class ProgressRepo:
    """Where the person stopped and the drafts of unfinished pages."""

    def __init__(self, db: Database):
        self.db = db

    def position(self) -> Position:
        return Position.from_dict(self.db.get_json("progress", "position", {}) or {})

    def save_position(self, position: Position) -> None:
        self.db.set_json("progress", "position", position.to_dict())

    def draft(self, page: str) -> dict[str, Any]:
        value = self.db.get_json("drafts", page, {})
        return value if isinstance(value, dict) else {}

    def save_draft(self, page: str, values: dict[str, Any]) -> None:
        if values != self.draft(page):
            self.db.set_json("drafts", page, values)

    def clear_draft(self, page: str) -> None:
        self.db.delete_json("drafts", page)
