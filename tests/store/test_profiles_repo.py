"""Profiles on one computer: listing, creating, renaming, erasing, exporting, importing."""

from __future__ import annotations

import os
import sqlite3

import pytest

from app.store import Store, StoreError
from app.store.migrations import latest_version, migrate
from app.store.profiles import DataDir, export_profile, validate
from tests.conftest import TODAY


@pytest.fixture
def folder(tmp_path):
    data = DataDir(tmp_path / "data", today=lambda: TODAY)
    data.ensure()
    return data


def open_store(folder: DataDir, profile_id: str) -> Store:
    return Store(folder.path_for(profile_id), folder.backup_dir, TODAY)


def all_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_profiles_are_listed_by_their_first_name(folder):
    carmen = folder.create("Carmen")
    nameless = folder.create()
    ana = folder.create("ana")
    people = folder.profiles()
    assert [p.id for p in people] == [ana, carmen, nameless]
    assert [p.name for p in people] == ["ana", "Carmen", ""]
    assert folder.find_by_name("CARMEN") == carmen
    assert folder.find_by_name("Jeanne") is None


def test_the_list_shows_language_and_text_size(folder):
    pid = folder.create("Jeanne")
    store = open_store(folder, pid)
    store.settings.set("language", "fr_FR")
    store.settings.set("text_size", 150)
    store.close()
    (person,) = folder.profiles()
    assert (person.language, person.text_size) == ("fr_FR", 150)


def test_a_new_profile_is_private_and_has_a_backup(folder):
    pid = folder.create("Carmen")
    assert folder.path_for(pid).exists()
    if os.name == "posix":
        assert folder.path_for(pid).stat().st_mode & 0o777 == 0o600
    assert list(folder.backup_dir.glob(f"{pid}-*.sqlite3"))


def test_rename_changes_the_name_shown_everywhere(folder):
    pid = folder.create("Carmen")
    folder.rename(pid, "  Carmen López ")
    assert folder.profile(pid).name == "Carmen López"
    store = open_store(folder, pid)
    assert store.settings.get("first_name") == "Carmen López"
    store.close()


def test_rename_of_a_missing_profile_is_refused(folder):
    with pytest.raises(StoreError) as error:
        folder.rename("p0000dead", "X")
    assert error.value.reason == "missing"


def test_erase_removes_every_file_of_the_person_and_nothing_else(folder):
    keep = folder.create("Ana")
    gone = folder.create("Carmen")
    store = open_store(folder, gone)
    store.settings.set("trusted_person", "Lucía 55 1234")
    store.close()
    # a damaged copy kept aside, an older backup, a WAL left behind
    (folder.profiles_dir / f"{gone}.damaged-20261101-101010.sqlite3").write_bytes(b"x")
    (folder.backup_dir / f"{gone}-2026-11-01.sqlite3").write_bytes(b"x")
    (folder.profiles_dir / f"{gone}.sqlite3-wal").write_bytes(b"")
    before_ana = [p for p in all_files(folder.root) if keep in p.name]
    erased = folder.erase(gone)
    assert erased.notes and erased.backups == 2 and erased.damaged == 1
    left = all_files(folder.root)
    assert not [p for p in left if gone in p.name]
    assert [p for p in left if keep in p.name] == before_ana
    assert [p.id for p in folder.profiles()] == [keep]
    assert b"Lucia" not in b"".join(p.read_bytes() for p in left)


def test_erasing_twice_erases_nothing_the_second_time(folder):
    pid = folder.create("Carmen")
    folder.erase(pid)
    again = folder.erase(pid)
    assert not again.notes and again.paths == ()


def test_export_is_one_private_file_that_imports_back(folder, tmp_path):
    pid = folder.create("Carmen")
    store = open_store(folder, pid)
    store.settings.set("trusted_person", "Lucía")
    (tmp_path / "out").mkdir()
    target = store.export(tmp_path / "out" / "carmen")
    store.close()
    assert target.name == "carmen.sereno"
    assert not list(target.parent.glob("*.tmp"))
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    validate(target)
    other = DataDir(tmp_path / "elsewhere", today=lambda: TODAY)
    assert other.peek(target) == "Carmen"
    new_id = other.import_file(target)
    copy = open_store(other, new_id)
    assert copy.settings.get("trusted_person") == "Lucía"
    copy.close()
    assert [p.name for p in other.profiles()] == ["Carmen"]


def test_export_of_a_closed_profile(folder, tmp_path):
    pid = folder.create("Ana")
    target = folder.export(pid, tmp_path / "ana.sereno")
    assert target.name == "ana.sereno"
    assert DataDir(tmp_path / "x", today=lambda: TODAY).peek(target) == "Ana"


def test_import_with_replace_erases_the_old_one_only_after(folder, tmp_path):
    old = folder.create("Carmen")
    source = DataDir(tmp_path / "other", today=lambda: TODAY)
    pid = source.create("Carmen")
    exported = source.export(pid, tmp_path / "c.sereno")
    new_id = folder.import_file(exported, replace=old)
    assert new_id != old
    assert not folder.files_of(old)
    assert [p.id for p in folder.profiles()] == [new_id]


def test_import_without_replace_keeps_both(folder, tmp_path):
    folder.create("Carmen")
    exported = export_profile(folder.path_for(folder.profile_ids()[0]), tmp_path / "c")
    folder.import_file(exported)
    assert [p.name for p in folder.profiles()] == ["Carmen", "Carmen"]


def test_a_damaged_file_is_refused_and_changes_nothing(folder, tmp_path):
    folder.create("Ana")
    before = all_files(folder.root)
    bad = tmp_path / "bad.sereno"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    for call in (folder.peek, folder.import_file):
        with pytest.raises(StoreError) as error:
            call(bad)
        assert error.value.reason == "damaged"
    assert all_files(folder.root) == before


def test_a_file_that_is_not_sereno_is_refused(folder, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    text = tmp_path / "letter.sereno"
    text.write_text("Dear Carmen")
    with pytest.raises(StoreError) as error:
        folder.import_file(other)
    assert error.value.reason == "not_sereno"
    with pytest.raises(StoreError) as error:
        folder.import_file(text)
    assert error.value.reason == "damaged"
    assert folder.profile_ids() == []


def test_a_file_from_a_newer_sereno_is_refused(folder, tmp_path):
    pid = folder.create("Ana")
    newer = folder.export(pid, tmp_path / "newer.sereno")
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.commit()
    conn.close()
    before = all_files(folder.root)
    with pytest.raises(StoreError) as error:
        folder.import_file(newer)
    assert error.value.reason == "too_new"
    assert all_files(folder.root) == before


def test_an_older_file_is_brought_up_to_date(folder, tmp_path):
    old = tmp_path / "old.sereno"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, up_to=1)
    conn.execute("INSERT INTO settings VALUES ('first_name', '\"Rosa\"')")
    conn.close()
    pid = folder.import_file(old)
    conn = sqlite3.connect(folder.path_for(pid))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    conn.close()
    assert folder.profile(pid).name == "Rosa"


def test_a_missing_file_is_reported(folder, tmp_path):
    with pytest.raises(StoreError) as error:
        folder.import_file(tmp_path / "nothere.sereno")
    assert error.value.reason == "unreadable"
