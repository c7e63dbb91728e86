"""Run Sereno's real main() inside a test: messages recorded, the event loop replaced."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.__main__ import main
from app.ui import dialogs
from app.ui.shell import MainWindow


class Messages:
    """Stands in for app.ui.dialogs in a run of the real main(): what would have been shown,
    as (kind, text), each question given its safe answer (as when the window is closed)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []

    def put_in_place(self, set_attribute=setattr) -> None:
        """Replace the dialogs (`monkeypatch.setattr` in a test, plain setattr in a runner)."""
        for name in ("tell", "confirm", "choose"):
            set_attribute(dialogs, name, getattr(self, name))

    def tell(self, _parent, text, title="", kind="information") -> None:
        self.shown.append((kind, text))

    def confirm(self, _parent, text, *_args, **_kwargs) -> bool:
        self.shown.append(("question", text))
        return False

    def choose(self, _parent, text, _answers, _default, escape, *_args, **_kwargs) -> str:
        self.shown.append(("question", text))
        return escape


class Run:
    """main() with its messages recorded as (kind, text) and each question given its safe
    answer (app/ui/dialogs.py); `during(window)` runs in place of the event loop."""

    def __init__(self, monkeypatch, data_dir: Path | None, lang: str = "en"):
        """`data_dir` None: the usual per-user folder (not portable)."""
        self.data_dir = data_dir
        self.lang = lang
        self.messages = Messages()
        self.shown = self.messages.shown
        self.during = None
        # Portable mode points these inside the data folder: put them back after the test.
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            monkeypatch.setenv(var, os.environ.get(var) or str(Path.home() / var.lower()))
        self.messages.put_in_place(monkeypatch.setattr)
        monkeypatch.setattr(QApplication, "exec", self._exec)

    def _exec(self, *_args):
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        try:
            if self.during:
                self.during(window)
        finally:
            window.close()  # as the person closing it: the page is saved
            window.deleteLater()
        return 0

    def __call__(self) -> int:
        where = ["--data-dir", str(self.data_dir)] if self.data_dir is not None else []
        return main([*where, "--lang", self.lang])

    def texts(self) -> str:
        return " | ".join(text for _kind, text in self.shown)
