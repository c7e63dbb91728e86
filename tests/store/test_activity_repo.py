"""ActivityRepo: checks with their dates, imports without duplicates, verdicts that resume."""

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest

from app.core.flags import FlagKind, flag_transactions
from app.core.statements import Transaction
from app.store import Store

DAY = dt.date(2026, 11, 23)


def _statement():
    return [
        Transaction(dt.date(2026, 11, 2), Decimal("-45.00"), "OXXO CENTRO", "MXN"),
        Transaction(dt.date(2026, 11, 3), Decimal("-1.00"), "PAYPAL VERIFY", "MXN"),
        Transaction(dt.date(2026, 11, 4), Decimal("5000.00"), "PENSION IMSS", "MXN"),
        Transaction(dt.date(2026, 11, 5), Decimal("-12.50"), "USD SHOP", "USD"),
    ]


@pytest.fixture
def bank(store):
    return store.answers.add_account("bank", "Banco", "4821")


def test_checks_keep_date_method_and_result(store, bank):
    store.activity.record_check(bank.id, DAY, "hand", "normal")
    store.activity.record_check(bank.id, DAY + dt.timedelta(days=31), "file", "strange", "x")
    checks = store.activity.checks(bank.id)
    assert [(c.day, c.method, c.result) for c in checks] == [
        (DAY, "hand", "normal"),
        (DAY + dt.timedelta(days=31), "file", "strange"),
    ]
    assert store.activity.first_check_day(bank.id) == DAY
    assert store.activity.last_check(bank.id).note == "x"


def test_same_day_same_method_is_one_check_with_the_latest_result(store, bank):
    store.activity.record_check(bank.id, DAY, "hand", "normal")
    store.activity.record_check(bank.id, DAY, "hand", "strange", "a new payee")
    assert [(c.result, c.note) for c in store.activity.checks(bank.id)] == [
        ("strange", "a new payee")
    ]


def test_unknown_method_or_result_is_refused(store, bank):
    with pytest.raises(ValueError):
        store.activity.record_check(bank.id, DAY, "phone", "normal")
    with pytest.raises(ValueError):
        store.activity.set_verdict(1, "maybe", DAY)


def test_import_keeps_order_flags_and_skips_what_it_knows(store, bank):
    flagged = flag_transactions(_statement(), [])
    first = store.activity.import_statement(bank.id, DAY, "movimientos.csv", flagged, "MXN")
    assert (first.rows, first.added) == (4, 4)
    pending = store.activity.pending(bank.id)
    assert [p.fingerprint for p in pending] == [f.fingerprint for f in flagged]
    assert pending[0].flags == flagged[0].flags
    assert any(f.kind is FlagKind.FOREIGN for p in pending for f in p.flags)
    assert pending[0].amount == flagged[0].transaction.amount
    again = store.activity.import_statement(bank.id, DAY, "movimientos.csv", flagged, "MXN")
    assert again.added == 0
    assert len(store.activity.all_transactions(bank.id)) == 4
    assert [i["file_name"] for i in store.activity.imports(bank.id)] == ["movimientos.csv"] * 2


def test_verdicts_are_kept_and_mine_ones_become_history(store, bank):
    store.activity.import_statement(bank.id, DAY, "a.csv", flag_transactions(_statement(), []))
    first, second, *rest = store.activity.pending(bank.id)
    store.activity.set_verdict(first.id, "mine", DAY)
    store.activity.set_verdict(second.id, "not_mine", DAY)
    assert [p.id for p in store.activity.pending(bank.id)] == [r.id for r in rest]
    assert [h.id for h in store.activity.history(bank.id)] == [first.id]
    assert {r.verdict for r in store.activity.reviewed(bank.id, since=DAY)} == {"mine", "not_mine"}
    again = store.activity.transaction(second.id)
    assert (again.verdict, again.reviewed_on) == ("not_mine", DAY)


def test_history_makes_a_payee_familiar_next_time(store, bank):
    store.activity.import_statement(bank.id, DAY, "a.csv", flag_transactions(_statement(), []))
    for txn in store.activity.pending(bank.id):
        store.activity.set_verdict(txn.id, "mine", DAY)
    later = [
        Transaction(dt.date(2026, 12, 2), Decimal("-45.00"), "OXXO CENTRO", "MXN"),
        Transaction(dt.date(2026, 12, 3), Decimal("-30.00"), "UNKNOWN STORE", "MXN"),
    ]
    flagged = flag_transactions(later, store.activity.history(bank.id))
    new = {f.transaction.description: [x.kind for x in f.flags] for f in flagged}
    assert FlagKind.NEW_PAYEE not in new["OXXO CENTRO"]
    assert FlagKind.NEW_PAYEE in new["UNKNOWN STORE"]


def test_a_failed_import_leaves_nothing(store, bank):
    flagged = flag_transactions(_statement(), [])
    broken = flagged[:2] + [flagged[2].__class__(None, (), "x")]  # no transaction: fails
    with pytest.raises(AttributeError):
        store.activity.import_statement(bank.id, DAY, "bad.csv", broken)
    assert store.activity.imports(bank.id) == []
    assert store.activity.all_transactions(bank.id) == []


def test_by_hand_payment_is_not_mine_and_not_duplicated(store, bank):
    one = store.activity.add_by_hand(
        bank.id, dt.date(2026, 3, 12), Decimal("-45.00"), "EUR", " XYZ ", DAY
    )
    two = store.activity.add_by_hand(
        bank.id, dt.date(2026, 3, 12), Decimal("-45.00"), "EUR", "XYZ", DAY
    )
    assert one.id == two.id and one.verdict == "not_mine" and one.description == "XYZ"
    assert store.activity.pending(bank.id) == []
    assert store.activity.history(bank.id) == []


def test_fingerprint_is_unique_per_account_in_the_schema(store, bank):
    other = store.answers.add_account("pension", "Pension")
    flagged = flag_transactions(_statement(), [])
    store.activity.import_statement(bank.id, DAY, "a.csv", flagged)
    assert store.activity.import_statement(other.id, DAY, "a.csv", flagged).added == 4
    with pytest.raises(sqlite3.IntegrityError), store.db.write() as conn:
        conn.execute(
            "INSERT INTO activity_transactions (account_id, fingerprint, day, amount, "
            "description) VALUES (?, ?, '2026-01-01', '1', 'x')",
            (bank.id, flagged[0].fingerprint),
        )


def test_removing_an_account_removes_its_checks_and_payments(store, bank):
    store.activity.record_check(bank.id, DAY, "hand", "normal")
    store.activity.import_statement(bank.id, DAY, "a.csv", flag_transactions(_statement(), []))
    store.answers.remove_account(bank.id)
    assert store.activity.checks() == []
    assert store.activity.all_transactions(bank.id) == []


def test_everything_survives_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    first = Store(path)
    bank = first.answers.add_account("bank", "Banco")
    first.activity.import_statement(bank.id, DAY, "a.csv", flag_transactions(_statement(), []))
    first.activity.set_verdict(first.activity.pending(bank.id)[0].id, "mine", DAY)
    first.close()
    second = Store(path)
    try:
        assert len(second.activity.pending(bank.id)) == 3
        assert len(second.activity.history(bank.id)) == 1
    finally:
        second.close()
