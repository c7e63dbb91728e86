"""What a person typed or chose on a page and has not finished: kept so nothing is lost on close."""

from __future__ import annotations

from typing import Any

from app.core.actions import Actions


class DraftActions(Actions):
    """Drafts by page key (`Step.key`): quiet writes, since no other page shows a draft."""

    def get(self, key: str) -> dict[str, Any]:
        return self.store.progress.draft(key)

    def save(self, key: str, values: dict[str, Any]) -> None:
        """Keep what is typed; nothing is written when it is what the draft already holds."""
        if values == self.get(key):
            return
        with self.store.transaction():
            self.store.progress.save_draft(key, values)

    def clear(self, key: str) -> None:
        if not self.get(key):
            return
        with self.store.transaction():
            self.store.progress.clear_draft(key)
