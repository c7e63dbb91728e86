"""Every setting the person chooses, declared once with its type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TEXT_SIZES: tuple[int, ...] = (100, 125, 150, 175)
THEMES: tuple[str, ...] = ("standard", "high_contrast")
COUNTRIES: tuple[str, ...] = ("MX", "FR", "OTHER")


@dataclass(frozen=True)
class Setting:
    """One choice: its key, its Python type, its default, and the values it may take."""

    key: str
    type: type
    default: Any
    choices: tuple[Any, ...] = ()

    def coerce(self, value: Any) -> Any:
        """The value if it is valid for this setting, else the default."""
        if not isinstance(value, self.type) or (self.type is int and isinstance(value, bool)):
            return self.default
        if self.choices and value not in self.choices:
            return self.default
        return value


_ALL = (
    Setting("language", str, "", ("", "es_MX", "fr_FR", "en")),
    Setting("text_size", int, 100, TEXT_SIZES),
    # "" means the person has not chosen: follow the system's light or dark preference.
    Setting("theme", str, "", ("",) + THEMES),
    Setting("read_aloud", bool, False),
    Setting("first_name", str, ""),
    Setting("country", str, "", ("",) + COUNTRIES),
    Setting("first_run_done", bool, False),
    Setting("trusted_person", str, ""),
    Setting("last_folder", str, ""),
    Setting("community_centre", bool, False),
    # Window state, not a choice: "maximised" or "<width>x<height>" when last closed.
    Setting("window_size", str, ""),
)
SETTINGS: dict[str, Setting] = {s.key: s for s in _ALL}


def setting(key: str) -> Setting:
    try:
        return SETTINGS[key]
    except KeyError:
        raise KeyError(f"unknown setting {key!r}: declare it in app/core/settings.py") from None
