"""The passwords journey's plain-Python side: what is kept per account, suggestions, rating.

One door for the UI; the work is done in app/core/passphrase.py, codes.py and rating.py,
the journey's rules in password_journey.py. `PasswordState` is all that is kept about an
account's password (a status and a day, never the password); `Suggestions` keeps each
account's suggestion in memory only, so Back and Next show the same one the person may
have written down; "Give me another" is the only way to change it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.core.codes import DEFAULT_LENGTH, LENGTHS, code_is_good, suggest_code
from app.core.passphrase import (
    SHORT_WORD_COUNT,
    WORD_COUNT,
    entropy_bits,
    passphrase_words,
    spell,
    spelling_aid,
    suggest_passphrase,
    wordlist,
)
from app.core.rating import LeakedFacts, Rating, personal_variants, rate_password

STATUSES: tuple[str, ...] = ("changed", "later", "help")
TWO_STEP: tuple[str, ...] = ("on", "not_offered", "later")
SECRET_KINDS: tuple[str, ...] = ("letters", "numbers", "unsure")
PENSION_ANSWERS: tuple[str, ...] = ("same", "other")

__all__ = [
    "DEFAULT_LENGTH",
    "LENGTHS",
    "PENSION_ANSWERS",
    "SECRET_KINDS",
    "STATUSES",
    "SHORT_WORD_COUNT",
    "TWO_STEP",
    "WORD_COUNT",
    "LeakedFacts",
    "PasswordState",
    "Rating",
    "Suggestions",
    "code_is_good",
    "entropy_bits",
    "passphrase_words",
    "personal_variants",
    "rate_password",
    "spell",
    "spelling_aid",
    "suggest_code",
    "suggest_passphrase",
    "wordlist",
]


@dataclass(frozen=True)
class PasswordState:
    """One account: "changed" (on a day), "later", "help" or "" (not yet); two-step too."""

    account_id: int
    status: str = ""
    changed_on: dt.date | None = None
    two_step: str = ""


class Suggestions:
    """Each account's suggestion (a passphrase, a code), in memory only, never on disk."""

    def __init__(self) -> None:
        self._kept: dict[tuple[object, str], str] = {}

    def get(self, account: object, kind: str, make: Callable[[], str]) -> str:
        """The suggestion kept for this account and kind; made the first time it is asked."""
        key = (account, kind)
        if key not in self._kept:
            self._kept[key] = make()
        return self._kept[key]

    def another(self, account: object, kind: str, make: Callable[[], str]) -> str:
        """A new suggestion, different from the one shown, kept in its place."""
        old = self._kept.get((account, kind))
        new = make()
        while new == old:
            new = make()
        self._kept[(account, kind)] = new
        return new

    def forget(self) -> None:
        self._kept.clear()

    def __len__(self) -> int:
        return len(self._kept)
