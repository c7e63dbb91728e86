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
    """Record each page as "<journey>.<name>"; returns `pages` for the module to keep.

    An id taken by another class (a journey key copied from another module) is refused:
    one of the two pages would never be shown.
    """
    for name, cls in pages.items():
        page_id = f"{journey}.{name}"
        known = _PAGES.get(page_id)
        if known is not None and _where(known) != _where(cls):
            raise ValueError(f"{page_id} is already {_where(known)}, not {_where(cls)}")
        _PAGES[page_id] = cls
    return pages


def _where(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def registered() -> dict[str, type[PageBase]]:
    """Every page registered so far, by page id."""
    return dict(_PAGES)
