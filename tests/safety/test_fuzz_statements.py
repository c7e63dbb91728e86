"""Any file given as a bank statement: only StatementError ever comes out, and quickly.

Hypothesis feeds `read_statement` random bytes and the real CSV and OFX fixtures with
bytes flipped, cut, repeated or inserted; a few huge files check time and memory.
"""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.statements import ColumnMapping, Statement, StatementError, read_statement

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "statements").iterdir())
SAMPLES = {p.name: p.read_bytes() for p in FIXTURES if p.is_file()}
FUZZ = settings(
    max_examples=120,
    deadline=3000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def read_bytes(data: bytes, suffix: str, mapping: ColumnMapping | None = None):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"statement{suffix}"
        path.write_bytes(data)
        try:
            result = read_statement(path, mapping) if mapping else read_statement(path)
        except StatementError as error:
            assert str(error).strip(), "a StatementError always says something"
            return error
        assert isinstance(result, Statement)
        return result


@st.composite
def mutated(draw):
    """A real statement with a few bytes changed, removed, repeated or inserted."""
    name = draw(st.sampled_from(sorted(SAMPLES)))
    data = bytearray(SAMPLES[name])
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "drop", "repeat", "insert", "truncate"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "drop":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 200))] * draw(st.integers(1, 50))
        elif kind == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b";",
                        b",",
                        b"\t",
                        b'"',
                        b"\n",
                        b"\r",
                        b"\x00",
                        b"<",
                        b">",
                        b"</STMTTRN>",
                        b"<STMTTRN>",
                        b"<TRNAMT>",
                        b"<![CDATA[",
                        b"-",
                        b"9" * 400,
                        b"1e999999",
                        b"NaN",
                        b"\xff\xfe",
                        b"\xef\xbb\xbf",
                        "é€".encode(),
                        b"31/02/2026",
                    ]
                )
            )
        elif kind == "truncate":
            del data[at:]
        else:
            data[at : at + 1] = b""
    return name, bytes(data)


@FUZZ
@given(st.binary(max_size=6000), st.sampled_from([".csv", ".ofx", ".qfx", ".txt", ""]))
def test_random_bytes_give_a_statement_or_a_plain_error(data, suffix):
    read_bytes(data, suffix)


@FUZZ
@given(mutated())
def test_damaged_real_statements_give_a_statement_or_a_plain_error(sample):
    name, data = sample
    read_bytes(data, Path(name).suffix)


@FUZZ
@given(
    st.lists(st.lists(st.text(max_size=12), max_size=8), max_size=12),
    st.sampled_from([";", ",", "\t", "|"]),
)
def test_random_tables_give_a_statement_or_a_plain_error(rows, sep):
    text = "\n".join(sep.join(row) for row in rows)
    read_bytes(text.encode("utf-8"), ".csv")


@settings(max_examples=60, deadline=3000, derandomize=True, database=None)
@given(st.integers(0, 9), st.integers(0, 9), st.one_of(st.none(), st.integers(0, 9)))
def test_any_column_choice_gives_a_statement_or_a_plain_error(date, description, amount):
    data = SAMPLES["mx-columnas-dudosas.csv"]
    mapping = ColumnMapping(
        date=date, description=description, amount=amount, debit=None if amount is not None else 3
    )
    read_bytes(data, ".csv", mapping)


HUGE = {
    "20 MB of one line": b"x" * 20_000_000,
    "20 MB of one line of dates": b"02/11/2026;" * 1_818_181,
    "just over the size limit": b"a" * (20 * 1024 * 1024 + 1),
    "100,000 columns": (
        ";".join(f"c{i}" for i in range(100_000))
        + "\n"
        + ";".join("1" for _ in range(100_000))
        + "\n"
    ).encode(),
    "100,000 date columns": (
        ",".join(f"Date{i}" for i in range(100_000))
        + "\n"
        + ",".join("02/11/2026" for _ in range(100_000))
        + "\n"
    ).encode(),
    "an OFX of a million open tags": b"OFXHEADER:100\nDATA:OFXSGML\n<OFX><BANKTRANLIST>"
    + b"<STMTTRN>" * 1_000_000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(HUGE))
def test_huge_files_are_refused_quickly_and_in_little_memory(name):
    data = HUGE[name]
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = read_bytes(data, ".ofx" if "OFX" in name else ".csv")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, StatementError), name
    assert time.perf_counter() - started < 20, name
    assert peak < 40 * len(data) + 50_000_000, f"{name}: {peak / 1e6:.0f} MB"
