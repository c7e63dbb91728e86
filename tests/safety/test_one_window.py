"""One window per person: a second start never races the first, it brings it forward.

Two starts at once (a double double-click) used to fail one time in six with "cannot save
on this computer": both wrote the same backup temporary file and deleted each other's.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.profiles import DataDir
from app.ui.session import Session
from tests.conftest import TODAY
from tests.ui.profiles_support import NoQtTranslations

RUNNER = Path(__file__).with_name("start_runner.py")
ALREADY_OPEN = "Sereno is already open for this person."
CANNOT_SAVE = "Sereno cannot save on this computer"


@pytest.fixture
def sessions(qtbot, tmp_path, dialogs):
    made = []

    def make() -> Session:
        s = Session(
            DataDir(tmp_path / "data", today=lambda: TODAY), NoQtTranslations(), language="en"
        )
        made.append(s)
        return s

    yield make
    for s in made:
        s.close_profile()
        s.shutdown()


def test_a_second_start_brings_the_first_window_forward(qtbot, sessions, dialogs):
    first = sessions()
    assert first.start()
    shown = first.window
    second = sessions()
    assert second.start() is False  # nothing to show: the first one came forward
    assert second.window is None and second.store is None
    assert second.already_open == first.profile_id
    assert dialogs.shown == []
    assert first.window is shown and first.store.settings.get("language") in ("", "en")
    assert not first.lock.raise_path.exists()  # the request was answered and removed


def test_when_the_first_cannot_answer_the_person_is_told(qtbot, sessions, dialogs, monkeypatch):
    import app.ui.session as session_module

    monkeypatch.setattr(session_module, "ALREADY_OPEN_WAIT", 0.3)
    first = sessions()
    first.start()
    first._watch.stop()  # as a Sereno that hangs
    second = sessions()
    assert second.start() is False
    told = dialogs.texts()
    assert len(told) == 1 and told[0].startswith(ALREADY_OPEN)
    assert not first.lock.raise_path.exists()  # no request is left lying around


def test_the_lock_is_let_go_on_close_and_on_switch(qtbot, sessions, tmp_path):
    first = sessions()
    first.start()
    pid = first.profile_id
    first.close_profile()
    second = sessions()
    assert second.start()
    assert second.profile_id == pid
    other = second.folder.create("Carmen")
    second.open(other)
    third = sessions()
    assert third.open(pid) is not None  # the first person was let go at the switch


def test_a_person_open_elsewhere_is_not_erased(qtbot, sessions):
    from app.store import StoreError

    first = sessions()
    first.start()
    folder = DataDir(first.folder.root, today=lambda: TODAY)
    with pytest.raises(StoreError) as error:
        folder.erase(first.profile_id)
    assert error.value.reason == "in_use"
    assert folder.path_for(first.profile_id).exists()


def _start(data_dir: Path, seconds: float) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(RUNNER), str(data_dir), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _result(proc: subprocess.Popen) -> dict:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.timeout(300)
def test_two_starts_at_once_never_fail_and_make_one_person(tmp_path):
    data_dir = tmp_path / "data"
    for round_ in range(2):  # a first run (nobody exists yet), then a person to open
        procs = [_start(data_dir, 2.5), _start(data_dir, 2.5)]
        results = [_result(p) for p in procs]
        texts = [text for r in results for _kind, text in r["messages"]]
        assert not [t for t in texts if t.startswith(CANNOT_SAVE)], (round_, texts)
        assert all(r["code"] == 0 for r in results), (round_, results)
        assert all(t.startswith(ALREADY_OPEN) for t in texts), (round_, texts)
        assert len(DataDir(data_dir).profile_ids()) == 1, round_
    assert not list(data_dir.rglob("*.tmp"))


def test_a_minimised_first_window_comes_back_as_it_was(qtbot, sessions, dialogs):
    from PySide6.QtCore import Qt

    first = sessions()
    first.start()
    first.window.showMinimized()
    second = sessions()
    assert second.start() is False
    assert not first.window.windowState() & Qt.WindowState.WindowMinimized
    assert first.window.isVisible() and dialogs.shown == []
