"""One door for every string and every locale-formatted value.

`_` translates now, `N_` marks text defined at import (translated when shown), `ngettext`
handles counts. Dates, numbers and money go through Babel in the person's locale. Catalogs
is one gettext file per language, translations/<lang>/LC_MESSAGES/sereno.po (compiled to .mo
by `make catalogs`).
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as _gettext
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import translations_dir

if TYPE_CHECKING:  # money is formatted on the pages that show it, not at start-up
    from decimal import Decimal

LANGUAGES: tuple[str, ...] = ("es_MX", "fr_FR", "en")
# Each language named in its own words, so a person finds theirs whatever is shown now.
LANGUAGE_NAMES: dict[str, str] = {
    "es_MX": "Español",
    "fr_FR": "Français",
    "en": "English",
}
DEFAULT_LANGUAGE = "en"

_current = DEFAULT_LANGUAGE
_translations: _gettext.NullTranslations = _gettext.NullTranslations()


def N_(message: str) -> str:
    """Mark text for extraction; it is translated later, when shown, with `_`."""
    return message


def _(message: str) -> str:
    return _translations.gettext(message) if message else message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def language() -> str:
    return _current


def normalize(code: str | None) -> str | None:
    """Map any locale spelling (es, es_ES.UTF-8, fr-CA, en_GB) to a supported language."""
    if not code:
        return None
    base = code.split(".")[0].split("@")[0].replace("-", "_")
    lang = base.split("_")[0].lower()
    for supported in LANGUAGES:
        if supported.split("_")[0] == lang:
            return supported
    return None


def system_language(environ: dict[str, str] | None = None, os_locale: str | None = None) -> str:
    """The language the computer speaks, when Sereno has it; else English.

    Follows gettext's order (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), then the operating
    system's own setting (os_locale, from QLocale.system() on Windows and macOS).
    """
    environ = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        if not value or value in ("C", "POSIX", "C.UTF-8"):
            continue
        for candidate in value.split(":"):
            found = normalize(candidate)
            if found:
                return found
        return DEFAULT_LANGUAGE
    return normalize(os_locale) or DEFAULT_LANGUAGE


def _load_catalog(path: Path) -> _gettext.GNUTranslations:
    """Load a compiled .mo, or compile its .po in memory when the build has not run."""
    mo = path.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= path.stat().st_mtime:
        with mo.open("rb") as f:
            return _gettext.GNUTranslations(f)
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        catalog = read_po(f)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def catalog_file(lang: str) -> Path:
    """The one catalog of a language: every message of every page."""
    return translations_dir() / lang / "LC_MESSAGES" / "sereno.po"


def translations_for(lang: str) -> _gettext.NullTranslations:
    """A language's messages, read once (and again only when its file changed)."""
    path = catalog_file(lang)
    return _read(path, path.stat().st_mtime_ns if path.exists() else 0)


@functools.lru_cache(maxsize=8)
def _read(path: Path, mtime: int) -> _gettext.NullTranslations:
    """Kept by path and time, so switching back and forth reads nothing."""
    return _load_catalog(path) if mtime else _gettext.NullTranslations()


def set_language(code: str) -> str:
    """Switch every later `_` to this language; returns the language actually set."""
    global _current, _translations
    lang = normalize(code) or DEFAULT_LANGUAGE
    _current, _translations = lang, translations_for(lang)
    return lang


def babel_locale() -> str:
    """The Babel locale for formatting: es_MX, fr_FR, or en_US for English."""
    return "en_US" if _current == "en" else _current


def format_date(day: dt.date, with_year: bool = True) -> str:
    """A date in words: "12 de diciembre de 2026", "12 décembre 2026", "December 12, 2026"."""
    from babel.dates import format_date as babel_format_date
    from babel.dates import format_skeleton

    if with_year:
        return babel_format_date(day, format="long", locale=babel_locale())
    return format_skeleton("MMMMd", day, locale=babel_locale())


def weekday_name(day: dt.date) -> str:
    """The day of the week in words, as inside a sentence: "miércoles", "mercredi", "Wednesday"."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, "EEEE", locale=babel_locale())


def format_time(moment: dt.time | dt.datetime) -> str:
    from babel.dates import format_time as babel_format_time

    return babel_format_time(moment, format="short", locale=babel_locale())


def format_number(value: int | float | Decimal) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale())


def format_money(amount: Decimal | int | float, currency: str | None = None) -> str:
    """Money as people read it here: "45,00 €", "$1,234.50"; currency defaults by country."""
    from babel.numbers import format_currency

    currency = currency or default_currency()
    return format_currency(amount, currency, locale=babel_locale())


def default_currency() -> str:
    return {"es_MX": "MXN", "fr_FR": "EUR"}.get(_current, "USD")


def due_in_words(due: dt.date, today: dt.date) -> str:
    """When something is due, said the way a person would say it."""
    days = (due - today).days
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if 1 < days <= 6:
        return ngettext("in {n} day", "in {n} days", days).format(n=days)
    if -6 <= days < -1:
        return ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)
    return format_date(due, with_year=due.year != today.year)
