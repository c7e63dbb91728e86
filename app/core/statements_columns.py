"""Which column of a bank's CSV is which: by its name in three languages, else by its cells.

`match_headers` reads the names ("Date opération", "Partner Name", "Concepto"); `infer`
fills in what the names did not say from what the cells hold, or raises `ColumnsUnclear`
so the person can be asked. The description is who was paid: a payee's column comes before
any other text, and a column of IBANs, cards or reference numbers is never chosen while a
column of names exists.
"""

from __future__ import annotations

import re

from app.core.statements import ColumnMapping, ColumnsUnclear
from app.core.statements_cells import DATE_SHAPE, looks_like_amount, looks_like_name, plain
from app.i18n import _

SAMPLE_ROWS = 60
MAX_HEADER_CELL = 80  # a column's name is short; a longer cell is data, never matched

ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "date": (
        "date",
        "fecha",
        "date operation",
        "date de l operation",
        "date op",
        "date de comptabilisation",
        "date comptable",
        "fecha operacion",
        "fecha de operacion",
        "fecha movimiento",
        "transaction date",
        "posting date",
        "booking date",
        "dia",
    ),
    "value_date": (
        "date valeur",
        "date de valeur",
        "date val",
        "fecha valor",
        "fecha de valor",
        "value date",
    ),
    "debit": (
        "debit",
        "debits",
        "cargo",
        "cargos",
        "retiro",
        "retiros",
        "egreso",
        "egresos",
        "depense",
        "depenses",
        "sortie",
        "sorties",
        "withdrawal",
        "withdrawals",
        "paid out",
        "money out",
    ),
    "credit": (
        "credit",
        "credits",
        "abono",
        "abonos",
        "deposito",
        "depositos",
        "ingreso",
        "ingresos",
        "recette",
        "recettes",
        "entree",
        "entrees",
        "deposit",
        "deposits",
        "paid in",
        "money in",
    ),
    "amount": ("montant", "amount", "importe", "monto", "somme", "cantidad"),
    "balance": (
        "solde",
        "saldo",
        "balance",
        "accountbalance",
        "account balance",
        "running balance",
    ),
    "currency": ("devise", "moneda", "divisa", "currency", "monn", "monnaie"),
    # Who was paid: what the person recognises, so it comes before any other text.
    "payee": (
        "payee",
        "payee name",
        "name",
        "partner name",
        "beneficiary",
        "beneficiaire",
        "beneficiario",
        "merchant",
        "merchant name",
        "counterparty",
        "recipient",
        "destinatario",
        "ordenante",
        "nom",
        "nombre",
        "tiers",
        "commercant",
        "comercio",
        "establecimiento",
        "empfanger",
    ),
    "description": (
        "libelle operation",
        "libelle",
        "libelle de l operation",
        "description",
        "descripcion",
        "concepto",
        "detalle",
        "details",
        "label",
        "narrative",
        "memo",
        "nature de l operation",
        "operation",
        "movimiento",
        "desc",
        "transaction",
        "notes",
        "reason",
        "motivo",
    ),
    "account": (
        "account",
        "account number",
        "account name",
        "compte",
        "numero de compte",
        "cuenta",
        "kontonummer",
    ),
}
# Words that make a column a number, a reference or a kind, never what the payment was.
_NOT_DESCRIPTION = {
    "account",
    "compte",
    "cuenta",
    "category",
    "categorie",
    "categoria",
    "type",
    "tipo",
    "reference",
    "ref",
    "num",
    "numero",
    "pointage",
    "iban",
    "bic",
    "swift",
    "card",
    "carte",
    "tarjeta",
    "number",
    "no",
    "nr",
    "id",
    "status",
    "statut",
    "estado",
    "time",
    "hora",
    "heure",
    "currency",
}
_TEXT_ROLES = ("payee", "description")
_ROLE_ORDER = (
    "date",
    "value_date",
    "debit",
    "credit",
    "amount",
    "balance",
    "currency",
    "payee",
    "description",
    "account",
)


def header_words(cell: str) -> list[str]:
    """ "Date opération", "dateOp" -> comparable words; "?" stands for a letter lost (U+FFFD)."""
    cell = re.sub(r"([a-z])([A-Z])", r"\1 \2", cell.replace("\ufffd", "?"))
    return re.sub(r"[^a-z0-9?]+", " ", plain(cell)).split()


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
    spans = (words[i : i + n] for i in range(1, len(words) - n + 1))
    return 1 if any(all(map(_same, span, key)) for span in spans) else 0


def match_headers(cells: list[str]) -> dict[str, list[int]]:
    """For each role, the columns whose names fit it, best first."""
    found: dict[str, list[tuple[int, int]]] = {}
    for col, cell in enumerate(cells):
        if len(cell) > MAX_HEADER_CELL:
            continue  # data, or a hostile cell: matching it word by word would take minutes
        words = header_words(cell)
        if not words:
            continue
        for role in _ROLE_ORDER:
            if role in _TEXT_ROLES and _NOT_DESCRIPTION & set(words):
                continue
            best = max(_score(words, k) for k in ROLE_WORDS[role])
            if best:
                found.setdefault(role, []).append((-best, col))
    return {role: [c for _s, c in sorted(pairs)] for role, pairs in found.items()}


def unclear(
    headers: list[str],
    rows: list[list[str]],
    guess: dict[str, int],
    missing: list[str],
    message: str = "",
) -> ColumnsUnclear:
    questions = {
        "date": _("Sereno could not tell which column holds the date of each payment."),
        "amount": _("Sereno could not tell which column holds the amount of each payment."),
        "description": _("Sereno could not tell which column says what each payment was."),
    }
    return ColumnsUnclear(
        message or questions[missing[0]],
        headers,
        [r[:] for r in rows[:5]],
        guess,
        missing,
        no_dates=bool(message),
    )


def infer(
    roles: dict[str, list[int]],
    data: list[list[str]],
    width: int,
    headers: list[str],
    message: str = "",
) -> ColumnMapping:
    """Fill in the columns the names did not give, from what the cells hold."""
    sample = data[:SAMPLE_ROWS]

    def column(i: int) -> list[str]:
        return [r[i].strip() for r in sample if i < len(r) and r[i].strip()]

    date = (roles.get("date") or roles.get("value_date") or [None])[0]
    if date is None:
        dates = [
            i
            for i in range(width)
            if (v := column(i))
            and all(DATE_SHAPE.fullmatch(x) for x in v)
            and len(v) * 2 >= len(sample)
        ]
        date = dates[0] if dates else None
    used = {date} | {
        c for r in ("balance", "currency", "value_date", "account") for c in roles.get(r, [])
    }
    debit = (roles.get("debit") or [None])[0]
    credit = (roles.get("credit") or [None])[0]
    amount = (roles.get("amount") or [None])[0]
    split = debit is not None or credit is not None
    if split and (amount is None or (debit is not None and credit is not None)):
        amount = None
    else:
        debit = credit = None
    if amount is None and debit is None and credit is None:
        numeric = [
            i
            for i in range(width)
            if i not in used and (v := column(i)) and all(looks_like_amount(x) for x in v)
        ]
        amount = numeric[0] if len(numeric) == 1 else None
    used |= {amount, debit, credit}
    description, detail = _description_columns(roles, used, width, column, len(sample))
    named = {
        "date": date,
        "description": description,
        "amount": amount,
        "debit": debit,
        "credit": credit,
        "balance": (roles.get("balance") or [None])[0],
        "currency": (roles.get("currency") or [None])[0],
        "detail": detail,
        "account": next(
            (
                c
                for c in roles.get("account", [])
                if c not in (date, amount, debit, credit, description, detail)
            ),
            None,
        ),
    }
    guess = {k: v for k, v in named.items() if v is not None}
    has_money = amount is not None or debit is not None or credit is not None
    missing = [
        k
        for k, ok in (
            ("date", date is not None),
            ("amount", has_money),
            ("description", description is not None),
        )
        if not ok
    ]
    if missing:
        raise unclear(headers, data, guess, missing, message)
    return ColumnMapping(**named)


def _description_columns(roles, used, width, column, rows) -> tuple[int | None, int | None]:
    """(what the payment was, a second text joined to it) by names, else by cell shapes.

    The payee's column comes first; a libellé / concepto column beside it is kept as the
    detail rather than dropped, as is a second varying text column ("Description 2").
    Without names, the longest column of names is chosen.
    """

    def names(i: int) -> bool:
        values = column(i)
        return bool(values) and sum(map(looks_like_name, values)) * 2 >= len(values)

    def varying(cols: list[int]) -> list[int]:
        if rows <= 1:
            return cols
        return [c for c in cols if len(set(column(c))) > 1] or cols

    payees = [c for c in roles.get("payee", []) if c not in used]
    texts = [c for c in roles.get("description", []) if c not in used and c not in payees]
    payees = varying([c for c in payees if names(c)] or payees)
    texts = varying([c for c in texts if names(c)] or texts)
    if payees:
        return payees[0], (texts[0] if texts and names(texts[0]) else None)
    if texts:  # "Description 1; Description 2": what was done, then to whom
        second = [c for c in texts[1:] if names(c) and len(set(column(c))) > 1]
        return texts[0], (second[0] if second else None)
    free = [
        i
        for i in range(width)
        if i not in used and (v := column(i)) and not all(looks_like_amount(x) for x in v)
    ]
    free = [i for i in free if names(i)] or free
    if not free:
        return None, None
    return max(free, key=lambda i: sum(len(x) for x in column(i))), None
