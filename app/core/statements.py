"""Read the file a bank lets people download (CSV, OFX, QFX) into plain transactions.

`read_statement(path)` looks at the bytes, hands them to the CSV reader
(`statements_csv`) or the OFX reader (`statements_ofx`), and returns a `Statement`.
Anything it cannot read raises `StatementError` with a plain, translated message; no row
is ever left out without saying so. When the columns of a CSV cannot be told apart it
raises `ColumnsUnclear`, which carries the column names and a few rows, so the page can
ask "which column is the amount?" and call `read_statement(path, mapping=...)` again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from app.i18n import N_, _

MAX_BYTES = 20 * 1024 * 1024
MAX_AMOUNT = Decimal(10) ** 12  # no person's payment is this large: a damaged or crafted file
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",
    b"RIFF",
    b"\x1f\x8b",
    b"{\\rtf",
)


class StatementError(ValueError):
    """The file cannot be read as a statement; `str(error)` is a plain, translated sentence."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (0-based) holds what, as chosen by the person when the reader was unsure.

    Give `amount` for one signed column, or `debit` and/or `credit` for split columns.
    `detail` is a second text column joined to the description ("UBER EATS — Card
    payment"); `account` names the account of each row in a file that holds several.
    """

    date: int
    description: int
    amount: int | None = None
    debit: int | None = None
    credit: int | None = None
    balance: int | None = None
    currency: int | None = None
    detail: int | None = None
    account: int | None = None

    def columns(self) -> list[int]:
        named = (
            self.date,
            self.description,
            self.amount,
            self.debit,
            self.credit,
            self.balance,
            self.currency,
            self.detail,
            self.account,
        )
        return [c for c in named if c is not None]


class ColumnsUnclear(StatementError):
    """The reader could not tell which column is which: ask the person, then retry.

    `headers` names every column ("Column 3" when the file has no header row),
    `sample_rows` holds up to five rows of cells, `guess` the columns it did recognise
    (ColumnMapping field name -> column), `missing` what it still needs ("date",
    "description", "amount"), `no_dates` whether no cell of the file looked like a date.
    """

    def __init__(
        self,
        message: str,
        headers: list[str],
        sample_rows: list[list[str]],
        guess: dict[str, int] | None = None,
        missing: list[str] | None = None,
        no_dates: bool = False,
    ):
        super().__init__(message)
        self.no_dates = no_dates  # no cell looked like a date: say so before asking
        self.headers = headers
        self.sample_rows = sample_rows
        self.guess = dict(guess or {})
        self.missing = list(missing or [])


@dataclass(frozen=True, slots=True)
class Transaction:
    """One line of a statement; `amount` is negative when money went out."""

    date: dt.date
    amount: Decimal
    description: str
    currency: str | None = None
    line: int | None = None  # where it came from in the file, for messages
    time: dt.time | None = None  # when the bank wrote a time stamp, in the bank's own clock
    account: str | None = None  # which account, in a file that holds several


@dataclass
class Statement:
    """What was read from one file, in the file's order."""

    transactions: list[Transaction]
    currency: str | None = None
    kind: str = "csv"  # "csv" or "ofx"
    encoding: str | None = None
    delimiter: str | None = None
    headers: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None


def read_statement(path: str | Path, mapping: ColumnMapping | None = None) -> Statement:
    """Read a bank's CSV, OFX or QFX file; raise StatementError when that is impossible."""
    data = _read_bytes(Path(path))
    if is_ofx(data):
        from app.core.statements_ofx import read_ofx

        return read_ofx(data)
    if looks_binary(data):
        raise StatementError(not_a_statement_message())
    from app.core.statements_csv import read_csv

    return read_csv(data, mapping)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, read only from a regular file: a named pipe or a device given as
    a statement would block or never end; it is opened without waiting and refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise StatementError(not_a_statement_message())
            if info.st_size > MAX_BYTES:
                raise StatementError(
                    _(
                        "This file is too big to be a bank statement. "
                        "Please choose the file your bank gave you."
                    )
                )
            data = f.read(MAX_BYTES + 1)
    except OSError as err:
        raise StatementError(
            _("Sereno could not open this file. Please check that it is still there and try again.")
        ) from err
    if len(data) > MAX_BYTES:  # grew while we looked
        raise StatementError(
            _(
                "This file is too big to be a bank statement. "
                "Please choose the file your bank gave you."
            )
        )
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise StatementError(
            _("This file is empty. Please download the statement from your bank again.")
        )
    return data


def not_a_statement_message() -> str:
    return _(
        "This file is not a bank statement that Sereno can read. Ask your bank for "
        "a file that ends in .csv or .ofx."
    )


def no_dates_found() -> str:
    return _("Sereno found no column with dates in this file.")


def no_dates_message() -> str:
    return " ".join(
        (
            no_dates_found(),
            _("Please choose the list of payments that your bank lets you download."),
        )
    )


def no_payments_message() -> str:
    return _("This statement has no payments in it. Try a file that covers a longer time.")


def is_ofx(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return head.startswith(b"OFXHEADER") or b"<OFX>" in head or b"<?OFX" in head


def looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text, read as such
        return False
    return data.startswith(_BINARY_MAGIC) or b"\x00" in data[:8192]


@lru_cache(maxsize=65536)
def normalise_text(text: str) -> str:
    """Lower case, no accents, single spaces: how two spellings of one label compare."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


# What a payment the bank left unnamed is called on screen. Kept out of the stored data:
# the same file read in another language must give the same fingerprints.
NO_DESCRIPTION = N_("Payment with no description")


def shown_description(description: str) -> str:
    """What the bank wrote, or words saying it wrote nothing, in the current language."""
    return description or _(NO_DESCRIPTION)


def fingerprint(txn: Transaction, occurrence: int = 0) -> str:
    """A stable id for a transaction, the same every time the same file is imported.

    `occurrence` tells apart identical rows on the same day (two coffees at one café):
    0 for the first, 1 for the second... `fingerprints` counts it for a whole statement.
    """
    cents = txn.amount.quantize(Decimal("0.01"))
    key = f"{txn.date.isoformat()}|{cents}|{normalise_text(txn.description)}|{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(transactions: Iterable[Transaction]) -> list[str]:
    """The fingerprint of each transaction, in order, counting identical same-day rows."""
    seen: dict[tuple, int] = {}
    result = []
    for txn in transactions:
        key = (txn.date, txn.amount.quantize(Decimal("0.01")), normalise_text(txn.description))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append(fingerprint(txn, occurrence))
    return result
