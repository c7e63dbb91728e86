"""Check and sort Sereno's word lists; build the common-word lists for the rating.

- es_MX.txt, fr_FR.txt, en.txt: the words passphrases are drawn from
  (app/core/passphrase.py). The Spanish and French lists are chosen by hand, word by word:
  everyday concrete words a person writes without hesitating (food, animals, objects,
  places, clothes, numbers, months, everyday verbs). Candidates came from the most used
  words of each language (the subtitle frequencies shipped with pyspellchecker, MIT licence:
  they favour words people say every day), completed by hand by theme. Earlier lists were
  taken automatically from dictionary lists and frequency alone, and held words that
  unsettle or puzzle ("fracasar", "detonar", "duper", "froc", "puissent") and Spanish words
  whose accent had been stripped ("aun", "reir"). The English list is the EFF's long list
  (via xkcdpass, BSD), already cleaned of offensive words, less the words hunspell does not
  know (brand names, slang).
- common_es_MX.txt, common_fr_FR.txt: the most used words of Spanish and French, accents
  included, most used first, so the password rating knows them (zxcvbn knows English).

Run from the repository root:

    apt-get install hunspell hunspell-es hunspell-fr hunspell-en-us
    .venv/bin/python resources/wordlists/build.py            # check and sort the lists
    .venv/bin/pip install pyspellchecker
    .venv/bin/python resources/wordlists/build.py --common   # rebuild the common lists

What a word of a passphrase list must be (the reasons are the person's eyes and hands):
- 3 to 8 letters, only a-z: a word is chosen because it has no accent, no ñ or ç, in its
  own spelling; an accent is never stripped. So a word is refused when hunspell does not
  know it as written, or when the same letters with an accent are the more used word
  (common_<lang>.txt ranks them: "aun" after "aún", "tenia" after "tenía");
- no letter "l": in large sans-serif type l, I and 1 look the same;
- it must not start with i, o, b, g, s or z: the first word gets a capital, and
  I, O, B, G, S, Z look like 1, 0, 8, 6, 5, 2;
- not on the deny list of tests/core/test_passphrase.py (death, violence, illness, fraud,
  insults, slang: nothing that would upset or puzzle the person who types it).
docs/security.md states the strength the lists give; a test keeps it true.
"""
from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMON = 10000
LANGUAGES = {"es_MX": ("es_MX", "es"), "fr_FR": ("fr_FR", "fr"), "en": ("en_US", "en")}
WORD = re.compile(r"[a-km-z]{3,8}")  # a-z without l
BAD_FIRST = set("iobgsz")


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def unknown_to_hunspell(words: list[str], dictionary: str) -> set[str]:
    found = subprocess.run(["hunspell", "-d", dictionary, "-l"], input="\n".join(words),
                           capture_output=True, text=True, check=True)
    return set(found.stdout.split())


def stripped(words: list[str], language: str) -> set[str]:
    """Words whose accented spelling is the more used one (the stripped form of a word)."""
    path = HERE / f"common_{language}.txt"
    if not path.exists():
        return set()
    common = path.read_text(encoding="utf-8").split()
    rank = {w: i for i, w in enumerate(common)}
    first: dict[str, int] = {}
    for word in common:
        if strip_accents(word) != word:
            first.setdefault(strip_accents(word), rank[word])
    return {w for w in words if first.get(w, 10**9) < rank.get(w, 10**8)}


def check(language: str) -> list[str]:
    """The list, sorted and without duplicates; stops on any word that breaks a rule."""
    path = HERE / f"{language}.txt"
    words = sorted(set(path.read_text(encoding="utf-8").split()))
    bad = {w: "shape" for w in words if not WORD.fullmatch(w) or w[0] in BAD_FIRST}
    bad |= {w: "not in the dictionary as written"
            for w in unknown_to_hunspell(words, LANGUAGES[language][0])}
    bad |= {w: "an accent stripped" for w in stripped(words, language)}
    if bad:
        raise SystemExit(f"{language}: " + ", ".join(f"{w} ({why})" for w, why in bad.items()))
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(words)} words")
    return words


def frequencies(code: str) -> dict[str, int]:
    path = resources.files("spellchecker") / "resources" / f"{code}.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        return json.load(f)


def common_words(language: str) -> list[str]:
    freq = frequencies(LANGUAGES[language][1])
    words = [w for w in freq if len(w) >= 3 and w.isalpha() and w == w.lower()]
    return sorted(words, key=lambda w: (-freq[w], w))[:COMMON]


def main(args: list[str]) -> int:
    if "--common" in args:
        for language in ("es_MX", "fr_FR"):
            words = common_words(language)
            (HERE / f"common_{language}.txt").write_text("\n".join(words) + "\n", "utf-8")
    for language in LANGUAGES:
        check(language)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
