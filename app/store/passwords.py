"""What the person did about each account's password: a status and a date, nothing more.

Sereno never stores a password, typed or suggested: this table has no column that could
hold one, and "Done, I changed it" keeps only the day.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.store.db import Database

STATUSES: tuple[str, ...] = ("changed", "later", "help")
TWO_STEP: tuple[str, ...] = ("on", "not_offered", "later")


@dataclass(frozen=True)
class PasswordState:
    """One account: "changed" (on a day), "later", "help" or "" (not yet); two-step too."""

    account_id: int
    status: str = ""
    changed_on: dt.date | None = None
    two_step: str = ""


class PasswordsRepo:
    def __init__(self, db: Database):
        self.db = db

    def get(self, account_id: int) -> PasswordState:
        rows = self.db.query(
            "SELECT account_id, status, changed_on, two_step FROM password_changes "
            "WHERE account_id = ?", (account_id,),
        )
        return _state(rows[0]) if rows else PasswordState(account_id)

    def all(self) -> dict[int, PasswordState]:
        rows = self.db.query(
            "SELECT account_id, status, changed_on, two_step FROM password_changes")
        return {r["account_id"]: _state(r) for r in rows}

    def set_status(self, account_id: int, status: str, today: dt.date) -> PasswordState:
        """Record what was done; "changed" keeps today's date, "" means not yet."""
        if status and status not in STATUSES:
            raise ValueError(status)
        changed_on = today.isoformat() if status == "changed" else None
        self._upsert(account_id, today, status=status or None, changed_on=changed_on)
        return self.get(account_id)

    def set_two_step(self, account_id: int, choice: str, today: dt.date) -> PasswordState:
        """Two-step verification: "on", "not_offered", "later", or "" (not answered)."""
        if choice and choice not in TWO_STEP:
            raise ValueError(choice)
        self._upsert(account_id, today, two_step=choice or None)
        return self.get(account_id)

    def _upsert(self, account_id: int, today: dt.date, **fields) -> None:
        names = ", ".join(fields)
        marks = ", ".join("?" for _f in fields)
        updates = ", ".join(f"{k} = excluded.{k}" for k in fields)
        with self.db.write() as conn:
            conn.execute(
                f"INSERT INTO password_changes (account_id, {names}, updated) "
                f"VALUES (?, {marks}, ?) "
                f"ON CONFLICT(account_id) DO UPDATE SET {updates}, updated = excluded.updated",
                (account_id, *fields.values(), today.isoformat()),
            )


def _state(row) -> PasswordState:
    return PasswordState(
        row["account_id"],
        row["status"] or "",
        dt.date.fromisoformat(row["changed_on"]) if row["changed_on"] else None,
        row["two_step"] or "",
    )
