"""One payment from the bank's file at a time, in large type: is it yours?

The card shows the date, the amount in the person's money format, what the bank wrote,
and why Sereno shows it (the flags in words). Each answer is saved at once (one commit),
and each "No" becomes a call to the bank on the to-do list (app/core/actions/activity.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.activity import Reviewed
from app.core.answers import Account
from app.core.flags import FlagKind
from app.core.statements import shown_description
from app.i18n import _, format_date, format_money, ngettext
from app.ui import theme
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text
from app.ui.widgets.flow import FlowLayout
from app.ui.widgets.more import content


def account_of(page: PageBase) -> Account | None:
    """The account a page of the check is about (its step's argument)."""
    return page.controller.activity.account(page.step.arg)


def amount_words(txn: Reviewed, currency: str) -> str:
    """ "Paid: 45,00 €" or "Received: 45,00 €", never a bare minus sign."""
    money = format_money(abs(txn.amount), txn.currency or currency)
    if txn.amount < 0:
        return _("Paid: {amount}").format(amount=money)
    return _("Received: {amount}").format(amount=money)


def counts_sentence(looked: int, to_ask: int) -> str:
    """ "12 payments looked at, 2 to ask your bank about"."""
    return ngettext(
        "{n} payment looked at, {k} to ask your bank about",
        "{n} payments looked at, {k} to ask your bank about",
        looked,
    ).format(n=looked, k=to_ask)


class ReviewCard(QWidget):
    """The payment to answer about, and the two answers as big buttons."""

    def __init__(
        self,
        txn: Reviewed,
        number: int,
        total: int,
        currency: str,
        answer: Callable[[str], None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        box.addWidget(
            content(Text(_("Payment {n} of {total}").format(n=number, total=total), "muted"))
        )
        card = content(Card(name=shown_description(txn.description)))  # the person's payment
        card.box.addWidget(Text(format_date(txn.date), "heading"))
        card.box.addWidget(Text(amount_words(txn, currency), "heading"))
        card.box.addWidget(Text(shown_description(txn.description), "heading"))
        box.addWidget(card)
        self.yes = BigButton(_("Yes, this is mine"), primary=True, answer=True)
        self.no = BigButton(
            _("No, or I'm not sure"),
            description=_("Sereno puts a call to your bank on your to-do list."),
            answer=True,
        )
        self.yes.clicked.connect(lambda: answer("mine"))
        self.no.clicked.connect(lambda: answer("not_mine"))
        answers = FlowLayout(gap=theme.GAP_PX)
        answers.addWidget(self.yes)
        answers.addWidget(self.no)
        box.addLayout(answers)  # right under the payment: in sight at 175 %
        strange = [f for f in txn.flags if f.kind is not FlagKind.OWN_TRANSFER]
        if strange:
            box.addWidget(Heading(_("Why Sereno shows it")))
            for flag in strange:
                box.addWidget(Text(f"{flag.label}. {flag.explanation()}"))
        elif txn.flags:  # between the person's own accounts: said plainly, not as a warning
            box.addWidget(Text(f"{txn.flags[0].label}. {txn.flags[0].explanation()}"))
        else:
            box.addWidget(Text(_("Nothing unusual was found. Please look at it anyway.")))
        box.addWidget(
            Text(_("You can stop at any time with Home: Sereno keeps your place."), "muted")
        )


class ReviewStages:
    """The review stages of the result page: one payment at a time, then what was found."""

    def _show_review(self, account: Account) -> None:
        txn, number, total = self.controller.activity.review_position(account.id)
        if self.notice:
            self.area.addWidget(Text(self.notice, "status"))
        self.review = ReviewCard(
            txn,
            number,
            total,
            self.controller.activity.home_currency(),
            lambda verdict, t=txn.id: self._answer(t, verdict),
        )
        self.area.addWidget(self.review)

    def _show_done(self, account: Account) -> None:
        if self.notice:
            self.area.addWidget(Text(self.notice, "status"))
        looked, to_ask = self.controller.activity.last_file_counts(account.id)
        self.area.addWidget(content(Text(counts_sentence(looked, to_ask), "heading")))
        if to_ask:
            self.area.addWidget(
                Text(
                    _("Each payment to ask about is on your to-do list, with its date and amount.")
                )
            )
        self.open_button = BigButton(_("Open another file"))
        self.open_button.clicked.connect(self._open_file)
        self.area.addWidget(ButtonRow(self.open_button))

    def _answer(self, txn_id: int, verdict: str) -> None:
        self.controller.activity.answer_payment(account_of(self).id, txn_id, verdict)
        self.notice = ""
        self._refresh()
        if self.review is not None:
            self.review.yes.setFocus(Qt.FocusReason.OtherFocusReason)
