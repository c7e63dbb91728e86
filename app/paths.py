"""Where Sereno's shipped files are, from a source checkout, a wheel or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    """The folder holding resources/ and translations/."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled) / "app" / "_data"
    installed = _PACKAGE / "_data"
    if (installed / "resources").is_dir():
        return installed
    return _PACKAGE.parent


def resources_dir() -> Path:
    return _data_root() / "resources"


def translations_dir() -> Path:
    return _data_root() / "translations"


def resource(*parts: str) -> Path:
    """A file under resources/, e.g. resource("icons", "home.svg")."""
    return resources_dir().joinpath(*parts)
