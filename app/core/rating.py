"""Rate a password the person chose, in words, with the reasons: never a bare number.

Built on zxcvbn (a maintained strength estimator that takes the person's own words into
account), with Sereno's additions:
- the most used Spanish and French words (resources/wordlists/common_*.txt) join zxcvbn's
  English dictionaries, so "contraseña" or "soleil" rate as common words;
- the person's own words (first name, surname, birth date, CURP or NSS) are split into
  the pieces people put in passwords (the year, day and month, parts of a long number);
- the reasons come from zxcvbn's match sequence: it contains your name, a year, a date, a
  common word, a keyboard pattern...; a password with one of the person's own words rates
  at most 2, and with a name and a year or date at most 1;
- zxcvbn's English feedback is mapped to Sereno's own plain sentences, in the catalog.

The password is only read: it is never logged, stored, or kept in the Rating.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from app.core.passphrase import text_in
from app.i18n import N_
from app.paths import resource

MAX_CHECKED = 72  # zxcvbn refuses longer passwords; a longer one is judged on its start
GOOD_LENGTH = 12
COMMON_LANGUAGES = ("es_MX", "fr_FR")

SUMMARIES = (
    N_("Very easy to guess"),
    N_("Too easy to guess"),
    N_("Fairly good, but it could be stronger"),
    N_("Strong"),
    N_("Very strong"),
)
EMPTY_SUMMARY = N_("Nothing typed yet")
EMPTY_ADVICE = N_("Type the password you would like to check.")

# Sereno's own reasons, found in zxcvbn's match sequence.
YOUR_NAME = N_("It contains your name.")
YOUR_NUMBER = N_("It contains a number about you, like your birth date.")
YOUR_DETAILS = N_("It contains a piece of an official number of yours.")
A_YEAR = N_("It contains a year.")
A_DATE = N_("It contains a date.")
IS_COMMON_WORD = N_("It is a common word.")
HAS_COMMON_WORD = N_("It contains a common word.")
COMMON_PASSWORD = N_("It is one of the passwords people use most.")
COMMON_NAME = N_("It contains a common first name or surname.")
IS_KEYBOARD = N_("It is a keyboard pattern.")
HAS_KEYBOARD = N_("It contains a keyboard pattern, like qwerty.")
SEQUENCE = N_("It contains a simple run, like abc or 1234.")
REPEATS = N_("It repeats the same letters or numbers.")
SHORT = N_("It is short: a good password has at least 12 letters and numbers.")
# Shorter than GOOD_LENGTH rates at most 2 ("fairly good"), shorter than 8 at most 1.

# What leaked or what Sereno holds, named as what it is (LeakedFacts).
HAS_FIRST_NAME = N_("It has your first name.")
HAS_TRUSTED = N_("It has the name of the person you trust.")
HAS_BANK = N_("It has the name of your bank.")
HAS_ACCOUNT = N_("It has the name of one of your accounts.")
HAS_CARD_DIGITS = N_("It has the last digits of your card.")
HAS_COUNTRY = N_("It has the name of your country.")
HAS_BIRTH_YEAR = N_("It has your birth year.")
LOOKS_BIRTH_YEAR = N_("It looks like a birth year.")
_FACT_REASONS = {
    "first_name": HAS_FIRST_NAME,
    "trusted": HAS_TRUSTED,
    "bank": HAS_BANK,
    "account": HAS_ACCOUNT,
    "card": HAS_CARD_DIGITS,
    "country": HAS_COUNTRY,
    "birth_year": HAS_BIRTH_YEAR,
}
_BIRTH_YEARS = re.compile(r"(?<!\d)(19[0-9][0-9]|200[0-9]|2010)(?!\d)")
COUNTRY_NAMES = {
    "MX": ("mexico", "méxico", "mexique", "mexicana", "mexicano"),
    "FR": ("france", "francia", "français", "francaise", "française"),
}


@dataclass(frozen=True)
class LeakedFacts:
    """What Sereno holds and the leak exposed, each kept with what it is."""

    first_name: str = ""
    trusted: str = ""
    banks: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    card_digits: tuple[str, ...] = ()
    country: str = ""
    birth_year: int | None = None
    extra: tuple[str, ...] = field(default=())

    def pieces(self) -> dict[str, str]:
        """Each piece a password may hold, with its kind (a key of _FACT_REASONS)."""
        found: dict[str, str] = {}

        def add(text: str, kind: str, minimum: int = 3) -> None:
            for piece in re.split(r"[\W_]+", text.lower()) + [re.sub(r"[\W_]+", "", text.lower())]:
                for form in (piece, _plain(piece)):
                    if len(form) >= minimum:
                        found.setdefault(form, kind)

        add(self.first_name, "first_name")
        add(self.trusted, "trusted")
        for name in self.banks:
            add(name, "bank")
        for name in self.accounts:
            add(name, "account")
        for digits in self.card_digits:
            if len(digits) >= 3 and digits.isdigit():
                found.setdefault(digits, "card")
        for name in COUNTRY_NAMES.get(self.country, ()):
            add(name, "country")
        if self.birth_year:
            found.setdefault(str(self.birth_year), "birth_year")
            found.setdefault(f"{self.birth_year % 100:02d}", "birth_year")
        return found


# zxcvbn's English feedback (zxcvbn/feedback.py), said in Sereno's plain words.
ZXCVBN_FEEDBACK = {
    "Straight rows of keys are easy to guess.": N_(
        "Keys side by side on the keyboard are easy to guess."
    ),
    "Short keyboard patterns are easy to guess.": N_(
        "Keys side by side on the keyboard are easy to guess."
    ),
    'Repeats like "aaa" are easy to guess.': N_(
        "Letters repeated over and over are easy to guess."
    ),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': N_(
        "Repeating a group of letters does not make it much harder to guess."
    ),
    'Sequences like "abc" or "6543" are easy to guess.': N_(
        "Runs like abc or 6543 are easy to guess."
    ),
    "Recent years are easy to guess.": N_("Years are easy to guess."),
    "Dates are often easy to guess.": N_("Dates are easy to guess."),
    "This is a top-10 common password.": N_("This is one of the ten passwords people use most."),
    "This is a top-100 common password.": N_(
        "This is one of the hundred passwords people use most."
    ),
    "This is a very common password.": N_("Many people use this password."),
    "This is similar to a commonly used password.": N_("It looks like a password many people use."),
    "A word by itself is easy to guess.": N_("A single word is easy to guess."),
    "Names and surnames by themselves are easy to guess.": N_(
        "A name on its own is easy to guess."
    ),
    "Common names and surnames are easy to guess.": N_("Common names are easy to guess."),
    "Use a few words, avoid common phrases.": N_(
        "Use a few words that do not usually go together."
    ),
    "No need for symbols, digits, or uppercase letters.": N_(
        "Several ordinary words together are stronger than one complicated word."
    ),
    "Add another word or two. Uncommon words are better.": N_("Add one or two more words."),
    "Use a longer keyboard pattern with more turns.": N_("Use words instead of keys side by side."),
    "Avoid repeated words and characters.": N_("Do not repeat the same letters or words."),
    "Avoid sequences.": N_("Leave out runs like abc or 1234."),
    "Avoid recent years.": N_("Leave out years."),
    "Avoid years that are associated with you.": N_(
        "Leave out years that have to do with you, like the year you were born."
    ),
    "Avoid dates and years that are associated with you.": N_(
        "Leave out dates that have to do with you, like your birthday."
    ),
    "Capitalization doesn't help very much.": N_(
        "A capital letter at the start does not help much."
    ),
    "All-uppercase is almost as easy to guess as all-lowercase.": N_(
        "Writing it all in capitals does not help much."
    ),
    "Reversed words aren't much harder to guess.": N_(
        "A word written backwards is still easy to guess."
    ),
    "Predictable substitutions like '@' instead of 'a' don't help very much.": N_(
        "Swapping letters for look-alikes, like @ for a, does not help much."
    ),
}

_YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
_OTHER_KEYBOARD_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm")
_COMMON_DICTIONARIES = {"passwords", "english_wikipedia", "us_tv_and_film", "common_words"}
_NAME_DICTIONARIES = {"surnames", "male_names", "female_names"}


@dataclass(frozen=True)
class Rating:
    """How hard a password is to guess: level 0 (very easy) to 4, said in sentences."""

    level: int
    summary: str  # one sentence: "Too easy to guess", "Strong"
    reasons: tuple[str, ...]  # what makes it weak: "It contains your name."
    advice: tuple[str, ...]  # the reasons, then why and what to do instead


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _date_forms(day: dt.date) -> list[str]:
    return [
        f"{day.year}",
        day.strftime("%d%m%Y"),
        day.strftime("%d%m%y"),
        day.strftime("%Y%m%d"),
        day.strftime("%m%d%Y"),
        day.strftime("%d%m"),
        day.strftime("%m%d"),
    ]


def _personal_pieces(personal_words: Iterable[object]) -> dict[str, str]:
    """Each piece people put in passwords, with its kind: "name", "number" or "detail"."""
    pieces: dict[str, str] = {}

    def add(piece: str, kind: str) -> None:
        for form in (piece, _plain(piece)):
            if len(form) >= 3 or (form.isdigit() and len(form) >= 2):
                pieces.setdefault(form, kind)

    for item in personal_words:
        if isinstance(item, dt.date):
            for form in _date_forms(item):
                add(form, "number")
            continue
        text = str(item).strip().lower()
        try:
            for form in _date_forms(dt.date.fromisoformat(text)):
                add(form, "number")
        except ValueError:
            pass
        parts = [p for p in re.split(r"[\W_]+", text) if p]
        has_digit = any(c.isdigit() for c in text)
        for piece in dict.fromkeys([text, "".join(parts), *parts]):
            kind = "number" if piece.isdigit() else "detail" if has_digit else "name"
            add(piece, kind)
            if len(piece) > 8 and has_digit:  # a CURP or NSS: people use a part of it
                for size in (4, 6):
                    for i in range(len(piece) - size + 1):
                        part = piece[i : i + size]
                        add(part, "number" if part.isdigit() else "detail")
    return pieces


def personal_variants(personal_words: Iterable[object]) -> list[str]:
    """The pieces of what the app knows about the person that people put in passwords."""
    return list(_personal_pieces(personal_words))


@lru_cache(maxsize=1)
def _zxcvbn():
    """zxcvbn, imported on first use (it loads large word lists) with Sereno's common words."""
    from zxcvbn import matching, zxcvbn

    lists = [
        resource("wordlists", f"common_{language}.txt").read_text(encoding="utf-8").split()
        for language in COMMON_LANGUAGES
    ]
    # One dictionary; the languages interleaved so each word keeps about its own rank.
    words: list[str] = []
    for same_rank in zip(*lists, strict=False):
        for word in same_rank:
            words += [word, _plain(word)]
    matching.add_frequency_lists({"common_words": list(dict.fromkeys(words))})
    return zxcvbn, matching


def _keyboard_runs(password: str, matching) -> list[str]:
    """Runs of 4 or more keys side by side: zxcvbn's QWERTY ones, and AZERTY and QWERTZ rows."""
    found = [
        m["token"]
        for m in matching.spatial_match(password)
        if m["graph"] in ("qwerty", "dvorak") and m["turns"] <= 2 and len(m["token"]) >= 4
    ]
    typed = password.lower()
    for row in _OTHER_KEYBOARD_ROWS:
        for size in range(len(row), 3, -1):
            for start in range(len(row) - size + 1):
                run = row[start : start + size]
                if run in typed or run[::-1] in typed:
                    found.append(run)
    return found


def _reasons(sequence: list[dict], password: str, personal: dict[str, str], matching) -> list[str]:
    """Why the password is weak, from zxcvbn's matches and what the app knows."""
    reasons: list[str] = []
    sole = len(sequence) == 1
    for match in sequence:
        pattern, token = match.get("pattern"), match.get("token", "")
        dictionary = match.get("dictionary_name")
        if pattern == "dictionary" and dictionary == "user_inputs":
            continue  # said below, from the person's own words
        if pattern == "dictionary" and dictionary in _NAME_DICTIONARIES and len(token) >= 3:
            reasons.append(COMMON_NAME)
        elif pattern == "dictionary" and dictionary == "passwords" and sole:
            reasons.append(COMMON_PASSWORD)
        elif pattern == "dictionary" and dictionary in _COMMON_DICTIONARIES and len(token) >= 3:
            reasons.append(IS_COMMON_WORD if sole else HAS_COMMON_WORD)
        elif pattern == "spatial":
            reasons.append(IS_KEYBOARD if sole else HAS_KEYBOARD)
        elif pattern == "sequence":
            reasons.append(SEQUENCE)
        elif pattern == "repeat":
            reasons.append(REPEATS)
        elif pattern == "date":
            reasons.append(A_YEAR if len(token) <= 4 else A_DATE)
    # A keyboard run inside a match of another kind ("asdfgh" is also a common password).
    runs = [len(token) for token in _keyboard_runs(password, matching)]
    if runs and IS_KEYBOARD not in reasons:
        reasons.append(IS_KEYBOARD if max(runs) == len(password) else HAS_KEYBOARD)
    if _YEAR.search(password):
        reasons.append(A_YEAR)
    # The person's own words, wherever they are, even when zxcvbn saw a common name there.
    typed = _plain(password.lower())
    kinds = {kind for piece, kind in personal.items() if len(piece) >= 3 and piece in typed}
    own = [YOUR_NAME] * ("name" in kinds) + [YOUR_NUMBER] * ("number" in kinds)
    own += [YOUR_DETAILS] * ("detail" in kinds)
    if own and COMMON_NAME in reasons and "name" in kinds:
        reasons.remove(COMMON_NAME)
    if len(password) < GOOD_LENGTH:
        reasons.append(SHORT)
    return list(dict.fromkeys([*own, *reasons]))


def _fact_reasons(password: str, facts: LeakedFacts | None) -> tuple[list[str], list[str]]:
    """The reasons from what leaked, and the pieces of the password they cover."""
    if facts is None:
        return [], []
    typed = _plain(password.lower())
    pieces = facts.pieces()
    reasons, covered = [], []
    for piece, kind in sorted(pieces.items(), key=lambda item: -len(item[0])):
        if kind == "birth_year" and len(piece) == 2:
            continue  # "48" alone says too little; the four digits are what people type
        if piece in typed:
            reasons.append(_FACT_REASONS[kind])
            covered.append(piece)
    return list(dict.fromkeys(reasons)), covered


def rate_password(
    password: str,
    personal_words: Iterable[object] = (),
    language: str | None = None,
    facts: LeakedFacts | None = None,
) -> Rating:
    """Rate a password, taking the person's own words into account.

    personal_words: what the app knows (first name, surname, birth date as a date or
    "1948-03-12", CURP, NSS...). language: the language of the sentences (default: the
    app's). Returns a Rating; the password itself is not kept anywhere.
    """
    say = text_in(language)
    if not password:
        return Rating(0, say(EMPTY_SUMMARY), (), (say(EMPTY_ADVICE),))
    zxcvbn, matching = _zxcvbn()
    checked = password[:MAX_CHECKED]
    personal = _personal_pieces(personal_words)
    known, covered = _fact_reasons(checked, facts)
    inputs = list(personal) + list(facts.pieces() if facts else ())
    try:
        result = zxcvbn(checked, user_inputs=inputs)
    finally:
        matching.RANKED_DICTIONARIES["user_inputs"] = {}  # forget the person's words
    level = int(result["score"])
    reasons = _reasons(result["sequence"], checked, personal, matching)
    feedback = result["feedback"]
    del result
    if covered:  # what leaked is named as what it is, not as "a year" or "a common name"
        rest = _plain(checked.lower())
        for piece in covered:
            rest = rest.replace(piece, " ")
        if not _YEAR.search(rest):
            reasons = [r for r in reasons if r not in (A_YEAR, A_DATE)]
        if not re.search(r"[a-z]{3}", rest):
            reasons = [
                r
                for r in reasons
                if r not in (COMMON_NAME, IS_COMMON_WORD, HAS_COMMON_WORD, YOUR_NAME)
            ]
    if A_YEAR in reasons and HAS_BIRTH_YEAR not in known:
        years = [int(y.group(0)) for y in _BIRTH_YEARS.finditer(checked)]
        if years:
            reasons[reasons.index(A_YEAR)] = LOOKS_BIRTH_YEAR
    reasons = list(dict.fromkeys([*known, *reasons]))
    if known or {YOUR_NAME, YOUR_NUMBER, YOUR_DETAILS} & set(reasons):
        level = min(level, 2)
    if len(known) >= 2:
        level = min(level, 1)
    named = bool({YOUR_NAME, COMMON_NAME, HAS_FIRST_NAME, HAS_TRUSTED} & set(reasons))
    dated = {
        A_YEAR,
        A_DATE,
        YOUR_NUMBER,
        YOUR_DETAILS,
        LOOKS_BIRTH_YEAR,
        HAS_BIRTH_YEAR,
        HAS_CARD_DIGITS,
    } & set(reasons)
    if named and dated:
        level = min(level, 1)
    if len(checked) < GOOD_LENGTH:
        level = min(level, 2 if len(checked) >= 8 else 1)
    if level >= 3:
        return Rating(level, say(SUMMARIES[level]), (), ())
    lines = [feedback.get("warning") or "", *feedback.get("suggestions", [])]
    explained = [ZXCVBN_FEEDBACK[line] for line in lines if line in ZXCVBN_FEEDBACK]
    if not explained or level <= 1:
        explained.append(ZXCVBN_FEEDBACK["Add another word or two. Uncommon words are better."])
    said_reasons = tuple(say(r) for r in reasons)
    advice = tuple(dict.fromkeys([*said_reasons, *(say(line) for line in explained)]))
    return Rating(level, say(SUMMARIES[level]), said_reasons, advice)
