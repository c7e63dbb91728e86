"""The order of the accounts and the stage each account's check is in, from plain facts.

The check starts with the account the person worries about (`check_order`), then the bank
and pension, then the rest. The result page of each account shows one stage: a thank-you,
a reminder to tell the organisation, a payment written by hand (its date, its amount, its
name), the bank's file (open it, name its columns, one payment at a time, then what was
found), or "with someone you trust". `next_stage(facts)` decides, as data a test can walk
through without a window (no Qt, no store).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.core.activity import MONEY_KINDS
from app.core.answers import Account, Answers


def check_order(answers: Answers) -> list[Account]:
    """The accounts in the order they are checked: the one the person chose (their worry),
    then the bank and pension (a strange charge shows on a statement), then the rest."""
    first = answers.start_account
    return sorted(answers.accounts, key=lambda a: (a.id != first, a.kind not in MONEY_KINDS))


class Stage(StrEnum):
    """What the result page of one account shows."""

    GONE = "gone"  # the account was taken off the list
    NORMAL = "normal"  # everything looked normal: thank you
    STRANGE = "strange"  # something strange, no payments: tell the organisation
    HELP = "help"  # "I can't do this alone": with someone trusted, later
    PAYMENT = "payment"  # a strange payment by hand: its date
    PAYMENT_AMOUNT = "payment_amount"  # ... then its amount
    PAYMENT_NAME = "payment_name"  # ... then the name on the statement
    FILE = "file"  # open the file the bank gave
    COLUMNS = "columns"  # which column is which, when the file does not say
    REVIEW = "review"  # one payment of the file at a time: is it yours?
    DONE = "done"  # every payment of the file answered


@dataclass(frozen=True)
class Facts:
    """What the stage depends on, read from the store and the check under way."""

    kind: str | None  # the account's kind; None when it is no longer on the list
    way: str = ""  # the answer on the "look" page: normal, strange, help or file
    pending: int = 0  # payments of the bank's file not answered yet
    columns_asked: bool = False  # the file being read needs its columns named
    looked_today: bool = False  # a file read today, or its payments answered today
    payment_parts: int = 0  # parts of a payment by hand written: 1 its date, 2 its amount


# A payment by hand, one field per screen, so that the field and its button always show.
PAYMENT_PARTS = (Stage.PAYMENT, Stage.PAYMENT_AMOUNT, Stage.PAYMENT_NAME)


def _strange(facts: Facts) -> Stage:
    if facts.kind not in MONEY_KINDS:
        return Stage.STRANGE
    return PAYMENT_PARTS[min(facts.payment_parts, len(PAYMENT_PARTS) - 1)]


def _file(facts: Facts) -> Stage:
    if facts.pending:  # a review stopped half-way resumes where it was
        return Stage.REVIEW
    if facts.columns_asked:
        return Stage.COLUMNS
    return Stage.DONE if facts.looked_today else Stage.FILE


# Each answer on the "look" page, and the stage it leads to.
WAYS: dict[str, Callable[[Facts], Stage]] = {
    "normal": lambda facts: Stage.NORMAL,
    "strange": _strange,
    "help": lambda facts: Stage.HELP,
    "file": _file,
}


def next_stage(facts: Facts) -> Stage:
    """The stage to show; no answer (or an unknown one) counts as "everything normal"."""
    if facts.kind is None:
        return Stage.GONE
    return WAYS.get(facts.way, WAYS["normal"])(facts)


# What giving the answer writes down, by the stage it leads to: a check by hand with its
# result, a reminder, the monthly check. The file's stages write when the file is read.
CHECK_NORMAL, CHECK_STRANGE = "check:normal", "check:strange"
TELL_ORGANISATION, WITH_SOMEONE, NEXT_CHECK = "tell_organisation", "with_someone", "next_check"
ON_ANSWER: dict[Stage, tuple[str, ...]] = {
    Stage.NORMAL: (CHECK_NORMAL, NEXT_CHECK),
    Stage.STRANGE: (CHECK_STRANGE, TELL_ORGANISATION, NEXT_CHECK),
    **{part: (CHECK_STRANGE, NEXT_CHECK) for part in PAYMENT_PARTS},
    Stage.HELP: (WITH_SOMEONE,),  # no check: the account waits for the helper
}

# Stages Next does not leave: something is asked on the page first.
ASKING = frozenset({Stage.FILE, Stage.COLUMNS, Stage.REVIEW})
# Stages that say when the next monthly check is.
SAYS_NEXT_CHECK = frozenset({Stage.NORMAL, Stage.STRANGE, *PAYMENT_PARTS, Stage.DONE})
