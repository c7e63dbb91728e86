"""The activity check as a person does it: each answer, file or payment is one commit.

Reads tell a page which stage to show (`stage`) and what to show in it; actions write
the check, the payments and the to-dos they bring together. What is under way and not
yet worth keeping (a file whose columns are asked, a payment's first half) is held here
while the profile is open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.core.actions import Actions, action
from app.core.activity import (
    Check,
    ImportResult,
    Reviewed,
    call_bank_task,
    home_currency,
    next_check_rule,
    next_check_task,
    strange_task,
    with_someone_task,
)
from app.core.activity_flow import (
    CHECK_NORMAL,
    CHECK_STRANGE,
    NEXT_CHECK,
    ON_ANSWER,
    TELL_ORGANISATION,
    WITH_SOMEONE,
    Facts,
    Stage,
    check_order,
    next_stage,
)
from app.core.answers import Account, Answers
from app.core.flow import Step
from app.core.statements import (
    NO_DESCRIPTION,
    ColumnMapping,
    ColumnsUnclear,
    Statement,
    StatementError,
    read_statement,
)
from app.core.tasks import Task
from app.i18n import _


@dataclass(frozen=True)
class HalfPayment:
    """A strange payment's date, then its amount, written before its name."""

    day: dt.date
    amount: Decimal | None = None

    @property
    def parts(self) -> int:
        return 1 if self.amount is None else 2


@dataclass(frozen=True)
class Reading:
    """The bank's file being read, while Sereno asks which column is which."""

    path: str
    unclear: ColumnsUnclear


def _look_key(account_id: int) -> str:
    return Step("activity.look", str(account_id)).key


def _result_key(account_id: int) -> str:
    return Step("activity.result", str(account_id)).key


class ActivityActions(Actions):
    """Reads and actions of the activity check, for its pages and the print centre."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reading: dict[int, Reading] = {}
        self._half: dict[int, HalfPayment] = {}

    # Reads ------------------------------------------------------------------------------
    def accounts(self) -> tuple[Account, ...]:
        return self.store.answers.accounts()

    def account(self, account_id: int | str) -> Account | None:
        try:
            return self.store.answers.account(int(account_id))
        except ValueError:
            return None

    def start_choices(self) -> list[Account]:
        """The accounts offered as where to start: the bank and pension first."""
        return check_order(Answers(accounts=self.accounts()))

    def in_check_order(self) -> list[Account]:
        """The accounts in the order the check walks them."""
        return check_order(Answers(accounts=self.accounts(), start_account=self.start_account()))

    def start_account(self) -> int | None:
        """The account the person chose to check first, while it is on their list."""
        chosen = self.store.answers.start_account()
        return chosen if self.account(chosen or 0) is not None else None

    def checks(self, account_id: int) -> list[Check]:
        return self.store.activity.checks(account_id)

    def last_check(self, account_id: int) -> Check | None:
        return self.store.activity.last_check(account_id)

    def way(self, account_id: int) -> str:
        """What the person answered on this account's "look" page ("" before an answer)."""
        values = self.store.progress.draft(_look_key(account_id)).get("way") or []
        return values[0] if values else ""

    def home_currency(self) -> str:
        return home_currency(self.country())

    def facts(self, account_id: int, way: str | None = None) -> Facts:
        account = self.account(account_id)
        if account is None:
            return Facts(kind=None)
        repo, today = self.store.activity, self.today()
        imports = repo.imports(account_id)
        last = imports[-1] if imports else None
        looked_today = last is not None and (
            last["imported_on"] == today.isoformat()
            or bool(repo.reviewed(account_id, since=today, import_id=last["id"]))
        )
        half = self._half.get(account_id)
        return Facts(
            kind=account.kind,
            way=self.way(account_id) if way is None else way,
            pending=len(repo.pending(account_id)),
            columns_asked=account_id in self._reading,
            looked_today=looked_today,
            payment_parts=half.parts if half else 0,
        )

    def stage(self, account_id: int) -> Stage:
        """The stage this account's result page shows now."""
        return next_stage(self.facts(account_id))

    def columns_question(self, account_id: int) -> ColumnsUnclear | None:
        reading = self._reading.get(account_id)
        return reading.unclear if reading else None

    def half_payment(self, account_id: int) -> HalfPayment | None:
        return self._half.get(account_id)

    def review_position(self, account_id: int) -> tuple[Reviewed, int, int] | None:
        """The next payment to answer, its number and the number in its file."""
        repo = self.store.activity
        pending = repo.pending(account_id)
        if not pending:
            return None
        txn = pending[0]
        done = len(repo.reviewed(account_id, import_id=txn.import_id)) if txn.import_id else 0
        same_file = sum(1 for p in pending if p.import_id == txn.import_id)
        return txn, done + 1, done + same_file

    def last_file_counts(self, account_id: int) -> tuple[int, int]:
        """(payments looked at, payments to ask the bank about) in the last file read."""
        imports = self.store.activity.imports(account_id)
        if not imports:
            return 0, 0
        reviewed = self.store.activity.reviewed(account_id, import_id=imports[-1]["id"])
        return len(reviewed), sum(1 for r in reviewed if r.verdict == "not_mine")

    def next_check_due(self, account_id: int) -> dt.date | None:
        task = self.store.tasks.by_rule(next_check_rule(account_id))
        return task.due if task is not None else None

    def today_summary(self) -> list[tuple[Account, str]]:
        """Each account, in the order checked, with what today's checks found: "none",
        "strange" or "normal"."""
        today, found = self.today(), []
        for account in self.in_check_order():
            results = {c.result for c in self.checks(account.id) if c.day == today}
            found.append(
                (
                    account,
                    "none" if not results else "strange" if "strange" in results else "normal",
                )
            )
        return found

    def files_today(self) -> tuple[int, int]:
        """(payments from files answered today, those to ask the bank about)."""
        reviewed = [
            r for r in self.store.activity.reviewed(since=self.today()) if r.import_id is not None
        ]
        return len(reviewed), sum(1 for r in reviewed if r.verdict == "not_mine")

    # Actions ----------------------------------------------------------------------------
    def start_with(self, account_id: int) -> None:
        """Check this account first (the person's worry): the steps follow; one commit."""
        if self.account(account_id) is None or self.start_account() == account_id:
            return
        with self.store.transaction():
            self.store.answers.set_start_account(account_id)
        self._changed("")

    def answer(self, account_id: int, way: str) -> None:
        """The person answered what they found: write down what that answer leads to."""
        account = self.account(account_id)
        effects = ON_ANSWER.get(next_stage(self.facts(account_id, way)), ()) if way else ()
        if account is None or not effects:
            return  # the bank's file writes when it is read
        today, repo, added = self.today(), self.store.activity, False
        with self.store.transaction():
            for effect in effects:
                if effect in (CHECK_NORMAL, CHECK_STRANGE):
                    repo.record_check(account_id, today, "hand", effect.split(":")[1])
                elif effect == TELL_ORGANISATION:
                    added |= self._add_once(strange_task(account, today, self.country()))
                elif effect == WITH_SOMEONE:
                    person = (self.store.settings.get("trusted_person") or "").strip()
                    added |= self._add_once(with_someone_task(account, person, today))
                elif effect == NEXT_CHECK:
                    self._plan_next_check(account)
            if added:
                self._follow_plan()
        self._changed(_("Added to your to-do list.") if added else "")

    def keep_note(self, account_id: int, note: str) -> None:
        """What looked strange, in the person's words, kept with today's check."""
        check = next(
            (c for c in self.checks(account_id) if c.day == self.today() and c.method == "hand"),
            None,
        )
        if check is None or check.note == note:
            return
        with self.store.transaction():
            self.store.activity.record_check(account_id, self.today(), "hand", check.result, note)
        self._changed("")

    def open_file(
        self, account_id: int, path: str, mapping: ColumnMapping | None = None
    ) -> ImportResult:
        """Read the bank's file and keep its payments for review (one commit).

        Raises ColumnsUnclear (kept: `columns_question` asks it) or StatementError; then
        only the folder is remembered, for the next file window.
        """
        folder = str(Path(path).parent)
        try:
            statement = read_statement(path, mapping)
        except ColumnsUnclear as unclear:
            self._reading[account_id] = Reading(path, unclear)
            self._remember_folder(folder)
            raise
        except StatementError:
            self._reading.pop(account_id, None)
            self._remember_folder(folder)
            raise
        self._reading.pop(account_id, None)
        return self.import_statement(account_id, Path(path).name, statement, folder)

    def read_with_columns(self, account_id: int, mapping: ColumnMapping) -> ImportResult:
        """Read the file again with the columns the person named."""
        return self.open_file(account_id, self._reading[account_id].path, mapping)

    @action
    def import_statement(
        self, account_id: int, file_name: str, statement: Statement, folder: str = ""
    ) -> ImportResult:
        """Flag the file's payments against what the person said was theirs, keep them for
        review, write down the check and plan the next one: one commit."""
        from app.core.flags import flag_transactions  # loaded with the first file

        repo, today = self.store.activity, self.today()
        if folder:  # the next file window opens there
            self.store.settings.set("last_folder", folder)
        # A file that names no currency is in the money of the person's country.
        currency = statement.currency or self.home_currency()
        flagged = flag_transactions(statement.transactions, repo.history(account_id), currency)
        result = repo.import_statement(account_id, today, file_name, flagged, currency)
        earlier = next(
            (c for c in repo.checks(account_id) if c.day == today and c.method == "file"), None
        )
        repo.record_check(account_id, today, "file", earlier.result if earlier else "normal")
        self._plan_next_check(self.account(account_id))
        return result

    @action
    def _remember_folder(self, folder: str) -> None:
        self.store.settings.set("last_folder", folder)

    def payment_day(self, account_id: int, day: dt.date) -> None:
        """The date of a strange payment: its amount is asked next."""
        self._half[account_id] = HalfPayment(day)

    def payment_amount(self, account_id: int, amount: Decimal) -> None:
        """The amount of a strange payment: the name on the statement is asked next."""
        self._half[account_id] = HalfPayment(self._half[account_id].day, amount)

    def change_payment(self, account_id: int) -> None:
        """Back to the date (what was typed stays in the page's draft)."""
        self._half.pop(account_id, None)

    def add_payment(self, account_id: int, day: dt.date, amount: Decimal, payee: str) -> Reviewed:
        """A strange payment from a paper statement: kept as not the person's, with a call
        to the bank on the to-do list; the form is emptied for the next one."""
        repo, today = self.store.activity, self.today()
        amount = -abs(amount)
        currency = self.home_currency()
        with self.store.transaction():
            saved = repo.add_by_hand(account_id, day, amount, currency, payee.strip(), today)
            repo.record_check(account_id, today, "hand", "strange")
            self.store.tasks.add(
                call_bank_task(
                    f"activity.manual.{saved.id}", day, amount, currency, saved.description, today
                )
            )
            self._follow_plan()
            self.store.progress.clear_draft(_result_key(account_id))
        self._half.pop(account_id, None)
        self._changed(_("Added to your to-do list."))
        return saved

    def answer_payment(self, account_id: int, txn_id: int, verdict: str) -> None:
        """Mine, or not mine (or not sure): a "no" is a call to the bank on the to-do list."""
        repo, today = self.store.activity, self.today()
        with self.store.transaction():
            repo.set_verdict(txn_id, verdict, today)
            if verdict == "not_mine":
                txn = repo.transaction(txn_id)
                repo.record_check(account_id, today, "file", "strange")
                self.store.tasks.add(
                    call_bank_task(
                        f"activity.txn.{txn_id}",
                        txn.date,
                        txn.amount,
                        txn.currency or self.home_currency(),
                        txn.description or {"text": NO_DESCRIPTION},
                        today,
                    )
                )
                self._follow_plan()
        self._changed(_("Added to your to-do list.") if verdict == "not_mine" else "")

    # Inside an action ---------------------------------------------------------------------
    def _add_once(self, task: Task) -> bool:
        """Add a task its rule has not made yet; say whether it was added."""
        if self.store.tasks.by_rule(task.rule) is not None:
            return False
        self.store.tasks.add(task)
        return True

    def _plan_next_check(self, account: Account) -> None:
        """One repeating monthly to-do per account, for a year from its first check."""
        existing = self.store.tasks.by_rule(next_check_rule(account.id))
        if existing is not None and existing.due:
            return
        today = self.today()
        first = self.store.activity.first_check_day(account.id) or today
        self.store.tasks.add(next_check_task(account, today, first))
        self._follow_plan()
