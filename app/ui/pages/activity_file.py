"""Opening the bank's own file: the file dialog, and "which column is the amount?".

A file that cannot be read gives a plain sentence and keeps nothing but its folder. When
the reader cannot tell the columns apart, the person picks them from the column names and
a few of their values, and the file is read again. Reading it, keeping its payments,
writing down the check and planning the next one is one commit
(`controller.activity.open_file`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app import i18n
from app.core.activity import ImportResult
from app.core.answers import Account
from app.core.statements import (
    ColumnMapping,
    ColumnsUnclear,
    StatementError,
    no_dates_found,
)
from app.i18n import N_, _
from app.ui import dialogs
from app.ui.pages.activity_review import account_of
from app.ui.widgets import BigButton, ButtonRow, ChoiceGroup, Heading, Text

QUESTIONS = {
    "date": N_("Which column is the date?"),
    "amount": N_("Which column is the amount?"),
    "description": N_("Which column says what each payment was?"),
}
SAMPLE_VALUES = 3


def ask_for_file(parent: QWidget, folder: str) -> str:
    """The file the person chose, or "" when they closed the window."""
    filters = ";;".join(
        (
            _("Bank files (*.csv *.ofx *.qfx *.CSV *.OFX *.QFX *.txt)"),
            _("All files (*)"),
        )
    )
    return dialogs.choose_file(
        parent, _("Open the file your bank gave you"), folder or str(Path.home()), filters
    )


def first_question(unclear: ColumnsUnclear) -> str:
    """The title of the columns page: the first thing Sereno needs to know."""
    asked = [r for r in ("amount", "date", "description") if r in unclear.missing]
    role = asked[0] if asked else "amount"
    return _(QUESTIONS[role])


def sample_values(unclear: ColumnsUnclear, column: int) -> str:
    values = [
        row[column].strip()
        for row in unclear.sample_rows
        if column < len(row) and row[column].strip()
    ]
    return "  ·  ".join(values[:SAMPLE_VALUES])


class ColumnsQuestion(QWidget):
    """One exclusive choice of column per thing the reader could not find."""

    def __init__(self, unclear: ColumnsUnclear, parent: QWidget | None = None):
        super().__init__(parent)
        self.unclear = unclear
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        if unclear.no_dates:  # what was missing, said before the question
            box.addWidget(Text(no_dates_found()))
        box.addWidget(
            Text(
                _(
                    "Sereno needs your help to read this file. Each choice shows a "
                    "column's name and what is written in it."
                )
            )
        )
        self.groups: dict[str, ChoiceGroup] = {}
        roles = [r for r in ("date", "amount", "description") if r in unclear.missing]
        for role in roles or ["amount"]:
            question = _(QUESTIONS[role])
            if len(roles) > 1:
                box.addWidget(Heading(question))
            group = ChoiceGroup(exclusive=True, name=question)
            for i, header in enumerate(unclear.headers):
                group.add(
                    str(i),
                    header or _("Column {number}").format(number=i + 1),
                    sample_values(unclear, i),
                )
            guess = unclear.guess.get(role)
            if guess is not None:
                group.set_value(str(guess))
            self.groups[role] = group
            box.addWidget(group)
        self.retry = BigButton(_("Read the file with these columns"), primary=True)
        box.addWidget(ButtonRow(self.retry))

    def problem(self) -> str | None:
        """A plain sentence when a question has no answer or two share a column."""
        chosen = {role: group.value() for role, group in self.groups.items()}
        if not all(chosen.values()):
            return _("Please choose one column for each question.")
        taken = [int(v) for v in chosen.values()]
        others = {
            k: v
            for k, v in self.unclear.guess.items()
            if k in ("date", "description", "amount") and k not in chosen
        }
        if len(set(taken) | set(others.values())) < len(taken) + len(others):
            return _("Please choose a different column for each question.")
        return None

    def mapping(self) -> ColumnMapping:
        columns = dict(self.unclear.guess)
        chosen = {role: int(group.value()) for role, group in self.groups.items()}
        if "amount" in chosen:
            columns.pop("debit", None)
            columns.pop("credit", None)
        columns.update(chosen)
        # A column the person chose is no longer a balance or currency column.
        for extra in ("balance", "currency"):
            if columns.get(extra) in chosen.values():
                columns.pop(extra)
        # A column the person chose is no longer the payee's second text or the account.
        for extra in ("detail", "account"):
            if columns.get(extra) in chosen.values():
                columns.pop(extra)
        return ColumnMapping(
            date=columns["date"],
            description=columns["description"],
            amount=columns.get("amount"),
            debit=columns.get("debit"),
            credit=columns.get("credit"),
            balance=columns.get("balance"),
            currency=columns.get("currency"),
            detail=columns.get("detail"),
            account=columns.get("account"),
        )


class FileStages:
    """The file stages of the result page: choose the file, name its columns, import it."""

    def _show_file(self, account: Account) -> None:
        self.area.addWidget(
            Text(
                _(
                    "Your bank's website lets you download your payments as a "
                    "file (CSV or OFX). Sereno reads it here and never keeps "
                    "a copy."
                )
            )
        )
        if self.notice:
            self.area.addWidget(Text(self.notice, "status"))
        self.open_button = BigButton(_("Open the file your bank gave you"), primary=True)
        self.open_button.clicked.connect(self._open_file)
        self.area.addWidget(ButtonRow(self.open_button))

    def _show_columns(self, account: Account) -> None:
        self.columns = ColumnsQuestion(self.controller.activity.columns_question(account.id))
        self.columns.retry.clicked.connect(self._retry_columns)
        self.area.addWidget(self.columns)

    def _open_file(self) -> None:
        path = ask_for_file(self, self.controller.setting("last_folder"))
        if path:
            account_id = account_of(self).id
            self._read(lambda: self.controller.activity.open_file(account_id, path))

    def _retry_columns(self) -> None:
        problem = self.columns.problem()
        if problem:
            self.show_error(problem)
            self.controller.changed(problem)
            return
        account_id, mapping = account_of(self).id, self.columns.mapping()
        self._read(lambda: self.controller.activity.read_with_columns(account_id, mapping))

    def _read(self, read: Callable[[], ImportResult]) -> None:
        """Read the file; then show the stage it leads to, with what it did."""
        try:
            result = read()
        except ColumnsUnclear:
            self._refresh()
            return
        except StatementError as error:
            self._refresh()
            self.show_error(error.message)
            self.controller.changed(error.message)
            return
        if result.added == 0:
            notice = _("Sereno already knows every payment in this file. Nothing was added twice.")
        else:
            notice = i18n.ngettext(
                "Sereno found {n} new payment in this file.",
                "Sereno found {n} new payments in this file.",
                result.added,
            ).format(n=result.added)
        self._refresh(notice, notice)
