"""What the person did about each account's password: a status and a date, nothing more.

Sereno never stores a password, typed or suggested: this table has no column that could
hold one, and "Done, I changed it" keeps only the day. Beside it, in the answers table:
what each site asks for (letters or a code, and its length), whether the pension arrives
on the bank account, and the birth year if the person gives it.
"""

from __future__ import annotations

import datetime as dt

from app.core.passwords import (
    PENSION_ANSWERS,
    SECRET_KINDS,
    STATUSES,
    TWO_STEP,
    PasswordState,
)
from app.store.db import Database


class PasswordsRepo:
    """Each account's PasswordState as a row; the journey's small answers as JSON."""

    def __init__(self, db: Database):
        self.db = db

    def get(self, account_id: int) -> PasswordState:
        rows = self.db.query(
            "SELECT account_id, status, changed_on, two_step FROM password_changes "
            "WHERE account_id = ?",
            (account_id,),
        )
        return _state(rows[0]) if rows else PasswordState(account_id)

    def all(self) -> dict[int, PasswordState]:
        rows = self.db.query(
            "SELECT account_id, status, changed_on, two_step FROM password_changes"
        )
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

    # The person's answers about their accounts (never a password): the answers table.
    def secret_kind(self, account_id: int) -> tuple[str, int]:
        """What the site asks for ("letters", "numbers", "unsure" or "") and the code length."""
        found = self.db.get_json("answers", "passwords.secret", {})
        entry = found.get(str(account_id)) if isinstance(found, dict) else None
        if not isinstance(entry, dict):
            return "", 0
        kind = entry.get("kind") if entry.get("kind") in SECRET_KINDS else ""
        length = entry.get("length") if isinstance(entry.get("length"), int) else 0
        return kind, length if 4 <= length <= 12 else 0

    def set_secret_kind(self, account_id: int, kind: str, length: int = 0) -> None:
        if kind and kind not in SECRET_KINDS:
            raise ValueError(kind)
        found = self.db.get_json("answers", "passwords.secret", {})
        found = found if isinstance(found, dict) else {}
        found[str(account_id)] = {"kind": kind, "length": length}
        self.db.set_json("answers", "passwords.secret", found)

    def pension_on_bank(self, account_id: int) -> str:
        """Whether the pension arrives on the bank account: "same", "other" or ""."""
        found = self.db.get_json("answers", "passwords.pension", {})
        value = found.get(str(account_id), "") if isinstance(found, dict) else ""
        return value if value in PENSION_ANSWERS else ""

    def set_pension_on_bank(self, account_id: int, answer: str) -> None:
        if answer and answer not in PENSION_ANSWERS:
            raise ValueError(answer)
        found = self.db.get_json("answers", "passwords.pension", {})
        found = found if isinstance(found, dict) else {}
        found[str(account_id)] = answer
        self.db.set_json("answers", "passwords.pension", found)

    def birth_year(self) -> int | None:
        """The birth year, when the person chose to give it (a leaked fact, for the rating)."""
        value = self.db.get_json("answers", "passwords.birth_year", None)
        return value if isinstance(value, int) and 1900 <= value <= 2030 else None

    def set_birth_year(self, year: int | None) -> None:
        if year is not None and not 1900 <= year <= 2030:
            raise ValueError(year)
        self.db.set_json("answers", "passwords.birth_year", year)

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
