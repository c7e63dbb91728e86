"""A date typed as it is printed on a statement or a letter, in any of the three languages."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.dates import DateError, read_typed_date
from tests.conftest import TODAY  # 2026-11-23

D = dt.date


@pytest.mark.parametrize(
    "text,day",
    [
        ("14 de noviembre", D(2026, 11, 14)),
        ("14 nov", D(2026, 11, 14)),
        ("14/11", D(2026, 11, 14)),
        ("14-11-2025", D(2025, 11, 14)),
        ("14.11.25", D(2025, 11, 14)),
        ("14 novembre", D(2026, 11, 14)),
        ("14 Nov.", D(2026, 11, 14)),
        ("November 14", D(2026, 11, 14)),
        ("Nov 14, 2025", D(2025, 11, 14)),
        ("jueves 13 de noviembre de 2025", D(2025, 11, 13)),
        ("le 1er août", D(2026, 8, 1)),
        ("1er aout 2026", D(2026, 8, 1)),
        ("mar. 3 févr.", D(2026, 2, 3)),
        ("3 sept", D(2026, 9, 3)),
        ("3 de septiembre", D(2026, 9, 3)),
        ("12 DIC 2025", D(2025, 12, 12)),
        ("the 3rd of May", D(2026, 5, 3)),
        ("2026-11-02", D(2026, 11, 2)),
        ("  5 / 3 ", D(2026, 3, 5)),
        ("14 mars", D(2026, 3, 14)),
        ("14 mar", D(2026, 3, 14)),
    ],
)
def test_dates_as_printed_are_understood(text, day):
    assert read_typed_date(text, TODAY) == day


def test_without_a_year_a_date_after_today_is_last_years():
    assert read_typed_date("14 dic", TODAY) == D(2025, 12, 14)
    assert read_typed_date("24/11", TODAY) == D(2025, 11, 24)
    assert read_typed_date("23/11", TODAY) == TODAY
    assert read_typed_date("2 janvier", D(2027, 1, 5)) == D(2027, 1, 2)


def test_the_statements_year_is_used_when_given():
    assert read_typed_date("14 nov", TODAY, year=2024) == D(2024, 11, 14)
    assert read_typed_date("14 nov 2025", TODAY, year=2024) == D(2025, 11, 14)


def test_29_february_without_a_year_is_the_last_one_there_was():
    assert read_typed_date("29 feb", TODAY) == D(2024, 2, 29)


def test_empty_is_nothing():
    assert read_typed_date("   ", TODAY) is None


@pytest.mark.parametrize(
    "text,reason",
    [
        ("hier", "unreadable"),
        ("14", "unreadable"),
        ("14 xyz", "unreadable"),
        ("ju 14", "unreadable"),
        ("14 nov dic", "unreadable"),
        ("14/13", "unreadable"),
        ("31 nov", "no_such_day"),
        ("31/04/2026", "no_such_day"),
        ("30 feb", "no_such_day"),
        ("1 dic 2026", "later"),
        ("12/03/2099", "later"),
        ("14 nov 123", "unreadable"),
    ],
)
def test_what_is_not_a_date_says_why(text, reason):
    with pytest.raises(DateError) as caught:
        read_typed_date(text, TODAY)
    assert caught.value.reason == reason
