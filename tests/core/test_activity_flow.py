"""The account check's stages as data: whole branching walks, with no window and no store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.core.activity_flow import (
    ASKING,
    CHECK_NORMAL,
    CHECK_STRANGE,
    NEXT_CHECK,
    ON_ANSWER,
    SAYS_NEXT_CHECK,
    TELL_ORGANISATION,
    WITH_SOMEONE,
    Facts,
    Stage,
    next_stage,
)


@pytest.mark.parametrize(
    "facts, stage",
    [
        (Facts(kind=None, way="normal"), Stage.GONE),
        (Facts(kind="email", way="normal"), Stage.NORMAL),
        (Facts(kind="email", way=""), Stage.NORMAL),  # no answer kept: nothing asked of them
        (Facts(kind="email", way="odd"), Stage.NORMAL),
        (Facts(kind="email", way="strange"), Stage.STRANGE),
        (Facts(kind="phone", way="strange"), Stage.STRANGE),
        (Facts(kind="bank", way="strange"), Stage.PAYMENT),
        (Facts(kind="pension", way="strange"), Stage.PAYMENT),
        (Facts(kind="bank", way="help"), Stage.HELP),
        (Facts(kind="bank", way="file"), Stage.FILE),
        (Facts(kind="bank", way="file", looked_today=True), Stage.DONE),
        (Facts(kind="bank", way="file", columns_asked=True), Stage.COLUMNS),
        # a review stopped half-way comes first, whatever else is under way
        (
            Facts(kind="bank", way="file", pending=2, columns_asked=True, looked_today=True),
            Stage.REVIEW,
        ),
    ],
)
def test_each_answer_leads_to_its_stage(facts, stage):
    assert next_stage(facts) is stage


def test_a_payment_by_hand_asks_date_then_amount_then_name_and_starts_again():
    facts = Facts(kind="pension", way="strange")
    walk = []
    for parts in (0, 1, 2, 0):  # date, amount, name; added: the next payment's date
        facts = replace(facts, payment_parts=parts)
        walk.append(next_stage(facts))
    assert walk == [Stage.PAYMENT, Stage.PAYMENT_AMOUNT, Stage.PAYMENT_NAME, Stage.PAYMENT]


def test_the_bank_file_walk_from_opening_to_done():
    """Open a file whose columns are unclear, name them, answer each payment."""
    facts = Facts(kind="bank", way="file")
    walk = [next_stage(facts)]
    facts = replace(facts, columns_asked=True)  # the reader could not tell the columns
    walk.append(next_stage(facts))
    facts = replace(facts, columns_asked=False, pending=3, looked_today=True)  # read
    for left in (3, 2, 1, 0):
        walk.append(next_stage(replace(facts, pending=left)))
    assert walk == [Stage.FILE, Stage.COLUMNS, *[Stage.REVIEW] * 3, Stage.DONE]
    # The next month: the last file was read on another day, nothing pending.
    assert next_stage(replace(facts, pending=0, looked_today=False)) is Stage.FILE


def test_a_person_who_changes_their_answer_follows_the_new_one():
    facts = Facts(kind="bank", way="file", pending=4)
    assert next_stage(facts) is Stage.REVIEW
    assert next_stage(replace(facts, way="normal")) is Stage.NORMAL
    assert next_stage(replace(facts, way="help")) is Stage.HELP


def test_what_each_answer_writes_down():
    assert ON_ANSWER[Stage.NORMAL] == (CHECK_NORMAL, NEXT_CHECK)
    assert ON_ANSWER[Stage.STRANGE] == (CHECK_STRANGE, TELL_ORGANISATION, NEXT_CHECK)
    assert ON_ANSWER[Stage.PAYMENT] == (CHECK_STRANGE, NEXT_CHECK)
    # "I can't do this alone" is never written down as a check: the helper comes first
    assert ON_ANSWER[Stage.HELP] == (WITH_SOMEONE,)
    # the file writes when it is read, not when "from my bank's file" is chosen
    assert not {Stage.FILE, Stage.COLUMNS, Stage.REVIEW, Stage.DONE} & set(ON_ANSWER)


def test_next_waits_on_the_stages_that_ask_something():
    assert ASKING == {Stage.FILE, Stage.COLUMNS, Stage.REVIEW}
    assert Stage.HELP not in SAYS_NEXT_CHECK and Stage.GONE not in SAYS_NEXT_CHECK
    assert not ASKING & SAYS_NEXT_CHECK
