"""Numeric codes: never a date, a repeat, a run or the card's digits (property tests)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import codes
from app.core.codes import (
    LENGTHS,
    code_count,
    code_is_good,
    has_card_digits,
    has_date,
    has_repeat_or_run,
    suggest_code,
)

card = st.text(alphabet="0123456789", min_size=4, max_size=4)


@settings(max_examples=300, deadline=None)
@given(length=st.sampled_from(LENGTHS), cards=st.lists(card, max_size=3))
def test_a_suggested_code_has_no_date_no_run_and_not_the_card_digits(length, cards):
    code = suggest_code(length, cards)
    assert len(code) == length and code.isdigit()
    assert not has_date(code)
    assert not has_repeat_or_run(code)
    for digits in cards:
        assert digits not in code and digits[::-1] not in code
    for i in range(len(code) - 3):
        four = code[i : i + 4]
        assert not four.startswith(("19", "20"))  # no year
        day, month = int(four[:2]), int(four[2:])
        assert not (1 <= day <= 31 and 1 <= month <= 12)  # no ddmm
        assert not (1 <= month <= 31 and 1 <= day <= 12)  # no mmdd
    for a, b in zip(code, code[1:], strict=False):
        assert abs(int(a) - int(b)) > 1
    assert all(code.count(d) <= 2 for d in code)


@pytest.mark.parametrize("code", ["1950", "481950", "250312", "031225", "1203"])
def test_dates_are_refused(code):
    assert has_date(code)


@pytest.mark.parametrize("code", ["112358", "123579", "975310", "353535"])
def test_repeats_and_runs_are_refused(code):
    assert has_repeat_or_run(code) or not code_is_good(code)


def test_the_card_digits_are_refused_either_way():
    assert has_card_digits("748219", ["4821"]) and has_card_digits("912847", ["4821"])
    assert not code_is_good("748219", ["4821"])


def test_codes_are_drawn_with_secrets(monkeypatch):
    calls = []
    real = codes.secrets.choice
    monkeypatch.setattr(codes.secrets, "choice", lambda seq: calls.append(1) or real(seq))
    suggest_code(6)
    assert len(calls) >= 6


def test_how_many_four_digit_codes_remain():
    # docs/security.md states these figures.
    assert code_count(4) == 3317


def test_lengths_outside_the_offer_are_refused():
    with pytest.raises(ValueError):
        suggest_code(3)
