"""Profiles in the window: the chooser, switching, renaming, deleting, erasing, export, import."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.store.migrations import latest_version
from app.store.profiles import DataDir
from app.ui import people
from app.ui.session import Session
from tests.conftest import TODAY
from tests.ui.profiles_support import NoQtTranslations

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def folder(tmp_path):
    data = DataDir(tmp_path / "data", today=lambda: TODAY)
    data.ensure()
    return data


@pytest.fixture
def session(qtbot, folder, dialogs):
    sessions = []

    def make(**kwargs) -> Session:
        s = Session(folder, NoQtTranslations(), language="en", **kwargs)
        sessions.append(s)
        return s

    yield make
    for s in sessions:
        s.close_profile()
        if s.chooser is not None:
            s.chooser.close()


def person(folder: DataDir, name: str, done: bool = True) -> str:
    from app.store import Store

    pid = folder.create(name)
    store = Store(folder.path_for(pid), folder.backup_dir, folder.today())
    store.settings.set("first_run_done", done)
    store.settings.set("language", "en")
    store.settings.set("country", "MX")
    store.close()
    return pid


def files_of(folder: DataDir, pid: str):
    return [p for p in folder.root.rglob("*") if p.is_file() and pid in p.name]


def open_journey(qtbot, s: Session, page: str):
    s.window.controller.start("profiles")
    while s.window.current.step.page != f"profiles.{page}":
        qtbot.mouseClick(s.window.next_button, LEFT)
    return s.window.current


# Choosing ---------------------------------------------------------------------------------
def test_one_person_opens_at_once(session, folder):
    pid = person(folder, "Carmen")
    s = session()
    s.start()
    assert s.chooser is None and s.window.isVisible()
    assert s.store.path == folder.path_for(pid)


def test_nobody_yet_starts_a_first_run(session, folder):
    s = session()
    s.start()
    assert s.window.current.step.page == "first_run.language"
    assert len(folder.profile_ids()) == 1


def test_several_people_see_who_is_using_sereno(qtbot, session, folder):
    carmen, ana = person(folder, "Carmen"), person(folder, "Ana")
    s = session()
    s.start()
    assert s.window is None
    chooser = s.chooser
    qtbot.addWidget(chooser)
    assert chooser.title.text() == "Who is using Sereno?"
    assert [b.text() for b in chooser.buttons.values()] == ["Ana", "Carmen"]
    qtbot.mouseClick(chooser.buttons[carmen], LEFT)
    assert s.store.path == folder.path_for(carmen)
    assert s.window.isVisible() and s.chooser is None
    assert s.window.current.page_title() == "Hello, Carmen"
    assert ana != carmen


def test_someone_new_from_the_chooser(qtbot, session, folder):
    person(folder, "Carmen")
    person(folder, "Ana")
    s = session()
    s.start()
    qtbot.addWidget(s.chooser)
    qtbot.mouseClick(s.chooser.new_button, LEFT)
    assert len(folder.profile_ids()) == 3
    assert s.window.current.step.page == "first_run.language"


def test_switching_closes_the_old_store(qtbot, session, folder):
    carmen, ana = person(folder, "Carmen"), person(folder, "Ana")
    s = session()
    s.open(carmen)
    old_store = s.store
    page = open_journey(qtbot, s, "people")
    assert list(page.open_buttons) == [ana]
    qtbot.mouseClick(page.open_buttons[ana], LEFT)
    assert s.store.path == folder.path_for(ana)
    with pytest.raises(sqlite3.ProgrammingError):
        old_store.db.conn.execute("SELECT 1")


@pytest.mark.parametrize("page_id", ["me", "people", "centre"])
def test_showing_a_profile_page_writes_nothing(qtbot, session, folder, page_id):
    carmen = person(folder, "Carmen")
    person(folder, "Ana")
    s = session()
    s.open(carmen)
    page = open_journey(qtbot, s, page_id)
    commits = s.store.db.commits
    page.load()
    assert s.store.db.commits == commits


# Renaming and deleting --------------------------------------------------------------------
def test_renaming_myself(qtbot, session, folder):
    pid = person(folder, "Carmen")
    s = session()
    s.open(pid)
    page = open_journey(qtbot, s, "me")
    page.name.edit.clear()
    qtbot.keyClicks(page.name.edit, "Carmen Ruiz")
    assert folder.profile(pid).name == "Carmen Ruiz"


def test_deleting_someone_else_asks_first_and_says_what(qtbot, session, folder, dialogs):
    carmen, ana = person(folder, "Carmen"), person(folder, "Ana")
    s = session()
    s.open(carmen)
    page = open_journey(qtbot, s, "people")
    dialogs.answer = False
    qtbot.mouseClick(page.delete_buttons[ana], LEFT)
    asked = dialogs.texts("confirm")
    assert "Delete Ana from this computer?" in asked[0]
    assert "safety cop" in asked[0]
    assert files_of(folder, ana)
    dialogs.answer = True
    qtbot.mouseClick(s.window.current.delete_buttons[ana], LEFT)
    assert not files_of(folder, ana)
    assert "Erased from this computer" in dialogs.texts("tell")[-1]
    assert not s.window.current.open_buttons
    assert files_of(folder, carmen)


def test_erase_everything_about_me(qtbot, session, folder, dialogs):
    carmen, ana = person(folder, "Carmen"), person(folder, "Ana")
    s = session()
    s.open(carmen)
    s.store.settings.set("trusted_person", "Lucía 55 1234")
    page = open_journey(qtbot, s, "me")
    qtbot.mouseClick(page.erase_button, LEFT)
    assert "Erase everything about you" in dialogs.texts("confirm")[0]
    assert not files_of(folder, carmen)
    assert not [p for p in folder.root.rglob("*") if carmen in p.name]
    assert "the notes" in dialogs.texts("tell")[-1]
    qtbot.addWidget(s.chooser)
    assert list(s.chooser.buttons) == [ana]


def test_erasing_the_last_person_starts_afresh(qtbot, session, folder):
    carmen = person(folder, "Carmen")
    s = session()
    s.open(carmen)
    qtbot.mouseClick(open_journey(qtbot, s, "me").erase_button, LEFT)
    assert not files_of(folder, carmen)
    assert s.window.current.step.page == "first_run.language"
    assert folder.profile_ids() == [s.profile_id] != [carmen]


def test_no_erase_when_the_person_says_no(qtbot, session, folder, dialogs):
    carmen = person(folder, "Carmen")
    s = session()
    s.open(carmen)
    dialogs.answer = False
    qtbot.mouseClick(open_journey(qtbot, s, "me").erase_button, LEFT)
    assert s.store is not None and s.profile_id == carmen
    assert folder.path_for(carmen).exists()


# Export and import ------------------------------------------------------------------------
def test_export_then_import_elsewhere(qtbot, session, folder, tmp_path, dialogs):
    carmen = person(folder, "Carmen")
    s = session()
    s.open(carmen)
    s.store.settings.set("trusted_person", "Lucía")
    target = tmp_path / "usb" / "carmen"
    target.parent.mkdir()
    dialogs.path = target
    page = open_journey(qtbot, s, "me")
    commits = s.store.db.commits
    qtbot.mouseClick(page.export_button, LEFT)
    exported = tmp_path / "usb" / "carmen.sereno"
    assert exported.exists()
    assert s.store.db.commits == commits + 1  # the folder, remembered for next time
    assert "carmen.sereno" in s.window.status.text()
    # on the other computer
    other = DataDir(tmp_path / "other", today=lambda: TODAY)
    ana = person(other, "Ana")
    s.close_profile()
    s2 = session()
    s2.folder = other
    s2.open(ana)
    dialogs.path = exported
    page = open_journey(qtbot, s2, "people")
    qtbot.mouseClick(page.import_button, LEFT)
    names = {p.name: p.id for p in other.profiles()}
    assert set(names) == {"Ana", "Carmen"}
    assert list(s2.window.current.open_buttons) == [names["Carmen"]]


def test_saving_to_a_place_that_cannot_be_written_says_so(
    qtbot, session, folder, tmp_path, dialogs
):
    s = session()
    s.open(person(folder, "Carmen"))
    dialogs.path = tmp_path / "no such stick" / "carmen"
    page = open_journey(qtbot, s, "me")
    commits = s.store.db.commits
    qtbot.mouseClick(page.export_button, LEFT)
    assert dialogs.texts("tell") == [
        "Sereno could not write the file there. Please choose "
        "another place, such as a USB stick. Nothing was changed."
    ]
    assert s.store.db.commits == commits and not s.store.settings.get("last_folder")


def test_import_asks_before_replacing(qtbot, session, folder, tmp_path, dialogs):
    carmen, ana = person(folder, "Carmen"), person(folder, "Ana")
    dialogs.path = folder.export(ana, tmp_path / "ana.sereno")
    s = session()
    s.open(carmen)
    page = open_journey(qtbot, s, "people")
    dialogs.answer = True  # replace
    qtbot.mouseClick(page.import_button, LEFT)
    assert "already notes for Ana" in dialogs.texts("confirm")[0]
    assert [p.name for p in folder.profiles()] == ["Ana", "Carmen"]
    assert not files_of(folder, ana)
    dialogs.answer = False  # keep both
    qtbot.mouseClick(s.window.current.import_button, LEFT)
    assert len(dialogs.texts("confirm")) == 2
    assert [p.name for p in folder.profiles()] == ["Ana", "Ana", "Carmen"]


def test_importing_my_own_name_replaces_the_open_notes(qtbot, session, folder, tmp_path, dialogs):
    carmen = person(folder, "Carmen")
    dialogs.path = folder.export(carmen, tmp_path / "c.sereno")
    s = session()
    s.open(carmen)
    qtbot.mouseClick(open_journey(qtbot, s, "people").import_button, LEFT)
    assert s.profile_id != carmen and not files_of(folder, carmen)
    assert s.window.isVisible() and s.store.settings.get("first_name") == "Carmen"


@pytest.mark.parametrize("kind", ["damaged", "too_new"])
def test_a_bad_file_gets_a_plain_message(qtbot, session, folder, tmp_path, dialogs, kind):
    carmen = person(folder, "Carmen")
    bad = tmp_path / "bad.sereno"
    if kind == "damaged":
        bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    else:
        folder.export(carmen, bad)
        conn = sqlite3.connect(bad)
        conn.execute(f"PRAGMA user_version = {latest_version() + 3}")
        conn.commit()
        conn.close()
    dialogs.path = bad
    s = session()
    s.open(carmen)
    qtbot.mouseClick(open_journey(qtbot, s, "people").import_button, LEFT)
    expected = "cannot be read" if kind == "damaged" else "newer version of Sereno"
    told = dialogs.texts("tell")
    assert expected in told[-1] and "Nothing was changed" in told[-1]
    assert folder.profile_ids() == [carmen]


# Community centre -------------------------------------------------------------------------
SHARED = "this computer is shared."


@pytest.fixture
def centre(qtbot, session, folder, dialogs):
    carmen = person(folder, "Carmen")
    s = session()
    s.open(carmen)
    page = open_journey(qtbot, s, "centre")
    qtbot.mouseClick(page.group.rows[0], LEFT)
    assert s.store.settings.get("community_centre") is True
    return s, carmen


def test_community_centre_erase_on_close(qtbot, centre, folder, dialogs):
    s, carmen = centre
    dialogs.answer = "erase"
    s.window.close()
    qtbot.waitUntil(lambda: not files_of(folder, carmen), timeout=3000)
    assert s.store is None
    assert "Erased from this computer" in dialogs.texts("tell")[-1]


def test_community_centre_keep_on_close(qtbot, centre, folder, dialogs):
    s, carmen = centre
    dialogs.answer = "keep"
    s.window.close()
    s.shutdown()
    assert SHARED in dialogs.texts("choose")[-1]
    assert folder.path_for(carmen).exists()


def test_community_centre_do_not_close(qtbot, centre, folder, dialogs):
    s, carmen = centre
    dialogs.answer = "cancel"
    s.window.close()
    assert s.window.isVisible()
    assert folder.path_for(carmen).exists()


def test_own_computer_asks_nothing(qtbot, session, folder, dialogs):
    carmen = person(folder, "Carmen")
    s = session()
    s.open(carmen)
    s.window.close()
    s.shutdown()
    assert folder.path_for(carmen).exists()
    assert dialogs.texts("choose") == []


@pytest.mark.parametrize(
    "answer, expected", [(True, "keep"), (False, "cancel"), ("erase", "erase")]
)
def test_the_closing_question(dialogs, answer, expected):
    """Keeping is the default answer; closing the question's window means: do not close."""
    dialogs.answer = answer
    assert people.ask_keep_or_erase(None, "Carmen") == expected
    assert dialogs.texts("choose") == [
        "Carmen, this computer is shared. Do you want to keep your notes here for next time, "
        "or erase them now?"
    ]


# Files that cannot be read, languages, replacing (issue 21) -------------------------------
def unreadable(folder: DataDir) -> str:
    """A profile whose file is not a database at all (a crafted or broken file)."""
    pid = folder.create("Rosa")
    folder.path_for(pid).write_bytes(b"not a database " * 300)
    for copy in folder.backup_dir.iterdir():
        copy.unlink()
    return pid


def test_the_chooser_skips_a_file_it_cannot_read_and_says_so(qtbot, session, folder):
    ana, carmen = person(folder, "Ana"), person(folder, "Carmen")
    unreadable(folder)
    s = session()
    assert s.start()
    qtbot.addWidget(s.chooser)
    assert list(s.chooser.buttons) == [ana, carmen]
    assert "could not be read" in s.chooser.left_out.text()


def test_one_readable_person_and_one_unreadable_file_still_start(qtbot, session, folder):
    ana = person(folder, "Ana")
    unreadable(folder)
    s = session()
    assert s.start()
    qtbot.addWidget(s.chooser)
    assert list(s.chooser.buttons) == [ana]
    qtbot.mouseClick(s.chooser.buttons[ana], LEFT)
    assert s.window.current.page_title() == "Hello, Ana"


def test_the_erased_message_is_in_the_erased_persons_language(qtbot, folder, dialogs):
    from app import i18n
    from app.store import Store

    carmen = person(folder, "Carmen")
    for name in ("Ana", "Rosa"):  # the chooser that follows speaks their language
        store = Store(folder.path_for(person(folder, name)), folder.backup_dir, TODAY)
        store.settings.set("language", "es_MX")
        store.close()
    store = Store(folder.path_for(carmen), folder.backup_dir, TODAY)
    store.settings.set("language", "fr_FR")
    store.close()
    s = Session(folder, NoQtTranslations())
    try:
        s.open(carmen)
        qtbot.mouseClick(open_journey(qtbot, s, "me").erase_button, LEFT)
        assert dialogs.texts("tell")[-1].startswith("Effacé de cet ordinateur")
        assert i18n.language() == "es_MX"  # the chooser, for the next person
    finally:
        s.close_profile()
        if s.chooser is not None:
            s.chooser.close()


def test_a_forced_language_is_not_saved(qtbot, folder, dialogs):
    from app import i18n

    carmen = person(folder, "Carmen")  # saved in English
    s = Session(folder, NoQtTranslations(), language="es_MX")
    try:
        s.open(carmen)
        assert i18n.language() == "es_MX"
        assert s.store.settings.get("language") == "en"
    finally:
        s.close_profile()


def test_replacing_keeps_the_old_notes_until_the_new_ones_open(
    qtbot, session, folder, tmp_path, monkeypatch, dialogs
):
    from app.store import StoreError

    carmen = person(folder, "Carmen")
    dialogs.path = folder.export(carmen, tmp_path / "c.sereno")
    s = session()
    s.open(carmen)
    real_open = Session.open

    def open_fails_for_the_new_one(self, profile_id):
        if profile_id != carmen:
            raise StoreError("cannot_write", "the new notes could not open")
        return real_open(self, profile_id)

    monkeypatch.setattr(Session, "open", open_fails_for_the_new_one)
    qtbot.mouseClick(open_journey(qtbot, s, "people").import_button, LEFT)
    assert "Nothing was changed" in dialogs.texts("tell")[-1]
    assert folder.profile_ids() == [carmen]  # the old notes are whole, the new copy gone
    assert s.profile_id == carmen and s.store.settings.get("first_name") == "Carmen"


def test_erase_forgets_the_folders_qt_remembered(qtbot, session, folder):
    from pathlib import Path

    from PySide6.QtCore import QSettings

    qt = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
    qt.setValue("FileDialog/lastVisited", "file:///home/carmen/Banorte")
    qt.setValue("FileDialog/history", ["file:///home/carmen/Banorte"])
    qt.sync()
    conf = Path(qt.fileName())
    del qt
    assert conf.exists()
    carmen = person(folder, "Carmen")
    s = session()
    s.open(carmen)
    qtbot.mouseClick(open_journey(qtbot, s, "me").erase_button, LEFT)
    assert not conf.exists() or b"Banorte" not in conf.read_bytes()


def test_recovery_says_the_date_and_time_of_the_copy(dialogs):
    import datetime as dt

    from app.store.db import Recovery
    from app.ui import application

    class Restored:
        recovery = Recovery(Path("x.damaged"), TODAY, dt.datetime.combine(TODAY, dt.time(18, 40)))

    application.tell_recovery(None, Restored())
    assert dialogs.shown == [
        (
            "tell",
            "Your notes could not be read, so Sereno brought back the "
            "copy it made on November 23, 2026 at 6:40\u202fPM. A copy "
            "of the damaged file was kept.",
        )
    ]


def test_saving_my_notes_warns_not_to_send_the_file_by_whatsapp_or_email(qtbot, session, folder):
    person(folder, "Carmen")
    s = session()
    s.start()
    page = open_journey(qtbot, s, "me")
    shown = " ".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())
    assert "WhatsApp or email" in shown and "your family's" in shown
