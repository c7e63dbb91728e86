"""Bank files as banks really write them: wrapped names, the payee's column, the real
encoding, time stamps with a zone, and what a hostile file cannot do to the reader."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core.statements import (
    ColumnMapping,
    ColumnsUnclear,
    StatementError,
    read_statement,
)

D = Decimal


def write(tmp_path, text: str, name: str = "s.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def rows(path):
    return [(t.date, t.amount, t.description) for t in read_statement(path).transactions]


# --- 1. a merchant wrapped onto the next line ----------------------------------------


def test_a_wrapped_merchant_joins_the_payment_above(tmp_path):
    path = write(
        tmp_path,
        (
            "Date,Description,Amount,Balance\n"
            "01/02/2024,DEBIT PURCHASE,-23.10,976.90\n"
            ",UBER EATS HELP.UBER.COM,,\n"
            "02/02/2024,PENSION DEPOSIT,1200.00,2176.90\n"
            "03/02/2024,CARD PAYMENT,-5.00,2171.90\n"
            ",,CAFE DE LA GARE,\n"
            ",,PARIS FR,\n"
        ),
    )
    assert rows(path) == [
        (dt.date(2024, 2, 1), D("-23.10"), "DEBIT PURCHASE UBER EATS HELP.UBER.COM"),
        (dt.date(2024, 2, 2), D("1200.00"), "PENSION DEPOSIT"),
        (dt.date(2024, 2, 3), D("-5.00"), "CARD PAYMENT CAFE DE LA GARE PARIS FR"),
    ]


def test_a_wrapped_merchant_joins_too_when_the_person_chose_the_columns(tmp_path):
    path = write(
        tmp_path, ("01/02/2024;ACHAT CB;12,00;X\n;CARREFOUR MARKET;;\n02/02/2024;ACHAT CB;3,50;Y\n")
    )
    mapping = ColumnMapping(date=0, description=1, amount=2)
    got = [(t.amount, t.description) for t in read_statement(path, mapping).transactions]
    assert got == [(D("12.00"), "ACHAT CB CARREFOUR MARKET"), (D("3.50"), "ACHAT CB")]


def test_a_text_line_after_a_blank_line_or_a_total_is_not_joined(tmp_path):
    path = write(
        tmp_path,
        (
            "Date;Libellé;Montant\n01/02/2024;PAIN;-1,10\n\n;Fin de la liste;\n"
            "02/02/2024;LAIT;-0,90\n;Total des opérations;\n"
        ),
    )
    assert [d for _d, _a, d in rows(path)] == ["PAIN", "LAIT"]


# --- 2. the payee's column is the description ----------------------------------------


def test_the_partner_name_not_the_iban_is_the_description(tmp_path):
    path = write(
        tmp_path,
        (
            '"Date","Payee","Account number","Transaction type","Payment reference",'
            '"Amount (EUR)"\n'
            '2024-03-01,"Boulangerie Paul",FR7630006000011234567890189,"MasterCard Payment",'
            ",-4.20\n"
            '2024-03-02,"Caisse de retraite",DE89370400440532013000,"Income",PENSION MARS,'
            "1210.00\n"
        ),
    )
    st = read_statement(path)
    assert [t.description for t in st.transactions] == ["Boulangerie Paul", "Caisse de retraite"]
    assert st.currency == "EUR"


@pytest.mark.parametrize("payee", ["Beneficiario", "Bénéficiaire", "Partner Name", "Nom"])
def test_payee_words_in_three_languages_come_before_the_account_number(tmp_path, payee):
    path = write(
        tmp_path,
        (
            f"Fecha;Cuenta;{payee};Importe\n"
            "01/03/2024;0123456789012345678;FARMACIA GUADALAJARA;-215,40\n"
            "02/03/2024;0123456789012345678;OXXO CENTRO;-45,50\n"
        ),
    )
    assert [d for _d, _a, d in rows(path)] == ["FARMACIA GUADALAJARA", "OXXO CENTRO"]


def test_without_names_a_column_of_card_numbers_is_never_the_description(tmp_path):
    path = write(
        tmp_path,
        (
            "01/03/2024,**** **** **** 1234 5678 9012,SUPERMERCADO,-215.40\n"
            "02/03/2024,**** **** **** 1234 5678 9012,FARMACIA DEL AHORRO,-45.50\n"
        ),
    )
    assert [d for _d, _a, d in rows(path)] == ["SUPERMERCADO", "FARMACIA DEL AHORRO"]


def test_a_payee_and_a_label_are_joined_not_one_dropped(tmp_path):
    path = write(
        tmp_path,
        (
            "Date;Bénéficiaire;Libellé;Montant\n"
            "01/03/2024;UBER EATS;Paiement par carte;-23,10\n"
            "02/03/2024;EDF;Prélèvement EDF;-61,00\n"
            "03/03/2024;;Retrait DAB;-40,00\n"
        ),
    )
    assert [d for _d, _a, d in rows(path)] == [
        "UBER EATS — Paiement par carte",
        "Prélèvement EDF",
        "Retrait DAB",
    ]


# --- 3. the bytes' real encoding -----------------------------------------------------

OFX = """OFXHEADER:100
DATA:OFXSGML
VERSION:102
SECURITY:NONE
ENCODING:USASCII
CHARSET:1252
COMPRESSION:NONE
OLDFILEUID:NONE
NEWFILEUID:NONE

<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>{curdef}<BANKTRANLIST>
<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240301<TRNAMT>8450.00<FITID>1<NAME>{name}</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_ofx_is_decoded_by_what_the_bytes_are_not_by_its_header(tmp_path, encoding):
    path = write(
        tmp_path, OFX.format(curdef="<CURDEF>MXN", name="CRÉDITO PENSIÓN"), "s.ofx", encoding
    )
    assert read_statement(path).transactions[0].description == "CRÉDITO PENSIÓN"


def test_ofx_entities_are_decoded_once(tmp_path):
    path = write(tmp_path, OFX.format(curdef="", name="&amp;lt;b&amp;gt;CAF&amp;Eacute;"), "s.ofx")
    st = read_statement(path)
    assert st.transactions[0].description == "&lt;b&gt;CAF&Eacute;"
    assert st.currency is None  # the page falls back to the person's country


def test_csv_in_utf8_and_in_cp1252_read_the_same(tmp_path):
    text = "Fecha,Concepto,Importe\n01/03/2024,DEPÓSITO PENSIÓN,8450.00\n"
    for encoding in ("utf-8", "cp1252"):
        assert rows(write(tmp_path, text, encoding=encoding))[0][2] == "DEPÓSITO PENSIÓN"


# --- 4. time stamps with a zone ------------------------------------------------------


@pytest.mark.parametrize(
    "stamp",
    [
        "2018-02-25 12:34:56 +0000",
        "2018-02-25T12:34:56Z",
        "2018-02-25T12:34:56-06:00",
        "2018-02-25T12:34:56.123+01:00",
        "25/02/2018 12:34",
    ],
)
def test_time_stamps_with_a_zone_are_dates(tmp_path, stamp):
    path = write(
        tmp_path,
        (
            "Completed Date,Description,Amount,Currency\n"
            f"{stamp},Coffee shop,-3.50,EUR\n{stamp},Top-up,50.00,EUR\n"
        ),
    )
    st = read_statement(path)
    assert [t.date for t in st.transactions] == [dt.date(2018, 2, 25)] * 2
    assert st.transactions[0].time == dt.time(12, 34, 56 if ":56" in stamp else 0)


def test_a_table_with_no_dates_asks_which_column_is_the_date(tmp_path):
    path = write(tmp_path, ("Quand,Quoi,Combien\n20180225,CAFE,-3.50\n20180226,PAIN,-1.10\n"))
    with pytest.raises(ColumnsUnclear) as caught:
        read_statement(path)
    unclear = caught.value
    assert "no column with dates" in unclear.message
    assert unclear.missing[0] == "date" and unclear.headers == ["Quand", "Quoi", "Combien"]
    assert unclear.guess["description"] == 1
    with pytest.raises(StatementError) as again:  # the person's answer is tried, line by line
        read_statement(path, ColumnMapping(date=0, description=1, amount=2))
    assert "Line 2" in str(again.value) and "20180225" in str(again.value)


# --- issue 21: hostile files ---------------------------------------------------------


def test_amounts_of_a_trillion_or_more_are_refused_naming_the_line(tmp_path):
    path = write(
        tmp_path,
        "Date;Libellé;Montant\n01/02/2024;PAIN;-1,10\n02/02/2024;X;-1 000 000 000 000,00\n",
    )
    with pytest.raises(StatementError) as caught:
        read_statement(path)
    assert "Line 3" in str(caught.value)


def test_ofx_amount_of_a_trillion_is_refused(tmp_path):
    path = write(tmp_path, OFX.format(curdef="", name="X").replace("8450.00", "1e12"), "s.ofx")
    with pytest.raises(StatementError) as caught:
        read_statement(path)
    assert "number 1" in str(caught.value)


def test_long_cells_in_the_header_and_rows_are_read(tmp_path):
    long = "A" * 50_000
    path = write(
        tmp_path,
        f"Date;Libellé {long};Montant\n01/02/2024;{long} PAIN;-1,10\n02/02/2024;LAIT;-0,90\n",
    )
    got = rows(path)
    assert [a for _d, a, _t in got] == [D("-1.10"), D("-0.90")]


def test_ofx_times_are_kept_so_twice_means_within_minutes(tmp_path):
    body = OFX.format(curdef="<CURDEF>BRL", name="PADARIA").replace(
        "<DTPOSTED>20240301", "<DTPOSTED>20240301083000[-03:EST]"
    )
    path = write(tmp_path, body, "s.ofx")
    assert read_statement(path).transactions[0].time == dt.time(8, 30)
    plain = write(tmp_path, OFX.format(curdef="", name="X"), "t.ofx")
    assert read_statement(plain).transactions[0].time is None
