"""Portable mode: everything in one folder (a USB stick), nothing in the person's own folders.

Sereno is portable when started with `--data-dir PATH`, or when a file named `portable`
sits beside the program (the executable of a bundle, or the folder holding the `app`
package); its data then lives in `sereno-data/` there. In portable mode the system's
per-user folders (data, config, state, cache) are pointed inside that folder before Qt
starts, so neither Qt, nor fonts caches, nor any library writes to the person's own ones.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from dataclasses import dataclass
from pathlib import Path

MARKER = "portable"
DATA_FOLDER = "sereno-data"
# Where libraries look for the per-user folders (XDG on Linux and other Unix systems).
SYSTEM_DIRS = {
    "XDG_DATA_HOME": "data",
    "XDG_CONFIG_HOME": "config",
    "XDG_STATE_HOME": "state",
    "XDG_CACHE_HOME": "cache",
}
_APP_FOLDER = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True)
class Location:
    """Where the data lives; `data_dir` None means the usual per-user data folder."""

    data_dir: Path | None
    portable: bool


def marker_folders(
    executable: str | None = None, frozen: bool | None = None, app_folder: Path | None = None
) -> list[Path]:
    """The folders where a `portable` file turns portable mode on."""
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not frozen:
        return [app_folder or _APP_FOLDER]
    here = Path(executable).resolve().parent
    folders = [here]
    # A macOS bundle: Sereno.app/Contents/MacOS/sereno; the marker sits beside Sereno.app.
    if here.name == "MacOS" and here.parent.name == "Contents":
        folders.append(here.parent.parent.parent)
    return folders


def find_location(data_dir: Path | None = None, folders: list[Path] | None = None) -> Location:
    """`--data-dir` first, then a `portable` marker file, else the usual folder."""
    if data_dir is not None:
        return Location(Path(data_dir).expanduser().resolve(), True)
    for folder in marker_folders() if folders is None else folders:
        if (folder / MARKER).is_file():
            return Location(folder / DATA_FOLDER, True)
    return Location(None, False)


def system_dirs(data_dir: Path) -> dict[str, Path]:
    """The per-user folders, kept inside the portable data folder."""
    return {var: Path(data_dir) / "system" / name for var, name in SYSTEM_DIRS.items()}


def isolate(data_dir: Path, environ: MutableMapping[str, str] | None = None) -> None:
    """Point the per-user folders inside `data_dir`: call before Qt is started."""
    environ = os.environ if environ is None else environ
    for var, folder in system_dirs(data_dir).items():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(folder, 0o700)
        except OSError:
            pass  # a read-only stick: libraries then fail to cache, and still write nothing home
        environ[var] = str(folder)
