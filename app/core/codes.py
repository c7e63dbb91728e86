"""Numeric codes for sites that ask for numbers only (a bank's on-screen keypad, a NIP).

A suggested code never holds what a thief tries first: no date (a year, a day and month),
no repeat (a digit twice in a row or three times, a pair twice), no run of neighbouring
digits (12, 43), and not the last digits of a card Sereno knows. Drawn with `secrets`;
never stored or logged.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Iterable
from functools import cache

DEFAULT_LENGTH = 6
LENGTHS = (4, 5, 6, 8)
DIGITS = "0123456789"


def _windows(code: str, size: int) -> list[str]:
    return [code[i : i + size] for i in range(len(code) - size + 1)]


def _is_day_month(pair: str) -> bool:
    day, month = int(pair[:2]), int(pair[2:])
    return 1 <= day <= 31 and 1 <= month <= 12


def has_date(code: str) -> bool:
    """A year from 1900 to 2099, or a day and month (ddmm or mmdd) anywhere in it."""
    for four in _windows(code, 4):
        if four[:2] in ("19", "20"):
            return True
        if _is_day_month(four) or _is_day_month(four[2:] + four[:2]):
            return True
    return False


def has_repeat_or_run(code: str) -> bool:
    """A repeat or a run: the same digit twice in a row or three times in all, a pair of
    digits twice (3535), or two neighbouring digits side by side (12, 21; 90 is not one)."""
    if any(abs(int(a) - int(b)) <= 1 for a, b in zip(code, code[1:], strict=False)):
        return True
    if any(code.count(d) >= 3 for d in set(code)):
        return True
    pairs = _windows(code, 2)
    return len(set(pairs)) < len(pairs)


def has_card_digits(code: str, card_digits: Iterable[str]) -> bool:
    """The last digits of a card (or their reverse) anywhere in the code."""
    for digits in card_digits:
        if len(digits) >= 3 and (digits in code or digits[::-1] in code):
            return True
    return False


def code_is_good(code: str, card_digits: Iterable[str] = ()) -> bool:
    return (
        code.isdigit()
        and not has_date(code)
        and not has_repeat_or_run(code)
        and not has_card_digits(code, list(card_digits))
    )


def suggest_code(length: int = DEFAULT_LENGTH, card_digits: Iterable[str] = ()) -> str:
    """A code of `length` digits that passes `code_is_good`."""
    if not 4 <= length <= 12:
        raise ValueError(f"a code of {length} digits is not offered")
    avoid = [d for d in card_digits if d]
    while True:
        code = "".join(secrets.choice(DIGITS) for _ in range(length))
        if code_is_good(code, avoid):
            return code


@cache
def code_count(length: int) -> int:
    """How many codes of this length pass the rules (no card digits): counted once."""
    if length > 8:
        raise ValueError("counted only up to 8 digits")
    return sum(code_is_good(f"{n:0{length}d}") for n in range(10**length))


def code_entropy_bits(length: int = DEFAULT_LENGTH) -> float:
    return math.log2(code_count(length))
