"""Extra blocks a journey adds to the home page (a trusted person, a card to keep).

Each block is drawn by a small module `app/ui/pages/home_*.py` that registers its function
`section(controller) -> (key, make) | None`: None means "nothing to show now", `make()`
builds the widget, and `key` holds everything it shows, so home keeps the widget while the
key stays the same (see KeptWidgets). Those modules import only what they draw: home is
the start-up page. They are found by name, so a new one needs no list to be kept.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

Section = Callable[[Any], Any]

_SECTIONS: dict[str, tuple[int, Section]] = {}


def register_section(section: Section, order: int) -> Section:
    """Show `section` on home, lowest `order` first (a module imported again: no double)."""
    _SECTIONS[f"{section.__module__}.{section.__qualname__}"] = (order, section)
    return section


def sections() -> list[Section]:
    """Every home block in its order; their modules are imported the first time."""
    import app.ui.pages as pages

    for module in pkgutil.iter_modules(pages.__path__):
        if module.name.startswith("home_"):
            importlib.import_module(f"{pages.__name__}.{module.name}")
    return [section for _order, section in sorted(_SECTIONS.values(), key=lambda s: s[0])]
