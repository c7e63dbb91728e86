"""One payment from the bank's file at a time, in large type: is it yours?

The card shows the date, the amount in the person's money format, what the bank wrote,
and why Sereno shows it (the flags in words). Each answer is saved at once, and each
"No" becomes a to-do. The to-dos every activity page makes (call the bank, the next
monthly check) are built here too.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app import i18n
from app.core.answers import Account
from app.core.flags import FlagKind
from app.core.flow import Step
from app.core.statements import NO_DESCRIPTION, shown_description
from app.core.tasks import Task, add_months
from app.i18n import N_, _, format_date, format_money, ngettext
from app.store.activity import Reviewed
from app.ui import theme
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text
from app.ui.widgets.flow import FlowLayout

MONEY_KINDS = ("bank", "pension")
SOURCE = "activity"
CALL_BANK = N_("Call your bank about {amount} paid to {payee} on {date} — use the number "
               "on your card")
CALL_BANK_WHY = N_("You told Sereno this payment is not yours, or you are not sure. "
                   "Your bank can stop it and protect your account.")
CALL_BANK_HOW = N_("Call the number printed on your bank card or statement, never a number "
                   "from a message. Say the date, the amount and the name on the statement.")
NEXT_CHECK = N_("Check “{account}” again for payments you do not recognise")
NEXT_CHECK_WHY = N_("After a leak, checking every month for a year catches a problem early.")
NEXT_CHECK_HOW = N_("On the home page, press “Check account activity” and follow the steps.")
CURRENCY_FOR_COUNTRY = {"MX": "MXN", "FR": "EUR"}


# Helpers shared by the pages ------------------------------------------------------------
def account_of(page: PageBase) -> Account | None:
    try:
        return page.controller.store.answers.account(int(page.step.arg))
    except ValueError:
        return None


def chosen_way(page: PageBase) -> str:
    """What the person answered on this account's "look" page: normal, strange or file."""
    draft = page.controller.store.progress.draft(Step("activity.look", page.step.arg).key)
    values = draft.get("way") or []
    return values[0] if values else ""


def home_currency(page: PageBase) -> str:
    return CURRENCY_FOR_COUNTRY.get(page.controller.setting("country")) or i18n.default_currency()


def ensure_next_check(page: PageBase, account: Account) -> dt.date:
    """One repeating monthly to-do per account, for a year from its first check."""
    rule = f"activity.next.{account.id}"
    existing = page.controller.store.tasks.by_rule(rule)
    if existing is not None and existing.due:
        return existing.due
    today = page.controller.today()
    first = page.controller.store.activity.first_check_day(account.id) or today
    due = add_months(today, 1)
    page.controller.add_task(Task(
        title=NEXT_CHECK, why=NEXT_CHECK_WHY, how=NEXT_CHECK_HOW, params={"account": account.name},
        source=SOURCE, rule=rule, due=due, repeat="monthly", repeat_until=add_months(first, 12),
    ), announce=False)
    return due


def call_bank_task(rule: str, day: dt.date, amount: Decimal, currency: str, payee: str | dict,
                   today: dt.date) -> Task:
    return Task(
        title=CALL_BANK, why=CALL_BANK_WHY, how=CALL_BANK_HOW, priority=1, due=today,
        params={"amount": {"money": str(abs(amount)), "currency": currency}, "payee": payee,
                "date": {"date": day.isoformat()}},
        source=SOURCE, rule=rule,
    )



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
        card = Card(name=shown_description(txn.description))
        card.box.addWidget(Text(format_date(txn.date), "heading"))
        card.box.addWidget(Text(amount_words(txn, currency), "heading"))
        card.box.addWidget(Text(shown_description(txn.description), "heading"))
        box.addWidget(card)
        strange = [f for f in txn.flags if f.kind is not FlagKind.OWN_TRANSFER]
        if strange:
            box.addWidget(Heading(_("Why Sereno shows it")))
            for flag in strange:
                box.addWidget(Text(f"{flag.label}. {flag.explanation()}"))
        elif txn.flags:  # between the person's own accounts: said plainly, not as a warning
            box.addWidget(Text(f"{txn.flags[0].label}. {txn.flags[0].explanation()}"))
        else:
            box.addWidget(Text(_("Nothing unusual was found. Please look at it anyway.")))
        self.yes = BigButton(_("Yes, this is mine"), primary=True)
        self.no = BigButton(
            _("No, or I'm not sure"),
            description=_("Sereno puts a call to your bank on your to-do list."),
        )
        self.yes.clicked.connect(lambda: answer("mine"))
        self.no.clicked.connect(lambda: answer("not_mine"))
        answers = FlowLayout(gap=theme.GAP_PX)
        answers.addWidget(self.yes)
        answers.addWidget(self.no)
        box.addLayout(answers)
        box.addWidget(Text(_("You can stop at any time with Home: Sereno keeps your place."),
                           "muted"))


class ReviewStages:
    """The review stages of the result page: one payment at a time, then what was found."""

    def _show_review(self, account: Account) -> None:
        repo = self.controller.store.activity
        pending = repo.pending(account.id)
        txn = pending[0]
        done = len(repo.reviewed(account.id, import_id=txn.import_id)) if txn.import_id else 0
        same_import = [p for p in pending if p.import_id == txn.import_id]
        if self.notice:
            self.area.addWidget(Text(self.notice, "status"))
        self.review = ReviewCard(txn, done + 1, done + len(same_import), home_currency(self),
                                 lambda verdict, t=txn.id: self._answer(t, verdict))
        self.area.addWidget(self.review)

    def _show_done(self, account: Account) -> None:
        repo = self.controller.store.activity
        last = repo.imports(account.id)[-1]
        if self.notice:
            self.area.addWidget(Text(self.notice, "status"))
        reviewed = repo.reviewed(account.id, import_id=last["id"])
        to_ask = sum(1 for r in reviewed if r.verdict == "not_mine")
        self.area.addWidget(Text(counts_sentence(len(reviewed), to_ask), "heading"))
        if to_ask:
            self.area.addWidget(Text(_("Each payment to ask about is on your to-do list, with "
                                       "its date and amount.")))
        self.open_button = BigButton(_("Open another file"))
        self.open_button.clicked.connect(self._open_file)
        self.area.addWidget(ButtonRow(self.open_button))
        self.area.addWidget(self._next_check_text(account))

    def _answer(self, txn_id: int, verdict: str) -> None:
        account = account_of(self)
        repo = self.controller.store.activity
        today = self.controller.today()
        repo.set_verdict(txn_id, verdict, today)
        if verdict == "not_mine":
            txn = repo.transaction(txn_id)
            repo.record_check(account.id, today, "file", "strange")
            self.controller.add_task(call_bank_task(
                f"activity.txn.{txn_id}", txn.date, txn.amount, txn.currency or home_currency(self),
                txn.description or {"text": NO_DESCRIPTION}, today))
        else:
            self.controller.changed()
        self.notice = ""
        self.reviewed_here = not repo.pending(account.id)
        self._refresh()
        if self.review is not None:
            self.review.yes.setFocus(Qt.FocusReason.OtherFocusReason)
