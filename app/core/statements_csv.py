"""CSV statements as French and Mexican banks write them, with every variation we know of.

The reader works out, in order: the encoding (UTF-8 with or without BOM, UTF-16 with BOM,
cp1252, latin-1), the delimiter (; , tab |), where the data starts (under a block of
account information or a header row), which column is which (by its name in Spanish,
French or English, else by what the cells hold), the decimal mark (one decision for the
amount columns), then every row. A row it cannot read stops the import, naming the line.
"""
from __future__ import annotations

import csv
import datetime as dt
import html
import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation

from app.core.statements import (
    ColumnMapping,
    ColumnsUnclear,
    Statement,
    StatementError,
    Transaction,
    no_payments_message,
    not_a_statement_message,
)
from app.i18n import _

DELIMITERS = (";", ",", "\t", "|")
MAX_LINE_CHARS = 100_000
MAX_CELLS = 1_000
SAMPLE_ROWS = 60
HEADER_LOOKBACK = 25  # lines where a header alone (no rows) is looked for

# --- cell values -------------------------------------------------------------------------

_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})")
_D_MON_Y = re.compile(r"(\d{1,2})[ /.\-]([^\W\d_]{3,10})\.?[ /.\-](\d{4}|\d{2})")
_MONTHS = {
    "jan": 1, "ene": 1, "janv": 1, "feb": 2, "feb.": 2, "fev": 2, "fevr": 2, "mar": 3,
    "mars": 3, "apr": 4, "abr": 4, "avr": 4, "may": 5, "mai": 5, "jun": 6, "juin": 6,
    "jul": 7, "juil": 7, "aug": 8, "ago": 8, "aou": 8, "sep": 9, "sept": 9, "set": 9,
    "oct": 10, "nov": 11, "dec": 12, "dic": 12,
}
_DATE_SHAPE = re.compile(
    r"\s*(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}"
    r"|\d{1,2}[ /.\-][^\W\d_]{3,10}\.?[ /.\-](?:\d{4}|\d{2}))(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*"
)
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009'’")
_CURRENCY_IN_CELL = re.compile(r"(?i)€|\$|£|\b(?:eur|euros?|mxn|m\.?n\.?|usd|chf)\b\.?")
_UNUSUAL = re.compile(r"[^\d+\-.,()\s'’]")
_AMOUNT_SHAPE = re.compile(r"[+\-]?\d[\d.,]*|[+\-]?[.,]\d+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_CURRENCY_IN_HEADER = re.compile(r"\b(EUR|MXN|USD|CHF|GBP|CAD)\b|(€)")


def parse_date(text: str) -> dt.date | None:
    """A day written dd/mm/yyyy, dd/mm/yy, dd.mm.yyyy, yyyy-mm-dd or 12-mar-2025."""
    text = text.strip().split("T")[0].split(" ")[0] if ":" in text else text.strip()
    if m := _DMY.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), m[3]
    elif m := _YMD.fullmatch(text):
        year, month, day = m[1], int(m[2]), int(m[3])
    elif m := _D_MON_Y.fullmatch(text):
        month = _MONTHS.get(_plain(m[2]).rstrip("."))
        if month is None:
            return None
        day, year = int(m[1]), m[3]
    else:
        return None
    full_year = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 70
                                                 else 1900 + int(year))
    try:
        return dt.date(full_year, month, day)
    except ValueError:
        return None


def _clean_amount(text: str) -> tuple[bool, str] | None:
    """(negative, digits and marks only) or None when the cell is not a number at all."""
    t = _CURRENCY_IN_CELL.sub("", text) if _UNUSUAL.search(text) else text
    t = t.translate(_SPACES)
    negative = False
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1]
    if t.endswith("-") and not t.startswith(("-", "+")):
        negative, t = True, t[:-1]
    if not _AMOUNT_SHAPE.fullmatch(t):
        return None
    if t[0] in "+-":
        negative, t = negative or t[0] == "-", t[1:]
    return negative, t


def parse_amount(text: str, decimal_mark: str) -> Decimal | None:
    """The number in a cell, with the given decimal mark; None when it is not a number."""
    cleaned = _clean_amount(text)
    if cleaned is None:
        return None
    negative, t = cleaned
    thousands = "." if decimal_mark == "," else ","
    t = t.replace(thousands, "").replace(decimal_mark, ".")
    if not _NUMBER.fullmatch(t):
        return None
    try:
        value = Decimal(t)
    except InvalidOperation:
        return None
    return -value if negative else value


def looks_like_amount(text: str) -> bool:
    text = text.strip()
    return bool(text) and _clean_amount(text) is not None


def decimal_mark(values: list[str], fallback: str) -> str:
    """Decide, from all the amounts in the file, whether "," or "." is the decimal mark."""
    votes: Counter[str] = Counter()
    for value in values:
        if votes.total() >= 500:  # plenty to decide; a long file says the same again
            break
        cleaned = _clean_amount(value)
        if cleaned is None:
            continue
        t = cleaned[1]
        if "," in t and "." in t:
            votes[t[max(t.rfind(","), t.rfind("."))]] += 1
        elif t.count(",") + t.count(".") == 1:
            mark = "," if "," in t else "."
            if len(t) - t.index(mark) - 1 != 3:
                votes[mark] += 1
        elif t.count(",") > 1:
            votes["."] += 1
        elif t.count(".") > 1:
            votes[","] += 1
    if not votes:
        return fallback
    return "," if votes[","] >= votes["."] and votes[","] else "."


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# --- column names ------------------------------------------------------------------------

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "date": ("date", "fecha", "date operation", "date de l operation", "date op",
             "date de comptabilisation", "date comptable", "fecha operacion",
             "fecha de operacion", "fecha movimiento", "transaction date", "posting date",
             "booking date", "dia"),
    "value_date": ("date valeur", "date de valeur", "date val", "fecha valor",
                   "fecha de valor", "value date"),
    "debit": ("debit", "debits", "cargo", "cargos", "retiro", "retiros", "egreso",
              "egresos", "depense", "depenses", "sortie", "sorties", "withdrawal",
              "withdrawals", "paid out", "money out"),
    "credit": ("credit", "credits", "abono", "abonos", "deposito", "depositos", "ingreso",
               "ingresos", "recette", "recettes", "entree", "entrees", "deposit", "deposits",
               "paid in", "money in"),
    "amount": ("montant", "amount", "importe", "monto", "somme", "cantidad"),
    "balance": ("solde", "saldo", "balance", "accountbalance", "account balance",
                "running balance"),
    "currency": ("devise", "moneda", "divisa", "currency", "monn", "monnaie"),
    "description": ("libelle operation", "libelle", "libelle de l operation", "description",
                    "descripcion", "concepto", "detalle", "details", "label", "narrative",
                    "memo", "payee", "beneficiaire", "nature de l operation", "operation",
                    "movimiento", "nom"),
}
_NOT_DESCRIPTION = {"account", "compte", "cuenta", "category", "categorie", "categoria",
                    "type", "tipo", "reference", "ref", "num", "numero", "pointage"}
_ROLE_ORDER = ("date", "value_date", "debit", "credit", "amount", "balance", "currency",
               "description")
_SUMMARY = re.compile(r"\b(solde|saldo|total|totaux|subtotal|sous total|balance)\b")


def header_words(cell: str) -> list[str]:
    """"Date opération", "dateOp" -> comparable words; "?" stands for a letter lost (U+FFFD)."""
    cell = re.sub(r"([a-z])([A-Z])", r"\1 \2", cell.replace("\ufffd", "?"))
    return re.sub(r"[^a-z0-9?]+", " ", _plain(cell)).split()


def _same(word: str, keyword: str) -> bool:
    if "?" not in word:
        return word == keyword
    return re.fullmatch(re.escape(word).replace(r"\?", "."), keyword) is not None


def _score(words: list[str], keyword: str) -> int:
    key = keyword.split()
    n = len(key)
    if len(words) < n:
        return 0
    if len(words) == n and all(map(_same, words, key)):
        return 3
    if all(map(_same, words[:n], key)):
        return 2
    spans = (words[i:i + n] for i in range(1, len(words) - n + 1))
    return 1 if any(all(map(_same, span, key)) for span in spans) else 0


def match_headers(cells: list[str]) -> dict[str, list[int]]:
    """For each role, the columns whose names fit it, best first."""
    found: dict[str, list[tuple[int, int]]] = {}
    for col, cell in enumerate(cells):
        words = header_words(cell)
        if not words:
            continue
        for role in _ROLE_ORDER:
            if role == "description" and _NOT_DESCRIPTION & set(words):
                continue
            best = max(_score(words, k) for k in ROLE_WORDS[role])
            if best:
                found.setdefault(role, []).append((-best, col))
    return {role: [c for _s, c in sorted(pairs)] for role, pairs in found.items()}


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
    dates = [i for i, c in enumerate(cells) if _DATE_SHAPE.fullmatch(c)]
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


def choose_delimiter(lines: list[str]) -> str:
    sample = [line for line in lines if line.strip()][:SAMPLE_ROWS]
    scores = {d: _score_delimiter(sample, d) for d in DELIMITERS if d in "".join(sample)}
    if not scores or max(scores.values())[0] == 0:
        # Only a header, or no statement at all: a header means "no payments".
        for d in DELIMITERS:
            for line in sample[:HEADER_LOOKBACK]:
                roles = match_headers(next(csv.reader([line], delimiter=d), []))
                if "date" in roles and len(roles) >= 2:
                    raise StatementError(no_payments_message())
        raise StatementError(not_a_statement_message())
    return max(scores, key=lambda d: scores[d])


def _unclear(headers: list[str], rows: list[list[str]], guess: dict[str, int],
             missing: list[str]) -> ColumnsUnclear:
    questions = {
        "date": _("Sereno could not tell which column holds the date of each payment."),
        "amount": _("Sereno could not tell which column holds the amount of each payment."),
        "description": _("Sereno could not tell which column says what each payment was."),
    }
    return ColumnsUnclear(questions[missing[0]], headers, [r[:] for r in rows[:5]], guess,
                          missing)


def _infer(roles: dict[str, list[int]], data: list[list[str]], width: int,
           headers: list[str]) -> ColumnMapping:
    """Fill in the columns the names did not give, from what the cells hold."""
    sample = data[:SAMPLE_ROWS]

    def column(i: int) -> list[str]:
        return [r[i].strip() for r in sample if i < len(r) and r[i].strip()]

    guess: dict[str, int] = {}
    date = (roles.get("date") or roles.get("value_date") or [None])[0]
    if date is None:
        dates = [i for i in range(width)
                 if (v := column(i)) and all(_DATE_SHAPE.fullmatch(x) for x in v)
                 and len(v) * 2 >= len(sample)]
        date = dates[0] if dates else None
    used = {date} | {c for r in ("balance", "currency", "value_date") for c in roles.get(r, [])}
    debit = (roles.get("debit") or [None])[0]
    credit = (roles.get("credit") or [None])[0]
    amount = (roles.get("amount") or [None])[0]
    split = debit is not None or credit is not None
    if split and (amount is None or (debit is not None and credit is not None)):
        amount = None
    else:
        debit = credit = None
    if amount is None and debit is None and credit is None:
        numeric = [i for i in range(width) if i not in used
                   and (v := column(i)) and all(looks_like_amount(x) for x in v)]
        amount = numeric[0] if len(numeric) == 1 else None
    used |= {amount, debit, credit}
    description = None
    candidates = [c for c in roles.get("description", []) if c not in used]
    if candidates:
        varying = [c for c in candidates if len(set(column(c))) > 1]
        description = (varying or candidates)[0] if len(sample) > 1 else candidates[0]
    else:
        texts = [i for i in range(width) if i not in used
                 and (v := column(i)) and not all(looks_like_amount(x) for x in v)]
        if texts:
            description = max(texts, key=lambda i: sum(len(x) for x in column(i)))
    named = {"date": date, "description": description, "amount": amount, "debit": debit,
             "credit": credit,
             "balance": (roles.get("balance") or [None])[0],
             "currency": (roles.get("currency") or [None])[0]}
    guess = {k: v for k, v in named.items() if v is not None}
    has_money = amount is not None or debit is not None or credit is not None
    missing = [k for k, ok in (("date", date is not None), ("amount", has_money),
                               ("description", description is not None)) if not ok]
    if missing:
        raise _unclear(headers, data, guess, missing)
    return ColumnMapping(**named)


def read_csv(data: bytes, mapping: ColumnMapping | None = None) -> Statement:
    text, encoding = decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(len(line) > MAX_LINE_CHARS for line in lines):
        raise StatementError(not_a_statement_message())
    delimiter = choose_delimiter(lines)
    rows = split_rows(lines, delimiter)
    sample = rows[:SAMPLE_ROWS * 2]
    data_widths = [(i, len(c)) for i, (_n, c) in enumerate(sample) if _is_data(c)]
    widths = Counter(w for _i, w in data_widths)
    last = {w: i for i, w in data_widths}  # a tie goes to the rows below the account line
    width = max(widths, key=lambda w: (widths[w], last[w]))
    first = next(i for i, (_n, c) in enumerate(sample) if len(c) == width and _is_data(c))
    header_at, roles = None, {}
    for i in range(first):  # the first header from the top: no row below it is skipped
        if abs(len(rows[i][1]) - width) > 1:
            continue  # a line of the account block, not the names of the columns
        found = match_headers(rows[i][1])
        if len(found) >= 2 and ("date" in found or "value_date" in found):
            header_at, roles = i, found
            break
    if header_at is None and first > 0 and len(rows[first - 1][1]) == width:
        header_at = first - 1  # names we do not know: still the names to show
    body = rows[header_at + 1:] if header_at is not None else rows[first:]
    if header_at is not None:
        header = [h.strip() for h in rows[header_at][1]]
    else:
        header = [_("Column {number}").format(number=i + 1) for i in range(width)]
    cells_only = [c for _n, c in body]
    if mapping is None:
        mapping = _infer(roles, cells_only, width, header)
    elif max(mapping.columns()) >= max(width, len(header)):
        raise StatementError(_("The column you chose is not in this file. Please choose "
                               "again."))
    currency = None
    amount_header = " ".join(header[c] for c in (mapping.amount, mapping.debit, mapping.credit)
                             if c is not None and c < len(header))
    if m := _CURRENCY_IN_HEADER.search(amount_header.upper()):
        currency = m[1] or "EUR"
    money_cols = [c for c in (mapping.amount, mapping.debit, mapping.credit) if c is not None]
    mark = decimal_mark([r[c] for r in cells_only for c in money_cols if c < len(r)],
                        "," if delimiter == ";" else ".")
    other_descriptions = [c for c in roles.get("description", []) if c != mapping.description]
    transactions = [
        txn for line, cells in body
        if (txn := _row(line, cells, mapping, mark, header, currency, other_descriptions))
    ]
    if not transactions:
        raise StatementError(no_payments_message())
    currencies = {t.currency for t in transactions}
    return Statement(
        transactions=transactions,
        currency=currencies.pop() if len(currencies) == 1 else None,
        kind="csv", encoding=encoding, delimiter=delimiter, headers=header, mapping=mapping,
    )


def _row(line: int, cells: list[str], m: ColumnMapping, mark: str, header: list[str],
         currency: str | None, other_descriptions: list[int]) -> Transaction | None:
    def cell(i: int | None) -> str:
        return cells[i].strip() if i is not None and i < len(cells) else ""

    date_text = cell(m.date)
    money = [cell(m.amount)] if m.amount is not None else [cell(m.debit), cell(m.credit)]
    if not date_text and not any(money):
        return None  # a line with neither a date nor an amount is not a payment
    if date_text == _at(header, m.date) and [c.strip() for c in cells] == header:
        return None  # the header again, as some banks repeat it on every page
    day = parse_date(date_text) if date_text else None
    if day is None:
        if _SUMMARY.search(_plain(" ".join(cells))):
            return None  # "Solde au 31/03", "Total": a summary, not a payment
        if not date_text:
            raise StatementError(_("Line {line} of this file has no date.").format(line=line))
        raise StatementError(
            _("Line {line} of this file has a date Sereno cannot read: “{value}”.")
            .format(line=line, value=date_text[:40])
        )
    amount = Decimal(0)
    signs = (1,) if m.amount is not None else (-1, 1)
    if not any(money):
        if _SUMMARY.search(_plain(" ".join(cells))):
            return None  # "31/03/2025;SOLDE FINAL;;;1 188,03": the balance, not a payment
        raise StatementError(_("Line {line} of this file has no amount.").format(line=line))
    for text, sign in zip(money, signs, strict=True):
        if not text:
            continue
        value = parse_amount(text, mark)
        if value is None:
            raise StatementError(
                _("Line {line} of this file has an amount Sereno cannot read: “{value}”.")
                .format(line=line, value=text[:40])
            )
        amount += value if m.amount is not None else sign * abs(value)
    description = _description(cell(m.description))
    for extra in other_descriptions:
        if description:
            break
        description = _description(cell(extra))
    row_currency = cell(m.currency).upper()
    return Transaction(
        day, amount, description,
        row_currency if len(row_currency) == 3 and row_currency.isalpha() else currency, line,
    )


def _at(cells: list[str], i: int) -> str:
    return cells[i] if i < len(cells) else ""


def _description(text: str) -> str:
    if "&" in text:
        text = html.unescape(html.unescape(text))
    return " ".join(text.split())
