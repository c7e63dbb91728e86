"""Why a payment deserves a second look: small pure rules, explained in one sentence each.

`flag_transactions(statement.transactions, history)` marks each transaction with the
flags that fit and puts the flagged ones first, largest first, so the person sees the
most worrying payments while they are still fresh. `history` is what the person already
reviewed for this account (anything with `.date`, `.amount`, `.description`). The rules
look at money going out, except "foreign currency", which looks at every payment.
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from app.core.statements import Transaction, fingerprints, normalise_text
from app.i18n import N_, _, format_date, format_money

LARGE_FACTOR = 3  # "much larger" = more than three times the usual payment
MIN_BASELINE = 5  # payments needed before "usual" means anything
DUPLICATE_DAYS = 3
TINY_LIMITS: dict[str, Decimal] = {"MXN": Decimal("20"), "JPY": Decimal("300")}
TINY_DEFAULT = Decimal("2")


class Payment(Protocol):
    date: dt.date
    amount: Decimal
    description: str


class FlagKind(StrEnum):
    NEW_PAYEE = "new_payee"
    LARGE = "large"
    TINY = "tiny"
    DUPLICATE = "duplicate"
    FOREIGN = "foreign"


LABELS: dict[FlagKind, str] = {
    FlagKind.NEW_PAYEE: N_("Never seen before"),
    FlagKind.LARGE: N_("Much larger than usual"),
    FlagKind.TINY: N_("Tiny test charge"),
    FlagKind.DUPLICATE: N_("Charged twice"),
    FlagKind.FOREIGN: N_("Foreign currency"),
}
EXPLANATIONS: dict[FlagKind, str] = {
    FlagKind.NEW_PAYEE: N_("This name is not in the statements you checked before."),
    FlagKind.LARGE: N_("This is more than three times your usual payment of {usual}."),
    FlagKind.TINY: N_("Very small payments are sometimes a test made before a bigger one."),
    FlagKind.DUPLICATE: N_("The same amount went to the same place on {date}."),
    FlagKind.FOREIGN: N_("This payment was made in another currency: {currency}."),
}


@dataclass(frozen=True)
class Flag:
    """One reason to look twice; `label` and `explanation()` are for the page."""

    kind: FlagKind
    usual: Decimal | None = None
    currency: str | None = None
    earlier: dt.date | None = None

    @property
    def label(self) -> str:
        """The short name, translated now ("Charged twice")."""
        return _(LABELS[self.kind])

    def explanation(self) -> str:
        """One plain sentence, translated now, with money and dates in the person's locale."""
        text = _(EXPLANATIONS[self.kind])
        if self.kind is FlagKind.LARGE and self.usual is not None:
            return text.format(usual=format_money(self.usual, self.currency))
        if self.kind is FlagKind.DUPLICATE and self.earlier is not None:
            return text.format(date=format_date(self.earlier))
        if self.kind is FlagKind.FOREIGN:
            return text.format(currency=self.currency or "?")
        return text


@dataclass(frozen=True)
class Flagged:
    """A transaction, its flags, and its fingerprint (to skip it when imported again)."""

    transaction: Transaction
    flags: tuple[Flag, ...]
    fingerprint: str

    @property
    def flagged(self) -> bool:
        return bool(self.flags)


_NOISE = frozenset(
    "cb carte prlv prelevement sepa vir virement inst paiement fact facture du de le la les "
    "des pago compra tarjeta tdc pos retiro cargo abono spei transferencia eur mxn euros par "
    "payment card recu emis vers en a por con sa".split()
)
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=65536)
def payee_key(description: str) -> str:
    """"CB SUPERMARCHE CENTRAL FACT 141124" -> "supermarche central": who was paid."""
    plain = normalise_text(description)
    words = [w for w in _WORD.findall(plain)
             if w not in _NOISE and not any(c.isdigit() for c in w)]
    return " ".join(words) or plain


def _out(payment: Payment) -> Decimal | None:
    return -payment.amount if payment.amount < 0 else None


def usual_payment(payments: Iterable[Payment]) -> Decimal | None:
    """The middle amount paid out (median), or None with fewer than five payments."""
    amounts = [a for p in payments if (a := _out(p)) is not None]
    if len(amounts) < MIN_BASELINE:
        return None
    return statistics.median(amounts)


def is_much_larger(txn: Payment, usual: Decimal | None,
                   paid_before: dict[str, Decimal]) -> bool:
    """More than three times the usual, unless this payee was paid nearly as much before."""
    out = _out(txn)
    if out is None or usual is None or out <= LARGE_FACTOR * usual:
        return False
    return paid_before.get(payee_key(txn.description), Decimal(0)) < out * Decimal("0.8")


def is_tiny(txn: Payment, currency: str | None = None) -> bool:
    out = _out(txn)
    limit = TINY_LIMITS.get((currency or "").upper(), TINY_DEFAULT)
    return out is not None and 0 < out <= limit


def is_foreign(currency: str | None, home: str | None) -> bool:
    return bool(currency and home and currency.upper() != home.upper())


def is_new_payee(txn: Payment, known: set[str]) -> bool:
    return bool(known) and _out(txn) is not None and payee_key(txn.description) not in known


def find_duplicates(transactions: Sequence[Payment]) -> dict[int, dt.date]:
    """Index of each repeated payment -> date of the first one (same payee, same amount)."""
    firsts: dict[tuple[str, Decimal], list[dt.date]] = {}
    result: dict[int, dt.date] = {}
    order = sorted(range(len(transactions)), key=lambda i: transactions[i].date)
    for i in order:
        txn = transactions[i]
        out = _out(txn)
        if out is None:
            continue
        dates = firsts.setdefault((payee_key(txn.description), out), [])
        close = [d for d in dates if (txn.date - d).days <= DUPLICATE_DAYS]
        if close:
            result[i] = close[-1]
        dates.append(txn.date)
    return result


def flag_transactions(transactions: Sequence[Transaction], history: Iterable[Payment],
                      home_currency: str | None = None) -> list[Flagged]:
    """Every transaction with its flags: flagged ones first, then largest amount first."""
    history = list(history)
    known = {payee_key(p.description) for p in history}
    usual = usual_payment(history)
    if usual is None:  # first import: compare with the statement itself
        usual = usual_payment(transactions)
    paid_before: dict[str, Decimal] = {}
    for p in history:
        if (out := _out(p)) is not None:
            key = payee_key(p.description)
            paid_before[key] = max(out, paid_before.get(key, Decimal(0)))
    home = home_currency or _main_currency(transactions, history)
    twice = find_duplicates(transactions)
    result = []
    for i, (txn, print_) in enumerate(zip(transactions, fingerprints(transactions),
                                          strict=True)):
        currency = txn.currency or home
        flags = []
        if is_foreign(txn.currency, home):
            flags.append(Flag(FlagKind.FOREIGN, currency=txn.currency))
        if i in twice:
            flags.append(Flag(FlagKind.DUPLICATE, earlier=twice[i]))
        if is_tiny(txn, currency):
            flags.append(Flag(FlagKind.TINY))
        if is_much_larger(txn, usual, paid_before):
            flags.append(Flag(FlagKind.LARGE, usual=usual, currency=currency))
        if is_new_payee(txn, known):
            flags.append(Flag(FlagKind.NEW_PAYEE))
        result.append(Flagged(txn, tuple(flags), print_))
    result.sort(key=lambda f: (not f.flags, -abs(f.transaction.amount), f.transaction.date))
    return result


def _main_currency(transactions: Sequence[Transaction], history: list[Payment]) -> str | None:
    seen = Counter(c for t in (*transactions, *history) if (c := getattr(t, "currency", None)))
    return seen.most_common(1)[0][0] if seen else None
