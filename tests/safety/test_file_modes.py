"""Everything Sereno writes is the person's alone: files 0600, folders 0700 (POSIX).

Started through the real main(), with the common umask 022, in portable mode and in the
usual per-user folder: the notes, their WAL, the daily backups, a damaged copy set aside,
a saved PDF and an exported profile.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.tasks import Task
from app.store.profiles import DataDir
from app.ui import dialogs
from tests.safety.running import Run

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.mark.parametrize("portable", [True, False])
def test_notes_backups_and_pdfs_are_private(
    qapp, qtbot, monkeypatch, tmp_path, umask_022, portable
):
    data_dir = tmp_path / "stick" / "sereno-data" if portable else None
    documents = tmp_path / "home" / "Documents"
    documents.mkdir(parents=True)
    pdf = documents / "mi-lista.pdf"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(pdf))
    seen: dict[str, int] = {}

    def during(window):
        store = window.controller.store
        store.tasks.add(Task(title="Llamar al banco", due=dt.date(2026, 11, 23)))
        for extra in ("-wal", "-shm"):
            seen[extra] = mode(Path(f"{store.path}{extra}"))
        window.controller.start("todo")
        qtbot.mouseClick(window.current.pdf_button, Qt.MouseButton.LeftButton)

    run = Run(monkeypatch, data_dir, "es_MX")
    run.during = during
    assert run() == 0
    assert seen == {"-wal": 0o600, "-shm": 0o600}
    root = data_dir or Path(os.environ["XDG_DATA_HOME"]) / "Sereno"
    folder = DataDir(root)
    folders = [root, folder.profiles_dir, folder.backup_dir]
    if portable:
        folders += [p for p in (root / "system").iterdir()]
    assert {str(f): mode(f) for f in folders} == {str(f): 0o700 for f in folders}
    files = [p for p in root.rglob("*") if p.is_file()]
    assert any(p.parent == folder.backup_dir for p in files)
    assert any(p.parent == folder.profiles_dir for p in files)
    assert {str(f): mode(f) for f in files} == {str(f): 0o600 for f in files}
    assert pdf.exists() and mode(pdf) == 0o600


def test_a_damaged_copy_and_a_restored_database_stay_private(
    qapp, monkeypatch, tmp_path, umask_022
):
    data_dir = tmp_path / "data"
    assert Run(monkeypatch, data_dir)() == 0
    (path,) = DataDir(data_dir).profiles_dir.glob("*.sqlite3")
    path.write_bytes(b"not a database " * 500)
    run = Run(monkeypatch, data_dir)
    assert run() == 0 and len(run.shown) == 1
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(".damaged-" in p.name for p in files)
    assert {str(f): mode(f) for f in files} == {str(f): 0o600 for f in files}


def test_an_exported_profile_is_private(qapp, monkeypatch, tmp_path, umask_022):
    data_dir = tmp_path / "data"
    assert Run(monkeypatch, data_dir)() == 0
    folder = DataDir(data_dir)
    if not hasattr(folder, "export"):
        pytest.skip("no export yet")
    (profile_id,) = folder.profile_ids()
    (tmp_path / "usb").mkdir()
    target = folder.export(profile_id, tmp_path / "usb" / "carmen.sereno")
    assert mode(Path(target)) == 0o600
