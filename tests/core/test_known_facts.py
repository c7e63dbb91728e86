"""What they already know: one fact per exposed kind answered, in the country's words."""

import pytest

from app import i18n
from app.core.answers import EXPOSED_KINDS, SENSITIVE_KINDS, Answers
from app.core.known_facts import CARD_RULE, card_lines, known_facts


def facts(country, *kinds):
    return known_facts(Answers(country, "imss", frozenset(kinds)))


def test_nothing_answered_gives_no_card():
    assert known_facts(Answers("MX")) == []
    assert card_lines(Answers("MX")) == []


@pytest.mark.parametrize("kind", [k for k in EXPOSED_KINDS if k != "unknown"])
def test_each_kind_gives_exactly_one_fact(kind):
    found = facts("MX", kind)
    assert [f.kind for f in found] == [kind]


def test_the_facts_are_exactly_the_kinds_answered_in_a_fixed_order():
    found = facts("MX", "pension", "curp", "name_address")
    assert [f.kind for f in found] == ["name_address", "curp", "pension"]


def test_country_words_for_the_social_security_number():
    i18n.set_language("es_MX")
    mx = facts("MX", "social_security", "curp")[0].shown()
    assert "NSS" in mx
    assert "CURP" in facts("MX", "curp")[0].shown()
    i18n.set_language("fr_FR")
    fr = facts("FR", "social_security")[0].shown()
    assert "numéro de sécurité sociale" in fr and "NSS" not in fr
    i18n.set_language("en")
    assert "NSS" not in facts("OTHER", "social_security")[0].shown()


def test_unsure_counts_the_usual_facts_and_says_so():
    answers = Answers("MX", "unsure", frozenset({"unknown"}))
    kinds = {f.kind for f in known_facts(answers)}
    assert kinds == SENSITIVE_KINDS | {"curp"}
    assert any("not sure" in line for line in card_lines(answers))


def test_the_card_ends_with_the_rule_in_each_language():
    answers = Answers("FR", "ameli", frozenset({"social_security", "health_rights"}))
    for lang in i18n.LANGUAGES:
        i18n.set_language(lang)
        lines = card_lines(answers)
        assert lines[-1] == i18n._(CARD_RULE)
        assert len(lines) == 4  # the intro, two facts, the rule
    i18n.set_language("fr_FR")
    assert "raccroch" in card_lines(answers)[-1]


def test_the_amelipro_card_names_no_address_and_the_rule_never_says_call_back():
    """The AmeliPro leak held no address (DOMAIN.md, corrections): its card does not say it."""
    from app.core.answers import Answers

    amelipro = Answers("FR", "ameli", frozenset({"birth_date", "social_security", "health_rights"}))
    kinds = [f.kind for f in known_facts(amelipro)]
    assert "name_address" not in kinds and "contact" not in kinds and "bank" not in kinds
    assert "call back" not in CARD_RULE and "number you already have" in CARD_RULE
