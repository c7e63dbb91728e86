"""Call scripts: checked data, per country, with no phone number and never INAI."""

import re
from pathlib import Path

import pytest

from app import i18n
from app.core.call_scripts import (
    LISTS,
    MAX_SAY,
    TEXTS,
    ScriptError,
    all_scripts,
    load_script_file,
    load_scripts,
    script,
)
from app.paths import resource

SCRIPTS = resource("calls") / "scripts.toml"


def test_each_country_gets_its_organisations():
    assert {s.id for s in load_scripts("MX")} >= {
        "bank",
        "imss",
        "condusef",
        "credit_bureau",
        "fiscalia",
        "generic",
    }
    assert {s.id for s in load_scripts("FR")} >= {"bank", "ameli", "cyber", "police_fr", "generic"}
    other = {s.id for s in load_scripts("")}
    assert other >= {"bank", "police", "generic"}
    assert not other & {"imss", "ameli", "condusef"}


@pytest.mark.parametrize("entry", all_scripts(), ids=lambda s: s.id)
def test_every_script_is_complete_and_short(entry):
    for name in LISTS:
        assert entry.lines(name), name
    assert 2 <= len(entry.lines("say")) <= MAX_SAY
    for sentence in entry.lines("say"):
        assert len(sentence.split()) <= 20, sentence
    never = " ".join(entry.lines("never_give")).lower()
    assert "password" in never and "sms" in never and "pin" in never


def test_no_phone_number_and_no_inai_in_the_data():
    raw = SCRIPTS.read_text(encoding="utf-8")
    assert "INAI" not in raw
    assert not re.search(r"\d[\d .-]{3,}\d", raw)


def test_an_organisations_phone_comes_from_the_contacts_file():
    ameli = script("ameli").contact_for("FR")
    assert ameli is not None and ameli.phone == "3646"
    assert script("imss").contact_for("MX").phone == ""
    assert script("generic").contact_for("MX") is None


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_text_is_translated(lang):
    i18n.set_language(lang)
    catalog = i18n._translations._catalog  # the merged catalogs of the language
    for entry in all_scripts():
        for name in TEXTS:
            assert getattr(entry, name) in catalog, (entry.id, name)
            if lang != "en" and name != "organisation":  # names (IMSS) may stay as they are
                assert entry.shown(name) != getattr(entry, name), (entry.id, name)


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "scripts.toml"
    path.write_text(
        'translatable = ["organisation", "call_on", "have_at_hand", "say", '
        '"ask_for", "never_give"]\n' + body,
        encoding="utf-8",
    )
    return path


GOOD = '''
[[script]]
id = "x"
countries = ["MX"]
organisation = "X"
call_on = "The number on your card."
have_at_hand = "A pen."
say = """
Hello.
Goodbye."""
ask_for = "A reference."
never_give = "A password."
'''


def test_a_good_file_loads(tmp_path):
    assert load_script_file(write(tmp_path, GOOD))[0].id == "x"


@pytest.mark.parametrize(
    "change, message",
    [
        (('countries = ["MX"]', 'countries = ["ES"]'), "countries"),
        (('never_give = "A password."', ""), "never_give"),
        (('call_on = "The number on your card."', 'call_on = "Call 55 1234 5678."'), "number"),
        (("Goodbye.", "Goodbye.\nA.\nB.\nC."), "say"),
        (('id = "x"', 'id = "x"\ncontact = "nobody"'), "contact"),
        (('id = "x"', 'id = "x"\nphone = "1"'), "unknown"),
    ],
)
def test_a_wrong_file_is_refused_with_a_reason(tmp_path, change, message):
    with pytest.raises(ScriptError, match=message):
        load_script_file(write(tmp_path, GOOD.replace(*change)))
