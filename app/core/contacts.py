"""Where to turn: official organisations per country, kept with their source and check date.

Data lives in resources/contacts/{mx,fr,other}.toml so it can be corrected without touching
code. Every entry must say where its facts come from (`source`) and when they were checked
(`checked`); a phone number is kept only where shared/DOMAIN.md gives one with its source.
The loader refuses an entry that breaks these rules, with a message naming file and entry.

    translatable = ["organisation", "helps_with", "phone_note", "how_to_reach"]
    country = "FR"

    [[contact]]
    id = "ameli"
    organisation = "..."          # English catalog ids, translated when shown
    helps_with = "..."            # one sentence
    address = "ameli.fr"          # optional: the web address to type by hand
    phone = "3646"                # optional, only with an official source
    phone_note = "..."            # optional: the cost of the call, as the source says it
    how_to_reach = "..."          # optional: when there is no address or phone
    source = "..."                # required
    checked = 2026-11-23          # required: a date
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.datafile import read_data_file
from app.i18n import N_, _, format_date, normalize
from app.paths import resource

COUNTRIES: tuple[str, ...] = ("MX", "FR", "OTHER")
FILES: dict[str, str] = {"MX": "mx.toml", "FR": "fr.toml", "OTHER": "other.toml"}
TRANSLATABLE = frozenset({"organisation", "helps_with", "phone_note", "how_to_reach"})
REQUIRED: tuple[str, ...] = ("id", "organisation", "helps_with", "source", "checked")
OPTIONAL: tuple[str, ...] = ("address", "phone", "phone_note", "how_to_reach")

ALWAYS_ADVICE = N_(
    "Use a number you already have: on your bank card, a statement or an official letter. "
    "Never one from a message or a caller."
)
WHY_FEW_NUMBERS = N_(
    "Sereno shows a phone number only when an official page confirms it. Fake numbers go around."
)
CHECKED_ON = N_("Checked on {date}")
TYPE_ADDRESS = N_("Type this address yourself: {address}")

# How a leading "+" is read aloud; digits are read one by one in every language.
_PLUS_WORDS = {"es_MX": "más", "fr_FR": "plus", "en": "plus"}
_ADDRESS = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ]*$")
_MX_TWO_DIGIT_AREAS = ("33", "55", "56", "81")


class ContactError(ValueError):
    """A contacts file is wrong: the message names the file, the entry and the field."""


@dataclass(frozen=True)
class Contact:
    """One organisation to call or write to. Text fields hold catalog ids."""

    id: str
    country: str
    organisation: str
    helps_with: str
    source: str
    checked: dt.date
    address: str = ""
    phone: str = ""
    phone_note: str = ""
    how_to_reach: str = ""

    def shown(self, field: str) -> str:
        """organisation, helps_with, phone_note or how_to_reach in the language shown now."""
        if field not in TRANSLATABLE:
            raise KeyError(field)
        return _(getattr(self, field))

    def shown_phone(self) -> str:
        """The phone number grouped as people write it in the contact's country."""
        return format_phone(self.phone, self.country) if self.phone else ""

    def phone_for_speech(self, language: str) -> str:
        return phone_digits_for_speech(self.phone, language) if self.phone else ""

    def shown_address(self) -> str:
        """ "Type this address yourself: ameli.fr", or "" when there is no address."""
        return _(TYPE_ADDRESS).format(address=self.address) if self.address else ""

    def shown_checked(self) -> str:
        """ "Checked on 23 November 2026", in the person's language."""
        return _(CHECKED_ON).format(date=format_date(self.checked))


def format_phone(number: str, country: str) -> str:
    """A number grouped for reading: "36 46", "01 99 00 12 34", "55 0000 0000"."""
    digits = re.sub(r"\D", "", number)
    if not digits or number.strip().startswith("+"):
        return " ".join(number.split())
    if country == "FR":
        if len(digits) == 4:
            return f"{digits[:2]} {digits[2:]}"
        if len(digits) == 10:
            return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    if country == "MX" and len(digits) == 10:
        if digits[:2] in _MX_TWO_DIGIT_AREAS:
            return f"{digits[:2]} {digits[2:6]} {digits[6:]}"
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return " ".join(number.split())


def phone_digits_for_speech(number: str, language: str) -> str:
    """A number read digit by digit: "3646" -> "3 6 4 6"; groups are kept with a pause.

    "01 99 00 12 34" -> "0 1, 9 9, 0 0, 1 2, 3 4", so a speech engine never says
    "three thousand six hundred" and the listener can write it down.
    """
    groups = [re.sub(r"\D", "", g) for g in re.split(r"[\s.\-/]+", number.strip())]
    spoken = ", ".join(" ".join(g) for g in groups if g)
    if number.strip().startswith("+"):
        plus = _PLUS_WORDS.get(normalize(language) or "en", "plus")
        spoken = f"{plus} {spoken}"
    return spoken


def _checked(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ContactError(f"{where}: checked must be a date like 2026-11-23, not {value!r}")


def validate_contact(raw: dict[str, Any], where: str, country: str) -> Contact:
    """One [[contact]] entry as a Contact; raises ContactError saying what is missing."""
    where = f"{where} contact {raw.get('id', '?')!r}"
    extra = set(raw) - set(REQUIRED) - set(OPTIONAL)
    if extra:
        raise ContactError(f"{where}: unknown fields {sorted(extra)}")
    for name in REQUIRED:
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ContactError(f"{where}: missing {name!r}")
    for name in (*REQUIRED, *OPTIONAL):
        if name != "checked" and name in raw:
            if not isinstance(raw[name], str) or raw[name] != raw[name].strip():
                raise ContactError(f"{where}: {name} must be text with no spaces around it")
    address, phone = raw.get("address", ""), raw.get("phone", "")
    if address and not _ADDRESS.match(address):
        raise ContactError(f"{where}: address must be a bare web address like ameli.fr")
    if phone and not _PHONE.match(phone):
        raise ContactError(f"{where}: phone must hold digits only")
    if raw.get("phone_note") and not phone:
        raise ContactError(f"{where}: phone_note without a phone")
    return Contact(
        id=raw["id"],
        country=country,
        organisation=raw["organisation"],
        helps_with=raw["helps_with"],
        source=raw["source"],
        checked=_checked(raw["checked"], where),
        address=address,
        phone=phone,
        phone_note=raw.get("phone_note", ""),
        how_to_reach=raw.get("how_to_reach", ""),
    )


def load_contact_file(path: Path) -> list[Contact]:
    """Every contact of one file, validated."""
    data = read_data_file(path, TRANSLATABLE, ContactError)
    country = data.get("country")
    if country not in COUNTRIES:
        raise ContactError(f"{path.name}: country must be one of {', '.join(COUNTRIES)}")
    contacts = [validate_contact(raw, path.name, country) for raw in data.get("contact", [])]
    if not contacts:
        raise ContactError(f"{path.name}: no [[contact]] entries")
    ids = [c.id for c in contacts]
    if len(set(ids)) != len(ids):
        raise ContactError(f"{path.name}: a contact id is used twice")
    return contacts


@lru_cache(maxsize=8)
def _load(path: Path) -> tuple[Contact, ...]:
    return tuple(load_contact_file(path))


def load_contacts(country: str, folder: Path | None = None) -> list[Contact]:
    """The contacts for a person in this country (MX, FR; anything else gets OTHER)."""
    key = country if country in ("MX", "FR") else "OTHER"
    return list(_load((folder or resource("contacts")) / FILES[key]))
