"""The strange payment written down by hand, copied from a paper statement, one field at a time.

Its date, its amount, then the name on the statement: at the largest text size each
field, what is said under it and its button share the screen. The date is typed as the
statement prints it ("14 de noviembre", "14 nov", "14/11") and said back in words under
the field ("That is: 14 November 2026"). A problem is one whole sentence under the field
it is about, heard with that field, and gone when it changes. Each payment added becomes
a call to the bank on the to-do list.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import get_decimal_symbol

from app import i18n
from app.core.activity_flow import Stage
from app.core.answers import Account
from app.core.dates import DateError, read_typed_date
from app.core.statements_csv import decimal_mark, parse_amount
from app.i18n import _, format_date, format_money
from app.ui.pages.activity_review import account_of
from app.ui.widgets import BigButton, ButtonRow, Text, TextField


class HandStages:
    """The "payment" stages of the result page: the date, the amount, then the name and "Add"."""

    def _show_payment(self, account: Account) -> None:
        self.day = TextField(
            _("Date of the payment"),
            hint=_("For example {example}").format(example=self._date_example()),
            max_length=40,
        )
        # Under the date, the date said back in words; under each field, its one problem.
        self.day_words = Text("", "muted")
        self.day_words.hide()
        self._add_fields((("day", self.day),))
        self._field_changed("day")
        self.area.addWidget(
            Text(
                _("Copy it from the statement. Sereno puts a call to your bank on your to-do list.")
            )
        )

    def _show_payment_amount(self, account: Account) -> None:
        self._written_so_far(account)
        self.amount = TextField(
            _("Amount"),
            hint=_("For example {example}").format(example=self._amount_example()),
            max_length=20,
        )
        self._add_fields((("amount", self.amount),))
        self._add_change_button()

    def _show_payment_name(self, account: Account) -> None:
        self._written_so_far(account)
        self.payee = TextField(_("Name on the statement"), max_length=120)
        self._add_fields((("payee", self.payee),))
        self.add_button = BigButton(_("Add to my to-do list"), primary=True)
        self.add_button.clicked.connect(self._add_payment)
        self.area.addWidget(ButtonRow(self.add_button))
        self._add_change_button()

    def _written_so_far(self, account: Account) -> None:
        """The date (and the amount) already written, in words, above the next field."""
        half = self.controller.activity.half_payment(account.id)
        self.area.addWidget(Text(format_date(half.day), "heading"))
        if half.amount is not None:
            money = format_money(abs(half.amount), self.controller.activity.home_currency())
            self.area.addWidget(Text(_("Paid: {amount}").format(amount=money), "heading"))

    def _add_change_button(self) -> None:
        self.change_button = BigButton(_("Change the date or amount"))
        self.change_button.clicked.connect(self._change_payment)
        self.area.addWidget(ButtonRow(self.change_button))

    def _add_fields(self, fields) -> None:
        self.field_errors: dict[str, Text] = {}
        for name, field in fields:
            self.area.addWidget(self.keep(name, field))
            if name == "day":
                self.area.addWidget(self.day_words)
            error = Text("", "error")
            error.hide()
            self.field_errors[name] = error
            self.area.addWidget(error)
            field.edit.textChanged.connect(lambda _text, n=name: self._field_changed(n))

    def _amount_example(self) -> str:
        return f"45{get_decimal_symbol(i18n.babel_locale())}00"

    def _date_example(self) -> str:
        """The 14th of last month as a statement prints it: "14 de octubre", "14 octobre"."""
        last_month = self.controller.today().replace(day=1) - dt.timedelta(days=1)
        return format_date(last_month.replace(day=14), with_year=False)

    def take_next(self) -> bool:
        """Next goes on to the next field while the payment is being written: a typed date
        to the amount, an amount to the name, a name adds the payment. With the box empty,
        Next leaves: there is no (other) payment to write."""
        stage = self.stage()
        if stage is Stage.PAYMENT and self.day.value().strip():
            self._continue_day()
        elif stage is Stage.PAYMENT_AMOUNT and self.amount.value().strip():
            self._continue_amount()
        elif stage is Stage.PAYMENT_NAME and self.payee.value().strip():
            self._add_payment()
        else:
            return False
        return True

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

    def _continue_day(self) -> None:
        problem = self._day_problem()
        if problem:
            self._show_field_error("day", problem)
            return
        self.controller.activity.payment_day(account_of(self).id, self._typed_day())
        self._refresh()
        self.amount.setFocus()

    def _continue_amount(self) -> None:
        amount = self._amount()
        if amount is None or amount == 0:
            self._show_field_error(
                "amount",
                _("Please write the amount with numbers only, for example {example}.").format(
                    example=self._amount_example()
                ),
            )
            return
        self.controller.activity.payment_amount(account_of(self).id, amount)
        self._refresh()
        self.payee.setFocus()

    def _change_payment(self) -> None:
        self.controller.activity.change_payment(account_of(self).id)
        self._refresh()
        self.day.setFocus()

    def _add_payment(self) -> None:
        if not self.payee.value().strip():
            self._show_field_error(
                "payee", _("Please write the name as it appears on the statement.")
            )
            return
        account = account_of(self)
        half = self.controller.activity.half_payment(account.id)
        self.controller.activity.add_payment(account.id, half.day, half.amount, self.payee.value())
        self._fields = {}  # added: the emptied form is not kept as a draft again
        self._refresh()
        self.day.setFocus()

    def _amount(self) -> Decimal | None:
        text = self.amount.value().strip()
        if not text:
            return None
        mark = decimal_mark([text], get_decimal_symbol(i18n.babel_locale()))
        return parse_amount(text, mark)

    def _day_problem(self) -> str | None:
        """One whole sentence about the date, when it is not right."""
        unreadable = _(
            "Please write the date as it is on the statement, for example {example}."
        ).format(example=self._date_example())
        try:
            day = self._typed_day()
        except DateError as error:
            return {
                "no_such_day": _("This day does not exist in that month. Please check the date."),
                "later": _("This date is later than today. Please check it."),
            }.get(error.reason, unreadable)
        return None if day is not None else unreadable
