"""Who is using Sereno now: opens one person's profile at a time, switches, erases.

One Store, Controller and MainWindow per open profile. Switching closes the window (it
saves where the person stopped) and then the store, before anything else opens. With more
than one person on the computer, Sereno starts with the chooser. On a community-centre
computer, closing the window asks whether to keep or erase this person's notes.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.store import Store, StoreError
from app.store.profiles import DataDir, Erased
from app.ui import application
from app.ui.shell import MainWindow


class Session(QObject):
    """The open profile (store, window) and the way to another one."""

    def __init__(self, folder: DataDir, qt_translations, language: str | None = None,
                 text_size: int | None = None, theme: str | None = None, ask=None):
        super().__init__()
        self.folder = folder
        self.qt_translations = qt_translations
        self.forced = {"language": language, "text_size": text_size, "theme": theme}
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.chooser: QWidget | None = None
        self.profile_id = ""
        self.pending_erase = ""
        self.last_erased: Erased | None = None
        self._quiet = False
        # ask(parent, question) -> "keep" | "erase" | "cancel"; a test can pass its own.
        from app.ui.pages import profiles as pages

        self._pages = pages
        self.ask = ask or pages.ask_keep_or_erase

    # Starting ---------------------------------------------------------------------------
    def start(self) -> None:
        """The chooser when several people use this computer, else the one profile."""
        self.folder.ensure()
        people = self.folder.profiles()
        if len(people) > 1:
            self.show_chooser()
            return
        # A profile whose file is lost is found again through its WAL or backups.
        self.open(self.folder.profile_to_open())

    def open(self, profile_id: str) -> MainWindow:
        """Close whatever is open, then open this person's notes in a new window."""
        self.close_profile()
        store = Store(self.folder.path_for(profile_id), self.folder.backup_dir, self.folder.today())
        forced, self.forced = self.forced, {"language": None, "text_size": None, "theme": None}
        window = application.build_window(store, self.qt_translations, forced["language"],
                                          forced["text_size"], self.folder.today)
        if forced["theme"]:
            window.controller.set_setting("theme", forced["theme"])
        window.controller.session = self
        window.installEventFilter(self)
        self.store, self.window, self.profile_id = store, window, profile_id
        window.show_placed()
        self._hide_chooser()
        application.tell_recovery(window, store)
        return window

    def _open_chosen(self, profile_id: str) -> None:
        """From the chooser: a file that cannot be opened is explained, the chooser stays."""
        try:
            self.open(profile_id)
        except StoreError as error:
            self.store = None
            application.tell_store_error(error)

    def new_person(self) -> MainWindow:
        return self.open(self.folder.create())

    def show_chooser(self) -> QWidget:
        """"Who is using Sereno?"; a fresh first run when nobody is left."""
        self.close_profile()
        if not self.folder.profiles():
            self.new_person()
            return self.window
        if self.chooser is not None:
            self.chooser.deleteLater()
        self.chooser = self._pages.ChooserWindow(self.folder, self.qt_translations)
        self.chooser.chosen.connect(self._open_chosen)
        self.chooser.someone_new.connect(self.new_person)
        self.chooser.show()
        return self.chooser

    def _hide_chooser(self) -> None:
        if self.chooser is not None:
            self.chooser.hide()
            self.chooser.deleteLater()
            self.chooser = None

    # Closing ----------------------------------------------------------------------------
    def close_profile(self) -> None:
        """Close the window (it saves where the person stopped), then the store."""
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        try:
            if self.window is not None:
                self._quiet = True
                try:
                    self.window.close()
                finally:
                    self._quiet = False
            self._release()
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)

    def _release(self) -> None:
        """Let go of the (closed) window, then close the store."""
        if self.window is not None:
            self.window.removeEventFilter(self)
            self.window.deleteLater()
            self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None

    def erase_current(self) -> Erased:
        """Erase everything about the open person; the chooser (or a fresh start) follows."""
        profile_id = self.profile_id
        app = QApplication.instance()
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        try:
            self.close_profile()
            erased = self.folder.erase(profile_id)
            self.last_erased = erased
            self.profile_id = ""
            shown = self.show_chooser()
            self._pages.tell_erased(shown, erased)
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)
        return erased

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        """On a community-centre computer, closing asks: keep or erase this person's notes?"""
        if (watched is self.window and event.type() == QEvent.Type.Close and not self._quiet
                and self.store is not None and self.store.settings.get("community_centre")):
            choice = self.ask(self.window, self.store.settings.get("first_name"))
            if choice == "cancel":
                event.ignore()
                return True
            if choice == "erase":
                self.pending_erase = self.profile_id
                QTimer.singleShot(0, self.finish_pending_erase)
        return super().eventFilter(watched, event)

    def finish_pending_erase(self) -> Erased | None:
        """After the window closed (and saved), erase the person who asked for it."""
        if not self.pending_erase or (self.window is not None and self.window.isVisible()):
            return None
        profile_id, self.pending_erase = self.pending_erase, ""
        self._release()
        self.last_erased = self.folder.erase(profile_id)
        self.profile_id = ""
        self._pages.tell_erased(None, self.last_erased)
        return self.last_erased

    def shutdown(self) -> None:
        """When the program ends: a pending erase is done, the store closed."""
        self.finish_pending_erase()
        if self.store is not None:
            self.store.close()
            self.store = None
