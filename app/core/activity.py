"""The activity check's records and the to-dos it puts on the list, free of sqlite and Qt.

A check is one account looked at on one day; a reviewed payment is one line of the bank's
file (or one written by hand) with the person's answer. The store keeps them as rows; the
rules here decide what goes on the to-do list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from app import i18n
from app.core.answers import Account
from app.core.tasks import Task, add_months
from app.i18n import N_

if TYPE_CHECKING:  # the flagging code is imported when a file is read, not at start-up
    from app.core.flags import Flag

METHODS = ("hand", "file")
RESULTS = ("normal", "strange")
VERDICTS = ("mine", "not_mine")
MONEY_KINDS = ("bank", "pension")  # accounts with payments: a bank file, a payment by hand
SOURCE = "activity"
CURRENCY_FOR_COUNTRY = {"MX": "MXN", "FR": "EUR"}


@dataclass(frozen=True)
class Check:
    """One check of one account on one day."""

    id: int
    account_id: int
    day: dt.date
    method: str
    result: str
    note: str = ""


@dataclass(frozen=True)
class Reviewed:
    """A payment kept for review; `verdict` is None while the person has not answered.

    It has `.date`, `.amount` and `.description`, so a list of them is the `history`
    that `flag_transactions` compares a new statement with.
    """

    id: int
    account_id: int
    fingerprint: str
    date: dt.date
    amount: Decimal
    currency: str
    description: str
    flags: tuple[Flag, ...]
    verdict: str | None
    reviewed_on: dt.date | None
    import_id: int | None


@dataclass(frozen=True)
class ImportResult:
    """What one import did: rows in the file, and how many were new."""

    import_id: int
    rows: int
    added: int


def home_currency(country: str | None) -> str:
    """The money of the person's country; a file or a form that names none is in it."""
    return CURRENCY_FOR_COUNTRY.get(country or "") or i18n.default_currency()


# The to-dos ---------------------------------------------------------------------------------
# A wording changed here is moved on the lists already kept (app/store/schema, "reworded").
CALL_BANK = N_(
    "Call your bank about {amount} paid to {payee} on {date} — use the number on your bank card"
)
CALL_BANK_WHY = N_(
    "You told Sereno this payment is not yours, or you are not sure. "
    "Your bank can stop it and protect your account."
)
CALL_BANK_HOW = N_(
    "Call the number printed on your bank card or statement, never a number "
    "from a message. Say the date, the amount and the name on the statement."
)
NEXT_CHECK = N_("Check “{account}” again for payments you do not recognise")
NEXT_CHECK_WHY = N_("After a leak, checking every month for a year catches a problem early.")
NEXT_CHECK_HOW = N_("On the home page, press “Check account activity” and follow the steps.")
STRANGE = N_("Tell the organisation about something strange in “{account}”")
STRANGE_HOW = N_(
    "Change its password first. Then call the number on an official letter or "
    "statement. Never call a number from a message. Say what you saw."
)
# The Assurance Maladie is reached on 3646 only, never "the number on your card".
STRANGE_HOW_AMELI = N_(
    "Change your ameli password first. Then call 3646 yourself, never a "
    "number from a message, and say what you saw."
)
# An email account is made safe by its owner: there is nobody to tell.
STRANGE_EMAIL = N_("Secure “{account}”: change its password")
STRANGE_EMAIL_HOW = N_(
    "Change its password first, and turn on two-step verification if it is "
    "offered. Then, on its security page, sign out the devices you do not "
    "know."
)
WITH_SOMEONE = N_("Check “{account}” with {person}")
WITH_SOMEONE_HOW = N_(
    "Sit down together. Open the account, then look for what Sereno lists: you read, they help."
)
SOMEONE = N_("someone you trust")


def next_check_rule(account_id: int) -> str:
    return f"activity.next.{account_id}"


def call_bank_task(
    rule: str, day: dt.date, amount: Decimal, currency: str, payee: str | dict, today: dt.date
) -> Task:
    """A payment the person does not recognise: call the bank today."""
    return Task(
        title=CALL_BANK,
        why=CALL_BANK_WHY,
        how=CALL_BANK_HOW,
        priority=1,
        due=today,
        params={
            "amount": {"money": str(abs(amount)), "currency": currency},
            "payee": payee,
            "date": {"date": day.isoformat()},
        },
        source=SOURCE,
        rule=rule,
    )


def next_check_task(account: Account, today: dt.date, first_check: dt.date) -> Task:
    """The monthly look at one account, for a year from its first check."""
    return Task(
        title=NEXT_CHECK,
        why=NEXT_CHECK_WHY,
        how=NEXT_CHECK_HOW,
        params={"account": account.name},
        source=SOURCE,
        rule=next_check_rule(account.id),
        due=add_months(today, 1),
        repeat="monthly",
        repeat_until=add_months(first_check, 12),
    )


def strange_task(account: Account, today: dt.date, country: str | None) -> Task:
    """Something strange in an account without payments: act on it today."""
    if account.kind == "email":
        title, how = STRANGE_EMAIL, STRANGE_EMAIL_HOW
    elif account.kind == "social_security" and country == "FR":
        title, how = STRANGE, STRANGE_HOW_AMELI
    else:
        title, how = STRANGE, STRANGE_HOW
    return Task(
        title=title,
        how=how,
        priority=1,
        due=today,
        params={"account": account.name},
        source=SOURCE,
        rule=f"activity.strange.{account.id}",
    )


def with_someone_task(account: Account, person: str, today: dt.date) -> Task:
    """The person cannot check alone: a week to sit down with someone they trust."""
    return Task(
        title=WITH_SOMEONE,
        how=WITH_SOMEONE_HOW,
        priority=2,
        due=today + dt.timedelta(days=7),
        source=SOURCE,
        rule=f"activity.with_someone.{account.id}",
        params={"account": account.name, "person": person or {"text": SOMEONE}},
    )
