"""Every journey Sereno offers, in the order the home page shows them.

A journey is listed here only when its pages are finished: a page that is not ready is
not shown.
"""
from __future__ import annotations

from app.core.flow import Journey
from app.i18n import N_

FIRST_RUN = Journey(
    key="first_run",
    title=N_("Settings"),
    summary=N_("Language, text size, colours and reading aloud."),
    module="app.ui.pages.first_run",
    pages=("language", "welcome", "text_size", "contrast", "read_aloud", "name", "country", "ready"),
)

JOURNEYS: list[Journey] = [
    FIRST_RUN,
]
