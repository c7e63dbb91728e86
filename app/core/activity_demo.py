"""The demo profile's activity check (screenshots, audits): every stage reached, as a person would.

The answers and the bank's files go through the same actions the pages call, so the demo
shows what a real check writes down.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from app.core.actions.activity import ActivityActions
from app.core.actions.drafts import DraftActions
from app.core.flow import Step
from app.core.statements import Statement, Transaction

WAYS = {"email": "strange", "social_security": "normal", "pension": "strange", "bank": "file"}
ROWS = [
    (30, "-52.40", "SUPERMERCADO CENTRAL"),
    (28, "-52.40", "SUPERMERCADO CENTRAL"),
    (25, "-18.90", "FARMACIA DEL PARQUE"),
    (21, "-61.10", "SUPERMERCADO CENTRAL"),
    (18, "-45.00", "LUZ Y GAS"),
    (14, "-1.00", "PAYPAL *VERIFY 4821"),
    (10, "-389.00", "ELECTRO-ONLINE LTD"),
    (9, "1200.00", "PENSION"),
    (5, "-25.00", "FARMACIA DEL PARQUE"),
]
NEW_IN_LAST_FILE = ("ELECTRO-ONLINE LTD", "PAYPAL *VERIFY 4821")
# The pension account's nickname, as the person would type it (never translated).
PENSION_NAMES = {"es_MX": "Pensión", "fr_FR": "Ma retraite"}


def seed(store: Any, today: dt.date, language: str) -> None:
    """Answer each account's "look" page; read two files of the bank, the second half done."""

    def quiet(_message: str) -> None:
        return None

    accounts = {a.kind: a for a in store.answers.accounts()}
    if "pension" not in accounts:
        accounts["pension"] = store.answers.add_account(
            "pension", PENSION_NAMES.get(language, "Pension")
        )
    drafts = DraftActions(store, lambda: today, quiet)
    checks = ActivityActions(store, lambda: today, quiet)
    for kind, way in WAYS.items():
        if kind in accounts:
            drafts.save(Step("activity.look", str(accounts[kind].id)).key, {"way": [way]})
            checks.answer(accounts[kind].id, way)
    bank = accounts.get("bank")
    if bank is None or store.activity.all_transactions(bank.id):
        return
    currency = {"es_MX": "MXN", "fr_FR": "EUR"}.get(language, "USD")
    # Two months ago, the usual payments, all the person's own.
    earlier = ActivityActions(store, lambda: today - dt.timedelta(days=40), quiet)
    history = [
        Transaction(today - dt.timedelta(days=60 + d), Decimal(a), p, currency)
        for d, a, p in ROWS
        if p not in NEW_IN_LAST_FILE
    ]
    earlier.import_statement(bank.id, "older.csv", Statement(history, currency))
    for txn in store.activity.pending(bank.id):
        earlier.answer_payment(bank.id, txn.id, "mine")
    statement = [
        Transaction(today - dt.timedelta(days=d), Decimal(a), p, currency) for d, a, p in ROWS
    ]
    checks.import_statement(bank.id, "movements.csv", Statement(statement, currency))
    first = store.activity.pending(bank.id)[0]
    checks.answer_payment(bank.id, first.id, "not_mine")
