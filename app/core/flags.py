"""Why a payment deserves a second look: small pure rules, explained in one sentence each.

`flag_transactions(statement.transactions, history)` marks each transaction with the
flags that fit and puts the flagged ones first, largest first, so the person sees the
most worrying payments while they are still fresh. `history` is what the person already
reviewed for this account (anything with `.date`, `.amount`, `.description`). The rules
look at money going out, except "foreign currency", which looks at every payment.

A person told "strange" too often stops reading, so each rule leaves out what is plainly
ordinary: the bank's own small fees are not test charges, two visits to one shop on two
days are not a double charge, and money moved between two accounts of the same file is
"between your own accounts", shown last and never as strange.
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
DUPLICATE_MINUTES = 15  # with time stamps, "twice" means within a few minutes
TRANSFER_DAYS = 3  # a transfer between two accounts can take a few days to arrive
TINY_LIMITS: dict[str, Decimal] = {"MXN": Decimal("20"), "JPY": Decimal("300")}
TINY_DEFAULT = Decimal("2")


class Payment(Protocol):
    """What flagging needs of a payment: a file's row or one already kept."""

    date: dt.date
    amount: Decimal
    description: str


class FlagKind(StrEnum):
    """Why a payment is shown first: each kind has its plain sentence for the person."""

    NEW_PAYEE = "new_payee"
    LARGE = "large"
    TINY = "tiny"
    DUPLICATE = "duplicate"
    FOREIGN = "foreign"
    OWN_TRANSFER = "own_transfer"  # not strange: shown, but never first


LABELS: dict[FlagKind, str] = {
    FlagKind.NEW_PAYEE: N_("Never seen before"),
    FlagKind.LARGE: N_("Much larger than usual"),
    FlagKind.TINY: N_("Tiny test charge"),
    FlagKind.DUPLICATE: N_("Charged twice"),
    FlagKind.FOREIGN: N_("Foreign currency"),
    FlagKind.OWN_TRANSFER: N_("Between your own accounts"),
}
EXPLANATIONS: dict[FlagKind, str] = {
    FlagKind.NEW_PAYEE: N_("This name is not in the statements you checked before."),
    FlagKind.LARGE: N_("This is more than three times your usual payment of {usual}."),
    FlagKind.TINY: N_("Very small payments are sometimes a test made before a bigger one."),
    FlagKind.DUPLICATE: N_("The same amount went to the same place on {date}."),
    FlagKind.FOREIGN: N_("This payment was made in another currency: {currency}."),
    FlagKind.OWN_TRANSFER: N_(
        "This money went from one of your accounts in this file to another one."
    ),
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
        """A reason to look twice; a move between the person's own accounts is not one."""
        return any(f.kind is not FlagKind.OWN_TRANSFER for f in self.flags)


_NOISE = frozenset(
    "cb carte prlv prelevement sepa vir virement inst paiement fact facture du de le la les "
    "des pago compra tarjeta tdc pos retiro cargo abono spei transferencia eur mxn euros par "
    "payment card recu emis vers en a por con sa".split()
)
_WORD = re.compile(r"[a-z0-9]+")
# What banks call their own charges, in the three languages: never a thief's test payment.
_FEE_WORDS = frozenset(
    "frais commission commissions cotisation cotisations agios interets fee fees charge "
    "charges interest comision comisiones cuota anualidad intereses iva".split()
)


@lru_cache(maxsize=65536)
def payee_key(description: str) -> str:
    """ "CB SUPERMARCHE CENTRAL FACT 141124" -> "supermarche central": who was paid."""
    plain = normalise_text(description)
    words = [w for w in _WORD.findall(plain) if w not in _NOISE and not any(c.isdigit() for c in w)]
    return " ".join(words) or plain


def _out(payment: Payment) -> Decimal | None:
    return -payment.amount if payment.amount < 0 else None


def usual_payment(payments: Iterable[Payment]) -> Decimal | None:
    """The middle amount paid out (median), or None with fewer than five payments."""
    amounts = [a for p in payments if (a := _out(p)) is not None]
    if len(amounts) < MIN_BASELINE:
        return None
    return statistics.median(amounts)


def is_much_larger(txn: Payment, usual: Decimal | None, paid_before: dict[str, Decimal]) -> bool:
    """More than three times the usual, unless this payee was paid nearly as much before."""
    out = _out(txn)
    if out is None or usual is None or out <= LARGE_FACTOR * usual:
        return False
    return paid_before.get(payee_key(txn.description), Decimal(0)) < out * Decimal("0.8")


def is_bank_fee(description: str) -> bool:
    """ "FRAIS TRIMESTRIELS", "COMISION POR MANEJO DE CUENTA", "ANNUAL FEE"."""
    return not _FEE_WORDS.isdisjoint(_WORD.findall(normalise_text(description)))


def is_tiny(
    txn: Payment,
    currency: str | None = None,
    known: set[str] | None = None,
    recurring: set[str] | None = None,
) -> bool:
    """Under 2 units (20 pesos) to a payee never paid before, and not the bank's own fee.

    `known` holds the payees already reviewed, `recurring` those paid more than once in
    this statement: a charge that comes back every month is not a test.
    """
    out = _out(txn)
    limit = TINY_LIMITS.get((currency or "").upper(), TINY_DEFAULT)
    if out is None or not 0 < out < limit or is_bank_fee(txn.description):
        return False
    payee = payee_key(txn.description)
    return payee not in (known or set()) and payee not in (recurring or set())


def is_foreign(currency: str | None, home: str | None) -> bool:
    return bool(currency and home and currency.upper() != home.upper())


def is_new_payee(txn: Payment, known: set[str]) -> bool:
    return bool(known) and _out(txn) is not None and payee_key(txn.description) not in known


def _moment(txn: Payment) -> dt.datetime | None:
    time = getattr(txn, "time", None)
    return dt.datetime.combine(txn.date, time) if time is not None else None


def _same_moment(a: Payment, b: Payment) -> bool:
    """The same day; with time stamps on both, within a few minutes."""
    first, second = _moment(a), _moment(b)
    if first is not None and second is not None:
        return abs(second - first) <= dt.timedelta(minutes=DUPLICATE_MINUTES)
    return a.date == b.date


def find_duplicates(transactions: Sequence[Payment]) -> dict[int, dt.date]:
    """Index of each repeated payment -> date of the first one.

    Same payee, same amount, same day (or within minutes when the bank gave times): two
    visits to the supermarket two days apart are two visits.
    """
    firsts: dict[tuple[str, Decimal], list[Payment]] = {}
    result: dict[int, dt.date] = {}

    def when(i: int) -> tuple[dt.date, dt.datetime]:
        return transactions[i].date, _moment(transactions[i]) or dt.datetime.min

    order = sorted(range(len(transactions)), key=when)
    for i in order:
        txn = transactions[i]
        out = _out(txn)
        if out is None:
            continue
        earlier = firsts.setdefault((payee_key(txn.description), out), [])
        close = [p for p in earlier if _same_moment(p, txn)]
        if close:
            result[i] = close[-1].date
        earlier.append(txn)
    return result


def find_own_transfers(transactions: Sequence[Transaction]) -> set[int]:
    """Indexes of money leaving one account of the file and arriving in another one.

    Only in a file that names two accounts or more: the same amount out of one and into
    the other within a few days, each payment used in one pair at most.
    """
    if len({t.account for t in transactions if t.account}) < 2:
        return set()
    arrivals: dict[Decimal, list[int]] = {}
    for i, t in enumerate(transactions):
        if t.account and t.amount > 0:
            arrivals.setdefault(t.amount, []).append(i)
    paired: set[int] = set()
    for i, t in enumerate(transactions):
        if not t.account or t.amount >= 0:
            continue
        for j in arrivals.get(-t.amount, []):
            other = transactions[j]
            if (
                j not in paired
                and other.account != t.account
                and abs((other.date - t.date).days) <= TRANSFER_DAYS
            ):
                paired |= {i, j}
                break
    return paired


def flag_transactions(
    transactions: Sequence[Transaction],
    history: Iterable[Payment],
    home_currency: str | None = None,
) -> list[Flagged]:
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
    own = find_own_transfers(transactions)
    seen = Counter(payee_key(t.description) for t in transactions if _out(t) is not None)
    recurring = {payee for payee, n in seen.items() if n > 1}
    result = []
    for i, (txn, print_) in enumerate(zip(transactions, fingerprints(transactions), strict=True)):
        currency = txn.currency or home
        if i in own:
            result.append(Flagged(txn, (Flag(FlagKind.OWN_TRANSFER),), print_))
            continue
        flags = []
        if is_foreign(txn.currency, home):
            flags.append(Flag(FlagKind.FOREIGN, currency=txn.currency))
        if i in twice:
            flags.append(Flag(FlagKind.DUPLICATE, earlier=twice[i]))
        if is_tiny(txn, currency, known, recurring):
            flags.append(Flag(FlagKind.TINY))
        if is_much_larger(txn, usual, paid_before):
            flags.append(Flag(FlagKind.LARGE, usual=usual, currency=currency))
        if is_new_payee(txn, known):
            flags.append(Flag(FlagKind.NEW_PAYEE))
        result.append(Flagged(txn, tuple(flags), print_))
    result.sort(
        key=lambda f: (not f.flagged, bool(f.flags), -abs(f.transaction.amount), f.transaction.date)
    )
    return result


def _main_currency(transactions: Sequence[Transaction], history: list[Payment]) -> str | None:
    seen = Counter(c for t in (*transactions, *history) if (c := getattr(t, "currency", None)))
    return seen.most_common(1)[0][0] if seen else None
