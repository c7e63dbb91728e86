"""Real exports that nobody here wrote, read and compared with truths counted by hand.

The files under tests/data/ are kept byte for byte as found in public repositories (see
tests/data/SOURCES.md). Each truth was counted from the raw file, not from Sereno: the
number of payments, their sum to the cent, the first and last date in the file's order,
the first and last description, and the currency the file names.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app.core.statements import ColumnMapping, ColumnsUnclear, read_statement

DATA = Path(__file__).resolve().parents[1] / "data"
D = dt.date

# file: (payments, sum, first date, last date, first description, last description, currency)
TRUTHS = {
    "fr-banquepopulaire-bfc.ofx": (
        6,
        "-53.49",
        D(2016, 4, 29),
        D(2016, 4, 22),
        "OPERATION NAME DISCLOSED OPERATION MEMO DISCLOSED",
        "OPERATION NAME DISCLOSED OPERATION MEMO DISCLOSED",
        "EUR",
    ),
    "fr-creditmutuel.ofx": (
        42,
        "-13491.59",
        D(2016, 6, 1),
        D(2016, 6, 27),
        "OPERATION NAME DISCLOSED",
        "OPERATION NAME DISCLOSED",
        "EUR",
    ),
    "fr-labanquepostale-oneline.ofx": (
        8,
        "-1977.10",
        D(2016, 7, 19),
        D(2016, 2, 16),
        "FRAIS TRIMESTRIELS",
        "PRELEVEMENT",
        "EUR",
    ),
    "ch-ubs-fr.csv": (
        3,
        "30.00",
        D(2019, 3, 31),
        D(2019, 4, 27),
        "Solde prix prestations",
        "Ordre e-banking — REMB-CASH",
        "CHF",
    ),
    "n26-fr.csv": (
        2,
        "0.00",
        D(2020, 3, 7),
        D(2020, 3, 7),
        "Compte courant",
        "Compte courant",
        "EUR",
    ),
    "es-ing.csv": (
        10,
        "350.21",
        D(2022, 3, 24),
        D(2022, 11, 13),
        "Abono por campaña Abono Shopping NARANJA:GALP",
        "Traspaso recibido Cuenta Nómina",
        None,
    ),
    "br-bancodobrasil.ofx": (
        1,
        "239.55",
        D(2015, 11, 3),
        D(2015, 11, 3),
        "DOC CRÉDITO EM CONTA",
        "DOC CRÉDITO EM CONTA",
        "BRL",
    ),
    "br-bancodobrasil-two-accounts.ofx": (
        36,
        "-3648.66",
        D(2017, 3, 1),
        D(2017, 3, 27),
        "TED-CRÉDITO EM CONTA",
        "TARIFA PACOTE DE SERVIÇOS",
        "BRL",
    ),
    "br-itau-selfclose.ofx": (
        5,
        "585.00",
        D(2019, 9, 18),
        D(2019, 9, 23),
        "CXE 000026 SAQUE",
        "RSHOP-PAG*Brenda -22/09",
        "BRL",
    ),
    "br-creditcard-ampersand.ofx": (
        16,
        "393.82",
        D(2018, 9, 13),
        D(2018, 10, 5),
        "Amazon.Com.Br Amazon & Cloud 3/3",
        "Leupay.Eu",
        "BRL",
    ),
    "gb-creditcard.ofx": (1, "-100.00", D(2016, 8, 23), D(2016, 8, 23), "VENDOR", "VENDOR", "GBP"),
    "au-suncorp.ofx": (
        1,
        "-16.85",
        D(2013, 12, 15),
        D(2013, 12, 15),
        "EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU",
        "EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU",
        "AUD",
    ),
    "au-anz-creditcard.ofx": (
        1,
        "-5.50",
        D(2017, 5, 8),
        D(2017, 5, 8),
        "SOME MEMO",
        "SOME MEMO",
        "AUD",
    ),
    "us-checking.ofx": (
        3,
        "-59.50",
        D(2011, 3, 31),
        D(2011, 4, 7),
        "DIVIDEND EARNED FOR PERIOD OF 03/01/2011 THROUGH 03/31/2011 ANNUAL "
        "PERCENTAGE YIELD EARNED IS 0.05%",
        "RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11",
        "USD",
    ),
    "us-capitalone.csv": (
        2,
        "0.00",
        D(2015, 12, 31),
        D(2015, 12, 31),
        "Airplanes R Us",
        "CAPITAL ONE AUTOPAY PYMT",
        None,
    ),
    "us-schwab-checking.csv": (
        4,
        "-215.27",
        D(2022, 8, 17),
        D(2022, 8, 4),
        "Deposit Mobile Banking",
        "PAYPAL INST XFER 220803~ Tran: ACHDW",
        None,
    ),
}


@pytest.mark.parametrize("name", sorted(TRUTHS))
def test_real_export_matches_the_truth_counted_by_hand(name):
    count, total, first, last, first_text, last_text, currency = TRUTHS[name]
    st = read_statement(DATA / name)
    got = st.transactions
    assert len(got) == count
    assert sum(t.amount for t in got) == Decimal(total)
    assert (got[0].date, got[-1].date) == (first, last)
    assert (got[0].description, got[-1].description) == (first_text, last_text)
    assert st.currency == currency


def test_the_payee_column_of_n26_is_read_not_its_iban():
    assert all(
        "DE27" not in t.description for t in read_statement(DATA / "n26-fr.csv").transactions
    )


def test_german_headers_are_asked_about_then_read():
    """GLS Bank names its columns in German ("Betrag"): the person is asked, then it reads."""
    with pytest.raises(ColumnsUnclear) as caught:
        read_statement(DATA / "de-gls.csv")
    assert caught.value.missing == ["amount"] and caught.value.guess["date"] == 1
    st = read_statement(DATA / "de-gls.csv", ColumnMapping(date=1, description=3, amount=19))
    assert [(t.date, t.amount, t.description) for t in st.transactions] == [
        (D(2017, 10, 10), Decimal("-98.76"), "Drillisch Online AG")
    ]


@pytest.mark.xfail(
    strict=True,
    reason="a card export that writes charges as positive "
    "amounts is read as money received (not solved yet)",
)
def test_card_charges_written_as_positive_amounts_are_payments():
    st = read_statement(DATA / "ca-pcmastercard.csv")
    assert [(t.date, t.amount) for t in st.transactions] == [
        (D(2019, 1, 10), Decimal("-36.33")),
        (D(2018, 12, 15), Decimal("-13.98")),
    ]


def test_month_first_dates_of_a_canadian_card_export_are_read():
    st = read_statement(DATA / "ca-pcmastercard.csv")
    assert [t.date for t in st.transactions] == [D(2019, 1, 10), D(2018, 12, 15)]


def test_the_corpus_stays_small():
    files = [p for p in DATA.iterdir() if p.name != "SOURCES.md"]
    assert len(files) >= 15
    assert sum(p.stat().st_size for p in files) < 2 * 1024 * 1024


def test_la_banque_postales_quarterly_fee_is_not_a_test_charge():
    from app.core.flags import FlagKind, flag_transactions

    st = read_statement(DATA / "fr-labanquepostale-oneline.ofx")
    fees = [
        f
        for f in flag_transactions(st.transactions, [], "EUR")
        if f.transaction.amount == Decimal("-1.55")
    ]
    assert len(fees) == 2 and not any(flag.kind is FlagKind.TINY for f in fees for flag in f.flags)
