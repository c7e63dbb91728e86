"""Passphrase suggestions: four everyday words a person can read, type and say aloud.

Format: ``Mesa-perro-cuatro-nube-7``: four different words from the language's list,
joined by "-", the first word with a capital letter, then "-" and one digit; the shorter
choice has three words. Every suggestion has one capital, one digit and one symbol, the
rules most sites ask for.

Nothing can be misread in large type: the word lists (resources/wordlists/, checked by
resources/wordlists/build.py) hold only everyday a-z words of 3 to 8 letters, written in
their own spelling without accents (chosen so, never stripped), with no "l"; no word starts
with i, o, b, g, s or z (their capitals look like 1, 0, 8, 6, 5, 2); and the digit is one of
2, 3, 4, 5, 7, 9 (never 0, 1, 6, 8). docs/security.md gives the strength of each list.

Words and digit are drawn with `secrets`. A suggestion is never stored or logged.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache

from app import i18n
from app.i18n import N_
from app.paths import resource

WORD_COUNT = 4
SHORT_WORD_COUNT = 3  # "a shorter one"
SEPARATOR = "-"
DIGITS = "234579"
MIN_LIST_SIZE = 512  # hand-chosen everyday words: the strength is measured, not assumed

_DIGIT_NAMES = {
    "0": N_("zero"),
    "1": N_("one"),
    "2": N_("two"),
    "3": N_("three"),
    "4": N_("four"),
    "5": N_("five"),
    "6": N_("six"),
    "7": N_("seven"),
    "8": N_("eight"),
    "9": N_("nine"),
}
_SYMBOL_NAMES = {
    "-": N_("dash"),
    " ": N_("space"),
}


def _language(language: str | None) -> str:
    found = i18n.normalize(language) if language else i18n.language()
    if found is None:
        raise ValueError(f"no word list for language {language!r}")
    return found


@cache
def wordlist(language: str) -> tuple[str, ...]:
    """The words passphrases in this language are drawn from (es_MX, fr_FR or en)."""
    lang = _language(language)
    text = resource("wordlists", f"{lang}.txt").read_text(encoding="utf-8")
    words = tuple(word for word in (line.strip() for line in text.splitlines()) if word)
    if len(set(words)) < MIN_LIST_SIZE:
        raise RuntimeError(f"the {lang} word list is too short ({len(words)} words)")
    return words


def _pieces(avoid: Iterable[object]) -> set[str]:
    found: set[str] = set()
    for item in avoid:
        text = unicodedata.normalize("NFD", str(item).lower())
        text = "".join(c for c in text if not unicodedata.combining(c))
        found.update(p for p in re.split(r"[^a-z]+", text) if len(p) >= 3)
    return found


def suggest_passphrase(language: str, avoid: Iterable[object] = (), words: int = WORD_COUNT) -> str:
    """A new passphrase such as "Mesa-perro-cuatro-nube-7", drawn with `secrets`.

    avoid: the person's own words (first name, surname): no word containing one is used,
    so "Mariage" is never suggested to María (the rating would rightly mark it down).
    """
    count = words
    pool = list(wordlist(language))
    banned = _pieces(avoid)
    allowed = [w for w in pool if not any(piece in w for piece in banned)]
    if len(allowed) >= len(pool) - 32:  # never at a real cost to the strength
        pool = allowed
    chosen: list[str] = []
    while len(chosen) < count:
        word = secrets.choice(pool)
        if word not in chosen:
            chosen.append(word)
    chosen[0] = chosen[0].capitalize()
    return SEPARATOR.join([*chosen, secrets.choice(DIGITS)])


def entropy_bits(language: str, words: int = WORD_COUNT) -> float:
    """How many bits of chance are in one suggestion: log2 of the number of possible ones."""
    size = len(wordlist(language))
    arrangements = math.perm(size, words) * len(DIGITS)
    return math.log2(arrangements)


def passphrase_words(passphrase: str) -> list[str]:
    """The parts to read one by one: the words, then the digit."""
    return [part for part in passphrase.split(SEPARATOR) if part]


def text_in(language: str | None) -> Callable[[str], str]:
    """`_` for a given language, without changing the language of the rest of the app."""
    lang = _language(language)
    if lang == i18n.language():
        return i18n._
    return _catalog(lang)


def _catalog(lang: str) -> Callable[[str], str]:
    translations = i18n.translations_for(lang)
    return lambda message: translations.gettext(message) if message else message


def spell(passphrase: str, language: str | None = None) -> list[str]:
    """What to say, character by character, to spell it aloud: "capital M", "e", "dash"..."""
    say = text_in(language)
    spoken: list[str] = []
    for char in passphrase:
        if char in _DIGIT_NAMES:
            spoken.append(say(_DIGIT_NAMES[char]))
        elif char in _SYMBOL_NAMES:
            spoken.append(say(_SYMBOL_NAMES[char]))
        elif char.isalpha() and char.isupper():
            spoken.append(say(N_("capital {letter}")).format(letter=char))
        else:
            spoken.append(char)
    return spoken


# The spelling aid: what is shown under a passphrase and what reading it aloud says.
_WITH_CAPITAL = N_("{word}, with a capital {letter}")
_CAPITAL_ALONE = N_("capital {letter}")
_A_DASH = N_("a dash")
_THE_NUMBER = N_("the number {digit}")


def spelling_aid(passphrase: str, language: str | None = None) -> str:
    """Every capital and every dash said in words, each word whole before its capital is
    named: "Mesa, with a capital M, a dash, perro..."."""
    say = text_in(language)
    said: list[str] = []
    for i, part in enumerate(passphrase.split(SEPARATOR)):
        if i:
            said.append(say(_A_DASH))
        if part.isdigit():
            said.append(say(_THE_NUMBER).format(digit=part))
        elif part[:1].isupper() and len(part) > 1:
            said.append(say(_WITH_CAPITAL).format(word=part, letter=part[0]))
        elif part[:1].isupper():
            said.append(say(_CAPITAL_ALONE).format(letter=part))
        elif part:
            said.append(part)
    text = ", ".join(said)
    return text[:1].upper() + text[1:]
