"""The tour's demo person lives where the language asked on the command line is spoken."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from app.store import Store
from app.ui.application import build_window
from app.ui.tour import iter_pages
from tests.conftest import TODAY
from tests.ui.profiles_support import NoQtTranslations


@pytest.mark.parametrize(
    "lang, country, leak",
    [
        ("es_MX", "MX", "IMSS, el Instituto Mexicano del Seguro Social"),
        ("fr_FR", "FR", "L'Assurance Maladie (Ameli)"),
    ],
)
def test_a_forced_language_shows_its_countrys_leak(qtbot, tmp_path, lang, country, leak):
    store = Store(tmp_path / "demo.sqlite3", tmp_path / "backups", TODAY)
    window = build_window(store, NoQtTranslations(), lang, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    try:
        page = next(page for name, page in iter_pages(window) if name == "what_happened.notice")
        shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
        assert store.settings.get("country") == country
        assert leak in shown
    finally:
        window.close()
        store.close()
