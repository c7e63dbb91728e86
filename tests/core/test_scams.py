"""Spot the scam: the examples are complete, findable and safe in all three languages."""

from __future__ import annotations

import re
import tomllib

import pytest
from babel.messages.pofile import read_po

from app import i18n
from app.core import scams
from app.core.contacts import load_contacts
from app.i18n_extract import translatable_strings
from app.paths import resource, translations_dir

LANGUAGES = ("en", "es_MX", "fr_FR")
SCAM_FILES = ("mexico.toml", "france.toml", "generic.toml")
# Web addresses that shared/DOMAIN.md gives as official: the only real ones allowed in advice.
OFFICIAL_ADDRESSES = {
    "imss.gob.mx",
    "condusef.gob.mx",
    "burodecredito.com.mx",
    "circulodecredito.com.mx",
    "ameli.fr",
    "cybermalveillance.gouv.fr",
    "17cyber.gouv.fr",
    "cnil.fr",
    "particuliers.banque-france.fr",
    "pre-plainte-en-ligne.gouv.fr",
    "service-public.fr",
}
DOMAIN = re.compile(r"\b(?:[a-z0-9-]+\.)+[a-z]{2,}\b", re.IGNORECASE)
LONG_NUMBER = re.compile(r"\+?\d[\d .\-]{5,}\d")
# Numbers nobody can be reached on: ARCEP's fiction ranges for France (01 99 00 xx xx,
# 06 39 98 xx xx) and the visibly made-up Mexican pattern 55 0000 xxxx.
FICTION_NUMBER = re.compile(r"^(0199 ?00|063998|550000)\d{4}$")


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


def message_texts(example: scams.Example) -> list[str]:
    """Everything the person sees as the message, in the language set now."""
    texts = [example.sender, example.shown("sender_name") if example.sender_name else ""]
    texts += [example.shown("subject") if example.subject else ""]
    texts += (
        [text for _who, text in example.shown_lines()]
        if example.kind == "call"
        else [example.shown("body")]
    )
    return [t for t in texts if t]


def test_each_country_has_enough_examples_of_every_kind():
    by_country = {c: [e for e in scams.all_examples() if e.country == c] for c in scams.COUNTRIES}
    assert len(by_country["MX"]) >= 10
    assert len(by_country["FR"]) >= 10
    assert len(by_country["OTHER"]) >= 6
    for country, examples in by_country.items():
        assert {e.kind for e in examples} == set(scams.KINDS), country


def test_load_examples_adds_the_generic_ones_and_other_gets_only_those():
    generic = {e.id for e in scams.all_examples() if e.country == "OTHER"}
    mexico = {e.id for e in scams.load_examples("MX")}
    france = {e.id for e in scams.load_examples("FR")}
    assert generic < mexico and generic < france
    assert not (mexico - generic) & (france - generic)
    assert {e.id for e in scams.load_examples("OTHER")} == generic
    assert {e.id for e in scams.load_examples("")} == generic
    first = scams.load_examples("FR")[0]
    assert first.country == "FR", "the person's own country comes first"


@pytest.mark.parametrize("country", ["MX", "FR", "OTHER"])
def test_about_a_third_are_genuine(country):
    examples = scams.load_examples(country)
    ratio = sum(e.genuine for e in examples) / len(examples)
    assert 0.25 <= ratio <= 0.45, ratio


def test_ids_are_unique_and_found_again():
    examples = scams.all_examples()
    assert len({e.id for e in examples}) == len(examples)
    assert scams.find_example(examples[3].id) == examples[3]
    assert scams.find_example("no-such-example") is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_has_an_answer_and_two_clues_found_in_the_translated_message(lang):
    i18n.set_language(lang)
    for example in scams.all_examples():
        assert example.shown("answer") and example.shown("do_instead"), example.id
        assert example.shown("kind")
        assert 2 <= len(example.clues) <= 3, example.id
        spans = scams.locate_clues(example)
        assert [s.clue for s in spans] == list(range(len(example.clues))), (
            f"{lang} {example.id}: a clue is not in the translated message"
        )
        parts = dict(((p, line), text) for p, line, text in scams._parts(example))
        for span, (fragment, why) in zip(spans, example.shown_clues(), strict=True):
            assert parts[span.part, span.line][span.start : span.end] == fragment
            assert span.why == why and why
        whole = example.shown_text()
        for start, end, _why in scams.clue_spans(example):
            assert whole[start:end] in [fragment for fragment, _ in example.shown_clues()]


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_examples_are_really_translated(lang):
    i18n.set_language(lang)
    for example in scams.all_examples():
        assert example.shown("do_instead") != example.do_instead, example.id
        assert example.shown_text() != (example.body or "\n".join(x.text for x in example.lines))
        for clue in example.clues:
            assert clue.shown_why() != clue.why, (example.id, clue.why)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogs_hold_every_string_of_the_scam_files(lang):
    with (translations_dir() / lang / "LC_MESSAGES" / "sereno.po").open("rb") as f:
        catalog = read_po(f, locale=lang)
    for name in SCAM_FILES:
        data = tomllib.loads(resource("scams", name).read_text(encoding="utf-8"))
        for text in translatable_strings(data):
            message = catalog.get(text)
            assert message is not None and message.string, f"{lang} {name}: {text!r}"
            assert not message.fuzzy
    for text in (
        *scams.KIND_NAMES.values(),
        *scams.SPEAKER_NAMES.values(),
        scams.ANSWER_FAKE,
        scams.ANSWER_GENUINE,
        scams.FICTION_NOTE,
        scams.SPOKEN_TURN,
    ):
        assert catalog.get(text) is not None and catalog.get(text).string, text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fake_messages_only_link_to_example_domains(lang):
    i18n.set_language(lang)
    for example in scams.all_examples():
        for text in message_texts(example):
            for match in DOMAIN.finditer(text):
                found = match.group(0)
                if example.genuine:
                    assert found.endswith(".example") and text == example.sender, (
                        f"{example.id}: a genuine message holds no link: {found}"
                    )
                else:
                    assert found.lower().endswith(".example"), f"{example.id}: {found}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_number_that_anyone_could_be_reached_on(lang):
    i18n.set_language(lang)
    official = {c.phone for country in ("MX", "FR", "OTHER") for c in load_contacts(country)}
    for example in scams.all_examples():
        for text in message_texts(example):
            for number in LONG_NUMBER.findall(text):
                digits = re.sub(r"\D", "", number)
                if len(digits) < 8:
                    continue  # amounts, card endings, parts of a number
                assert not example.genuine, f"{example.id}: {number}"
                assert FICTION_NUMBER.match(digits), f"{example.id}: {number} could be real"
        if example.genuine:
            for short in re.findall(r"\b36\s?\d\d\b", " ".join(message_texts(example))):
                assert short.replace(" ", "") in official, example.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_advice_only_names_official_addresses(lang):
    i18n.set_language(lang)
    for example in scams.all_examples():
        advice = [example.shown("do_instead"), *(why for _f, why in example.shown_clues())]
        for text in advice:
            for match in DOMAIN.finditer(text):
                assert match.group(0).lower() in OFFICIAL_ADDRESSES, (example.id, match.group(0))


def test_read_aloud_says_the_whole_message():
    i18n.set_language("fr_FR")
    call = scams.find_example("gen-call-grandchild")
    spoken = call.read_aloud()
    assert "Un appel téléphonique" in spoken and "Vous : Qui est à l'appareil" in spoken
    assert "L'appelant : Allô mamie" in spoken
    email = scams.find_example("mx-email-imss-fee")
    spoken = email.read_aloud()
    assert email.shown("subject") in spoken and email.shown("body") in spoken


def test_clue_spans_of_a_call_point_into_the_joined_turns():
    i18n.set_language("es_MX")
    call = scams.find_example("mx-call-imss-nss")
    text = call.shown_text()
    found = [text[start:end] for start, end, _why in scams.clue_spans(call)]
    assert found == [
        "su NSS con terminación 4521 y su pensión de $8,450 al mes",
        "Por favor, díctemelo.",
        "su pensión quedará suspendida",
    ]
    line_spans = scams.clue_spans(call, part="line", line=4)
    assert [call.shown_lines()[4][1][s:e] for s, e, _ in line_spans] == ["Por favor, díctemelo."]


def test_a_clue_in_the_sender_address_is_located_there():
    email = scams.find_example("mx-email-imss-fee")
    (span,) = [s for s in scams.locate_clues(email) if s.part == "sender"]
    assert email.sender[span.start : span.end] == "imss-gob.mx.example"
    assert scams.clue_spans(email, part="sender") == [(span.start, span.end, span.why)]


def write_examples(tmp_path, example: str) -> None:
    header = 'translatable = ["sender_name", "subject", "body", "text", "why", "do_instead"]\n'
    for name in SCAM_FILES:
        (tmp_path / name).write_text(header, encoding="utf-8")
    (tmp_path / "generic.toml").write_text(header + example, encoding="utf-8")


GOOD = """
[[example]]
id = "t1"
country = "OTHER"
kind = "sms"
genuine = false
sender = "TEST"
body = "Pay now: pay.example"
do_instead = "Delete it."
[[example.clues]]
text = "Pay now"
why = "Money."
[[example.clues]]
text = "pay.example"
why = "A link."
"""


def test_a_well_formed_file_loads(tmp_path):
    write_examples(tmp_path, GOOD)
    (example,) = scams.load_examples("OTHER", folder=tmp_path)
    assert example.id == "t1" and [c.text for c in example.clues] == ["Pay now", "pay.example"]


@pytest.mark.parametrize(
    "broken, message",
    [
        (GOOD.replace('text = "Pay now"', 'text = "Pay later"'), "not in the message"),
        (GOOD.replace('kind = "sms"', 'kind = "fax"'), "kind"),
        (GOOD.replace("genuine = false", 'genuine = "no"'), "genuine"),
        (GOOD.replace('country = "OTHER"', 'country = "FR"'), "country must be OTHER"),
        (GOOD.split('[[example.clues]]\ntext = "pay.example"')[0], "2 or 3 clues"),
        (GOOD.replace('do_instead = "Delete it."', ""), "do_instead is missing"),
    ],
)
def test_a_broken_example_is_refused_with_a_clear_message(tmp_path, broken, message):
    write_examples(tmp_path, broken)
    with pytest.raises(scams.ScamDataError, match=message):
        scams.load_examples("OTHER", folder=tmp_path)


def test_safe_words_in_the_advice():
    """A genuine message 'looks genuine: it asks for nothing'; never 'call back' (it reads as
    'redial the caller'); IMSS is not said to never ask for data by phone (not confirmed)."""
    for example in scams.all_examples():
        advice = example.do_instead
        assert "call back" not in advice.lower(), example.id
        assert "number printed on your card" not in advice, example.id
        if example.genuine and example.kind != "call":
            assert "asks for nothing" in advice, example.id
            assert "is genuine" not in advice, example.id
        assert "IMSS does not ask" not in advice, example.id
    assert scams.ANSWER_GENUINE == "This looks genuine: it asks for nothing."
