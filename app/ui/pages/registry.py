"""Which class shows each page: every journey's page module registers its own pages.

A page module ends with `PAGES = register("todo", {"list": ListPage})`; the page ids
("todo.list") are the ones the journeys in app/core list as steps. `app.ui.pages` finds a
class by its id and imports the journey's module the first time one of its pages is shown.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.widgets import PageBase

_PAGES: dict[str, type[PageBase]] = {}


def register(journey: str, pages: dict[str, type[PageBase]]) -> dict[str, type[PageBase]]:
    """Record each page as "<journey>.<name>"; returns `pages` for the module to keep."""
    for name, cls in pages.items():
        _PAGES[f"{journey}.{name}"] = cls
    return pages


def registered() -> dict[str, type[PageBase]]:
    """Every page registered so far, by page id."""
    return dict(_PAGES)
