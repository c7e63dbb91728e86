"""Every text field of every page takes anything: long, right-to-left, emoji, control keys.

The pages come from the `--screenshots` tour, so a new page is covered at once. Each
field gets each text as if pasted, the page saves it (drafts included) and reads it back;
nothing may crash and the page may not grow wider than the window.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

from app.ui.tour import iter_pages

TEXTS = {
    "very long": "Banco del Bienestar " * 400,
    "one long word": "x" * 8000,
    "right to left": "حساب البنك المصرف الوطني — בנק לאומי 1234 ‏שלום‏",
    "emoji": "👩‍👩‍👧‍👦🏦💳🔒👍🏽🇲🇽🇫🇷" * 30 + "\U0001f9d1\u200d\U0001f4bb",
    "control characters": (
        "a\x00b\x01c\x07\x08\x1b[31m\t\r\n\u202eevil\u202c\u200b\u2028\ufeff\x7f\ud7ff"
    ),
    "combining marks": "e" + "\u0301" * 300 + "Z̸̢̛̖̈́a̷l̶g̵o̴",
}


def fields(page) -> list:
    found = [
        w
        for w in page.findChildren(QLineEdit)
        + page.findChildren(QPlainTextEdit)
        + page.findChildren(QTextEdit)
        if w.isVisible() and not w.isReadOnly()
    ]
    return [w for w in found if not isinstance(w.parent(), QLineEdit)]


def put(widget, text: str) -> None:
    """As if pasted: the widget's own editing path, with its length limit."""
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        widget.insert(text)
    else:
        widget.selectAll()
        widget.insertPlainText(text)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_every_field_takes_any_text_without_crash_or_overflow(make_window, qtbot, lang):
    w = make_window(lang=lang)
    width = w.width()
    covered = 0
    for name, page in iter_pages(w):
        for field in fields(page):
            covered += 1
            for label, text in TEXTS.items():
                put(field, text)
                QApplication.processEvents()
                page.save()
                page.load()
                QApplication.processEvents()
                assert w.width() == width, f"{name} grew with {label}"
                assert page.width() <= w.width(), f"{name} is wider than the window ({label})"
                assert page.minimumSizeHint().width() <= w.width(), f"{name}: {label}"
            put(field, "")
            page.save()
    assert covered >= 5, "the tour should reach the name, account and to-do fields"
