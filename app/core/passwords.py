"""The passwords journey's plain-Python side: passphrase suggestions and password rating.

One door for the UI; the work is done in app/core/passphrase.py and app/core/rating.py.
"""
from __future__ import annotations

from app.core.passphrase import (
    entropy_bits,
    passphrase_words,
    spell,
    suggest_passphrase,
    wordlist,
)
from app.core.rating import Rating, personal_variants, rate_password

__all__ = [
    "Rating",
    "entropy_bits",
    "passphrase_words",
    "personal_variants",
    "rate_password",
    "spell",
    "suggest_passphrase",
    "wordlist",
]
