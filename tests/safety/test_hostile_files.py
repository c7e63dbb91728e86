"""Files that are not what they seem: pipes, devices, huge files, planted names and links.

Each case once froze Sereno, filled the disk, or let one person's erase reach another's
files. Nothing here may block, read past the cap, or touch what it should not.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.core.calendar_export import write_file
from app.store import StoreError, backups
from app.store.profiles import MAX_IMPORT_BYTES, DataDir, valid_id
from tests.conftest import TODAY

posix_only = pytest.mark.skipif(os.name != "posix", reason="pipes and links as on Linux/macOS")


@pytest.fixture
def folder(tmp_path):
    data = DataDir(tmp_path / "data", today=lambda: TODAY)
    data.ensure()
    return data


def all_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def refused_at_once(call, source: Path, reason: str) -> None:
    """`call(source)` raises StoreError(reason) within 5 s, from another thread if it hangs."""
    outcome: dict = {}

    def run():
        try:
            call(source)
        except StoreError as error:
            outcome["reason"] = error.reason
        except Exception as error:  # noqa: BLE001 - recorded for the assertion
            outcome["other"] = type(error).__name__

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), f"{source.name}: still blocked after 5 s"
    assert outcome == {"reason": reason}


@posix_only
def test_a_named_pipe_is_refused_without_waiting(folder, tmp_path):
    pipe = tmp_path / "notes.sereno"
    os.mkfifo(pipe)
    before = all_files(folder.root)
    for call in (folder.peek, folder.import_file):
        refused_at_once(call, pipe, "not_a_file")
    assert all_files(folder.root) == before


@posix_only
def test_a_link_to_an_endless_device_is_refused(folder, tmp_path):
    link = tmp_path / "zero.sereno"
    link.symlink_to("/dev/zero")
    refused_at_once(folder.import_file, link, "not_a_file")
    assert not list(folder.staging_dir.iterdir())


def test_a_folder_is_refused(folder, tmp_path):
    (tmp_path / "folder.sereno").mkdir()
    refused_at_once(folder.peek, tmp_path / "folder.sereno", "not_a_file")


def test_a_huge_file_is_refused_before_it_is_copied(folder, tmp_path):
    huge = tmp_path / "huge.sereno"
    with open(huge, "wb") as f:  # sparse: 2 GB on paper, nothing on the disk
        f.truncate(2 * 1024**3)
    before = all_files(folder.root)
    refused_at_once(folder.import_file, huge, "too_big")
    assert all_files(folder.root) == before


def test_a_file_that_grows_while_copied_is_cut_at_the_cap(folder, tmp_path, monkeypatch):
    """The size seen first is small; what is read goes past the cap: the copy stops there."""
    import app.store.profiles as profiles

    grower = tmp_path / "grows.sereno"
    grower.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4096)
    monkeypatch.setattr(profiles, "MAX_IMPORT_BYTES", 1000)
    real_fstat = os.fstat

    class Small:
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 10

    monkeypatch.setattr(profiles.os, "fstat", lambda fd: Small(real_fstat(fd)))
    refused_at_once(folder.import_file, grower, "too_big")
    assert not list(folder.staging_dir.iterdir())
    assert MAX_IMPORT_BYTES >= 16 * 1024 * 1024  # a real profile is far below it


def test_staging_is_emptied_at_every_start_and_on_erase(folder, tmp_path):
    left = folder.staging_dir / "import.sqlite3.123x00.import"
    left.write_bytes(b"half a file")
    old_style = folder.profiles_dir / "peek-0123abcd.sqlite3.import-wal"
    old_style.write_bytes(b"x")
    folder.clear_staging()
    assert not left.exists() and not old_style.exists()
    pid = folder.create("Ana")
    left.write_bytes(b"half a file")
    folder.erase(pid)
    assert not left.exists()


def test_ids_are_checked_before_they_name_a_file(folder):
    for bad in ("p1*", "../p00000001", "p0000000G", "p00000001.damaged-1", "", "P00000001"):
        assert not valid_id(bad)
        with pytest.raises(StoreError):
            folder.path_for(bad)
    assert valid_id("p0123abcd")


@posix_only
def test_a_planted_pattern_file_never_makes_erase_reach_others(folder):
    ana, carmen = folder.create("Ana"), folder.create("Carmen")
    # Files whose names are glob patterns: once listed as profiles, erased as "p*".
    (folder.profiles_dir / "p*.sqlite3").write_bytes(b"x")
    (folder.profiles_dir / "p[0-9a-f]*.sqlite3").write_bytes(b"x")
    assert sorted(folder.profile_ids()) == sorted([ana, carmen])
    carmen_files = folder.files_of(carmen)
    folder.erase(ana)
    assert folder.files_of(carmen) == carmen_files
    assert [p.id for p in folder.profiles()] == [carmen]


@posix_only
def test_backup_temp_files_are_unique_exclusive_and_never_follow_a_link(tmp_path):
    target = tmp_path / "p00000001-2026-11-23.sqlite3"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    names = set()
    for _ in range(50):
        tmp, fd = backups.private_temp(target)
        os.close(fd)
        names.add(tmp.name)
        assert tmp.stat().st_mode & 0o777 == 0o600
        tmp.unlink()
    assert len(names) == 50
    assert all(str(os.getpid()) in n for n in names)  # a dead Sereno's copies are known


@posix_only
def test_the_calendar_file_never_follows_a_planted_part_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "checkups.ics"
    (tmp_path / "checkups.ics.part").symlink_to(victim)  # the old fixed temporary name
    write_file(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert victim.read_text() == "keep me"
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "checkups.ics",
        "checkups.ics.part",
        "victim.txt",
    ]


@posix_only
def test_a_named_pipe_in_place_of_a_profile_never_blocks_the_start(folder, tmp_path):
    ana = folder.create("Ana")
    planted = folder.path_for("p0000beef")
    os.mkfifo(planted)
    outcome: dict = {}

    def listing():
        outcome["readable"] = [p.id for p in folder.profiles()]
        outcome["unreadable"] = [p.id for p in folder.unreadable()]

    worker = threading.Thread(target=listing, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "the chooser's list waited on a pipe"
    assert outcome == {"readable": [ana], "unreadable": ["p0000beef"]}
    from app.store import Store

    store = Store(planted, folder.backup_dir, TODAY)  # set aside, like a damaged file
    try:
        assert store.recovery is not None and store.recovery.damaged_copy.is_fifo()
    finally:
        store.close()
