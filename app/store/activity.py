"""Account checks as rows: when each account was checked, and the payments reviewed.

The bank's file itself is never kept: an import keeps its file name and row count, and
each payment only its date, amount, description, flags and the person's verdict. A
payment is known by its fingerprint, so importing the same file twice adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from app.core.activity import METHODS, RESULTS, VERDICTS, Check, ImportResult, Reviewed
from app.store import limits
from app.store.db import Database

if TYPE_CHECKING:  # the flagging code is imported when a file is read, not at start-up
    from app.core.flags import Flag, Flagged


def storable(amount: Decimal) -> bool:
    """An amount the store keeps: finite and below 10^12 (app/store/verify.py checks it)."""
    from app.store.verify import MAX_AMOUNT

    return amount.is_finite() and abs(amount) < MAX_AMOUNT and len(str(amount)) <= 40


def flags_to_json(flags: Iterable[Flag]) -> str:
    out = []
    for flag in flags:
        item: dict[str, str] = {"kind": flag.kind.value}
        if flag.usual is not None:
            item["usual"] = str(flag.usual)
        if flag.currency:
            item["currency"] = flag.currency
        if flag.earlier is not None:
            item["earlier"] = flag.earlier.isoformat()
        out.append(item)
    return json.dumps(out)


def flags_from_json(text: str) -> tuple[Flag, ...]:
    from app.core.flags import Flag, FlagKind

    try:
        items = json.loads(text or "[]")
    except ValueError:
        return ()
    flags = []
    for item in items if isinstance(items, list) else []:
        try:
            flags.append(
                Flag(
                    FlagKind(item["kind"]),
                    usual=Decimal(item["usual"]) if "usual" in item else None,
                    currency=item.get("currency"),
                    earlier=dt.date.fromisoformat(item["earlier"]) if "earlier" in item else None,
                )
            )
        except (KeyError, ValueError, TypeError, ArithmeticError):
            continue
    return tuple(flags)


_TXN = (
    "id, account_id, fingerprint, day, amount, currency, description, flags, verdict, "
    "reviewed_on, import_id"
)


def _reviewed(row: sqlite3.Row) -> Reviewed:
    return Reviewed(
        id=row["id"],
        account_id=row["account_id"],
        fingerprint=row["fingerprint"],
        date=dt.date.fromisoformat(row["day"]),
        amount=Decimal(row["amount"]),
        currency=row["currency"],
        description=row["description"],
        flags=flags_from_json(row["flags"]),
        verdict=row["verdict"],
        reviewed_on=dt.date.fromisoformat(row["reviewed_on"]) if row["reviewed_on"] else None,
        import_id=row["import_id"],
    )


def _check(row: sqlite3.Row) -> Check:
    return Check(
        row["id"],
        row["account_id"],
        dt.date.fromisoformat(row["checked_on"]),
        row["method"],
        row["result"],
        row["note"],
    )


class ActivityRepo:
    """The rows of the activity check, read as app.core.activity's records."""

    def __init__(self, db: Database):
        self.db = db

    # Checks ---------------------------------------------------------------------------
    def record_check(
        self, account_id: int, day: dt.date, method: str, result: str, note: str = ""
    ) -> Check:
        """Keep the date and result of a check; the same account, day and method is one check."""
        if method not in METHODS or result not in RESULTS:
            raise ValueError((method, result))
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO activity_checks (account_id, checked_on, method, result, note) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, checked_on, method) "
                "DO UPDATE SET result = excluded.result, note = excluded.note",
                (account_id, day.isoformat(), method, result, limits.clip(note, limits.NOTE)),
            )
        rows = self.db.query(
            "SELECT * FROM activity_checks WHERE account_id = ? AND checked_on = ? AND method = ?",
            (account_id, day.isoformat(), method),
        )
        return _check(rows[0])

    def checks(self, account_id: int | None = None) -> list[Check]:
        """Every check, oldest first (of one account when given)."""
        where, params = ("", ())
        if account_id is not None:
            where, params = "WHERE account_id = ?", (account_id,)
        rows = self.db.query(
            f"SELECT * FROM activity_checks {where} ORDER BY checked_on, id", params
        )
        return [_check(r) for r in rows]

    def last_check(self, account_id: int) -> Check | None:
        found = self.checks(account_id)
        return found[-1] if found else None

    def first_check_day(self, account_id: int) -> dt.date | None:
        found = self.checks(account_id)
        return found[0].day if found else None

    # Imports --------------------------------------------------------------------------
    def import_statement(
        self,
        account_id: int,
        day: dt.date,
        file_name: str,
        flagged: list[Flagged],
        default_currency: str = "",
    ) -> ImportResult:
        """Keep the file's payments for review, in the given order; known ones are skipped.

        One transaction: a failure leaves the store as it was.
        """
        with self.db.write() as conn:
            cur = conn.execute(
                "INSERT INTO activity_imports (account_id, imported_on, file_name, row_count) "
                "VALUES (?, ?, ?, ?)",
                (
                    account_id,
                    day.isoformat(),
                    limits.clip(file_name, limits.FILE_NAME),
                    len(flagged),
                ),
            )
            import_id = cur.lastrowid
            added = 0
            for rank, item in enumerate(flagged):
                txn = item.transaction
                if not storable(txn.amount):
                    continue  # beyond any real payment: the full read would refuse the file
                cur = conn.execute(
                    "INSERT OR IGNORE INTO activity_transactions (account_id, import_id, "
                    "fingerprint, day, amount, currency, description, flags, rank) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        account_id,
                        import_id,
                        item.fingerprint,
                        txn.date.isoformat(),
                        str(txn.amount),
                        (txn.currency or default_currency or "")[:10],
                        limits.clip(txn.description, limits.DESCRIPTION),
                        flags_to_json(item.flags),
                        rank,
                    ),
                )
                added += cur.rowcount
            conn.execute(
                "UPDATE activity_imports SET added_count = ? WHERE id = ?", (added, import_id)
            )
        return ImportResult(import_id, len(flagged), added)

    def imports(self, account_id: int) -> list[dict]:
        rows = self.db.query(
            "SELECT id, imported_on, file_name, row_count, added_count FROM activity_imports "
            "WHERE account_id = ? ORDER BY id",
            (account_id,),
        )
        return [dict(r) for r in rows]

    def add_by_hand(
        self,
        account_id: int,
        day: dt.date,
        amount: Decimal,
        currency: str,
        description: str,
        today: dt.date,
    ) -> Reviewed:
        """A strange payment the person wrote down from a paper statement: not theirs."""
        from app.core.statements import Transaction, fingerprint

        if not storable(amount):
            raise ValueError("amount")
        description = limits.clip(description.strip(), limits.DESCRIPTION)
        print_ = fingerprint(Transaction(day, amount, description, currency or None))
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO activity_transactions (account_id, fingerprint, day, amount, "
                "currency, description, verdict, reviewed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (account_id, fingerprint) DO UPDATE SET verdict = excluded.verdict, "
                "reviewed_on = excluded.reviewed_on",
                (
                    account_id,
                    print_,
                    day.isoformat(),
                    str(amount),
                    (currency or "")[:10],
                    description,
                    "not_mine",
                    today.isoformat(),
                ),
            )
        rows = self.db.query(
            f"SELECT {_TXN} FROM activity_transactions WHERE account_id = ? AND fingerprint = ?",
            (account_id, print_),
        )
        return _reviewed(rows[0])

    # Review ---------------------------------------------------------------------------
    def transaction(self, txn_id: int) -> Reviewed | None:
        rows = self.db.query(f"SELECT {_TXN} FROM activity_transactions WHERE id = ?", (txn_id,))
        return _reviewed(rows[0]) if rows else None

    def pending(self, account_id: int) -> list[Reviewed]:
        """Payments still to review, in the order they are shown (most suspicious first)."""
        rows = self.db.query(
            f"SELECT {_TXN} FROM activity_transactions WHERE account_id = ? AND verdict IS NULL "
            "ORDER BY import_id, rank, id",
            (account_id,),
        )
        return [_reviewed(r) for r in rows]

    def reviewed(
        self,
        account_id: int | None = None,
        since: dt.date | None = None,
        import_id: int | None = None,
    ) -> list[Reviewed]:
        """Payments with a verdict, filtered by account, review day or import."""
        where, params = ["verdict IS NOT NULL"], []
        if account_id is not None:
            where.append("account_id = ?")
            params.append(account_id)
        if since is not None:
            where.append("reviewed_on >= ?")
            params.append(since.isoformat())
        if import_id is not None:
            where.append("import_id = ?")
            params.append(import_id)
        rows = self.db.query(
            f"SELECT {_TXN} FROM activity_transactions WHERE {' AND '.join(where)} "
            "ORDER BY import_id, rank, id",
            tuple(params),
        )
        return [_reviewed(r) for r in rows]

    def history(self, account_id: int) -> list[Reviewed]:
        """What the person said was theirs: the familiar payees and usual amounts."""
        return [r for r in self.reviewed(account_id) if r.verdict == "mine"]

    def set_verdict(self, txn_id: int, verdict: str, day: dt.date) -> None:
        if verdict not in VERDICTS:
            raise ValueError(verdict)
        with self.db.write() as conn:
            conn.execute(
                "UPDATE activity_transactions SET verdict = ?, reviewed_on = ? WHERE id = ?",
                (verdict, day.isoformat(), txn_id),
            )

    def all_transactions(self, account_id: int) -> list[Reviewed]:
        rows = self.db.query(
            f"SELECT {_TXN} FROM activity_transactions WHERE account_id = ? ORDER BY id",
            (account_id,),
        )
        return [_reviewed(r) for r in rows]
