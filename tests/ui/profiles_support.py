"""What the profile tests share: no Qt catalogs to install, and the messages a session tells."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.ui.pages import profiles as pages


class NoQtTranslations:
    """Stands in for Qt's own catalogs: remembers the language asked for."""

    def apply(self, lang: str) -> None:
        self.lang = lang


@pytest.fixture
def told(monkeypatch):
    """Every message the profile pages tell the person, in order."""
    messages: list[str] = []
    monkeypatch.setattr(pages, "tell", lambda parent, text: messages.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)
    return messages
