"""Run Sereno's real main() inside a test: message boxes recorded, the event loop replaced."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from app.__main__ import main
from app.ui.shell import MainWindow


class Run:
    """main() with message boxes recorded; `during(window)` runs in place of the event loop."""

    def __init__(self, monkeypatch, data_dir: Path | None, lang: str = "en"):
        """`data_dir` None: the usual per-user folder (not portable)."""
        self.data_dir = data_dir
        self.lang = lang
        self.shown: list[tuple[str, str]] = []
        self.during = None
        # Portable mode points these inside the data folder: put them back after the test.
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            monkeypatch.setenv(var, os.environ.get(var) or str(Path.home() / var.lower()))
        for kind in ("information", "warning", "critical", "question"):
            monkeypatch.setattr(QMessageBox, kind, self._record(kind))
        monkeypatch.setattr(QApplication, "exec", self._exec)

    def _record(self, kind):
        def box(_parent, _title, text, *_args, **_kwargs):
            self.shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return staticmethod(box)

    def _exec(self, *_args):
        (window,) = [w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w.isVisible()]
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
