"""Dates typed by a person: three plain fields, or one line as printed on a statement.

`parse_date(day, month, year)` reads three fields (the to-do and call-log forms).
`read_typed_date(text, today)` reads a date the way it is printed on a statement or a
letter — "14 de noviembre", "14 nov", "14/11", "jeudi 14 novembre 2026", "Nov 14" —
with month and weekday names from Babel in Spanish, French and English, whatever the
person's language. Without a year, the year is the statement's when one is given, else
the latest 14 November that is not after today (a payment is always in the past).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

NAME_LOCALES = ("es_MX", "fr_FR", "en")
# Small words around a date: "14 de noviembre de 2026", "le 1er mars", "the 3rd of May".
_FILLERS = frozenset("de del el le la the of on er st nd rd th o a".split())
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}|\d{2}))?")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TOKEN = re.compile(r"[a-z]+|\d+")


class DateError(ValueError):
    """The text typed is not a date; `reason` says why, for the message beside the field.

    "unreadable": not a date at all; "no_such_day": 31 November; "later": after today.
    """

    def __init__(self, reason: str = "unreadable", *args):
        super().__init__(reason, *args)
        self.reason = reason


def parse_date(day: str, month: str, year: str) -> dt.date | None:
    """None when the three fields are empty; DateError when they are not a real date."""
    parts = [day.strip(), month.strip(), year.strip()]
    if not any(parts):
        return None
    if not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        raise DateError("unreadable", parts)
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except ValueError as exc:
        raise DateError("no_such_day", parts) from exc


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, int], frozenset[str]]:
    """Month names (wide and short, every language) -> month; weekday names and prefixes."""
    from babel.dates import get_day_names, get_month_names

    months: dict[str, int] = {}
    days: set[str] = set()
    for locale in NAME_LOCALES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in get_month_names(width, context, locale).items():
                    months[_plain(name).rstrip(".")] = number
                for name in get_day_names(width, context, locale).values():
                    days.add(_plain(name).rstrip("."))
    return months, frozenset(days)


def _month(token: str) -> int | None:
    """The month a word names: a name, a short name, or the start of one (3 letters or more)."""
    months, _days = _names()
    if token in months:
        return months[token]
    if len(token) < 3:
        return None
    found = {number for name, number in months.items() if name.startswith(token)}
    return found.pop() if len(found) == 1 else None


def _weekday(token: str) -> bool:
    _months, days = _names()
    return len(token) >= 3 and any(day.startswith(token) for day in days)


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _split(text: str) -> tuple[int, int, int | None]:
    """(day, month, year or None) from the words and numbers typed."""
    if m := _ISO.fullmatch(text):
        return int(m[3]), int(m[2]), int(m[1])
    if m := _NUMERIC.fullmatch(text):
        return int(m[1]), int(m[2]), _full_year(m[3]) if m[3] else None
    numbers: list[str] = []
    months: list[tuple[int, bool]] = []  # (month, could also be a weekday: "mar")
    for token in _TOKEN.findall(text):
        if token.isdigit():
            numbers.append(token)
        elif token in _FILLERS:
            continue
        elif (month := _month(token)) is not None:
            months.append((month, _weekday(token)))
        elif not _weekday(token):
            raise DateError("unreadable")
    if len(months) > 1:  # "mar 14 nov": Tuesday the 14th of November
        months = [m for m in months if not m[1]]
    if len(months) != 1 or not 1 <= len(numbers) <= 2:
        raise DateError("unreadable")
    days = [i for i, n in enumerate(numbers) if len(n) <= 2 and 1 <= int(n) <= 31]
    if not days:
        raise DateError("unreadable")
    day = numbers[days[0]]
    rest = numbers[: days[0]] + numbers[days[0] + 1 :]
    if rest and len(rest[0]) not in (2, 4):
        raise DateError("unreadable")
    return int(day), months[0][0], _full_year(rest[0]) if rest else None


def read_typed_date(text: str, today: dt.date, year: int | None = None) -> dt.date | None:
    """The date in `text`, None when it is empty; DateError (with its reason) otherwise.

    `year` is the statement's year, used when none is typed; without it, the year is the
    one that puts the date on or before `today`.
    """
    plain = " ".join(_plain(text).replace(",", " ").split())
    if not plain:
        return None
    day, month, typed_year = _split(plain)
    if not 1 <= month <= 12:
        raise DateError("unreadable")
    guessed = typed_year is None and year is None
    chosen = typed_year or year or today.year
    if guessed and (month, day) > (today.month, today.day):
        chosen -= 1  # "14 December" typed on 2 January: last December
    if guessed and (month, day) == (2, 29):
        while chosen % 4 or (chosen % 100 == 0 and chosen % 400):
            chosen -= 1  # the last 29 February there was
    try:
        found = dt.date(chosen, month, day)
    except ValueError:
        raise DateError("no_such_day") from None
    if found > today:
        raise DateError("later")
    return found
