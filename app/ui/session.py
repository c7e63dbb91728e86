"""Who is using Sereno now: opens one person's profile at a time, switches, erases.

One Store, Controller and MainWindow per open profile. Switching closes the window (it
saves where the person stopped) and then the store, before anything else opens. With more
than one person on the computer, Sereno starts with the chooser. On a community-centre
computer, closing the window asks whether to keep or erase this person's notes.

One window per person: opening takes the person's lock (app/store/lock.py). A second start
for someone already open asks the first Sereno, through a file in the data folder, to
bring its window to the front; if nobody answers, it says plainly that Sereno is open.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.i18n import _
from app.store import STORAGE_ERRORS, Store, StoreError
from app.store.lock import ProfileLock, StartLock
from app.store.profiles import DataDir, Erased
from app.ui import application, dialogs, people
from app.ui.chooser import ChooserWindow
from app.ui.shell import MainWindow

ALREADY_OPEN_WAIT = 3.0  # seconds the first Sereno has to answer
WATCH_MS = 500  # how often an open window looks for a second start asking for it


def forget_file_dialog_folders() -> None:
    """Qt's file dialog remembers the folders it showed (QtProject.conf): forget them."""
    from PySide6.QtCore import QSettings

    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()
    path, left = settings.fileName(), settings.allKeys()
    del settings
    if not left and path.endswith("QtProject.conf"):
        Path(path).unlink(missing_ok=True)


class Session(QObject):
    """The open profile (store, window) and the way to another one."""

    def __init__(
        self,
        folder: DataDir,
        qt_translations,
        language: str | None = None,
        text_size: int | None = None,
        theme: str | None = None,
    ):
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
        self.lock: ProfileLock | None = None
        self.already_open = ""  # the person another Sereno had open, at the last open()
        self._quiet = False
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._answer_second_start)

    # Starting ---------------------------------------------------------------------------
    def start(self) -> bool:
        """The chooser when several people use this computer, else the one profile.

        False when that one person is already open in another Sereno (it was asked to
        come forward, or the person was told): this start has nothing to show.
        """
        self.folder.ensure()
        self.folder.clear_staging()
        with StartLock(self.folder.locks_dir):
            people = self.folder.profiles()
            if len(people) > 1 or (people and self.folder.unreadable()):
                self.show_chooser()
                return True
            # A profile whose file is lost is found again through its WAL or backups.
            window = self.open(self.folder.profile_to_open(), tell=False)
        if window is None:
            return False
        # Said once the start lock is let go: a second start never waits on this message.
        application.tell_recovery(window, self.store)
        return True

    def open(self, profile_id: str, tell: bool = True) -> MainWindow | None:
        """Close whatever is open, then open this person's notes in a new window.

        None, with nothing closed, when another Sereno has this person open: that one is
        asked to bring its window forward (or the person is told Sereno is open).
        """
        self.already_open = ""
        if profile_id == self.profile_id and self.lock is not None:
            lock = self.lock
        else:
            lock = self.folder.lock(profile_id)
            if not lock.acquire():
                self.already_open = profile_id
                self._bring_other_forward(lock)
                return None
        self.close_profile(keep=lock)
        try:
            store = Store(
                self.folder.path_for(profile_id), self.folder.backup_dir, self.folder.today
            )
        except BaseException:
            lock.release()
            raise
        self.lock = lock
        forced, self.forced = self.forced, {"language": None, "text_size": None, "theme": None}
        window = application.build_window(
            store, self.qt_translations, forced["language"], forced["text_size"], self.folder.today
        )
        if forced["theme"]:
            window.controller.set_setting("theme", forced["theme"])
        window.controller.session = self
        window.installEventFilter(self)
        self.store, self.window, self.profile_id = store, window, profile_id
        window.show_placed()
        self._hide_chooser()
        self._watch.start()
        if tell:
            application.tell_recovery(window, store)
        return window

    def _bring_other_forward(self, lock: ProfileLock) -> None:
        """Ask the Sereno that has this person open for its window; say so if it cannot."""
        try:
            lock.raise_path.touch(mode=0o600, exist_ok=True)
        except OSError:
            pass
        deadline = time.monotonic() + ALREADY_OPEN_WAIT
        app = QApplication.instance()
        while time.monotonic() < deadline and lock.raise_path.exists():
            app.processEvents()  # the other window may be in this same program (tests)
            time.sleep(0.02)
        if not lock.raise_path.exists():
            return
        lock.raise_path.unlink(missing_ok=True)
        dialogs.tell(
            self.chooser or self.window,
            _(
                "Sereno is already open for this person. Please look for its window on the "
                "screen or in the bar at the bottom."
            ),
        )

    def _answer_second_start(self) -> None:
        """A second start asked for this window: bring it to the front."""
        if self.window is None or self.lock is None or not self.lock.window_wanted():
            return
        state = self.window.windowState() & ~Qt.WindowState.WindowMinimized  # keep maximised
        self.window.setWindowState(state | Qt.WindowState.WindowActive)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()

    def _open_chosen(self, profile_id: str) -> None:
        """From the chooser: a file that cannot be opened is explained, the chooser stays."""
        try:
            self.open(profile_id)
        except StoreError as error:
            self.store = None
            application.tell_store_error(error)

    def new_person(self) -> MainWindow | None:
        return self.open(self.folder.create())  # a new id: nobody else has it open

    # Files and other people ---------------------------------------------------------------
    def export(self, target: Path) -> Path:
        """A copy of the open person's notes in one private `.sereno` file (the name it got).

        Raises OSError or StoreError when it cannot be written there."""
        if self.store is None:
            raise StoreError("cannot_write", "nobody is open")
        return self.store.export(target)

    def erase_other(self, profile_id: str) -> Erased:
        """Erase someone who is not open now (StoreError "in_use" if another Sereno has them)."""
        erased = self.folder.erase(profile_id)
        forget_file_dialog_folders()
        return erased

    def bring_in(self, path: Path, replace: str | None = None) -> str:
        """Bring in notes from a `.sereno` file as a new person, or in place of `replace`.

        Replacing the open person keeps their notes whole until the new ones have opened in
        the window. When anything fails, a copy that did not open is not kept, the person
        who was open stays open, and the error is raised for the page to explain.
        """
        new_id = ""
        try:
            if replace is not None and replace == self.profile_id:
                new_id = self.folder.import_file(path)
                if self.open(new_id) is None:
                    raise StoreError("cannot_open", new_id)
                self.folder.erase(replace)
            else:
                new_id = self.folder.import_file(path, replace=replace)
        except STORAGE_ERRORS:
            if new_id and new_id != self.profile_id:
                self.folder.erase(new_id)
            if self.store is None and replace is not None:
                self.open(replace)
            raise
        return new_id

    def show_chooser(self) -> QWidget:
        """ "Who is using Sereno?"; a fresh first run when nobody is left."""
        self.close_profile()
        if not self.folder.profiles():
            self.new_person()
            return self.window
        if self.chooser is not None:
            self.chooser.deleteLater()
        self.chooser = ChooserWindow(self.folder, self.qt_translations)
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
    def close_profile(self, keep: ProfileLock | None = None) -> None:
        """Close the window (it saves where the person stopped), then the store; the
        person's lock is let go unless it is `keep` (the same person opened again)."""
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
            if self.lock is not None and self.lock is not keep:
                self.lock.release()
                self.lock = None
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)

    def _release(self) -> None:
        """Let go of the (closed) window, then close the store."""
        self._watch.stop()
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
            forget_file_dialog_folders()
            self.last_erased = erased
            self.profile_id = ""
            text = people.erased_text(erased)  # in the erased person's language
            shown = self.show_chooser()
            dialogs.tell(shown, text)
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)
        return erased

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        """On a community-centre computer, closing asks: keep or erase this person's notes?"""
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and not self._quiet
            and self.store is not None
            and self.store.settings.get("community_centre")
        ):
            choice = people.ask_keep_or_erase(self.window, self.store.settings.get("first_name"))
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
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.last_erased = self.folder.erase(profile_id)
        forget_file_dialog_folders()
        self.profile_id = ""
        dialogs.tell(None, people.erased_text(self.last_erased))
        return self.last_erased

    def shutdown(self) -> None:
        """When the program ends: a pending erase is done, the store closed."""
        self.finish_pending_erase()
        self._watch.stop()
        if self.store is not None:
            self.store.close()
            self.store = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
