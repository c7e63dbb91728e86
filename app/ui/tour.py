"""Visit every page of every journey: for `--screenshots` and for the audits.

The list of pages comes from the journeys themselves, so a new page is covered as soon
as its journey lists it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import i18n
from app.ui import demo, pages
from app.ui.shell import HOME, MainWindow
from app.ui.widgets import PageBase


def _settle() -> None:
    app = QApplication.instance()
    for _round in range(3):
        app.processEvents()


def iter_pages(window: MainWindow) -> Iterator[tuple[str, PageBase]]:
    """Show each page in turn (first run, home, then each journey) and yield it."""
    controller = window.controller
    nav = controller.navigator
    journeys = list(nav.journeys.values())
    today = controller.today()
    for journey in journeys:
        if journey.key != "first_run":
            continue
        yield from _walk(window, journey.key)
    # The demo person lives where the language shown is spoken (es_MX: Mexico, IMSS; fr_FR:
    # France, Assurance Maladie): `--lang` is shown but never saved, so the setting is empty.
    demo.seed(controller.store, i18n.language(), today)
    window.retranslate()
    nav.go_home()
    window._show(HOME)
    _settle()
    yield "home", window.current
    for journey in journeys:
        if journey.key == "first_run":
            continue
        module = pages.journey_module(journey.key)
        if hasattr(module, "demo"):
            module.demo(controller.store, today)
        yield from _walk(window, journey.key)


def _walk(window: MainWindow, key: str) -> Iterator[tuple[str, PageBase]]:
    nav = window.controller.navigator
    step = nav.start(key, resume=False)
    while step is not None:
        window.clear_status()
        window._show(step)
        _settle()
        yield step.key.replace(":", "-"), window.current
        step = nav.next()
    nav.go_home()


def write_screenshots(
    folder: Path,
    qt_translations,
    lang: str | None,
    text_size: int | None,
    theme: str | None,
    today: dt.date | None = None,
) -> int:
    """Render every page to numbered PNG files in a throw-away profile; return the count."""
    from app.store import Store
    from app.ui.application import build_window

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sereno-shots-") as tmp:
        store = Store(Path(tmp) / "demo.sqlite3")
        if theme:
            store.settings.set("theme", theme)
        window = build_window(store, qt_translations, lang, text_size)
        window.show()
        count = 0
        for count, (name, _page) in enumerate(iter_pages(window), 1):
            window.grab().save(str(folder / f"{count:03d}-{name}.png"))
        window.close()
        store.close()
    return count
