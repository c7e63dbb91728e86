"""The pages, one module per journey, each registering its own (see registry.py).

A journey's module is imported the first time one of its pages is shown, so start-up
(home) does not pay for every journey's pages (bench/bench_startup.py).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from app.ui.pages.registry import registered

if TYPE_CHECKING:
    from app.ui.widgets import PageBase

# The module that registers each journey's pages, by journey key (a page id's first part).
MODULES = {
    "first_run": "first_run",
    "what_happened": "what_happened",
    "todo": "todo",
    "activity": "activity",
    "passwords": "passwords",
    "scams": "scams",
    "contacts": "contacts",
    "calls": "calls",
    "print": "print_centre",
    "profiles": "profiles",
    "emergency": "emergency",
}


def journey_module(journey: str) -> ModuleType:
    """The module holding a journey's pages, imported (and its pages registered) if need be."""
    return importlib.import_module(f"{__name__}.{MODULES[journey]}")


def page_class(page_id: str) -> type[PageBase]:
    """The class showing a page ("todo.list"); KeyError for an id nobody registered."""
    pages = registered()
    if page_id not in pages:
        journey_module(page_id.partition(".")[0])
        pages = registered()
    return pages[page_id]


def load_all() -> dict[str, type[PageBase]]:
    """Import every journey's pages (for what they register besides pages: printouts)."""
    for journey in MODULES:
        journey_module(journey)
    return registered()
