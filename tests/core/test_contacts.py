"""Where to turn: every entry is sourced and dated, and no phone number is invented."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest
from babel.messages.pofile import read_po

from app import i18n
from app.core import contacts
from app.core.contacts import ContactError, format_phone, load_contacts, phone_digits_for_speech
from app.i18n_extract import translatable_strings
from app.paths import resource, translations_dir

LANGUAGES = ("en", "es_MX", "fr_FR")
# The phone numbers shared/DOMAIN.md gives with their source, per country.
DOMAIN_PHONES = {
    "FR": {"3646", "0 892 705 705", "33700", "116 006"},
    "MX": {"089"},
    "OTHER": set(),
}
DOMAIN_ADDRESSES = {
    "MX": {"imss.gob.mx", "condusef.gob.mx", "burodecredito.com.mx", "circulodecredito.com.mx"},
    "FR": {
        "ameli.fr",
        "cybermalveillance.gouv.fr",
        "17cyber.gouv.fr",
        "cnil.fr",
        "particuliers.banque-france.fr",
        "masecurite.interieur.gouv.fr",
        "service-public.fr",
        "impots.gouv.fr",
    },
    "OTHER": set(),
}


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def raw_entries(name: str) -> list[dict]:
    return tomllib.loads(resource("contacts", name).read_text(encoding="utf-8"))["contact"]


@pytest.mark.parametrize("country", ["MX", "FR", "OTHER"])
def test_every_contact_has_a_source_and_a_checked_date(country):
    found = load_contacts(country)
    assert found
    for contact in found:
        assert contact.source.strip() and "DOMAIN.md" in contact.source, contact.id
        assert isinstance(contact.checked, dt.date) and contact.checked.year >= 2025
        assert contact.organisation and contact.helps_with
    for raw in raw_entries(contacts.FILES[country]):
        assert isinstance(raw["checked"], dt.date), "a TOML date, not text"


def test_mexico_lists_the_organisations_of_the_domain_notes():
    found = {c.id: c for c in load_contacts("MX")}
    assert set(found) == {
        "your_bank",
        "imss",
        "condusef",
        "buro_de_credito",
        "circulo_de_credito",
        "report_089",
        "anticorrupcion_datos",
        "fiscalia",
    }
    assert list(found)[0] == "your_bank"
    assert [c.id for c in found.values() if c.phone] == ["report_089"]  # DOMAIN.md: 089 only
    assert found["anticorrupcion_datos"].address == ""
    assert "REDECO" in found["condusef"].helps_with and "REUS" in found["condusef"].helps_with
    assert "aclaración" in found["your_bank"].helps_with


def test_france_lists_the_organisations_with_the_corrected_facts():
    found = {c.id: c for c in load_contacts("FR")}
    assert {
        "your_bank",
        "card_opposition",
        "ameli",
        "cybermalveillance",
        "17cyber",
        "spam_33700",
        "ficoba",
        "banque_de_france",
        "plainte_en_ligne",
        "service_public",
        "victim_support",
        "france_services",
        "cnil",
        "police_gendarmerie",
    } == set(found)
    assert list(found)[0] == "your_bank"
    assert found["ameli"].phone == "3646"
    assert found["ameli"].phone_note == "Free service + cost of the call"
    assert "3646 yourself" in found["ameli"].helps_with
    # FICOBA through impots.gouv.fr since January 2025, no longer through the CNIL.
    assert found["ficoba"].address == "impots.gouv.fr"
    assert "FICOBA" not in found["cnil"].helps_with
    # The pré-plainte no longer exists; 17Cyber's chat only for serious cases.
    assert "pre_plainte" not in found and "pré-plainte" not in str(found)
    assert "serious" in found["17cyber"].helps_with
    i18n.set_language("fr_FR")
    assert found["ameli"].shown("phone_note") == "Service gratuit + prix de l'appel"


@pytest.mark.parametrize("country", ["MX", "FR", "OTHER"])
def test_no_phone_or_address_that_the_domain_notes_do_not_give(country):
    for contact in load_contacts(country):
        assert not contact.phone or contact.phone in DOMAIN_PHONES[country], contact.id
        assert not contact.address or contact.address in DOMAIN_ADDRESSES[country], contact.id


def test_other_countries_send_people_to_their_card():
    found = {c.id: c for c in load_contacts("OTHER")}
    assert "your_bank" in found and not found["your_bank"].phone
    assert "bank card" in found["your_bank"].how_to_reach
    assert load_contacts("") == load_contacts("OTHER")


def test_never_inai():
    texts = [resource("contacts", n).read_text(encoding="utf-8") for n in contacts.FILES.values()]
    texts += [
        resource("scams", n).read_text(encoding="utf-8")
        for n in ("mexico.toml", "france.toml", "generic.toml")
    ]
    texts += [
        (translations_dir() / lang / "LC_MESSAGES" / "sereno.po").read_text(encoding="utf-8")
        for lang in LANGUAGES
    ]
    assert not any("INAI" in text for text in texts)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_contact_is_shown_in_each_language(lang):
    with (translations_dir() / lang / "LC_MESSAGES" / "sereno.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    for name in contacts.FILES.values():
        data = tomllib.loads(resource("contacts", name).read_text(encoding="utf-8"))
        for text in translatable_strings(data):
            assert catalog.get(text) is not None and catalog.get(text).string, (lang, text)
    for text in (
        contacts.ALWAYS_ADVICE,
        contacts.CHECKED_ON,
        contacts.TYPE_ADDRESS,
        contacts.WHY_FEW_NUMBERS,
    ):
        assert catalog.get(text) is not None and catalog.get(text).string, (lang, text)
    i18n.set_language(lang)
    for country in ("MX", "FR", "OTHER"):
        for contact in load_contacts(country):
            assert contact.shown("organisation") and contact.shown("helps_with")
            assert contact.shown_checked().count("2026") == 1
            if contact.address:
                assert contact.address in contact.shown_address()


def test_shown_helpers_in_spanish():
    i18n.set_language("es_MX")
    imss = next(c for c in load_contacts("MX") if c.id == "imss")
    assert imss.shown("organisation") == "IMSS (Instituto Mexicano del Seguro Social)"
    assert imss.shown_checked() == "Revisado el 2 de diciembre de 2026"
    assert imss.shown_address() == "Escriba usted mismo esta dirección: imss.gob.mx"
    assert imss.shown_phone() == "" and imss.phone_for_speech("es_MX") == ""


@pytest.mark.parametrize(
    "number, country, shown",
    [
        ("3646", "FR", "36 46"),
        ("0199001234", "FR", "01 99 00 12 34"),
        ("01 99 00 12 34", "FR", "01 99 00 12 34"),
        ("5500000000", "MX", "55 0000 0000"),
        ("2220000000", "MX", "222 000 0000"),
        ("+33 1 99 00 12 34", "FR", "+33 1 99 00 12 34"),
        ("12345", "OTHER", "12345"),
    ],
)
def test_format_phone(number, country, shown):
    assert format_phone(number, country) == shown


@pytest.mark.parametrize(
    "number, language, spoken",
    [
        ("3646", "fr_FR", "3 6 4 6"),
        ("36 46", "fr_FR", "3 6, 4 6"),
        ("55 0000 0000", "es_MX", "5 5, 0 0 0 0, 0 0 0 0"),
        ("+33 1 99", "es_MX", "más 3 3, 1, 9 9"),
        ("+33 1 99", "en", "plus 3 3, 1, 9 9"),
    ],
)
def test_phone_digits_for_speech(number, language, spoken):
    assert phone_digits_for_speech(number, language) == spoken


GOOD = """translatable = ["organisation", "helps_with", "phone_note", "how_to_reach"]
country = "FR"

[[contact]]
id = "test"
organisation = "Test office"
helps_with = "Tests."
address = "test.example"
source = "shared/DOMAIN.md"
checked = 2026-11-23
"""


def test_a_complete_entry_validates(tmp_path):
    path = tmp_path / "fr.toml"
    path.write_text(GOOD, encoding="utf-8")
    (contact,) = contacts.load_contact_file(path)
    assert contact.checked == dt.date(2026, 11, 23) and contact.country == "FR"
    (again,) = load_contacts("FR", folder=tmp_path)
    assert again == contact


@pytest.mark.parametrize(
    "line, message",
    [
        ('source = "shared/DOMAIN.md"\n', "missing 'source'"),
        ("checked = 2026-11-23\n", "missing 'checked'"),
        ('organisation = "Test office"\n', "missing 'organisation'"),
        ('helps_with = "Tests."\n', "missing 'helps_with'"),
    ],
)
def test_an_entry_missing_a_required_field_fails(tmp_path, line, message):
    path = tmp_path / "fr.toml"
    path.write_text(GOOD.replace(line, ""), encoding="utf-8")
    with pytest.raises(ContactError, match=message) as error:
        contacts.load_contact_file(path)
    assert "fr.toml" in str(error.value) and "'test'" in str(error.value)


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("checked = 2026-11-23", 'checked = "2026-02-30"', "checked must be a date"),
        ("checked = 2026-11-23", 'checked = "last week"', "checked must be a date"),
        ('source = "shared/DOMAIN.md"', 'source = "  "', "missing 'source'"),
        ('address = "test.example"', 'address = "https://test.example/page"', "bare web address"),
        ('address = "test.example"', 'phone = "call 0800"', "digits only"),
        ('address = "test.example"', 'phone_note = "Free"', "phone_note without a phone"),
        ('address = "test.example"', 'fax = "123"', "unknown fields"),
    ],
)
def test_an_entry_with_a_wrong_field_fails(tmp_path, old, new, message):
    path = tmp_path / "fr.toml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(ContactError, match=message):
        contacts.load_contact_file(path)
