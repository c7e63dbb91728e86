"""One payment from the bank's file at a time, in large type: is it yours?

The card shows the date, the amount in the person's money format, what the bank wrote,
and why Sereno shows it (the flags in words). The page saves each answer at once.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _, format_date, format_money, ngettext
from app.store.activity import Reviewed
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, Text


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

    def __init__(self, txn: Reviewed, number: int, total: int, currency: str,
                 answer: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        box.addWidget(Text(_("Payment {n} of {total}").format(n=number, total=total), "muted"))
        card = Card(name=txn.description)
        card.box.addWidget(Text(format_date(txn.date), "heading"))
        card.box.addWidget(Text(amount_words(txn, currency), "heading"))
        card.box.addWidget(Text(txn.description, "heading"))
        box.addWidget(card)
        if txn.flags:
            box.addWidget(Heading(_("Why Sereno shows it")))
            for flag in txn.flags:
                box.addWidget(Text(f"{flag.label}. {flag.explanation()}"))
        else:
            box.addWidget(Text(_("Nothing unusual was found. Please look at it anyway.")))
        self.yes = BigButton(_("Yes, this is mine"), primary=True)
        self.no = BigButton(
            _("No, or I'm not sure"),
            description=_("Sereno puts a call to your bank on your to-do list."),
        )
        self.yes.clicked.connect(lambda: answer("mine"))
        self.no.clicked.connect(lambda: answer("not_mine"))
        box.addWidget(ButtonRow(self.yes))
        box.addWidget(ButtonRow(self.no))
        box.addWidget(Text(_("You can stop at any time with Home: Sereno keeps your place."),
                           "muted"))
