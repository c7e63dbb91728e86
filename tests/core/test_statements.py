"""Reading bank files: hand-written files in each bank style, and every way a file can fail."""

from __future__ import annotations

import datetime as dt
import os
import time
from decimal import Decimal
from pathlib import Path

import pytest

from app import i18n
from app.core.statements import (
    MAX_BYTES,
    ColumnMapping,
    ColumnsUnclear,
    StatementError,
    fingerprints,
    read_statement,
)
from app.core.statements_csv import parse_amount, parse_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statements"
D = Decimal


def rows(path: Path) -> list[tuple[dt.date, Decimal, str]]:
    return [(t.date, t.amount, t.description) for t in read_statement(path).transactions]


def fails(path: Path, kind: type[StatementError] = StatementError) -> StatementError:
    with pytest.raises(StatementError) as caught:
        read_statement(path)
    assert type(caught.value) is kind
    assert str(caught.value).strip()
    return caught.value


def test_french_bank_cp1252_account_block_debit_credit_and_footer():
    st = read_statement(FIXTURES / "fr-banque-cp1252.csv")
    assert (st.encoding, st.delimiter, st.kind) == ("cp1252", ";", "csv")
    got = [(t.date, t.amount, t.description) for t in st.transactions]
    assert len(got) == 9  # the opening and closing balances are not payments
    assert got[0] == (dt.date(2025, 3, 3), D("-4.60"), "CB BOULANGERIE DU MARCHÉ 01/03")
    assert got[2] == (dt.date(2025, 3, 5), D("1243.18"), "VIR CNAV RETRAITE MARS")
    assert got[-1] == (dt.date(2025, 3, 18), D("-1150.00"), "VIR M. OU MME DUPUIS LOYER")
    assert st.transactions[0].line == 7
    assert st.headers[:2] == ["Date", "Libellé"]


def test_french_signed_amount_utf8_bom_iso_dates_narrow_space_and_currency_in_header():
    st = read_statement(FIXTURES / "fr-montant-utf8-bom.csv")
    assert st.encoding == "utf-8-sig" and st.currency == "EUR"
    assert rows(FIXTURES / "fr-montant-utf8-bom.csv") == [
        (dt.date(2025, 3, 3), D("-3.20"), "CB CAFÉ DE LA GARE"),
        (dt.date(2025, 3, 4), D("-54.70"), "PRLV MUTUELLE SANTÉ; COTISATION MARS"),
        (dt.date(2025, 3, 5), D("1512.30"), "VIR PENSION CARSAT"),
        (dt.date(2025, 3, 9), D("-129.00"), "CB HÔTEL BERLIN 1 USD=0,92 EUR"),
    ]


def test_mexican_bank_utf8_comma_quoted_thousands_cargo_abono():
    st = read_statement(FIXTURES / "mx-banco-utf8.csv")
    assert st.delimiter == "," and st.mapping.balance == 4
    got = rows(FIXTURES / "mx-banco-utf8.csv")
    assert got[0] == (dt.date(2025, 3, 1), D("8450.00"), "DEPÓSITO PENSIÓN IMSS")
    assert got[2] == (dt.date(2025, 3, 4), D("-1234.80"), "COMPRA SORIANA HÍPER")
    assert len(got) == 6


def test_mexican_bank_latin1_two_digit_years_peso_sign_point_thousands():
    assert rows(FIXTURES / "mx-banco-latin1.csv") == [
        (dt.date(2025, 3, 15), D("3500.00"), "DEPÓSITO DE NÓMINA"),
        (dt.date(2025, 3, 16), D("-215.40"), "FARMACIA SAN PABLO"),
        (dt.date(2025, 3, 18), D("-389.00"), "TELÉFONOS DE MÉXICO"),
    ]


def test_file_without_header_is_read_from_what_the_cells_hold():
    assert rows(FIXTURES / "mx-sin-encabezado.csv") == [
        (dt.date(2025, 3, 15), D("-45.50"), "PAGO OXXO CENTRO"),
        (dt.date(2025, 3, 16), D("8450.00"), "ABONO PENSION"),
        (dt.date(2025, 3, 18), D("-612.35"), "COMPRA WALMART EXPRESS"),
    ]


@pytest.mark.parametrize("name", ["fr-releve-sgml.ofx", "fr-releve-une-ligne.ofx", "fr-releve.qfx"])
def test_ofx_sgml_indented_one_line_and_qfx(name):
    st = read_statement(FIXTURES / name)
    assert st.kind == "ofx" and st.currency == "EUR"
    assert [(t.date, t.amount, t.description, t.currency) for t in st.transactions] == [
        (dt.date(2025, 3, 3), D("-4.60"), "CB BOULANGERIE DU MARCHÉ", "EUR"),
        (dt.date(2025, 3, 4), D("-86.12"), "PRLV EDF & ENERGIE ECHEANCE MARS", "EUR"),
        (dt.date(2025, 3, 9), D("-129.00"), "HOTEL BERLIN", "USD"),
        (dt.date(2025, 3, 5), D("1243.18"), "VIR CNAV RETRAITE", "EUR"),
    ]


def test_ofx_2_xml():
    st = read_statement(FIXTURES / "mx-estado-xml.ofx")
    assert st.currency == "MXN"
    assert [(t.amount, t.description) for t in st.transactions] == [
        (D("8450.00"), "DEPÓSITO PENSIÓN IMSS"),
        (D("-45.50"), "PAGO OXXO CENTRO"),
        (D("-10.00"), "NETFLIX.COM & CO"),
    ]


def test_utf16_with_bom_and_crlf(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(
        "Fecha\tConcepto\tImporte\r\n02/01/2025\tFARMACIA\t-12.50\r\n".encode("utf-16")
    )
    assert rows(path) == [(dt.date(2025, 1, 2), D("-12.50"), "FARMACIA")]


def test_html_entities_decoded_once_and_repeated_header_and_month_names(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        'Date;Libellé;Montant\n05-mar-2025;"Cr&eacute;dit &amp; co";-1,00\n'
        "Date;Libellé;Montant\n06 ENE 25;PAGO;-2,00\n"
        '07/01/2025;"&amp;lt;a href=x&amp;gt;";-3,00\n',
        encoding="utf-8",
    )
    assert rows(path) == [
        (dt.date(2025, 3, 5), D("-1.00"), "Crédit & co"),
        (dt.date(2025, 1, 6), D("-2.00"), "PAGO"),
        (dt.date(2025, 1, 7), D("-3.00"), "&lt;a href=x&gt;"),
    ]


def test_a_row_of_another_shape_under_the_header_is_not_skipped(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "Date;Libellé;Montant\n05/03/2025;A;B;C;-1,00;X\n"
        "06/03/2025;PAIN;-2,00\n07/03/2025;LAIT;-2,00\n",
        encoding="utf-8",
    )
    assert "Line 2" in str(fails(path))


def test_dated_balance_lines_are_not_payments(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "Date;Libellé;Débit;Crédit;Solde\n01/03/2025;SOLDE INITIAL;;;100,00\n"
        "02/03/2025;PAIN;-1,10;;98,90\n31/03/2025;Solde final;;;98,90\n",
        encoding="utf-8",
    )
    assert rows(path) == [(dt.date(2025, 3, 2), D("-1.10"), "PAIN")]


def test_same_file_twice_gives_the_same_fingerprints():
    first = fingerprints(read_statement(FIXTURES / "fr-banque-cp1252.csv").transactions)
    again = fingerprints(read_statement(FIXTURES / "fr-banque-cp1252.csv").transactions)
    assert first == again
    assert len(set(first)) == len(first)  # the two identical ORANGE rows stay two


@pytest.mark.parametrize("kind", ["csv", "ofx"])
def test_an_unnamed_payment_has_the_same_fingerprint_in_every_language(tmp_path, kind):
    if kind == "csv":
        path = tmp_path / "blank.csv"
        path.write_text("Date;Libellé;Montant\n02/11/2026;;-52,40\n", encoding="utf-8")
    else:
        text = (FIXTURES / "mx-estado-xml.ofx").read_text(encoding="utf-8")
        path = tmp_path / "blank.ofx"
        path.write_text(
            text.replace("<NAME>PAGO OXXO CENTRO</NAME>", "<NAME></NAME>"), encoding="utf-8"
        )
    seen = []
    try:
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            transactions = read_statement(path).transactions
            seen.append(fingerprints(transactions))
            assert "" in [t.description for t in transactions]  # named on screen, not stored
    finally:
        i18n.set_language("en")
    assert seen[0] == seen[1] == seen[2]


# --- asking the person ---------------------------------------------------------------


def test_unclear_columns_carry_names_and_rows_then_a_mapping_reads_the_file():
    err = fails(FIXTURES / "mx-columnas-dudosas.csv", ColumnsUnclear)
    assert err.missing == ["amount"]
    assert err.headers == ["Column 1", "Column 2", "Column 3", "Column 4"]
    assert err.sample_rows[0] == ["15/03/2025", "PAGO OXXO CENTRO", "-45.50", "1200.00"]
    assert err.guess == {"date": 0, "description": 1}
    mapping = ColumnMapping(date=0, description=1, amount=2, balance=3)
    st = read_statement(FIXTURES / "mx-columnas-dudosas.csv", mapping=mapping)
    assert [t.amount for t in st.transactions] == [D("-45.50"), D("8450.00"), D("-612.35")]
    assert st.mapping == mapping


def test_unknown_column_names_are_offered_as_the_names(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "Quand,Quoi,Combien,Reste\n01/02/2025,PAIN,-1.10,10.00\n02/02/2025,LAIT,-0.90,9.10\n",
        encoding="utf-8",
    )
    err = fails(path, ColumnsUnclear)
    assert err.headers == ["Quand", "Quoi", "Combien", "Reste"]


def test_a_mapping_naming_a_missing_column_is_refused():
    with pytest.raises(StatementError) as caught:
        read_statement(
            FIXTURES / "mx-sin-encabezado.csv",
            mapping=ColumnMapping(date=0, description=1, amount=9),
        )
    assert type(caught.value) is StatementError and str(caught.value)


# --- every way to fail ---------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n\r\n  \n", b"\xef\xbb\xbf"])
def test_empty_files(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    assert "empty" in str(fails(path))


def test_missing_file(tmp_path):
    fails(tmp_path / "nowhere.csv")


def test_file_over_20_mb(tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    assert "too big" in str(fails(path))


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"%PDF-1.7\n1 0 obj\n",
        b"PK\x03\x04\x14\x00",
        b"abc\x00def;12/03/2025;1,00",
    ],
)
def test_pictures_pdfs_and_binaries_are_not_statements(tmp_path, content):
    path = tmp_path / "scan.csv"
    path.write_bytes(content)
    fails(path)


def test_a_letter_is_not_a_statement_and_the_message_says_what_was_missing():
    message = str(fails(FIXTURES / "lettre.txt"))
    assert "no column with dates" in message and ".csv" not in message


def test_header_without_rows_has_no_payments():
    assert "no payments" in str(fails(FIXTURES / "fr-entete-seul.csv"))


def test_impossible_date_names_the_line():
    assert "Line 3" in str(fails(FIXTURES / "fr-ligne-illisible.csv"))


def test_unreadable_amount_names_the_line():
    message = str(fails(FIXTURES / "fr-montant-illisible.csv"))
    assert "Line 3" in message and "douze euros" in message


def test_missing_amount_and_missing_date_name_the_line(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(
        "Date;Libellé;Débit;Crédit\n01/02/2025;PAIN;-1,10;\n02/02/2025;LAIT;;\n", encoding="utf-8"
    )
    assert "Line 3" in str(fails(path))
    path.write_text("Date;Libellé;Montant\n01/02/2025;PAIN;-1,10\n;LAIT;-2,00\n", encoding="utf-8")
    assert "Line 3" in str(fails(path))


def test_truncated_and_empty_ofx():
    assert "cut short" in str(fails(FIXTURES / "fr-releve-coupe.ofx"))
    assert "no payments" in str(fails(FIXTURES / "fr-releve-vide.ofx"))


@pytest.mark.parametrize("field,value", [("DTPOSTED", "2025-13-45"), ("TRNAMT", "abc")])
def test_ofx_unreadable_payment_is_named(tmp_path, field, value):
    text = (FIXTURES / "mx-estado-xml.ofx").read_text(encoding="utf-8")
    old = "<DTPOSTED>20250302</DTPOSTED>" if field == "DTPOSTED" else "<TRNAMT>-45.50</TRNAMT>"
    path = tmp_path / "bad.ofx"
    path.write_text(text.replace(old, f"<{field}>{value}</{field}>"), encoding="utf-8")
    assert "number 2" in str(fails(path))


def test_ofx_garbage_is_not_a_statement(tmp_path):
    path = tmp_path / "x.ofx"
    path.write_text("OFXHEADER:100\n<OFX><BANKMSGSRSV1>hello <b>world</OFX>", encoding="ascii")
    fails(path)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("line", ["x" * (MAX_BYTES - 10), "1;" * 100_000])
def test_huge_single_line_and_100000_columns_fail_fast(tmp_path, line):
    path = tmp_path / "one-line.csv"
    path.write_text(line, encoding="ascii")
    start = time.monotonic()
    fails(path)
    assert time.monotonic() - start < 30


def test_messages_are_translated(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    english = str(fails(path))
    for lang in ("fr_FR", "es_MX"):
        i18n.set_language(lang)
        assert str(fails(path)) != english


# --- cell values ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,mark,value",
    [
        ("-1 234,56", ",", "-1234.56"),
        ("1\u00a0234,56", ",", "1234.56"),
        ("1\u202f234,5", ",", "1234.5"),
        ("1.234.567,00", ",", "1234567.00"),
        ("$1,234.50", ".", "1234.50"),
        ("(45.00)", ".", "-45.00"),
        ("45,00-", ",", "-45.00"),
        ("+3500,00", ",", "3500.00"),
        ("11'373.94", ".", "11373.94"),
        ("12,50 €", ",", "12.50"),
        ("-$215,40", ",", "-215.40"),
        (" 45", ",", "45"),
    ],
)
def test_amounts(text, mark, value):
    assert parse_amount(text, mark) == D(value)


@pytest.mark.parametrize("text", ["abc", "12a", "1,2,3.4.5x", "--3", "", "€"])
def test_not_amounts(text):
    assert parse_amount(text, ",") is None


@pytest.mark.parametrize(
    "text,day",
    [
        ("03/07/2019", dt.date(2019, 7, 3)),
        ("3/7/19", dt.date(2019, 7, 3)),
        ("2019-07-03", dt.date(2019, 7, 3)),
        ("31.03.2019", dt.date(2019, 3, 31)),
        ("03/07/2019 14:22", dt.date(2019, 7, 3)),
        ("12-DIC-2024", dt.date(2024, 12, 12)),
        ("12 févr. 2024", dt.date(2024, 2, 12)),
        ("01/01/69", dt.date(2069, 1, 1)),
        ("01/01/70", dt.date(1970, 1, 1)),
    ],
)
def test_dates(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["31/02/2025", "2025-13-01", "12/03", "hier", "12 xyz 2024"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_ofx_cdata_names_are_read(tmp_path):
    text = (FIXTURES / "mx-estado-xml.ofx").read_text(encoding="utf-8")
    path = tmp_path / "cdata.ofx"
    path.write_text(
        text.replace(
            "<NAME>PAGO OXXO CENTRO</NAME>", "<NAME><![CDATA[PAGO <OXXO> & CENTRO]]></NAME>"
        ),
        encoding="utf-8",
    )
    assert read_statement(path).transactions[1].description == "PAGO <OXXO> & CENTRO"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "body",
    [
        b"<A>" * 3_000_000,  # markup with no statement in it
        b"<STMTTRN>" + b"<A><![CDATA[x" * 1_000_000,  # sections that never end, on one line
    ],
)
def test_pathological_ofx_fails_fast(tmp_path, body):
    path = tmp_path / "x.ofx"
    path.write_bytes(b"OFXHEADER:100\n<OFX>" + body + b"</OFX>")
    start = time.monotonic()
    fails(path)
    assert time.monotonic() - start < 30


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_given_as_a_statement_is_refused_at_once(tmp_path):
    pipe = tmp_path / "releve.csv"
    os.mkfifo(pipe)  # opened the plain way, it waited for ever for a writer
    with pytest.raises(StatementError):
        read_statement(pipe)


def test_a_folder_given_as_a_statement_is_refused(tmp_path):
    folder = tmp_path / "releve.ofx"
    folder.mkdir()
    with pytest.raises(StatementError):
        read_statement(folder)
