"""Offscreen Qt, a temporary data folder and a fresh store for every test."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SERENO_SPEECH_ENGINE", "mock")  # Qt's silent engine: no speech daemon
os.environ.pop("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", None)

import pytest  # noqa: E402

from app import i18n  # noqa: E402

TODAY = dt.date(2026, 11, 23)

# Test folders go to this RAM disk when it has room (see `_test_folders_in_memory`).
RAM_DISK = Path("/dev/shm")
RAM_DISK_ROOM = 2 * 2**30


def pytest_configure(config):
    """SERENO_TEST_CLOCK=YYYY-MM-DD[,YYYY-MM-DD...] runs the suite with the machine's clock on
    that day; given several days, every test runs once on each (`pytest_generate_tests`).

    tests/test_any_day.py uses it to prove that no test hangs on the real date.
    """
    _test_folders_in_memory(config)
    days = os.environ.get("SERENO_TEST_CLOCK")
    if days:
        from freezegun import freeze_time

        config._sereno_days = days.split(",")
        # File ages (a backup copy left half-written) are measured against the file system's
        # real clock, so that module keeps the real time.
        config._sereno_clock = freeze_time(
            f"{config._sereno_days[0]} 10:30:00", tick=True, ignore=["app.store.backups"]
        )
        config._sereno_factory = config._sereno_clock.start()


def pytest_generate_tests(metafunc):
    days = getattr(metafunc.config, "_sereno_days", [])
    if len(days) > 1:
        metafunc.fixturenames.append("machine_day")
        metafunc.parametrize("machine_day", days)


@pytest.fixture(autouse=True)
def _machine_day(request):
    """The machine's clock moved to this test's day (SERENO_TEST_CLOCK with several days)."""
    callspec = getattr(request.node, "callspec", None)
    if callspec is not None and "machine_day" in callspec.params:
        request.config._sereno_factory.move_to(f"{callspec.params['machine_day']} 10:30:00")


# The longest modules, run first: with the suite split by module over the cores
# (pytest-xdist --dist loadfile), a long module drawn last by the random order kept one
# core busy alone for up to 40 s at the end.
LONGEST_FIRST = [
    "tests/ui/test_fits.py",
    "tests/safety/test_crash_safety.py",
    "tests/safety/test_one_window.py",
    "tests/test_any_day.py",
    "tests/ui/test_screenshots.py",
]


def pytest_collection_modifyitems(config, items):
    """The longest modules first (a stable sort: the random order stays otherwise)."""
    rank = {path: n for n, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))


def _test_folders_in_memory(config) -> None:
    """Put pytest's temporary folders on the RAM disk, when there is one with room.

    Every commit waits for the disk (synchronous=FULL, and each backup copy is fsynced):
    on a disk the suite spent most of its time waiting for those fsyncs. In memory an fsync
    returns at once; the same code runs, the same files are written and read. An explicit
    --basetemp or PYTEST_DEBUG_TEMPROOT wins. Workers and child pytest runs inherit it.
    """
    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        room = shutil.disk_usage(RAM_DISK).free
    except OSError:
        return  # no RAM disk here (macOS, Windows)
    if room >= RAM_DISK_ROOM:
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(RAM_DISK)


def pytest_unconfigure(config):
    clock = getattr(config, "_sereno_clock", None)
    if clock is not None:
        clock.stop()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item):
    """After each test, the windows it closed are destroyed and Qt's look is as at start.

    pytest-qt closes the windows given to qtbot with deleteLater(), which only an event loop
    carries out; other windows (the screenshots', a chooser) were only closed. A new text
    size or theme restyles every widget alive, so each left-over window made every later
    window slower: one test's two left-over tours made each later UI test take 2 s. The
    last window's style sheet and font stayed too, so a widget test's sizes depended on
    which test ran before it.
    """
    widgets = sys.modules.get("PySide6.QtWidgets")  # the core tests never load Qt
    if widgets is None or widgets.QApplication.instance() is None:
        return
    app = widgets.QApplication.instance()
    for window in app.topLevelWidgets():
        if window.parent() is None and not window.isVisible():
            window.deleteLater()
    app.sendPostedEvents(None, sys.modules["PySide6.QtCore"].QEvent.Type.DeferredDelete)
    # The next test starts from Qt's own look, not the last window's text size and theme.
    app.setStyleSheet("")
    gui = sys.modules["PySide6.QtGui"]
    app.setFont(gui.QFontDatabase.systemFont(gui.QFontDatabase.SystemFont.GeneralFont))


@pytest.fixture(autouse=True)
def english(tmp_path, monkeypatch):
    """Each test starts in English, with no leftovers in the process environment.

    tmp_path comes first so that it is removed after monkeypatch has undone its patches (a
    test that replaces os.fstat would otherwise break the removal of its folder)."""
    i18n.set_language("en")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    yield
    i18n.set_language("en")


@pytest.fixture
def store(tmp_path):
    from app.store import Store

    s = Store(tmp_path / "data" / "profiles" / "p1.sqlite3", tmp_path / "data" / "backups", TODAY)
    yield s
    s.close()


class FakeDialogs:
    """Stands in for app.ui.dialogs: records what was asked or told, answers as it is set.

    `answer` answers `confirm` (True: yes) and `choose` (a key; True means the default);
    `path` answers `choose_file` and `save_file` ("" as when the person closes the window).
    `shown` holds (kind, text) for each window, kind "confirm", "choose", "tell",
    "choose_file" or "save_file" (for a file window, the text is its title).
    """

    def __init__(self):
        self.answer: bool | str = True
        self.path: str | os.PathLike = ""
        self.shown: list[tuple[str, str]] = []
        self.files: list[dict] = []  # what each file window was given: title, folder, filters

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.shown if kind in (None, k)]

    def confirm(self, parent, text, yes, no, title=""):
        self.shown.append(("confirm", text))
        return bool(self.answer)

    def choose(self, parent, text, answers, default, escape, destructive="", title=""):
        self.shown.append(("choose", text))
        return default if self.answer is True else escape if self.answer is False else self.answer

    def tell(self, parent, text, title="", kind="information"):
        self.shown.append(("tell", text))

    def choose_file(self, parent, title, folder, filters):
        self.shown.append(("choose_file", title))
        self.files.append({"title": title, "folder": str(folder), "filters": filters})
        return str(self.path) if self.path else ""

    def save_file(self, parent, title, suggested, filters):
        self.shown.append(("save_file", title))
        self.files.append({"title": title, "folder": str(suggested), "filters": filters})
        return str(self.path) if self.path else ""


@pytest.fixture
def dialogs(monkeypatch):
    """No window opens: app.ui.dialogs answers from a FakeDialogs (yes; no file chosen)."""
    from app.ui import dialogs as real

    fake = FakeDialogs()
    for name in ("confirm", "choose", "tell", "choose_file", "save_file"):
        monkeypatch.setattr(real, name, getattr(fake, name))
    return fake


@pytest.fixture
def make_window(qtbot, store, dialogs):
    """Build the main window on the test store; `make_window(lang=..., done=True)`.

    Its questions and file windows go to the `dialogs` fake (every question answered yes)."""
    from app.core.journeys import JOURNEYS
    from app.ui.controller import Controller
    from app.ui.shell import MainWindow

    windows = []

    def make(lang: str = "en", done: bool = False, on_store=None):
        store.settings.set("language", lang)
        i18n.set_language(lang)
        if done:
            store.settings.set("first_run_done", True)
            store.settings.set("country", "MX" if lang == "es_MX" else "FR")
        if on_store:
            on_store(store)
        controller = Controller(store, JOURNEYS, today=lambda: TODAY)
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        windows.append(window)
        return window

    yield make
