"""The strange payment written down by hand, copied from a paper statement.

The date is typed as the statement prints it ("14 de noviembre", "14 nov", "14/11") and
said back in words under the field ("That is: 14 November 2026"). A problem is one whole
sentence under the field it is about, heard with that field, and gone when it changes.
Each payment added becomes a call to the bank on the to-do list.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import get_decimal_symbol

from app import i18n
from app.core.answers import Account
from app.core.dates import DateError, read_typed_date
from app.core.statements_csv import decimal_mark, parse_amount
from app.i18n import _, format_date
from app.ui.pages.activity_review import account_of, call_bank_task, home_currency
from app.ui.widgets import BigButton, ButtonRow, Text, TextField


class HandStages:
    """The "payment" stage of the result page: date, amount and name, then "Add"."""

    def _show_payment(self, account: Account) -> None:
        self.controller.store.activity.record_check(account.id, self.controller.today(), "hand",
                                                    "strange")
        self.area.addWidget(Text(_("Copy it from the statement. Sereno puts a call to your "
                                   "bank on your to-do list.")))
        self.day = TextField(_("Date of the payment"), hint=_("For example {example}").format(
            example=self._date_example()), max_length=40)
        self.amount = TextField(_("Amount"), hint=_("For example {example}").format(
            example=self._amount_example()), max_length=20)
        self.payee = TextField(_("Name on the statement"), max_length=120)
        # Under the date, the date said back in words; under each field, its one problem.
        self.day_words = Text("", "muted")
        self.day_words.hide()
        self.field_errors: dict[str, Text] = {}
        for name, field in (("day", self.day), ("amount", self.amount), ("payee", self.payee)):
            self.area.addWidget(self.keep(name, field))
            if name == "day":
                self.area.addWidget(self.day_words)
            error = Text("", "error")
            error.hide()
            self.field_errors[name] = error
            self.area.addWidget(error)
            field.edit.textChanged.connect(lambda _text, n=name: self._field_changed(n))
        self._field_changed("day")
        self.add_button = BigButton(_("Add to my to-do list"), primary=True)
        self.add_button.clicked.connect(self._add_payment)
        self.area.addWidget(ButtonRow(self.add_button))
        self.area.addWidget(self._next_check_text(account))

    def _amount_example(self) -> str:
        return f"45{get_decimal_symbol(i18n.babel_locale())}00"

    def _date_example(self) -> str:
        """The 14th of last month as a statement prints it: "14 de octubre", "14 octobre"."""
        last_month = self.controller.today().replace(day=1) - dt.timedelta(days=1)
        return format_date(last_month.replace(day=14), with_year=False)

    def _typed_day(self) -> dt.date | None:
        return read_typed_date(self.day.value(), self.controller.today())

    def _field_changed(self, name: str) -> None:
        """A problem goes as soon as its field is changed; the date is said back in words."""
        if self.field_errors[name].isVisibleTo(self):
            self.field_errors[name].hide()
            field = getattr(self, name)
            field.edit.setAccessibleDescription(field.edit.placeholderText())
        if name != "day":
            return
        try:
            day = self._typed_day()
        except DateError:
            day = None
        self.day_words.setText(_("That is: {date}").format(date=format_date(day)) if day else "")
        self.day_words.setVisible(day is not None)

    def _show_field_error(self, name: str, message: str) -> None:
        """One message, whole, under its field; a screen reader hears it with the field."""
        for other, label in self.field_errors.items():
            label.setVisible(other == name)
        self.field_errors[name].setText(message)
        field = getattr(self, name)
        field.edit.setAccessibleDescription(message)
        field.setFocus()

    def _add_payment(self) -> None:
        problem = self._payment_problem()
        if problem:
            self._show_field_error(*problem)
            return
        account = account_of(self)
        today = self.controller.today()
        day = self._typed_day()
        amount = -abs(self._amount())
        currency = home_currency(self)
        payee = self.payee.value().strip()
        saved = self.controller.store.activity.add_by_hand(account.id, day, amount, currency,
                                                           payee, today)
        self.controller.store.activity.record_check(account.id, today, "hand", "strange")
        self.controller.add_task(call_bank_task(f"activity.manual.{saved.id}", day, amount,
                                                currency, payee, today))
        for field in (self.day, self.amount, self.payee):
            field.set_value("")
        for label in self.field_errors.values():
            label.hide()
        self.show_error(None)
        self.day.setFocus()

    def _amount(self) -> Decimal | None:
        text = self.amount.value().strip()
        if not text:
            return None
        mark = decimal_mark([text], get_decimal_symbol(i18n.babel_locale()))
        return parse_amount(text, mark)

    def _payment_problem(self) -> tuple[str, str] | None:
        """(the field, one whole sentence about it) for the first field that is not right."""
        unreadable = _("Please write the date as it is on the statement, for example "
                       "{example}.").format(example=self._date_example())
        try:
            day = self._typed_day()
        except DateError as error:
            return "day", {
                "no_such_day": _("This day does not exist in that month. Please check the "
                                 "date."),
                "later": _("This date is later than today. Please check it."),
            }.get(error.reason, unreadable)
        if day is None:
            return "day", unreadable
        amount = self._amount()
        if amount is None or amount == 0:
            return "amount", _("Please write the amount with numbers only, for example "
                               "{example}.").format(example=self._amount_example())
        if not self.payee.value().strip():
            return "payee", _("Please write the name as it appears on the statement.")
        return None
