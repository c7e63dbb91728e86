"""What one cell of a bank's CSV holds: a day (perhaps with a time), an amount, a word.

Shared by the CSV reader and the column guesser; plain functions, no state.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_D_MON_Y = re.compile(r"(\d{1,2})[ /.\-]([^\W\d_]{3,10})\.?[ /.\-](\d{4}|\d{2})")
_MONTHS = {
    "jan": 1,
    "ene": 1,
    "janv": 1,
    "feb": 2,
    "feb.": 2,
    "fev": 2,
    "fevr": 2,
    "mar": 3,
    "mars": 3,
    "apr": 4,
    "abr": 4,
    "avr": 4,
    "may": 5,
    "mai": 5,
    "jun": 6,
    "juin": 6,
    "jul": 7,
    "juil": 7,
    "aug": 8,
    "ago": 8,
    "aou": 8,
    "sep": 9,
    "sept": 9,
    "set": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "dic": 12,
}
# A time after the day: "14:22", "12:34:56.789", then perhaps a zone ("Z", "+0000", "-06:00").
_TIME_PART = (
    r"[ T]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?"
    r"(?:\s?(?:Z|UTC|GMT|[+\-]\d{2}(?::?\d{2})?))?"
)
_TIME = re.compile(r"[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")
DATE_SHAPE = re.compile(
    r"\s*(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}"
    r"|\d{1,2}[ /.\-][^\W\d_]{3,10}\.?[ /.\-](?:\d{4}|\d{2}))(?:" + _TIME_PART + r")?\s*"
)
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’")
_CURRENCY_IN_CELL = re.compile(r"(?i)€|\$|£|\b(?:eur|euros?|mxn|m\.?n\.?|usd|chf)\b\.?")
_UNUSUAL = re.compile(r"[^\d+\-.,()\s'’]")
_AMOUNT_SHAPE = re.compile(r"[+\-]?\d[\d.,]*|[+\-]?[.,]\d+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")


def month_first(values: list[str]) -> bool:
    """True when a column's dates can only be month/day/year ("12/15/2018", US and Canada).

    Day first otherwise, as every French and Mexican bank writes it: "03/07/2019" alone
    is 3 July.
    """
    day_first = later_first = False
    for value in values[:2000]:
        if m := _DMY.match(value.strip()):
            day_first |= int(m[1]) > 12
            later_first |= int(m[2]) > 12
    return later_first and not day_first


def parse_date(text: str, month_first: bool = False) -> dt.date | None:
    """A day written dd/mm/yyyy, dd/mm/yy, dd.mm.yyyy, yyyy-mm-dd or 12-mar-2025.

    A time stamp after it ("2018-02-25 12:34:56 +0000", "…T12:34:56Z") is allowed; the
    day is the one the bank wrote, in its own clock.
    """
    text = text.strip()
    if ":" in text and (m := _TIME.search(text)):
        text = text[: m.start()].strip()
    if m := _DMY.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), m[3]
        if month_first:
            day, month = month, day
    elif m := _YMD.fullmatch(text):
        year, month, day = m[1], int(m[2]), int(m[3])
    elif m := _D_MON_Y.fullmatch(text):
        month = _MONTHS.get(plain(m[2]).rstrip("."))
        if month is None:
            return None
        day, year = int(m[1]), m[3]
    else:
        return None
    full_year = (
        int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 70 else 1900 + int(year))
    )
    try:
        return dt.date(full_year, month, day)
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    """The time of day after a date ("… 12:34:56 +0000"), or None when there is none."""
    m = _TIME.search(text) if ":" in text else None
    if m is None:
        return None
    try:
        return dt.time(int(m[1]), int(m[2]), int(m[3] or 0))
    except ValueError:
        return None


def _clean_amount(text: str) -> tuple[bool, str] | None:
    """(negative, digits and marks only) or None when the cell is not a number at all."""
    t = _CURRENCY_IN_CELL.sub("", text) if _UNUSUAL.search(text) else text
    t = t.translate(_SPACES)
    negative = False
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1]
    if t.endswith("-") and not t.startswith(("-", "+")):
        negative, t = True, t[:-1]
    if not _AMOUNT_SHAPE.fullmatch(t):
        return None
    if t[0] in "+-":
        negative, t = negative or t[0] == "-", t[1:]
    return negative, t


def parse_amount(text: str, decimal_mark: str) -> Decimal | None:
    """The number in a cell, with the given decimal mark; None when it is not a number."""
    cleaned = _clean_amount(text)
    if cleaned is None:
        return None
    negative, t = cleaned
    thousands = "." if decimal_mark == "," else ","
    t = t.replace(thousands, "").replace(decimal_mark, ".")
    if not _NUMBER.fullmatch(t):
        return None
    try:
        value = Decimal(t)
    except InvalidOperation:
        return None
    return -value if negative else value


def looks_like_amount(text: str) -> bool:
    text = text.strip()
    return bool(text) and _clean_amount(text) is not None


def decimal_mark(values: list[str], fallback: str) -> str:
    """Decide, from all the amounts in the file, whether "," or "." is the decimal mark."""
    votes: Counter[str] = Counter()
    for value in values:
        if votes.total() >= 500:  # plenty to decide; a long file says the same again
            break
        cleaned = _clean_amount(value)
        if cleaned is None:
            continue
        t = cleaned[1]
        if "," in t and "." in t:
            votes[t[max(t.rfind(","), t.rfind("."))]] += 1
        elif t.count(",") + t.count(".") == 1:
            mark = "," if "," in t else "."
            if len(t) - t.index(mark) - 1 != 3:
                votes[mark] += 1
        elif t.count(",") > 1:
            votes["."] += 1
        elif t.count(".") > 1:
            votes[","] += 1
    if not votes:
        return fallback
    return "," if votes[","] >= votes["."] and votes[","] else "."


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{8,30}")
_MASKED = re.compile(r"[X*#\d\s.\-]+")  # "**** 1234", "XXXX-XXXX-1234"
_LETTERS = re.compile(r"[^\W\d_]{3,}")


def looks_like_name(text: str) -> bool:
    """Words a person reads ("UBER EATS"), not an IBAN, a card or a reference number."""
    compact = "".join(text.split()).upper()
    if not compact or _IBAN.fullmatch(compact) or _MASKED.fullmatch(compact):
        return False
    digits = sum(c.isdigit() for c in compact)
    return bool(_LETTERS.search(text)) and digits * 2 < len(compact)
