"""Extra blocks a journey adds to the home page (a trusted person, a card to keep).

Each entry names a function `section(controller) -> QWidget | None`, imported when the
home page is drawn; None means "nothing to show now".
"""
from __future__ import annotations

SECTIONS: list[str] = [
    "app.ui.pages.todo:home_section",
    "app.ui.pages.contacts:trusted_section",
    "app.ui.pages.calls:home_section",
]
