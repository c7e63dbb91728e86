"""Answers to "What happened?" and the accounts the person has."""

from __future__ import annotations

import datetime as dt

from app.core.answers import ACCOUNT_KINDS, EXPOSED_KINDS, NOTICE_SOURCES, Account, Answers
from app.store import limits
from app.store.db import Database
from app.store.passwords import PasswordsRepo

START_ACCOUNT = "activity.start"  # answers key: the account checked first


class AnswersRepo:
    """The notice, the exposed kinds and the accounts, as rows."""

    def __init__(self, db: Database):
        self.db = db

    def notice(self) -> str:
        value = self.db.get_json("answers", "notice", "")
        return value if value in NOTICE_SOURCES else ""

    def set_notice(self, source: str) -> None:
        if source not in NOTICE_SOURCES:
            raise ValueError(source)
        self.db.set_json("answers", "notice", source)

    def exposed(self) -> frozenset[str]:
        value = self.db.get_json("answers", "exposed", [])
        if not isinstance(value, list):
            return frozenset()
        return frozenset(k for k in value if k in EXPOSED_KINDS)

    def set_exposed(self, kinds: set[str] | frozenset[str]) -> None:
        unknown = set(kinds) - set(EXPOSED_KINDS)
        if unknown:
            raise ValueError(sorted(unknown))
        self.db.set_json("answers", "exposed", sorted(kinds))

    def accounts(self) -> tuple[Account, ...]:
        rows = self.db.query("SELECT id, kind, name, last4 FROM accounts ORDER BY position, id")
        return tuple(Account(r["id"], r["kind"], r["name"], r["last4"]) for r in rows)

    def account(self, account_id: int) -> Account | None:
        return next((a for a in self.accounts() if a.id == account_id), None)

    def add_account(self, kind: str, name: str, last4: str = "") -> Account:
        if kind not in ACCOUNT_KINDS:
            raise ValueError(kind)
        name = limits.clip(name.strip(), limits.NAME)
        with self.db.write() as conn:
            pos = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM accounts").fetchone()[0]
            cur = conn.execute(
                "INSERT INTO accounts (kind, name, last4, position, created) "
                "VALUES (?, ?, ?, ?, ?)",
                (kind, name.strip(), last4, pos, dt.date.today().isoformat()),
            )
        return Account(cur.lastrowid, kind, name.strip(), last4)

    def rename_account(self, account_id: int, name: str, last4: str = "") -> None:
        name = limits.clip(name.strip(), limits.NAME)
        with self.db.write() as conn:
            conn.execute(
                "UPDATE accounts SET name = ?, last4 = ? WHERE id = ?",
                (name.strip(), last4, account_id),
            )

    def remove_account(self, account_id: int) -> None:
        with self.db.write() as conn:
            conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))
            if self.start_account() == account_id:  # a new account may get its id again
                self.db.delete_json("answers", START_ACCOUNT)
            kept = PasswordsRepo(self.db)  # nor may it find this one's answers chosen
            if kept.pension_on_bank(account_id):
                kept.set_pension_on_bank(account_id, "")
            if kept.secret_kind(account_id) != ("", 0):
                kept.set_secret_kind(account_id, "", 0)

    def start_account(self) -> int | None:
        """The account the person chose to check first, if any."""
        value = self.db.get_json("answers", START_ACCOUNT, None)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def set_start_account(self, account_id: int) -> None:
        self.db.set_json("answers", START_ACCOUNT, int(account_id))

    def separate_pensions(self, accounts: tuple[Account, ...]) -> frozenset[int]:
        """The pension accounts answered "No, it is another account" (the password journey
        keeps that answer)."""
        kept = PasswordsRepo(self.db)
        return frozenset(
            a.id for a in accounts if a.kind == "pension" and kept.pension_on_bank(a.id) == "other"
        )

    def snapshot(self, country: str) -> Answers:
        accounts = self.accounts()
        return Answers(
            country,
            self.notice(),
            self.exposed(),
            accounts,
            self.start_account(),
            self.separate_pensions(accounts),
        )
