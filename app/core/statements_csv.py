"""CSV statements as French and Mexican banks write them, with every variation we know of.

The reader works out, in order: the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
cp1252, latin-1), the delimiter (; , tab |), where the data starts (under a block of
account information or a header row), which column is which (by its name in Spanish,
French or English, else by what the cells hold), the decimal mark (one decision for the
amount columns), then every row. A row it cannot read stops the import, naming the line.
A line with only text under a payment (a bank that wraps the merchant's name) continues
that payment's description. Header cells and lines too long to be names are not matched,
so a hostile file with one huge cell is read (or refused) as fast as any other.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import re
from collections import Counter
from decimal import Decimal

from app.core.statements import (
    MAX_AMOUNT,
    ColumnMapping,
    Statement,
    StatementError,
    Transaction,
    no_dates_found,
    no_dates_message,
    no_payments_message,
    not_a_statement_message,
)
from app.core.statements_cells import (  # noqa: F401 - the cell readers, used from here too
    DATE_SHAPE,
    decimal_mark,
    looks_like_amount,
    looks_like_name,
    month_first,
    parse_amount,
    parse_date,
    parse_time,
    plain,
)
from app.core.statements_columns import infer, match_headers
from app.i18n import _

DELIMITERS = (";", ",", "\t", "|")
MAX_LINE_CHARS = 100_000
MAX_CELLS = 1_000
SAMPLE_ROWS = 60
HEADER_LOOKBACK = 25  # lines where a header alone (no rows) is looked for
MAX_HEADER_LINE = 2_000  # a line of column names is short; a longer one is never matched
_CURRENCY_IN_HEADER = re.compile(r"\b(EUR|MXN|USD|CHF|GBP|CAD)\b|(€)")
_SUMMARY = re.compile(r"\b(solde|saldo|total|totaux|subtotal|sous total|balance)\b")

# --- the file ----------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise StatementError(not_a_statement_message()) from err
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def split_rows(lines: list[str], delimiter: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for every line that is not blank; quoted fields may span lines."""
    reader = csv.reader(lines, delimiter=delimiter)
    rows = []
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num
            if len(cells) > MAX_CELLS:
                raise StatementError(not_a_statement_message())
            if any(c.strip() for c in cells):
                rows.append((start, cells))
    except csv.Error as err:
        raise StatementError(not_a_statement_message()) from err
    return rows


def _is_data(cells: list[str]) -> bool:
    dates = [i for i, c in enumerate(cells) if DATE_SHAPE.fullmatch(c)]
    if not dates or len(cells) < 2:
        return False
    return any(i not in dates and looks_like_amount(c) for i, c in enumerate(cells))


def _score_delimiter(lines: list[str], delimiter: str) -> tuple[int, int]:
    rows = split_rows(lines, delimiter)
    counts = Counter(len(cells) for _n, cells in rows if _is_data(cells))
    if not counts:
        return (0, 0)
    width, n = counts.most_common(1)[0]
    return (n, width)


def _table_width(lines: list[str], delimiter: str) -> int:
    """The width of a table with an amount column but no dates, or 0 if it is no table."""
    rows = [cells for _n, cells in split_rows(lines, delimiter)]
    widths = Counter(len(cells) for cells in rows)
    if not widths:
        return 0
    width, n = widths.most_common(1)[0]
    body = [cells for cells in rows if len(cells) == width]
    if width < 2 or n < 2 or n * 2 < len(rows):
        return 0
    money = any(
        sum(looks_like_amount(r[i]) for r in body) >= max(2, (len(body) - 1) // 2)
        for i in range(width)
    )
    return width if money else 0


def choose_delimiter(lines: list[str]) -> tuple[str, bool]:
    """(delimiter, whether rows with a date were found) or StatementError.

    A table with amounts but no recognisable dates is still a table: the person can be
    asked which column is the date.
    """
    sample = [line for line in lines if line.strip()][:SAMPLE_ROWS]
    scores = {d: _score_delimiter(sample, d) for d in DELIMITERS if d in "".join(sample)}
    if scores and max(scores.values())[0] > 0:
        return max(scores, key=lambda d: scores[d]), True
    # Only a header, or no statement at all: a header means "no payments".
    for d in DELIMITERS:
        for line in sample[:HEADER_LOOKBACK]:
            if len(line) > MAX_HEADER_LINE:
                continue
            roles = match_headers(next(csv.reader([line], delimiter=d), []))
            if "date" in roles and len(roles) >= 2:
                if len(sample) == 1 or not any(_table_width(sample, x) for x in DELIMITERS):
                    raise StatementError(no_payments_message())
    tables = {d: w for d in DELIMITERS if d in "".join(sample) and (w := _table_width(sample, d))}
    if not tables:
        raise StatementError(no_dates_message())
    return max(tables, key=lambda d: tables[d]), False


def _find_header(
    rows: list[tuple[int, list[str]]], first: int, width: int, dated: bool
) -> tuple[int | None, dict[str, list[int]]]:
    """The row of column names above the first payment, and the roles its names give."""
    for i in range(first):  # the first header from the top: no row below it is skipped
        cells = rows[i][1]
        if abs(len(cells) - width) > 1 or sum(map(len, cells)) > MAX_HEADER_LINE:
            continue  # a line of the account block, or too long to be names
        found = match_headers(cells)
        if len(found) >= 2 and ("date" in found or "value_date" in found or not dated):
            return i, found
    if first > 0 and len(rows[first - 1][1]) == width:
        return first - 1, {}  # names we do not know: still the names to show
    return None, {}


def read_csv(data: bytes, mapping: ColumnMapping | None = None) -> Statement:
    text, encoding = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        raise StatementError(not_a_statement_message())
    delimiter, dated = choose_delimiter(lines)
    rows = split_rows(lines, delimiter)
    sample = rows[: SAMPLE_ROWS * 2]
    if dated:
        data_widths = [(i, len(c)) for i, (_n, c) in enumerate(sample) if _is_data(c)]
        widths = Counter(w for _i, w in data_widths)
        last = {w: i for i, w in data_widths}  # a tie goes to the rows below the account line
        width = max(widths, key=lambda w: (widths[w], last[w]))
        first = next(i for i, (_n, c) in enumerate(sample) if len(c) == width and _is_data(c))
    else:
        width = _table_width(lines[: SAMPLE_ROWS * 2], delimiter)
        first = next(i for i, (_n, c) in enumerate(sample) if len(c) == width)
        if not any(looks_like_amount(c) for c in sample[first][1]):
            first += 1  # the names of the columns, whatever words they use
    header_at, roles = _find_header(rows, first, width, dated)
    body = rows[header_at + 1 :] if header_at is not None else rows[first:]
    if header_at is not None:
        header = [h.strip() for h in rows[header_at][1]]
    else:
        header = [_("Column {number}").format(number=i + 1) for i in range(width)]
    cells_only = [c for _n, c in body]
    if mapping is None:
        if not dated:
            roles = {k: v for k, v in roles.items() if k not in ("date", "value_date")}
        # Without dates, `infer` always raises: the person is asked which column it is.
        mapping = infer(roles, cells_only, width, header, "" if dated else no_dates_found())
    elif max(mapping.columns()) >= max(width, len(header)):
        raise StatementError(_("The column you chose is not in this file. Please choose again."))
    transactions = _transactions(body, mapping, header, roles, delimiter)
    if not transactions:
        raise StatementError(no_payments_message())
    currencies = {t.currency for t in transactions}
    return Statement(
        transactions=transactions,
        currency=currencies.pop() if len(currencies) == 1 else None,
        kind="csv",
        encoding=encoding,
        delimiter=delimiter,
        headers=header,
        mapping=mapping,
    )


def _transactions(
    body: list[tuple[int, list[str]]],
    mapping: ColumnMapping,
    header: list[str],
    roles: dict[str, list[int]],
    delimiter: str,
) -> list[Transaction]:
    """Every payment of the body, a wrapped description joined to the payment above."""
    cells_only = [c for _n, c in body]
    currency = None
    amount_header = " ".join(
        header[c]
        for c in (mapping.amount, mapping.debit, mapping.credit)
        if c is not None and c < len(header)
    )
    if m := _CURRENCY_IN_HEADER.search(amount_header.upper()):
        currency = m[1] or "EUR"
    money_cols = [c for c in (mapping.amount, mapping.debit, mapping.credit) if c is not None]
    mark = decimal_mark(
        [r[c] for r in cells_only for c in money_cols if c < len(r)],
        "," if delimiter == ";" else ".",
    )
    us_dates = month_first([r[mapping.date] for r in cells_only if mapping.date < len(r)])
    texts = {mapping.description, mapping.detail}
    others = [c for r in ("payee", "description") for c in roles.get(r, []) if c not in texts]
    numbers = [c for c in (*money_cols, mapping.balance) if c is not None]
    transactions: list[Transaction] = []
    previous = -1  # the line of the last payment, or of the text that continued it
    for line, cells in body:
        more = _continuation(cells, mapping.date, numbers) if line == previous + 1 else ""
        if transactions and more:
            last = transactions[-1]
            transactions[-1] = dataclasses.replace(
                last, description=f"{last.description} {more}".strip()
            )
            previous = line
            continue
        txn = _row(line, cells, mapping, mark, header, currency, others, us_dates)
        if txn is not None:
            transactions.append(txn)
            previous = line
    return transactions


def _continuation(cells: list[str], date: int, numbers: list[int]) -> str:
    """The text of a line that only continues the description above, else "".

    No date, and no amount or balance: the text may sit in any column, even under the
    amount's name, as banks that wrap a long name write it.
    """
    if date < len(cells) and cells[date].strip():
        return ""
    if any(i < len(cells) and looks_like_amount(cells[i]) for i in numbers):
        return ""
    text = _description(" ".join(c for c in cells if c.strip()))
    if not text or _SUMMARY.search(plain(text)) or looks_like_amount(text):
        return ""
    return text


def _row(
    line: int,
    cells: list[str],
    m: ColumnMapping,
    mark: str,
    header: list[str],
    currency: str | None,
    other_descriptions: list[int],
    us_dates: bool = False,
) -> Transaction | None:
    def cell(i: int | None) -> str:
        return cells[i].strip() if i is not None and i < len(cells) else ""

    date_text = cell(m.date)
    money = [cell(m.amount)] if m.amount is not None else [cell(m.debit), cell(m.credit)]
    if not date_text and not any(money):
        return None  # a line with neither a date nor an amount is not a payment
    if date_text == _at(header, m.date) and [c.strip() for c in cells] == header:
        return None  # the header again, as some banks repeat it on every page
    day = parse_date(date_text, us_dates) if date_text else None
    if day is None:
        if _SUMMARY.search(plain(" ".join(cells))):
            return None  # "Solde au 31/03", "Total": a summary, not a payment
        if not date_text:
            raise StatementError(_("Line {line} of this file has no date.").format(line=line))
        raise StatementError(
            _("Line {line} of this file has a date Sereno cannot read: “{value}”.").format(
                line=line, value=date_text[:40]
            )
        )
    amount = Decimal(0)
    signs = (1,) if m.amount is not None else (-1, 1)
    if not any(money):
        if _SUMMARY.search(plain(" ".join(cells))):
            return None  # "31/03/2025;SOLDE FINAL;;;1 188,03": the balance, not a payment
        raise StatementError(_("Line {line} of this file has no amount.").format(line=line))
    for text, sign in zip(money, signs, strict=True):
        if not text:
            continue
        value = parse_amount(text, mark)
        if value is None or abs(value) >= MAX_AMOUNT:
            raise StatementError(
                _("Line {line} of this file has an amount Sereno cannot read: “{value}”.").format(
                    line=line, value=text[:40]
                )
            )
        amount += value if m.amount is not None else sign * abs(value)
    description = _joined(_description(cell(m.description)), _description(cell(m.detail)))
    for extra in other_descriptions:
        if description:
            break
        description = _description(cell(extra))
    row_currency = cell(m.currency).upper()
    return Transaction(
        day,
        amount,
        description,
        row_currency if len(row_currency) == 3 and row_currency.isalpha() else currency,
        line,
        time=parse_time(date_text),
        account=cell(m.account) or None,
    )


def _joined(main: str, detail: str) -> str:
    """ "UBER EATS — Card payment"; one of them alone when the other is empty or inside it."""
    if not detail or plain(detail) in plain(main):
        return main
    if not main or plain(main) in plain(detail):
        return detail
    return f"{main} — {detail}"


def _at(cells: list[str], i: int) -> str:
    return cells[i] if i < len(cells) else ""


def _description(text: str) -> str:
    if "&" in text:
        text = html.unescape(text)  # once: "&amp;lt;" is the text "&lt;", never a tag
    return " ".join(text.split())
