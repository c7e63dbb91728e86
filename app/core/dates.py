"""Dates typed by a person as three plain fields (day, month, year): read, or refused."""
from __future__ import annotations

import datetime as dt


class DateError(ValueError):
    """The day, month and year typed do not make a date."""


def parse_date(day: str, month: str, year: str) -> dt.date | None:
    """None when the three fields are empty; DateError when they are not a real date."""
    parts = [day.strip(), month.strip(), year.strip()]
    if not any(parts):
        return None
    if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise DateError(parts)
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError as exc:
        raise DateError(parts) from exc
