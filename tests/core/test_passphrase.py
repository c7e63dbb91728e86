"""Passphrase suggestions: alphabet, site rules, length, entropy, uniqueness, reading aloud."""
from __future__ import annotations

import math
import re

import pytest

from app import i18n
from app.core import passphrase
from app.core.passwords import (
    entropy_bits,
    passphrase_words,
    spell,
    suggest_passphrase,
    wordlist,
)

LANGUAGES = ("es_MX", "fr_FR", "en")
# Nothing that looks like something else in large type: I l 1, O 0, B 8, G 6, S 5, Z 2.
FORBIDDEN = set("IlO01BG6S8Z")
FORMAT = re.compile(r"[A-Z][a-z]{2,7}(-[a-z]{3,8}){3}-[2-9]")
DRAWS = 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_word_list_is_large_clean_and_unique(language):
    words = wordlist(language)
    assert len(words) >= 2048
    assert len(set(words)) == len(words)
    for word in words:
        assert re.fullmatch(r"[a-z]{3,8}", word), word  # no accent, no capital, no digit
        assert "l" not in word, word
        assert word[0] not in "iobgsz", word  # capitalised, these look like 1 0 8 6 5 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_alphabet_has_no_look_alikes(language):
    for _ in range(DRAWS):
        text = suggest_passphrase(language)
        assert not FORBIDDEN & set(text), text
        assert set(text) <= set("abcdefghijkmnopqrstuvwxyzACDEFHJKMNPQRTUVWXY-234579"), text


@pytest.mark.parametrize("language", LANGUAGES)
def test_usual_site_rules_and_format(language):
    for _ in range(DRAWS):
        text = suggest_passphrase(language)
        assert FORMAT.fullmatch(text), text
        assert sum(c.isupper() for c in text) == 1
        assert sum(c.isdigit() for c in text) == 1
        assert any(not c.isalnum() for c in text)
        words = passphrase_words(text)
        assert len(set(w.lower() for w in words[:4])) == 4  # four different words
        assert all(w.lower() in wordlist(language) for w in words[:4])


@pytest.mark.parametrize("language", LANGUAGES)
def test_length_range(language):
    lengths = [len(suggest_passphrase(language)) for _ in range(DRAWS)]
    assert min(lengths) >= 16 and max(lengths) <= 48
    # The bounds hold for every possible draw, not only these ones.
    longest = max(len(w) for w in wordlist(language))
    shortest = min(len(w) for w in wordlist(language))
    assert 4 * shortest + 5 >= 16 and 4 * longest + 5 <= 48


@pytest.mark.parametrize("language", LANGUAGES)
def test_entropy_from_list_size(language):
    size = len(wordlist(language))
    expected = math.log2(size * (size - 1) * (size - 2) * (size - 3) * len(passphrase.DIGITS))
    assert entropy_bits(language) == pytest.approx(expected)
    assert entropy_bits(language) >= 44


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_repeats_over_many_draws(language):
    draws = [suggest_passphrase(language) for _ in range(2000)]
    assert len(set(draws)) == len(draws)
    # Every word can come up: the draw is not stuck on a corner of the list.
    first_letters = {d[0].lower() for d in draws}
    assert len(first_letters) >= 10


def test_words_are_drawn_with_secrets(monkeypatch):
    calls = []
    real = passphrase.secrets.choice

    def spy(seq):
        calls.append(len(seq))
        return real(seq)

    monkeypatch.setattr(passphrase.secrets, "choice", spy)
    suggest_passphrase("en")
    assert len(calls) >= 5


def test_language_spellings_and_unknown_language():
    assert suggest_passphrase("es")[0].isupper()
    assert wordlist("fr_CA") == wordlist("fr_FR")
    with pytest.raises(ValueError):
        suggest_passphrase("xx")


def test_passphrase_words():
    assert passphrase_words("Mesa-perro-nube-casa-7") == ["Mesa", "perro", "nube", "casa", "7"]


def test_spell_in_english():
    assert spell("Mesa-7", "en") == ["capital M", "e", "s", "a", "dash", "seven"]


def test_spell_in_spanish_and_french_without_switching_the_app():
    assert spell("Mesa-7", "es_MX") == ["M mayúscula", "e", "s", "a", "guion", "siete"]
    assert spell("Nuit-4", "fr_FR") == ["N majuscule", "u", "i", "t", "tiret", "quatre"]
    assert i18n.language() == "en"


def test_spell_follows_the_app_language_by_default():
    i18n.set_language("fr_FR")
    assert spell("Ami-9") == ["A majuscule", "m", "i", "tiret", "neuf"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_character_of_a_suggestion_is_spelt(language):
    for _ in range(50):
        text = suggest_passphrase(language)
        spoken = spell(text, language)
        assert len(spoken) == len(text)
        assert all(spoken)
