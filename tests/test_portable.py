"""Portable mode: all data in one folder, nothing in the person's own data, config, state
or cache folders (checked by running the real program in a child process)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.core import portable

ROOT = Path(__file__).resolve().parent.parent

# Runs Sereno's real main() and quits once the window is up (or the chooser).
RUN = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from app.ui import application

    frozen_exe = sys.argv[1]
    if frozen_exe:
        sys.frozen = True
        sys.executable = frozen_exe
    make_app = application.make_app

    def quitting_app(argv=None):
        app = make_app(argv)
        QTimer.singleShot(300, app.quit)
        return app

    application.make_app = quitting_app
    from app.__main__ import main

    sys.exit(main(sys.argv[2:]))
""")


def user_dirs(home: Path) -> dict[str, Path]:
    return {
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_CACHE_HOME": home / ".cache",
    }


def listing(home: Path) -> set[str]:
    return {str(p.relative_to(home)) for p in home.rglob("*")}


def run_sereno(tmp_path: Path, *args: str, frozen_exe: str = "") -> Path:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update({k: str(v) for k, v in user_dirs(home).items()})
    env.update(
        HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="en_US.UTF-8", PYTHONDONTWRITEBYTECODE="1"
    )
    for folder in user_dirs(home).values():
        folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, "-c", RUN, frozen_exe, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return home


def test_the_usual_run_writes_into_the_user_data_folder(tmp_path):
    """The listing below sees what a run writes: without portable mode, notes land there."""
    home = run_sereno(tmp_path)
    written = listing(home)
    assert any(
        name.endswith(".sqlite3") and name.startswith(".local/share/Sereno/profiles")
        for name in written
    ), sorted(written)


def test_data_dir_writes_nothing_in_the_user_folders(tmp_path):
    home = tmp_path / "home"
    for folder in user_dirs(home).values():
        folder.mkdir(parents=True)
    before = listing(home)
    stick = tmp_path / "usb" / "notes"
    run_sereno(tmp_path, "--data-dir", str(stick))
    assert listing(home) == before
    assert list((stick / "profiles").glob("*.sqlite3"))


def test_a_portable_file_beside_the_program(tmp_path):
    bundle = tmp_path / "usb" / "Sereno"
    bundle.mkdir(parents=True)
    (bundle / "portable").write_text("")
    home = tmp_path / "home"
    for folder in user_dirs(home).values():
        folder.mkdir(parents=True)
    before = listing(home)
    run_sereno(tmp_path, frozen_exe=str(bundle / "sereno"))
    assert listing(home) == before
    assert list((bundle / "sereno-data" / "profiles").glob("*.sqlite3"))


# The rules themselves ---------------------------------------------------------------------
def test_data_dir_wins(tmp_path):
    (tmp_path / "portable").write_text("")
    found = portable.find_location(tmp_path / "x", folders=[tmp_path])
    assert found == portable.Location((tmp_path / "x").resolve(), True)


def test_marker_file_or_usual_folder(tmp_path):
    assert portable.find_location(folders=[tmp_path]) == portable.Location(None, False)
    (tmp_path / "portable").mkdir()  # a folder named portable is not the marker
    assert not portable.find_location(folders=[tmp_path]).portable
    (tmp_path / "portable").rmdir()
    (tmp_path / "portable").write_text("")
    assert portable.find_location(folders=[tmp_path]) == portable.Location(
        tmp_path / "sereno-data", True
    )


@pytest.mark.parametrize(
    "exe, expected",
    [
        ("/media/usb/Sereno/sereno", ["/media/usb/Sereno"]),
        (
            "/Volumes/USB/Sereno.app/Contents/MacOS/sereno",
            ["/Volumes/USB/Sereno.app/Contents/MacOS", "/Volumes/USB"],
        ),
    ],
)
def test_where_the_marker_is_looked_for_in_a_bundle(exe, expected):
    found = portable.marker_folders(exe, frozen=True)
    assert [str(p) for p in found] == [str(Path(e).resolve()) for e in expected]


def test_from_source_the_marker_is_in_the_app_folder():
    assert portable.marker_folders(frozen=False) == [ROOT]


def test_isolate_points_every_user_folder_inside(tmp_path):
    env: dict[str, str] = {}
    portable.isolate(tmp_path / "data", env)
    assert set(env) == {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"}
    for value in env.values():
        assert Path(value).is_dir() and Path(value).is_relative_to(tmp_path / "data")
