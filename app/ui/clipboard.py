"""Copy a passphrase to paste it on a website, then take it back out of the clipboard.

The clipboard is emptied again after a minute, and when Sereno closes, if it still holds
what Sereno put there. The guard does not keep the text it copied: only a keyed hash
(a new random key each time), enough to recognise it and useless to anyone else.
"""

from __future__ import annotations

import hashlib
import secrets

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 60_000


class ClipboardGuard(QObject):
    """Puts text on the clipboard and empties it again after `clear_after_ms` and on exit."""

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(clear_after_ms)
        self.timer.timeout.connect(self.clear_if_ours)
        self._key = b""
        self._digest = b""
        app = QGuiApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.clear_if_ours)

    def _hash(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), key=self._key, digest_size=32).digest()

    def copy(self, text: str) -> None:
        """Put `text` on the clipboard and start the countdown to empty it."""
        self._key = secrets.token_bytes(32)
        self._digest = self._hash(text)
        QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
        self.timer.start()

    def holds_ours(self) -> bool:
        """True while the clipboard still holds what was copied here."""
        if not self._digest:
            return False
        current = QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)
        return bool(current) and secrets.compare_digest(self._hash(current), self._digest)

    def clear_if_ours(self) -> None:
        """Empty the clipboard if it still holds our text; leave anything copied since."""
        self.timer.stop()
        if self.holds_ours():
            QGuiApplication.clipboard().clear(QClipboard.Mode.Clipboard)
        self._key, self._digest = b"", b""


_guard: ClipboardGuard | None = None


def guard() -> ClipboardGuard:
    """The application's one guard (it lives as long as the QApplication)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(parent=QGuiApplication.instance())
        _guard.destroyed.connect(_forget)
    return _guard


def _forget(*_args) -> None:
    global _guard
    _guard = None
