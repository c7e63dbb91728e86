"""Change passwords, as a person does it: each answer is one commit, and never a password.

What is kept is a status and a day per account, what each site asks for, whether the
pension arrives on the bank account, and the birth year if given. The suggestions are
kept here in memory only (one PasswordActions per open profile), never in the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from app.core import password_journey as journey
from app.core.actions import Actions, action
from app.core.answers import Account
from app.core.flow import Step
from app.core.journeys import password_order
from app.core.passwords import (
    SHORT_WORD_COUNT,
    WORD_COUNT,
    LeakedFacts,
    PasswordState,
    Suggestions,
    suggest_code,
    suggest_passphrase,
)
from app.i18n import _


class PasswordActions(Actions):
    """The passwords journey's reads and actions over one person's store."""

    def __init__(self, store: Any, today: Callable[[], dt.date], changed: Callable[[str], None]):
        super().__init__(store, today, changed)
        self.suggestions = Suggestions()  # this profile's, for as long as it is open

    # Reads ------------------------------------------------------------------------------
    def account(self, arg: str) -> Account | None:
        """The account a page is about (`step.arg`), or None when it is gone."""
        try:
            return self.store.answers.account(int(arg))
        except ValueError:
            return None

    def _accounts(self) -> tuple[Account, ...]:
        return self.store.answers.accounts()

    def order(self) -> list[Account]:
        """The accounts in the order that matters: email first, then money."""
        return password_order(self.answers())

    def state(self, account_id: int) -> PasswordState:
        return self.store.passwords.get(account_id)

    def secret_kind(self, account_id: int) -> tuple[str, int]:
        """What the site asks for ("letters", "numbers", "unsure" or "") and the code length."""
        return self.store.passwords.secret_kind(account_id)

    def pension_on_bank(self, account_id: int) -> str:
        return self.store.passwords.pension_on_bank(account_id)

    def birth_year(self) -> int | None:
        return self.store.passwords.birth_year()

    def still_to_change(self) -> list[tuple[Account, Step]]:
        """Each account not changed yet, with the page that goes back to it."""
        accounts = self.order()
        repo = self.store.passwords
        pensions = {a.id: repo.pension_on_bank(a.id) for a in accounts if a.kind == "pension"}
        has_bank = any(a.kind == "bank" for a in accounts)
        return journey.still_to_change(accounts, repo.all(), pensions, has_bank)

    def leaked_facts(self) -> LeakedFacts:
        """Everything Sereno holds that a thief may also have, each named as what it is."""
        setting = self.store.settings.get
        accounts = self._accounts()
        return LeakedFacts(
            first_name=setting("first_name") or "",
            trusted=setting("trusted_person") or "",
            banks=tuple(a.name for a in accounts if a.kind in ("bank", "pension")),
            accounts=tuple(a.name for a in accounts),
            card_digits=tuple(a.last4 for a in accounts if a.last4),
            country=setting("country") or "",
            birth_year=self.birth_year(),
        )

    # Suggestions: in memory only, the same one after Back and Next ------------------------
    def passphrase(self, account: str, short: bool, language: str) -> str:
        return self.suggestions.get(
            account, _words_key(short), lambda: self._make_words(short, language)
        )

    def another_passphrase(self, account: str, short: bool, language: str) -> str:
        return self.suggestions.another(
            account, _words_key(short), lambda: self._make_words(short, language)
        )

    def code(self, account: str, length: int) -> str:
        return self.suggestions.get(account, f"code{length}", lambda: self._make_code(length))

    def another_code(self, account: str, length: int) -> str:
        return self.suggestions.another(account, f"code{length}", lambda: self._make_code(length))

    def _make_words(self, short: bool, language: str) -> str:
        setting = self.store.settings.get
        avoid = [setting("first_name") or "", setting("trusted_person") or ""]
        count = SHORT_WORD_COUNT if short else WORD_COUNT
        return suggest_passphrase(language, avoid=avoid, words=count)

    def _make_code(self, length: int) -> str:
        return suggest_code(length, [a.last4 for a in self._accounts() if a.last4])

    # Actions ----------------------------------------------------------------------------
    @action
    def set_secret_kind(self, account_id: int, kind: str) -> None:
        """What the site asks for; the code length said before is kept."""
        _old, length = self.store.passwords.secret_kind(account_id)
        self.store.passwords.set_secret_kind(account_id, kind, length)

    @action
    def set_code_length(self, account_id: int, length: int) -> None:
        """The code's length the site asks for (so it asks for a code, at least)."""
        kind, _old = self.store.passwords.secret_kind(account_id)
        self.store.passwords.set_secret_kind(account_id, kind or "numbers", length)

    @action
    def set_pension_on_bank(self, account_id: int, answer: str) -> None:
        self.store.passwords.set_pension_on_bank(account_id, answer)

    def set_outcome(self, account_id: int, status: str) -> PasswordState:
        """How it went: the status (changed keeps the day only), and the to-do it adds or
        ticks, in one commit; then says what was done."""
        account = self.store.answers.account(account_id)
        with self.store.transaction():
            state = self.store.passwords.set_status(account_id, status, self.today())
            said = (
                self._apply(journey.after_outcome(account, status, self.today())) if account else ""
            )
        self._changed(said)
        return state

    def set_two_step(self, account_id: int, choice: str) -> PasswordState:
        """Two-step verification: the answer, and the to-do it adds or ticks, in one commit."""
        account = self.store.answers.account(account_id)
        with self.store.transaction():
            state = self.store.passwords.set_two_step(account_id, choice, self.today())
            said = (
                self._apply(journey.after_two_step(account, choice, self.today()))
                if account
                else ""
            )
        self._changed(said)
        return state

    def set_birth_year(self, year: int | None) -> None:
        """The birth year (None: not given); nothing is written when it is already so."""
        if year == self.birth_year():
            return
        with self.store.transaction():
            self.store.passwords.set_birth_year(year)
        self._changed("")

    def _apply(self, todo: journey.ToDo) -> str:
        """Put the to-do on the list (back, if ticked before; never twice) and tick the
        others, inside the caller's transaction; return what to say."""
        tasks = self.store.tasks
        if todo.put is not None:
            existing = tasks.by_rule(todo.put.rule)
            if existing is None:
                tasks.add(todo.put)
            else:
                tasks.upsert(todo.put)
                if existing.done and existing.id is not None:
                    tasks.undo_done(existing.id)
        for rule in todo.tick:
            task = tasks.by_rule(rule)
            if task is not None and not task.done and task.id is not None:
                tasks.mark_done(task.id, self.today())
        return _(todo.said) if todo.said else ""


def _words_key(short: bool) -> str:
    return "short" if short else "words"
