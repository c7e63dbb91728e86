"""Password rating: names, years, keyboard runs, common words in each language, advice."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from app import i18n
from app.core import rating
from app.core.passwords import Rating, personal_variants, rate_password, suggest_passphrase

PERSON = ["María", "García", dt.date(1948, 3, 12), "GAMM480312MDFRRR09"]


@pytest.mark.parametrize(
    "password, personal",
    [
        ("Maria1948", PERSON),
        ("maria1948", ()),
        ("Garcia2024!", ["García"]),
        ("Pierre-Dupont-1952", ["Pierre", "Dupont"]),
        ("JeanneMartin1939", ["Jeanne", "Martin"]),
        ("Guadalupe1950", ["Guadalupe"]),
        ("1952Pierre", ()),
    ],
)
def test_a_name_and_a_year_rate_at_most_one(password, personal):
    result = rate_password(password, personal)
    assert result.level <= 1
    assert {rating.A_YEAR, rating.YOUR_NUMBER, rating.LOOKS_BIRTH_YEAR} & set(result.reasons)


def test_your_name_is_said_as_your_name():
    result = rate_password("Garcia-Sol-Verano!", ["García"])
    assert result.reasons[0] == "It contains your name."
    assert result.level <= 2


def test_birth_date_and_official_number_pieces():
    assert rate_password("Flor12031948", PERSON).level <= 1
    result = rate_password("gamm-480312-casa", PERSON)
    assert rating.YOUR_DETAILS in result.reasons or rating.YOUR_NUMBER in result.reasons
    assert result.level <= 2
    variants = personal_variants(PERSON)
    assert {"maria", "garcia", "1948", "12031948", "1203", "gamm"} <= set(variants)


@pytest.mark.parametrize("password", ["2019", "Soleil2023", "Casa-2024"])
def test_a_recent_year_is_named(password):
    assert rating.A_YEAR in rate_password(password).reasons


@pytest.mark.parametrize("password", ["1950", "Casa-1985", "Soleil1942"])
def test_an_older_year_looks_like_a_birth_year(password):
    result = rate_password(password)
    assert rating.LOOKS_BIRTH_YEAR in result.reasons and rating.A_YEAR not in result.reasons


KNOWN = rating.LeakedFacts(
    first_name="Carmen",
    trusted="Lupita",
    banks=("Banorte",),
    accounts=("Correo", "Banorte", "IMSS"),
    card_digits=("4821",),
    country="MX",
)


def test_a_bank_name_and_the_card_digits_are_named_as_such():
    result = rate_password("Banorte4821", facts=KNOWN)
    assert result.reasons[:2] == (rating.HAS_BANK, rating.HAS_CARD_DIGITS)
    assert rating.A_YEAR not in result.reasons and rating.YOUR_NAME not in result.reasons
    assert result.level <= 1


@pytest.mark.parametrize("password", ["Mexico2024", "méxico-casa-perro", "MEXICO-nube-techo-7"])
def test_a_country_is_the_name_of_your_country_never_your_name(password):
    result = rate_password(password, facts=KNOWN)
    assert rating.HAS_COUNTRY in result.reasons
    assert rating.YOUR_NAME not in result.reasons and rating.HAS_FIRST_NAME not in result.reasons
    assert result.level <= 2


def test_first_name_trusted_person_and_accounts_are_named():
    assert rating.HAS_FIRST_NAME in rate_password("carmen-nube-techo-7", facts=KNOWN).reasons
    assert rating.HAS_TRUSTED in rate_password("Lupita-nube-techo-7", facts=KNOWN).reasons
    assert rating.HAS_ACCOUNT in rate_password("Correo-nube-techo-7", facts=KNOWN).reasons


def test_the_birth_year_when_given():
    facts = rating.LeakedFacts(first_name="Pierre", country="FR", birth_year=1952)
    result = rate_password("Maison-1952-jardin", facts=facts)
    assert rating.HAS_BIRTH_YEAR in result.reasons
    assert rating.LOOKS_BIRTH_YEAR not in result.reasons
    assert rating.HAS_COUNTRY in rate_password("France-chat-1", facts=facts).reasons
    assert rate_password("pierre1952", facts=facts).level <= 1


def test_leaked_reasons_are_said_in_spanish_and_french():
    es = rate_password("Banorte4821", facts=KNOWN, language="es_MX")
    assert "Tiene los últimos números de su tarjeta." in es.reasons
    fr = rate_password("Mexico2024", facts=KNOWN, language="fr_FR")
    assert "Il contient le nom de votre pays." in fr.reasons


def test_a_passphrase_without_leaked_facts_is_strong():
    assert rate_password("Techo-gato-nube-silla-5", facts=KNOWN).level >= 3


@pytest.mark.parametrize("password", ["qwerty", "asdfghjk", "zxcvbnm", "azerty", "qsdfgh"])
def test_keyboard_runs(password):
    result = rate_password(password)
    assert result.level <= 1
    assert rating.IS_KEYBOARD in result.reasons


def test_keyboard_run_inside_something_else():
    result = rate_password("Mesa-qwerty")
    assert rating.HAS_KEYBOARD in result.reasons or rating.IS_KEYBOARD in result.reasons


@pytest.mark.parametrize(
    "password",
    [
        "contraseña",
        "contrasena",
        "mariposa",
        "corazon",  # Spanish
        "soleil",
        "bonjour",
        "chocolat",
        "motdepasse",  # French
        "password",
        "sunshine",
        "monkey",
        "football",  # English
    ],
)
def test_common_words_in_each_language(password):
    result = rate_password(password)
    assert result.level <= 1
    assert {rating.IS_COMMON_WORD, rating.COMMON_PASSWORD} & set(result.reasons)


def test_repeats_and_runs():
    assert rating.REPEATS in rate_password("aaaaaaaa").reasons
    assert (
        rating.SEQUENCE in rate_password("abcdefg-xyz").reasons
        or rate_password("abcdefg-xyz").level <= 1
    )


@pytest.mark.parametrize("language", ["es_MX", "fr_FR", "en"])
def test_every_suggestion_is_strong(language):
    for _ in range(40):
        assert rate_password(suggest_passphrase(language)).level >= 3
        # With what the app knows about the person, the suggestion keeps their name out.
        assert rate_password(suggest_passphrase(language, avoid=PERSON), PERSON).level >= 3


def test_suggestions_avoid_the_persons_name():
    for _ in range(300):
        text = suggest_passphrase("fr_FR", avoid=["Marie", "Pierre"]).lower()
        assert "marie" not in text and "pierre" not in text


def test_strong_passwords_have_no_reasons():
    result = rate_password("Nube-cartero-jarabe-tambor-7")
    assert result.level >= 3
    assert result.summary in ("Strong", "Very strong")
    assert result.reasons == () and result.advice == ()


def test_short_passwords_never_rate_strong():
    result = rate_password("Tr0ub4dor&3")
    assert result.level <= 2
    assert rating.SHORT in result.reasons


def test_weak_rating_says_why_and_what_to_do():
    result = rate_password("maria1948", ["María"])
    assert result.summary in ("Very easy to guess", "Too easy to guess")
    assert result.reasons and len(result.advice) > len(result.reasons)
    assert all(line.endswith(".") for line in result.advice)


def test_empty_password():
    result = rate_password("")
    assert result.level == 0 and result.advice == ("Type the password you would like to check.",)


def test_very_long_password_is_rated_not_refused():
    assert rate_password("Nube-cartero-jarabe-" * 10).level >= 3


@pytest.mark.parametrize(
    "language, summary",
    [("es_MX", "Demasiado fácil de adivinar"), ("fr_FR", "Trop facile à deviner")],
)
def test_advice_is_translated(language, summary):
    i18n.set_language(language)
    result = rate_password("Maria1948", ["María"])
    assert result.summary == summary
    assert result.advice
    english = set(rating.ZXCVBN_FEEDBACK.values()) | {rating.YOUR_NAME, rating.A_YEAR}
    assert not english & set(result.advice), result.advice


def test_language_argument_without_switching_the_app():
    result = rate_password("soleil", language="fr_FR")
    assert result.summary in ("Très facile à deviner", "Trop facile à deviner")
    assert i18n.language() == "en"


def test_every_zxcvbn_feedback_string_is_mapped():
    """zxcvbn's own English sentences never reach the person: each has a plain one."""
    import ast
    import inspect

    from zxcvbn import feedback

    tree = ast.parse(inspect.getsource(feedback))
    said = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "_"
        and isinstance(node.args[0], ast.Constant)
    }
    assert said and said <= set(rating.ZXCVBN_FEEDBACK)


def test_the_password_is_not_kept_or_logged(caplog):
    secret = "Maria1948-unique-Zq"
    with caplog.at_level(logging.DEBUG):
        result = rate_password(secret, ["María"])
    assert isinstance(result, Rating)
    assert secret not in repr(result) and secret not in caplog.text
    from zxcvbn import matching

    assert matching.RANKED_DICTIONARIES["user_inputs"] == {}  # the person's words are gone
