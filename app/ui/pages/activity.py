"""Check account activity: for each account, open it, know what to look for, and answer.

Per account: "open" (type the official address yourself), "look" (what to look for, and
the answer: normal, strange, or from the bank's file) and "result", which follows that
answer: a thank-you, a form for one strange payment (activity_hand), or the bank's file
reviewed one payment at a time (activity_file, activity_review). Every check keeps its
date and puts the next monthly check on the to-do list. A review stopped half-way resumes
where it was, because the payments still to answer are kept in the store until answered.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QVBoxLayout

from app import i18n
from app.core.answers import Account
from app.core.flags import flag_transactions
from app.core.flow import Step
from app.core.statements import ColumnsUnclear, Transaction
from app.core.tasks import Task
from app.i18n import N_, _, format_date
from app.store import Store
from app.ui.pages.activity_file import FileStages, first_question
from app.ui.pages.activity_hand import HandStages
from app.ui.pages.activity_review import (
    MONEY_KINDS,
    SOURCE,
    ReviewStages,
    account_of,
    chosen_way,
    counts_sentence,
    ensure_next_check,
)
from app.ui.pages.registry import register
from app.ui.widgets import (
    Card,
    ChoiceGroup,
    Heading,
    PageBase,
    Text,
    TextField,
)
from app.ui.widgets.page import clear_layout

STRANGE = N_("Tell the organisation about something strange in “{account}”")
WITH_SOMEONE = N_("Check “{account}” with {person}")
WITH_SOMEONE_HOW = N_("Sit down together. Open the account, then look for what Sereno lists: "
                      "you read, they help.")
SOMEONE = N_("someone you trust")
STRANGE_HOW = N_("Change its password first. Then call the number on an official letter or "
                 "on your card, never a number from a message, and say what you saw.")


def last_checked(store: Store, account: Account) -> str:
    check = store.activity.last_check(account.id)
    if check is None:
        return _("Not checked yet")
    return _("Last checked: {date}").format(date=format_date(check.day))


# Pages ----------------------------------------------------------------------------------
class IntroPage(PageBase):
    title = N_("Check account activity")
    body = N_("Someone who has your data may try to use your accounts. We will look at each "
              "account together, one at a time. It takes a few minutes each.")
    help = N_("You will need your latest statements, on paper or on the internet. "
              "You can stop at any time with Home and continue later.")

    def build(self, box: QVBoxLayout) -> None:
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(8)
        box.addLayout(self.list_box)

    def load(self) -> None:
        clear_layout(self.list_box)
        accounts = self.controller.store.answers.accounts()
        if not accounts:
            self.list_box.addWidget(Text(_("You have not listed any accounts yet.")))
            return
        self.list_box.addWidget(Heading(_("Your accounts")))
        for account in accounts:
            card = Card(name=account.name)
            card.box.addWidget(Text(account.name, "heading"))
            card.box.addWidget(Text(last_checked(self.controller.store, account), "muted"))
            self.list_box.addWidget(card)


OPEN_TEXT = {
    "bank": N_("Take your latest paper statement, or open your bank's website or app."),
    "pension": N_("Take the latest statement of the account where your pension is paid, "
                  "on paper or on your bank's website."),
    "email": N_("Open your email. Look for its security page, often called “recent "
                "activity” or “devices”."),
    "social_security": N_("Open your social security online space and look at your "
                          "personal details and recent payments."),
    "phone": N_("Take your latest phone bill, or open your phone company's website or app."),
}


class OpenPage(PageBase):
    title = N_("Open your account")
    help = N_("Links in messages can lead to fake websites that look real. Typing the address "
              "yourself, or using your bookmark, is the safe way.")

    def page_title(self) -> str:
        account = account_of(self)
        return _("Open “{account}”").format(account=account.name) if account else _(self.title)

    def build(self, box: QVBoxLayout) -> None:
        account = account_of(self)
        kind = account.kind if account else "bank"
        box.addWidget(Text(_(OPEN_TEXT.get(kind, OPEN_TEXT["bank"]))))
        card = Card(name=_("Be careful"))
        card.box.addWidget(Heading(_("Be careful")))
        card.box.addWidget(Text(_("Type the official address yourself. Never use a link from "
                                  "a message, an email or a text.")))
        box.addWidget(card)
        box.addWidget(Text(_("When it is open in front of you, press Next.")))


LOOK_FOR = {
    "money": (
        N_("New payees: names you have never paid before"),
        N_("Tiny charges, like one euro or ten pesos: thieves test a card this way"),
        N_("Payments abroad or in another currency"),
        N_("Amounts you do not remember"),
        N_("Money sent to people you do not know"),
    ),
    "email": (
        N_("Messages you did not send"),
        N_("Sign-ins from places or devices you do not know"),
        N_("Changes you did not make: password, phone number, forwarding"),
    ),
    "social_security": (
        N_("Changes to your address, phone or bank details that you did not make"),
        N_("Requests or documents you did not ask for"),
        N_("Payments you do not recognise"),
    ),
    "phone": (
        N_("Calls or messages you did not make"),
        N_("Services or subscriptions you did not ask for"),
        N_("A new SIM card you did not ask for"),
    ),
}


class LookPage(PageBase):
    """The question and its answers first; what to look for below them, so that at large
    text sizes the answers are on screen and the list is one scroll away ("More below")."""

    title = N_("What did you find?")
    help = N_("If you are not sure about something, choose “I found something strange”. "
              "It is better to ask once too often.")

    def build(self, box: QVBoxLayout) -> None:
        account = account_of(self)
        kind = account.kind if account else "bank"
        self.way = ChoiceGroup(exclusive=True, name=_("What did you find?"))
        self.way.add("normal", _("Everything looks normal"))
        self.way.add("strange", _("I found something strange"),
                     _("Sereno helps you write it down and puts it on your to-do list."))
        self.way.add("help", _("I can't do this alone"),
                     _("Sereno puts it on your to-do list, to do with someone you trust."))
        if kind in MONEY_KINDS:
            self.way.add("file", _("Check it from my bank's file"),
                         _("Sereno reads the file your bank lets you download (CSV or OFX) "
                           "and shows each payment."))
        box.addWidget(self.keep("way", self.way))
        box.addWidget(Heading(_("What to look for")))
        for item in LOOK_FOR["money" if kind in MONEY_KINDS else kind]:
            box.addWidget(Text("•  " + _(item)))

    def validate(self) -> str | None:
        if not self.way.value():
            return _("Please choose one answer.")
        return None


class ResultPage(HandStages, FileStages, ReviewStages, PageBase):
    """Follows the answer on the "look" page; for the bank's file, a page with stages."""

    title = N_("Thank you")
    help = N_("Take your time. Everything you answer is saved at once, and you can stop "
              "with Home and come back later.")

    unclear: ColumnsUnclear | None = None  # the columns question, while it is asked
    path = ""  # the file being read, kept only while this page is open
    notice = ""  # what the last import did, shown once
    reviewed_here = False  # a review was finished on this page since it was opened

    # Which stage ----------------------------------------------------------------------
    def mode(self) -> str:
        account = account_of(self)
        if account is None:
            return "gone"
        way = chosen_way(self) or "normal"
        if way == "file":
            if self.controller.store.activity.pending(account.id):
                return "review"
            if self.unclear is not None:
                return "columns"
            imports = self.controller.store.activity.imports(account.id)
            today = self.controller.today().isoformat()
            if imports and (imports[-1]["imported_on"] == today or self.reviewed_here):
                return "done"
            return "file"
        if way == "strange":
            return "payment" if account.kind in MONEY_KINDS else "strange"
        if way == "help":
            return "help"
        return "normal"

    def page_title(self) -> str:
        mode = self.mode()
        if mode == "columns" and self.unclear is not None:
            return first_question(self.unclear)
        return {
            "payment": _("Write down the strange payment"),
            "strange": _("Something looked strange"),
            "file": _("Open the file your bank gave you"),
            "review": _("Is this payment yours?"),
            "done": _("All payments looked at"),
            "help": _("To do with someone you trust"),
        }.get(mode, _(self.title))

    # Building -------------------------------------------------------------------------
    def build(self, box: QVBoxLayout) -> None:
        self.area = QVBoxLayout()
        self.area.setSpacing(16)
        box.addLayout(self.area)

    def load(self) -> None:
        clear_layout(self.area)
        self._fields = {}
        self.review = None
        account = account_of(self)
        mode = self.mode()
        if account is None:
            self.area.addWidget(Text(_("This account is no longer on your list.")))
            return
        getattr(self, f"_show_{mode}")(account)
        super().load()

    def _next_check_text(self, account: Account) -> Text:
        due = ensure_next_check(self, account)
        return Text(_("Your next check is on your to-do list for {date}.").format(
            date=format_date(due)), "muted")

    def _show_normal(self, account: Account) -> None:
        self.controller.store.activity.record_check(account.id, self.controller.today(), "hand",
                                                    "normal")
        self.area.addWidget(Text(_("Good news. Sereno has written down today's date for "
                                   "“{account}”.").format(account=account.name)))
        self.area.addWidget(self._next_check_text(account))

    def _show_strange(self, account: Account) -> None:
        self.controller.store.activity.record_check(account.id, self.controller.today(), "hand",
                                                    "strange")
        rule = f"activity.strange.{account.id}"
        if self.controller.store.tasks.by_rule(rule) is None:
            self.controller.add_task(Task(title=STRANGE, how=STRANGE_HOW, priority=1,
                                          due=self.controller.today(),
                                          params={"account": account.name},
                                          source=SOURCE, rule=rule))
        self.area.addWidget(Text(_("You did well to look. Sereno has put a reminder on your "
                                   "to-do list to tell the organisation.")))
        self.note = TextField(_("What looked strange? (optional)"), max_length=300)
        self.area.addWidget(self.keep("note", self.note))
        self.area.addWidget(self._next_check_text(account))

    def _show_help(self, account: Account) -> None:
        """No check is written down: the account waits for a helper, on the to-do list."""
        person = (self.controller.setting("trusted_person") or "").strip()
        rule = f"activity.with_someone.{account.id}"
        if self.controller.store.tasks.by_rule(rule) is None:
            self.controller.add_task(Task(
                title=WITH_SOMEONE, how=WITH_SOMEONE_HOW, priority=2,
                due=self.controller.today() + dt.timedelta(days=7), source=SOURCE, rule=rule,
                params={"account": account.name, "person": person or {"text": SOMEONE}}))
        self.area.addWidget(Text(_("That is wise. It is on your to-do list: check “{account}” "
                                   "together with someone you trust.").format(
                                       account=account.name)))

    # Actions --------------------------------------------------------------------------
    def _refresh(self, notice: str = "", announce: str = "") -> None:
        """Show the page again, so its title follows the stage it is in."""
        self.notice = notice
        self.controller.go_to(self.step)
        if announce:
            self.controller.changed(announce)

    # Leaving --------------------------------------------------------------------------
    def validate(self) -> str | None:
        mode = self.mode()
        if mode == "review":
            return _("Please answer for this payment first. To stop for now, press Home: "
                     "Sereno keeps your place.")
        if mode == "payment" and any(f.value().strip() for f in (self.day, self.amount,
                                                                    self.payee)):
            return _("You wrote a payment but did not add it yet. Press “Add to my to-do "
                     "list”, or empty the boxes.")
        if mode in ("file", "columns"):
            return _("Please open the file your bank gave you, or press Back to choose "
                     "another way.")
        return None

    def save(self) -> None:
        super().save()
        account = account_of(self)
        note_field = getattr(self, "note", None)
        if account is not None and self.mode() == "strange" and note_field is not None:
            note = note_field.value().strip()
            self.controller.store.activity.record_check(
                account.id, self.controller.today(), "hand", "strange", note)


class SummaryPage(PageBase):
    title = N_("Your check is finished")
    body = N_("Thank you. Here is what Sereno wrote down today.")

    def build(self, box: QVBoxLayout) -> None:
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(12)
        box.addLayout(self.list_box)

    def load(self) -> None:
        clear_layout(self.list_box)
        store, today = self.controller.store, self.controller.today()
        for account in store.answers.accounts():
            checks = [c for c in store.activity.checks(account.id) if c.day == today]
            if not checks:
                words = _("Not checked today")
            elif any(c.result == "strange" for c in checks):
                words = _("Something strange: it is on your to-do list")
            else:
                words = _("Everything looked normal")
            row = Card(name=account.name)
            row.box.addWidget(Text(account.name, "heading"))
            row.box.addWidget(Text(words))
            self.list_box.addWidget(row)
        reviewed = store.activity.reviewed(since=today)
        from_files = [r for r in reviewed if r.import_id is not None]
        if from_files:
            to_ask = sum(1 for r in from_files if r.verdict == "not_mine")
            self.list_box.addWidget(Text(counts_sentence(len(from_files), to_ask), "heading"))
        self.list_box.addWidget(Text(_("Sereno will remind you to check again next month.")))

    def next_text(self) -> str:
        return _("End the check")


PAGES: dict[str, type[PageBase]] = register("activity", {
    "intro": IntroPage,
    "open": OpenPage,
    "look": LookPage,
    "result": ResultPage,
    "summary": SummaryPage,
})


def demo(store: Store, today: dt.date) -> None:
    """A throw-away profile that reaches every stage: a file review under way included."""
    accounts = {a.kind: a for a in store.answers.accounts()}
    if "pension" not in accounts:
        accounts["pension"] = store.answers.add_account("pension", "Pensión" if i18n.language()
                                                        == "es_MX" else "Pension")
    ways = {"email": "strange", "social_security": "normal", "pension": "strange", "bank": "file"}
    for kind, way in ways.items():
        if kind in accounts:
            store.progress.save_draft(Step("activity.look", str(accounts[kind].id)).key,
                                      {"way": [way]})
    bank = accounts.get("bank")
    if bank is None or store.activity.all_transactions(bank.id):
        return
    currency = {"es_MX": "MXN", "fr_FR": "EUR"}.get(i18n.language(), "USD")
    rows = [
        (30, "-52.40", "SUPERMERCADO CENTRAL"), (28, "-52.40", "SUPERMERCADO CENTRAL"),
        (25, "-18.90", "FARMACIA DEL PARQUE"), (21, "-61.10", "SUPERMERCADO CENTRAL"),
        (18, "-45.00", "LUZ Y GAS"), (14, "-1.00", "PAYPAL *VERIFY 4821"),
        (10, "-389.00", "ELECTRO-ONLINE LTD"), (9, "1200.00", "PENSION"),
        (5, "-25.00", "FARMACIA DEL PARQUE"),
    ]
    history = [Transaction(today - dt.timedelta(days=60 + d), Decimal(a), p, currency)
               for d, a, p in rows if p != "ELECTRO-ONLINE LTD" and "PAYPAL" not in p]
    flagged_history = flag_transactions(history, [])
    store.activity.import_statement(bank.id, today - dt.timedelta(days=40), "older.csv",
                                    flagged_history, currency)
    for txn in store.activity.pending(bank.id):
        store.activity.set_verdict(txn.id, "mine", today - dt.timedelta(days=40))
    statement = [Transaction(today - dt.timedelta(days=d), Decimal(a), p, currency)
                 for d, a, p in rows]
    flagged = flag_transactions(statement, store.activity.history(bank.id))
    store.activity.import_statement(bank.id, today, "movements.csv", flagged, currency)
    first = store.activity.pending(bank.id)[0]
    store.activity.set_verdict(first.id, "not_mine", today)
