"""Call scripts: what to have at hand, say, ask for and never give, per organisation.

The scripts are data (resources/calls/scripts.toml, format described at its top) with
translatable text; this loader checks them and picks those for the person's country. A
script holds no phone number: it may name a contact of resources/contacts/, whose number
is kept there with its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.contacts import Contact, load_contacts
from app.core.datafile import read_data_file
from app.i18n import _
from app.paths import resource

COUNTRIES: tuple[str, ...] = ("MX", "FR", "OTHER")
TEXTS: tuple[str, ...] = ("organisation", "call_on", "have_at_hand", "say", "ask_for", "never_give")
LISTS: tuple[str, ...] = ("have_at_hand", "say", "ask_for", "never_give")
DEFAULTED: tuple[str, ...] = ("ask_for", "never_give")
MAX_SAY = 4
_PHONE_LIKE = re.compile(r"\d[\d .-]{3,}\d")


class ScriptError(ValueError):
    """The scripts file is wrong: the message names the script and the field."""


@dataclass(frozen=True)
class CallScript:
    """One organisation's script. Text fields hold catalog ids (one item per line)."""

    id: str
    countries: frozenset[str]
    organisation: str
    call_on: str
    have_at_hand: str
    say: str
    ask_for: str
    never_give: str
    contact: str = ""

    def shown(self, field: str) -> str:
        """A text field in the language shown now."""
        if field not in TEXTS:
            raise KeyError(field)
        return _(getattr(self, field))

    def lines(self, field: str) -> list[str]:
        """A list field (have_at_hand, say, ask_for, never_give), one item per entry."""
        if field not in LISTS:
            raise KeyError(field)
        return [line.strip() for line in self.shown(field).splitlines() if line.strip()]

    def contact_for(self, country: str) -> Contact | None:
        """The contacts entry this script names, for its phone number and address."""
        if not self.contact:
            return None
        return next((c for c in load_contacts(country) if c.id == self.contact), None)


def _text(raw: dict[str, Any], name: str, where: str, default: str = "") -> str:
    value = raw.get(name, default)
    if not isinstance(value, str) or not value.strip():
        raise ScriptError(f"{where}: {name} is missing")
    if _PHONE_LIKE.search(value):
        raise ScriptError(f"{where}: {name} holds a number; phone numbers belong in contacts")
    return value.strip()


def _script(raw: dict[str, Any], defaults: dict[str, str], where: str) -> CallScript:
    where = f"{where} script {raw.get('id', '?')!r}"
    extra = set(raw) - {"id", "countries", "contact", *TEXTS}
    if extra:
        raise ScriptError(f"{where}: unknown keys {sorted(extra)}")
    if not isinstance(raw.get("id"), str) or not raw["id"]:
        raise ScriptError(f"{where}: id is missing")
    countries = raw.get("countries")
    if not isinstance(countries, list) or not countries or set(countries) - set(COUNTRIES):
        raise ScriptError(f"{where}: countries must be a list of {', '.join(COUNTRIES)}")
    texts = {name: _text(raw, name, where, defaults.get(name, "")) for name in TEXTS}
    say = [line for line in texts["say"].splitlines() if line.strip()]
    if not 2 <= len(say) <= MAX_SAY:
        raise ScriptError(f"{where}: say must hold two to {MAX_SAY} short sentences")
    contact = raw.get("contact", "")
    if contact:
        for country in countries:
            if contact not in {c.id for c in load_contacts(country)}:
                raise ScriptError(f"{where}: no contact {contact!r} for {country}")
    return CallScript(id=raw["id"], countries=frozenset(countries), contact=contact, **texts)


def load_script_file(path: Path) -> tuple[CallScript, ...]:
    data = read_data_file(path, TEXTS, ScriptError)
    defaults = data.get("defaults", {})
    if set(defaults) - set(DEFAULTED):
        raise ScriptError(f"{path.name}: defaults may only give {list(DEFAULTED)}")
    scripts = tuple(_script(raw, defaults, path.name) for raw in data.get("script", []))
    ids = [s.id for s in scripts]
    if not scripts or len(set(ids)) != len(ids):
        raise ScriptError(f"{path.name}: no scripts, or a script id used twice")
    return scripts


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[CallScript, ...]:
    return load_script_file(path)


def all_scripts(path: Path | None = None) -> tuple[CallScript, ...]:
    return _load(path or resource("calls") / "scripts.toml")


def load_scripts(country: str, path: Path | None = None) -> list[CallScript]:
    """The scripts for a person in this country (anything but MX or FR counts as OTHER)."""
    key = country if country in ("MX", "FR") else "OTHER"
    return [s for s in all_scripts(path) if key in s.countries]


def script(script_id: str, path: Path | None = None) -> CallScript | None:
    return next((s for s in all_scripts(path) if s.id == script_id), None)
