"""Build the QApplication, Qt's own translations, and the window for a profile."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import i18n
from app.core.journeys import JOURNEYS
from app.i18n import N_, _
from app.paths import resource
from app.store import STORAGE_ERRORS, Store, StoreError
from app.store.profiles import DataDir
from app.ui import dialogs
from app.ui.controller import Controller
from app.ui.shell import MainWindow


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Sereno")
    app.setOrganizationName("Sereno")
    app.setDesktopFileName("org.sereno.Sereno")
    app.setWindowIcon(QIcon(str(resource("icons", "sereno.svg"))))
    return app


class QtTranslations:
    """Qt's own strings (standard buttons, dialogs) in the person's language."""

    def __init__(self, app: QApplication):
        self.app = app
        self.translator: QTranslator | None = None

    def apply(self, lang: str) -> None:
        if self.translator is not None:
            self.app.removeTranslator(self.translator)
            self.translator = None
        if lang == "en":
            return
        translator = QTranslator(self.app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # "qtbase_es_MX" falls back to "qtbase_es" (QLocale would cost its start-up time).
        if translator.load(f"qtbase_{lang}", folder):
            self.app.installTranslator(translator)
            self.translator = translator


def open_store(data_dir: Path) -> Store:
    """Open the profile to use (the first one, or a new one on a first run).

    Raises StoreError when the folder cannot be used (read-only, full, a newer version).
    """
    folder = DataDir(data_dir)
    try:
        folder.ensure()
        profile = folder.profile_to_open()
    except OSError as exc:
        raise StoreError("cannot_write", type(exc).__name__) from exc
    return Store(folder.path_for(profile), folder.backup_dir, folder.today())


def start_language(store: Store, forced: str | None) -> str:
    chosen = forced or store.settings.get("language")
    if chosen:
        return i18n.set_language(chosen)
    from PySide6.QtCore import QLocale

    return i18n.set_language(i18n.system_language(os_locale=QLocale.system().name()))


def build_window(
    store: Store,
    qt_translations: QtTranslations,
    forced_language: str | None = None,
    text_size: int | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> MainWindow:
    # `--lang` shows this start in that language; the language the person chose is kept.
    lang = start_language(store, forced_language)
    if text_size:
        store.settings.set("text_size", text_size)
    qt_translations.apply(lang)
    controller = Controller(store, JOURNEYS, today=today)
    # Every action that changes what the plan depends on brings it up to date in its own
    # commit; a newer Sereno may bring new rules or words, so the plan also follows once
    # here, as the notes are opened (a write only when it is out of date).
    controller.tasks.sync_plan()
    controller.language_changed.connect(qt_translations.apply)
    return MainWindow(controller)


def tell_recovery(window: MainWindow, store: Store) -> None:
    """After a damaged database was set aside, say what happened in plain words."""
    recovery = store.recovery
    if recovery is None:
        return
    when = ""
    if recovery.restored_from:
        when = i18n.format_date(recovery.restored_from)
        if recovery.restored_at is not None:
            when = _("{date} at {time}").format(
                date=when, time=i18n.format_time(recovery.restored_at)
            )
    if recovery.restored_from and recovery.damaged_copy is None:
        text = _(
            "Your notes were not found, so Sereno brought back the copy it made on {date}."
        ).format(date=when)
    elif recovery.restored_from:
        text = _(
            "Your notes could not be read, so Sereno brought back the copy it made on "
            "{date}. A copy of the damaged file was kept."
        ).format(date=when)
    else:
        text = _(
            "Your notes could not be read and there was no earlier copy, so Sereno starts "
            "afresh. The damaged file was kept, in case a helper can repair it."
        )
    dialogs.tell(window, text)


def tell_store_error(error: StoreError) -> None:
    if error.reason == "too_new":
        text = _(
            "These notes were saved by a newer version of Sereno. Please install that "
            "version to open them. Nothing was changed."
        )
    else:
        text = _(
            "Sereno cannot save on this computer right now (the folder may be full or "
            "read-only). Nothing was changed. Please ask your helper."
        )
    dialogs.tell(None, text, kind="critical")


SAVE_FAILED = N_(
    "Sereno could not save your last change. The computer may be full, or the "
    "folder may not accept changes. Everything saved before is safe. "
    "Please ask your helper."
)
UNEXPECTED = N_(
    "Something went wrong in Sereno. Everything saved before is safe. You can "
    "carry on. If it happens again, please ask your helper."
)


def plain_error_text(error: BaseException) -> str:
    """What to tell the person about an error nobody caught, in their language."""
    if isinstance(error, STORAGE_ERRORS):
        return _(SAVE_FAILED)
    return _(UNEXPECTED)


def install_safety_net(window: MainWindow) -> Callable[[], None]:
    """Turn any uncaught error (a write refused by a full disk...) into a plain message.

    sqlite rolls the failed change back, so what was saved before stays. Only the kind of
    error and where it happened go to stderr: never its message, which could hold what the
    person typed. Returns a function that puts the previous hook back.
    """
    previous = sys.excepthook
    showing = False

    def hook(exc_type, exc, tb) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        frames = traceback.extract_tb(tb) if tb is not None else []
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        print(f"Sereno: {exc_type.__name__}{where}", file=sys.stderr)
        if showing:
            return
        showing = True
        try:
            dialogs.tell(window, plain_error_text(exc), kind="warning")
        finally:
            showing = False

    sys.excepthook = hook

    def restore() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return restore
