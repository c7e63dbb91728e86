"""`make run` on a fresh Linux desktop names the missing system packages in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "packaging" / "linux" / "check_desktop.sh"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def run_with(tmp_path, listed: str) -> subprocess.CompletedProcess:
    """The check, with an `ldconfig` that lists only `listed`."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "ldconfig").write_text(f"#!/bin/sh\nprintf '%s\\n' {listed!r}\n")
    (fake / "ldconfig").chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin"}
    return subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True)


def test_a_desktop_without_xcb_cursor_is_told_which_package_to_install(tmp_path):
    done = run_with(tmp_path, "libEGL.so.1 libfontconfig.so.1")
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert "sudo apt install" in line and "libxcb-cursor0" in line and "libegl1" not in line


def test_a_desktop_with_every_library_passes_quietly(tmp_path):
    libs = (
        "libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0 "
        "libxcb-render-util.so.0 libxkbcommon-x11.so.0 libEGL.so.1 libfontconfig.so.1"
    )
    done = run_with(tmp_path, libs)
    assert done.returncode == 0 and done.stderr == ""
