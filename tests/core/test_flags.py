"""The review flags: each rule alone, then the order the person sees them in."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from app import i18n
from app.core.flags import (
    LABELS,
    FlagKind,
    find_duplicates,
    flag_transactions,
    is_tiny,
    payee_key,
)
from app.core.statements import Transaction, fingerprint, fingerprints, read_statement

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statements"
DAY = dt.date(2025, 3, 10)


def txn(
    amount: str, description: str = "CB BOULANGERIE", day: int = 10, currency: str | None = "EUR"
) -> Transaction:
    return Transaction(dt.date(2025, 3, day), D(amount), description, currency)


HISTORY = [
    txn(a, d, day=i + 1)
    for i, (a, d) in enumerate(
        [
            ("-40.00", "CB SUPERMARCHE CENTRAL FACT 010225"),
            ("-55.00", "PRLV EDF"),
            ("-48.00", "CB SUPERMARCHE CENTRAL FACT 080225"),
            ("-60.00", "CB PHARMACIE DURAND"),
            ("-52.00", "CB BOULANGERIE"),
            ("-650.00", "VIR LOYER DUPUIS"),
            ("1243.18", "VIR CNAV"),
        ]
    )
]


def kinds(flagged) -> set[FlagKind]:
    return {f.kind for f in flagged.flags}


def only(txns, history=HISTORY, **kw):
    return {f.transaction.description: kinds(f) for f in flag_transactions(txns, history, **kw)}


def test_payee_key_keeps_who_was_paid():
    assert payee_key("CB SUPERMARCHE CENTRAL FACT 141124") == "supermarche central"
    assert payee_key("CARTE 12/12 FNAC METZ") == payee_key("CARTE 13/12 FNAC  Metz")
    assert payee_key("PRLV SEPA ÉNERGIE") == "energie"
    assert payee_key("12345") == "12345"


def test_new_payee_only_against_a_known_history():
    got = only(
        [
            txn("-30.00", "CB SUPERMARCHE CENTRAL FACT 120325"),
            txn("-30.00", "CB JOYERIA DESCONOCIDA"),
            txn("30.00", "VIR INCONNU"),
        ]
    )
    assert got["CB SUPERMARCHE CENTRAL FACT 120325"] == set()
    assert got["CB JOYERIA DESCONOCIDA"] == {FlagKind.NEW_PAYEE}
    assert got["VIR INCONNU"] == set()  # money coming in is not a new payee
    assert only([txn("-30.00", "CB JOYERIA DESCONOCIDA")], history=[]) == {
        "CB JOYERIA DESCONOCIDA": set()
    }


def test_much_larger_than_usual_unless_that_payee_was_paid_as_much():
    got = only(
        [
            txn("-400.00", "CB SUPERMARCHE CENTRAL"),
            txn("-120.00", "CB PHARMACIE DURAND"),
            txn("-650.00", "VIR LOYER DUPUIS"),
        ]
    )
    assert got["CB SUPERMARCHE CENTRAL"] == {FlagKind.LARGE}
    assert got["CB PHARMACIE DURAND"] == set()
    assert got["VIR LOYER DUPUIS"] == set()


def test_much_larger_on_a_first_import_compares_with_the_statement():
    txns = [txn(f"-{20 + i}.00", "CB PHARMACIE DURAND", day=i + 1) for i in range(6)]
    txns.append(txn("-900.00", "CB PHARMACIE DURAND", day=20))
    flagged = flag_transactions(txns, [])
    assert kinds(flagged[0]) == {FlagKind.LARGE}
    assert all(not f.flags for f in flagged[1:])


@pytest.mark.parametrize(
    "amount,currency,tiny",
    [
        ("-1.00", "EUR", True),
        ("-1.99", "EUR", True),
        ("-2.00", "EUR", False),
        ("-0.01", None, True),
        ("-15.00", "MXN", True),
        ("-25.00", "MXN", False),
        ("1.00", "EUR", False),
        ("0", "EUR", False),
    ],
)
def test_tiny_test_charge(amount, currency, tiny):
    assert is_tiny(txn(amount, currency=currency), currency) is tiny


def test_charged_twice_only_for_the_same_payee_and_amount_on_the_same_day():
    txns = [
        txn("-39.99", "PRLV SEPA ORANGE", day=11),
        txn("-39.99", "PRLV SEPA ORANGE", day=11),
        txn("-39.99", "PRLV SEPA ORANGE", day=20),
        txn("-12.00", "CB CINEMA", day=1),
        txn("-12.00", "CB CINEMA", day=1),
        txn("5.00", "VIR", day=1),
        txn("5.00", "VIR", day=1),
    ]
    assert find_duplicates(txns) == {1: dt.date(2025, 3, 11), 4: dt.date(2025, 3, 1)}
    flagged = flag_transactions(txns, HISTORY)
    twice = [f for f in flagged if FlagKind.DUPLICATE in kinds(f)]
    assert len(twice) == 2
    i18n.set_language("en")
    assert (
        "March 11, 2025"
        in next(f for f in twice[0].flags if f.kind is FlagKind.DUPLICATE).explanation()
        + next(f for f in twice[1].flags if f.kind is FlagKind.DUPLICATE).explanation()
    )


def test_two_supermarket_visits_two_days_apart_are_not_charged_twice():
    txns = [
        txn("-52.40", "CB SUPERMARCHE CENTRAL 02/03", day=2),
        txn("-52.40", "CB SUPERMARCHE CENTRAL 04/03", day=4),
    ]
    assert find_duplicates(txns) == {}


def test_with_time_stamps_twice_means_within_minutes():
    def at(hour, minute, day=10):
        return dataclasses.replace(txn("-3.50", "COFFEE SHOP", day=day), time=dt.time(hour, minute))

    assert find_duplicates([at(9, 0), at(16, 30)]) == {}  # a coffee in the morning, one later
    assert find_duplicates([at(9, 0), at(9, 4)]) == {1: dt.date(2025, 3, 10)}
    assert find_duplicates([at(23, 58, day=9), at(0, 3)]) == {1: dt.date(2025, 3, 9)}


def test_the_banks_own_small_fees_are_not_test_charges():
    # La Banque Postale's quarterly fee, as in its real OFX export, and Mexican wording.
    got = only(
        [
            txn("-1.55", "FRAIS TRIMESTRIELS"),
            txn("-1.55", "FRAIS", day=12),
            txn("-0.80", "COTISATION CARTE"),
            txn("-1.00", "PAYPAL *VERIFY 4821"),
        ],
        history=[],
    )
    assert got == {
        "FRAIS TRIMESTRIELS": set(),
        "FRAIS": set(),
        "COTISATION CARTE": set(),
        "PAYPAL *VERIFY 4821": {FlagKind.TINY},
    }
    pesos = only(
        [
            txn("-11.60", "COMISION POR SALDO PROMEDIO", currency="MXN"),
            txn("-10.00", "PAGO OXXO PRUEBA", currency="MXN"),
        ],
        history=[],
    )
    assert pesos == {"COMISION POR SALDO PROMEDIO": set(), "PAGO OXXO PRUEBA": {FlagKind.TINY}}


def test_a_small_charge_that_comes_back_or_was_seen_before_is_not_a_test():
    monthly = [txn("-0.99", "APPLE.COM/BILL", day=1), txn("-0.99", "APPLE.COM/BILL", day=28)]
    assert all(not f.flags for f in flag_transactions(monthly, []))
    seen = [txn("-1.50", "CB PARKING HOPITAL", day=1)]
    assert only([txn("-1.50", "CB PARKING HOPITAL", day=20)], history=seen) == {
        "CB PARKING HOPITAL": set()
    }
    assert only([txn("-1.50", "CB PARKING INCONNU", day=20)], history=seen) == {
        "CB PARKING INCONNU": {FlagKind.TINY, FlagKind.NEW_PAYEE}
    }


def test_money_between_two_accounts_of_the_file_is_not_strange():
    def in_account(amount, description, account, day=10):
        return dataclasses.replace(txn(amount, description, day=day), account=account)

    txns = [
        in_account("-500.00", "VIR VERS LIVRET A", "0001"),
        in_account("500.00", "VIR DEPUIS COMPTE COURANT", "0002", day=11),
        in_account("-45.00", "VIR M. DUPONT", "0001", day=12),
        in_account("-23.00", "CB PHARMACIE DURAND", "0001"),
    ]
    flagged = flag_transactions(txns, HISTORY)
    got = {f.transaction.description: kinds(f) for f in flagged}
    assert got["VIR VERS LIVRET A"] == got["VIR DEPUIS COMPTE COURANT"] == {FlagKind.OWN_TRANSFER}
    assert got["VIR M. DUPONT"] == {FlagKind.NEW_PAYEE}  # to someone else: still asked
    assert [f.transaction.description for f in flagged][-2:] == [
        "VIR VERS LIVRET A",
        "VIR DEPUIS COMPTE COURANT",
    ]  # shown last, never as strange
    assert not any(f.flagged for f in flagged[-2:])
    one_account = [dataclasses.replace(t, account="0001") for t in txns]
    assert not any(
        FlagKind.OWN_TRANSFER in kinds(f) for f in flag_transactions(one_account, HISTORY)
    )


def test_foreign_currency_against_the_account_currency():
    got = only(
        [
            txn("-129.00", "HOTEL BERLIN", currency="USD"),
            txn("-50.00", "CB BOULANGERIE"),
            txn("-50.00", "CB BOULANGERIE", day=20, currency=None),
        ]
    )
    assert got["HOTEL BERLIN"] == {FlagKind.FOREIGN, FlagKind.NEW_PAYEE}
    assert got["CB BOULANGERIE"] == set()
    assert only([txn("-10.00", currency="EUR")], history=[], home_currency="MXN") == {
        "CB BOULANGERIE": {FlagKind.FOREIGN}
    }


def test_order_is_flagged_first_then_largest_first():
    txns = [
        txn("-20.00", "CB BOULANGERIE", day=1),
        txn("-1.00", "CB INCONNU", day=2),
        txn("-900.00", "CB BOULANGERIE", day=3),
        txn("1243.18", "VIR CNAV", day=4),
        txn("-30.00", "PRLV EDF", day=5),
    ]
    order = [(f.transaction.amount, f.flagged) for f in flag_transactions(txns, HISTORY)]
    assert order == [
        (D("-900.00"), True),
        (D("-1.00"), True),
        (D("1243.18"), False),
        (D("-30.00"), False),
        (D("-20.00"), False),
    ]


def test_every_flag_has_a_label_and_a_sentence_in_every_language():
    txns = [
        txn("-1.00", "CB INCONNU", day=2),
        txn("-1.00", "CB INCONNU", day=2, currency="USD"),
        txn("-900.00", "CB BOULANGERIE", day=3),
        txn("-0.50", "CB TEST", day=4),
        dataclasses.replace(txn("-80.00", "VIR LIVRET"), account="A"),
        dataclasses.replace(txn("80.00", "VIR COMPTE"), account="B"),
    ]
    flags = [f for item in flag_transactions(txns, HISTORY) for f in item.flags]
    assert {f.kind for f in flags} == set(FlagKind)
    english = {f.kind: (f.label, f.explanation()) for f in flags}
    assert english[FlagKind.LARGE][1].endswith("usual payment of €53.50.")  # median
    for lang in ("fr_FR", "es_MX"):
        i18n.set_language(lang)
        for f in flags:
            assert f.label and f.explanation() and "{" not in f.explanation()
            assert f.label != LABELS[f.kind]
            assert f.explanation() != english[f.kind][1]


def test_fingerprint_is_stable_and_tells_identical_rows_apart():
    a = txn("-6.4", "CARTE  Fnac")
    assert fingerprint(a) == fingerprint(txn("-6.40", "carte fnac"))
    assert fingerprint(a) != fingerprint(txn("-6.40", "carte fnac", day=11))
    assert fingerprint(a, 0) != fingerprint(a, 1)
    assert fingerprints([a, a, txn("-1.00")]) == [
        fingerprint(a, 0),
        fingerprint(a, 1),
        fingerprint(txn("-1.00")),
    ]


def test_importing_the_same_file_twice_adds_nothing_twice():
    kept: set[str] = set()
    added = []
    for _ in range(2):
        statement = read_statement(FIXTURES / "fr-releve-sgml.ofx")
        flagged = flag_transactions(statement.transactions, [])
        new = [f for f in flagged if f.fingerprint not in kept]
        kept.update(f.fingerprint for f in new)
        added.append(len(new))
    assert added == [4, 0]


def test_french_fixture_flags():
    statement = read_statement(FIXTURES / "fr-banque-cp1252.csv")
    flagged = flag_transactions(statement.transactions, HISTORY, home_currency="EUR")
    by = {(f.transaction.description, f.transaction.line): kinds(f) for f in flagged}
    assert by[("CB AMAZON PAYMENTS LUXEMBOURG", 11)] == {FlagKind.TINY, FlagKind.NEW_PAYEE}
    assert FlagKind.DUPLICATE in by[("PRLV SEPA ORANGE", 13)]
    assert FlagKind.DUPLICATE not in by[("PRLV SEPA ORANGE", 12)]
