"""Extra blocks a journey adds to the home page (a trusted person, a card to keep).

Each entry names a function `section(controller) -> (key, make) | None`, imported when
the home page is drawn; None means "nothing to show now". `make()` builds the widget;
`key` holds everything it shows, so home keeps the widget while the key stays the same
(see KeptWidgets). Keep each in a small module that imports only what it draws
(app/ui/pages/home_*.py): home is the start-up page.
"""
from __future__ import annotations

SECTIONS: list[str] = [
    "app.ui.pages.home_todo:home_section",
    "app.ui.pages.home_contacts:trusted_section",
    "app.ui.pages.home_calls:home_section",
]
