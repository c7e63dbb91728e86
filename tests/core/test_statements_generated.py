"""Generated CSV files in every style banks use are read back exactly (hypothesis)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.statements import read_statement
from app.core.statements_csv import parse_amount

HEADERS = {
    "fr": ("Date", "Libellé", "Montant", "Débit", "Crédit", "Solde"),
    "es": ("Fecha", "Concepto", "Importe", "Cargo", "Abono", "Saldo"),
    "en": ("Date", "Description", "Amount", "Debit", "Credit", "Balance"),
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzéèàçñóíúÉÑ"
PUNCT = " ;,'\"-/.*"

words = st.text(LETTERS, min_size=1, max_size=8)
descriptions = st.lists(st.tuples(words, st.sampled_from(PUNCT)), min_size=1, max_size=5).map(
    lambda parts: " ".join(" ".join(w + p for w, p in parts).split())
)
cents = st.integers(-99_999_999, 99_999_999).filter(bool)
days = st.dates(dt.date(2000, 1, 1), dt.date(2069, 12, 31))
transactions = st.lists(st.tuples(days, cents, descriptions), min_size=1, max_size=12)


@st.composite
def styles(draw):
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1"]))
    mark = draw(st.sampled_from([",", "."]))
    spaces = ["", " ", "\u00a0"] + (["\u202f"] if encoding.startswith("utf") else [])
    thousands = draw(st.sampled_from(spaces + ["." if mark == "," else ","]))
    return {
        "encoding": encoding,
        "delimiter": draw(st.sampled_from([";", ",", "\t"])),
        "mark": mark,
        "thousands": thousands,
        "dates": draw(st.sampled_from(["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"])),
        "split": draw(st.booleans()),
        "debit_sign": draw(st.booleans()),
        "balance": draw(st.booleans()),
        "language": draw(st.sampled_from(sorted(HEADERS))),
        "preamble": draw(st.booleans()),
        "newline": draw(st.sampled_from(["\n", "\r\n"])),
    }


def money(value: int, style: dict) -> str:
    units, rest = divmod(abs(value), 100)
    grouped = f"{units:,}".replace(",", style["thousands"])
    return ("-" if value < 0 else "") + f"{grouped}{style['mark']}{rest:02d}"


def render(rows, style) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=style["delimiter"], lineterminator=style["newline"])
    if style["preamble"]:
        writer.writerow(["Compte", "****1234"])
        writer.writerow(["Titulaire", "M. DUPONT"])
        writer.writerow([])
    date_, what, amount, debit, credit, balance = HEADERS[style["language"]]
    money_names = [debit, credit] if style["split"] else [amount]
    writer.writerow([date_, what, *money_names] + ([balance] if style["balance"] else []))
    for day, value, text in rows:
        if style["split"]:
            out_sign = -1 if style["debit_sign"] else 1
            cells = (
                [money(out_sign * -value, style), ""] if value < 0 else ["", money(value, style)]
            )
        else:
            cells = [money(value, style)]
        extra = [money(123456, style)] if style["balance"] else []
        writer.writerow([day.strftime(style["dates"]), text, *cells, *extra])
    return out.getvalue().encode(style["encoding"])


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=transactions, style=styles())
def test_generated_csv_is_read_back_exactly(tmp_path, rows, style):
    path = tmp_path / "statement.csv"
    path.write_bytes(render(rows, style))
    statement = read_statement(path)
    assert [(t.date, t.amount, t.description) for t in statement.transactions] == [
        (day, Decimal(value) / 100, text) for day, value, text in rows
    ]
    assert statement.delimiter == style["delimiter"]


@given(
    value=cents,
    mark=st.sampled_from([",", "."]),
    thousands=st.sampled_from(["", " ", "\u00a0", "\u202f", "'"]),
)
def test_amounts_round_trip(value, mark, thousands):
    style = {"mark": mark, "thousands": thousands}
    assert parse_amount(money(value, style), mark) == Decimal(value) / 100
