"""No password Sereno suggested or the person typed is ever written anywhere.

Sereno is started as usual (its real main(), the usual per-user folders, all inside the
test's folder): the password journey shows suggestions (another one, copied), a password
is typed and rated, the notebook is saved as PDF. Then every file under the data, config,
state and cache folders and the home folder (Qt's settings included), and what was
written to stdout/stderr, is searched byte for byte, WAL and shm included.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt

from app.ui import clipboard, dialogs
from tests.safety.running import Run

TYPED = "Tulipan-Secreto-1948!"


def encodings(secret: str) -> list[bytes]:
    return [secret.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le")]


def seed_accounts(monkeypatch):
    """The person has done the first run and named three accounts."""
    from app.store import Store

    real_init = Store.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        if not self.answers.accounts():
            self.settings.set("first_run_done", True)
            self.settings.set("first_name", "Carmen")
            self.settings.set("country", "MX")
            self.answers.add_account("email", "Correo")
            self.answers.add_account("bank", "Banorte", "4821")
            self.answers.add_account("social_security", "IMSS")

    monkeypatch.setattr(Store, "__init__", init)


@pytest.mark.timeout(90)
@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_no_suggested_or_typed_password_reaches_any_file(
    qapp, qtbot, monkeypatch, tmp_path, capfd, lang
):
    for var in ("XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(documents / "cuaderno.pdf"))
    seed_accounts(monkeypatch)
    left = Qt.MouseButton.LeftButton
    suggested: set[str] = set()
    codes: set[str] = set()
    visited = []
    while_open: list[tuple[str, bytes]] = []

    def during(window):
        controller = window.controller
        controller.start("passwords")
        while controller.navigator.journey is not None:
            page = window.current
            step = controller.navigator.position.step
            visited.append(step)
            if step.startswith("passwords.kind"):
                qtbot.mouseClick(page.kind.rows[2 if len(suggested) == 3 else 0], left)
            elif step.startswith("passwords.suggest"):
                suggested.add(page._passphrase)
                qtbot.mouseClick(window.back_button, left)  # the same one after Back, Next
                qtbot.mouseClick(window.next_button, left)
                page = window.current
                assert page._passphrase in suggested
                qtbot.mouseClick(page.another, left)
                suggested.add(page._passphrase)
                qtbot.mouseClick(page.copy, left)
                if page.suggestion.uses_code():
                    codes.add(page.suggestion.code_text())
                qtbot.mouseClick(page.suggestion.shorter, left)
                suggested.add(page._passphrase)
            elif step.startswith("passwords.done"):
                qtbot.mouseClick(page.group.rows[0], left)
            elif step == "passwords.year":
                page.year.edit.setText("1948")
            elif step == "passwords.check":
                qtbot.keyClicks(page.field.edit, TYPED)
                qtbot.mouseClick(page.check_button, left)
                assert page.summary.text()
                controller.set_setting("text_size", 150)  # re-drawn while typed
                qtbot.keyClicks(page.field.edit, TYPED)
                qtbot.mouseClick(page.check_button, left)
            elif step == "passwords.notebook":
                qtbot.mouseClick(page.pdf_button, left)
            qtbot.mouseClick(window.next_button, left)
        clipboard.guard().timer.timeout.emit()
        QSettings().sync()
        # While Sereno is still open: the WAL and shm hold the latest writes.
        while_open.extend(
            (f"{f} (open)", f.read_bytes()) for f in tmp_path.rglob("*") if f.is_file()
        )

    run = Run(monkeypatch, None, lang)
    run.during = during
    assert run() == 0 and run.shown == []
    assert "passwords.check" in visited and "passwords.notebook" in visited
    assert len(suggested) == 9 and None not in suggested
    assert len(codes) == 1  # "I don't know" for the bank: a code was shown too
    assert (documents / "cuaderno.pdf").exists()

    places = {tmp_path, Path(QSettings().fileName()).parent}
    for location in (
        QStandardPaths.StandardLocation.AppDataLocation,
        QStandardPaths.StandardLocation.AppConfigLocation,
        QStandardPaths.StandardLocation.GenericConfigLocation,
        QStandardPaths.StandardLocation.CacheLocation,
        QStandardPaths.StandardLocation.StateLocation,
    ):
        places.add(Path(QStandardPaths.writableLocation(location)))
    files = sorted(
        {f for place in places if place.is_dir() for f in place.rglob("*") if f.is_file()}
    )
    data = Path(os.environ["XDG_DATA_HOME"]) / "Sereno"
    assert any(name.endswith("-wal (open)") for name, _data in while_open)
    assert any(f.is_relative_to(data / "backups") for f in files)
    printed = capfd.readouterr()
    searched = [(str(f), f.read_bytes()) for f in files] + while_open
    searched += [("stdout", printed.out.encode()), ("stderr", printed.err.encode())]
    for secret in [*suggested, TYPED]:
        for where, content in searched:
            for encoded in encodings(secret):
                assert encoded not in content, f"{secret!r} found in {where}"
            assert secret.split("-")[1].encode() + b"-" not in content, f"{where}"
    for code in codes:  # six digits may occur by chance in a binary file: only in text ones
        for where, content in searched:
            if where.endswith((".sqlite", ".db", "-wal", "-shm", "(open)", ".pdf")):
                continue
            assert code.encode() not in content, f"the code was found in {where}"
