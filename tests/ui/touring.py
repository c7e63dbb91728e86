"""The tour: every page of every journey shown once, every check run on it as shown.

`tour(window, fits, count_words)` walks the pages through `app.ui.tour.iter_pages` (the
list that `--screenshots` uses, so a new page is checked as soon as its journey lists it)
and on each page runs the accessibility audit (tests/ui/audit.py), the fit on one screen
(`fit_problems`), that showing the page wrote nothing to the store, and, when asked, counts
its words of explanation (tests/ui/words.py). tests/ui/test_fits.py tours each window once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app import i18n
from app.ui.tour import iter_pages
from tests.ui.audit import PageAudit, describe, is_target, rect_in
from tests.ui.words import most_words


# A window to tour ----------------------------------------------------------------------------
def make_window(folder: Path, lang: str, text_size: int, theme_name: str, today: dt.date):
    """A shown, active main window on a fresh throw-away profile."""
    from app.core.journeys import JOURNEYS
    from app.store import Store
    from app.ui.controller import Controller
    from app.ui.shell import MainWindow

    store = Store(folder / "audit.sqlite3", folder / "backups", today)
    store.settings.set("language", lang)
    store.settings.set("text_size", text_size)
    store.settings.set("theme", theme_name)
    i18n.set_language(lang)
    window = MainWindow(Controller(store, JOURNEYS, today=lambda: today))
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    return window, store


def report(problems: list[str], limit: int = 60) -> str:
    shown = problems[:limit]
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return "\n".join(shown) + more


# One screen, one question ---------------------------------------------------------------------
ANSWERS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox)


def _answers(page: QWidget) -> list[QWidget]:
    """The controls a person answers with: answer rows, fields, and the buttons a page
    marks as its question's answers (`ANSWER`: "Yes, this is mine", "It is a scam")."""
    from app.ui.widgets.buttons import ANSWER
    from app.ui.widgets.choices import ChoiceRow

    found = []
    for w in page.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, ANSWERS) or not is_target(w):
            continue
        if isinstance(w, QAbstractButton) and not (isinstance(w, ChoiceRow) or w.property(ANSWER)):
            continue  # buttons that act on a list (Open, Edit) are not the question's answers
        found.append(w)
    return found


LIST_PAGES = {"todo.list", "calls.log", "contacts.list"}


def fit_problems(window, name: str) -> list[str]:
    """At the chosen size, with the page scrolled to its top: the question's answers, the
    first card of a list and the page's primary action are whole on screen (below the fold
    counts as much as cut by it), the page has at least 70 % of the height, and there is at
    most one primary button in sight."""
    problems = []
    viewport = window.scroll.viewport()
    seen = QRect(0, 0, viewport.width(), viewport.height())
    window.scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    share = viewport.height() / window.height()
    if share < 0.70:
        problems.append(f"{name}: page area {share:.0%} of the window height (< 70 %)")
    for w in _answers(window.current):
        if not seen.contains(rect_in(w, viewport)):
            problems.append(f"{name}: answer below the fold: {describe(w)}")
    cards = [
        w
        for w in window.current.findChildren(QWidget)
        if w.isVisible() and w.property("role") == "card"
    ]
    if cards and name.split("-")[0] in LIST_PAGES:  # a list shows its first item whole
        first = min(cards, key=lambda w: rect_in(w, viewport).top())
        if not seen.contains(rect_in(first, viewport)):
            problems.append(f"{name}: the first card is cut by the fold: {describe(first)}")
    primaries = [
        w
        for w in window.findChildren(QAbstractButton)
        if w.isVisible() and w.property("role") == "primary"
    ]
    in_page = [w for w in primaries if window.scroll.widget().isAncestorOf(w)]
    in_sight = [w for w in primaries if w not in in_page or seen.intersects(rect_in(w, viewport))]
    if len(in_sight) > 1:
        problems.append(
            f"{name}: {len(in_sight)} primary buttons in sight: "
            + ", ".join(describe(w) for w in in_sight)
        )
    if name.split("-")[0] not in LIST_PAGES:  # a list's main buttons are in its cards
        for w in in_page:
            if not seen.contains(rect_in(w, viewport)):
                problems.append(f"{name}: the main button is not whole in sight: {describe(w)}")
    return problems


# The tour: every page shown once, every check on it ----------------------------------------
@dataclass
class Findings:
    """What one tour found, check by check: each a list of plain sentences."""

    names: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    fits: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)
    # page (without its "-2" repeat) -> the most words of explanation it showed, and them
    words: dict[str, tuple[int, list[str]]] = field(default_factory=dict)


def _written(store) -> tuple[int, int]:
    return store.db.commits, store.db.conn.total_changes


@contextmanager
def writes_while_showing(window) -> Iterator[list[str]]:
    """While open, each page whose showing changed the store, as one sentence (a page's
    load() only reads; leaving a page, the demo data and the saved position may write)."""
    store = window.controller.store
    show = window._show
    found: list[str] = []

    def show_and_count(step) -> None:
        before = _written(store)
        show(step)
        commits, rows = (a - b for a, b in zip(_written(store), before, strict=True))
        if commits or rows:
            found.append(
                f"{step.key.replace(':', '-')}: showing it wrote {commits} commit(s), {rows} row(s)"
            )

    window._show = show_and_count
    try:
        yield found
    finally:
        del window._show


def page_of(name: str) -> str:
    """The page a tour name stands for: "scams.answer-2" is the page "scams.answer"."""
    return re.sub(r"-\d+$", "", name)


def tour(window, fits: bool, count_words: bool = False) -> Findings:
    """Show every page the tour reaches once and run every check on it as shown: the
    audit, the fit at the window's size when `fits`, that showing it wrote nothing, and its
    words of explanation in each of its states when `count_words` (last: it clicks)."""
    found = Findings()
    with writes_while_showing(window) as writes:
        for name, page in iter_pages(window):
            window.activateWindow()
            found.names.append(name)
            if fits:
                found.fits += fit_problems(window, name)
            found.audit += PageAudit(window, name).run()
            if count_words:
                n, texts = most_words(name, page)
                if n >= found.words.get(page_of(name), (-1, []))[0]:
                    found.words[page_of(name)] = (n, texts)
    found.writes = writes
    return found


__all__ = [
    "Findings",
    "fit_problems",
    "make_window",
    "page_of",
    "report",
    "tour",
    "writes_while_showing",
]
