"""Plain words: no sentence a person reads runs over 20 words, in any language.

The practice scams are the exception: their messages and the callers' lines are shown as
swindlers write and speak them, long sentences included, so that a person learns to
recognise the real thing.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
MAX_WORDS = 20
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")


@cache
def practice_messages() -> frozenset[str]:
    """The callers' and senders' own words in the scam examples (resources/scams)."""
    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "body" and isinstance(value, str):
                    found.add(value)
                elif key == "text" and node.get("who") == "caller":
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (ROOT / "resources" / "scams").glob("*.toml"):
        walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return frozenset(found)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def words(sentence: str) -> int:
    return len(re.findall(r"\w+", sentence))


def long_sentences(lang: str) -> list[str]:
    rows = []
    for path in sorted(ROOT.glob(f"translations/{lang}/LC_MESSAGES/*.po")):
        with path.open("rb") as f:
            catalog = read_po(f, locale=lang)
        for message in catalog:
            if not message.id or message.id in practice_messages():
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            texts = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in [t for t in texts if t] or list(ids):
                rows += [
                    f"{path.stem}: {words(s)} words: {s}"
                    for s in sentences(text)
                    if words(s) > MAX_WORDS
                ]
    return rows


def test_sentences_are_split_at_the_end_of_each_idea():
    assert sentences("Hang up. Then call your bank yourself: the number is on your card.") == [
        "Hang up.",
        "Then call your bank yourself:",
        "the number is on your card.",
    ]
    assert words("¿Le pidió un código por teléfono?") == 6


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sentence_runs_over_twenty_words(lang):
    long = long_sentences(lang)
    assert not long, f"{len(long)} sentences over {MAX_WORDS} words:\n" + "\n".join(long)
