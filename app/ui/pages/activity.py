"""Check account activity: for each account, open it, know what to look for, and answer.

The introduction asks which account to check first (the bank and pension offered first);
leaving it with an answer keeps the choice, and the steps follow it.

Per account: "open" (type the official address yourself), "look" (what to look for, and
the answer: normal, strange, or from the bank's file) and "result", which shows the stage
core works out from that answer (app/core/activity_flow.py): a thank-you, a payment
written by hand (activity_hand), or the bank's file reviewed one payment at a time
(activity_file, activity_review). Leaving "look" with an answer writes it down with the
check and the to-dos it brings, in one commit; pages only read when they are shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from app import i18n
from app.core import activity_demo
from app.core.activity import MONEY_KINDS
from app.core.activity_flow import ASKING, SAYS_NEXT_CHECK, Stage
from app.core.answers import Account
from app.i18n import N_, _, format_date
from app.ui.pages.activity_file import FileStages, first_question
from app.ui.pages.activity_hand import HandStages
from app.ui.pages.activity_review import ReviewStages, account_of, counts_sentence
from app.ui.pages.registry import register
from app.ui.widgets import (
    Card,
    ChoiceGroup,
    Heading,
    PageBase,
    Text,
    TextField,
)
from app.ui.widgets.more import TellMeMore, content
from app.ui.widgets.page import clear_layout

# Pages ----------------------------------------------------------------------------------
INTRO = N_(
    "Someone who has your data may try to use your accounts. We will look at each "
    "account together, one at a time. It takes a few minutes each."
)
ASK_MONEY = N_(
    "Worried about a charge you do not recognise? Start with your bank: it would "
    "show on your statement. Then we look at the others, one at a time."
)
ASK = N_("After the account you choose, we look at the others, one at a time.")


class IntroPage(PageBase):
    """Where to start: with two accounts or more, the one that worries the person, the bank
    and pension offered first; with one, that account and the day it was last checked."""

    title = N_("Check account activity")
    help = N_(
        "You will need your latest statements, on paper or on the internet. "
        "You can stop at any time with Home and continue later."
    )

    @property
    def body(self) -> str:  # below the answers when asked where to start
        accounts = self.controller.activity.accounts()
        if len(accounts) < 2:
            return INTRO
        return ASK_MONEY if any(a.kind in MONEY_KINDS for a in accounts) else ASK

    def build(self, box: QVBoxLayout) -> None:
        self.start = None
        self.built_for = self._shown()
        if len(self.built_for) > 1:
            self.start = ChoiceGroup(exclusive=True, name=self.page_title())
            for account, last_checked in self.built_for:
                about = (
                    _("A strange charge on a statement would show here.")
                    if account.kind in MONEY_KINDS
                    else last_checked
                )
                self.start.add(str(account.id), account.name, about)
            box.addWidget(self.start)
            return
        if not self.built_for:
            box.addWidget(Text(_("You have not listed any accounts yet.")))
        for account, last_checked in self.built_for:
            card = Card(name=account.name)
            card.box.addWidget(Text(account.name, "heading"))
            card.box.addWidget(Text(last_checked, "muted"))
            box.addWidget(card)

    def _shown(self) -> tuple[tuple[Account, str], ...]:
        """Each account offered, with the day it was last checked: built again on a change."""
        return tuple((a, self._last_checked(a)) for a in self.controller.activity.start_choices())

    def page_title(self) -> str:
        if len(self.controller.activity.accounts()) > 1:
            return _("Which account do you want to check first?")
        return _(self.title)

    def load(self) -> None:
        if self._shown() != self.built_for:
            clear_layout(self.box)  # hidden at once: readers never meet the old page
            self.render()
        if self.start is not None:
            chosen = self.controller.activity.start_account()
            self.start.set_value(str(chosen) if chosen is not None else "")

    def _last_checked(self, account: Account) -> str:
        check = self.controller.activity.last_check(account.id)
        if check is None:
            return _("Not checked yet")
        return _("Last checked: {date}").format(date=format_date(check.day))

    def validate(self) -> str | None:
        if self.start is not None and not self.start.value():
            return _("Please choose where to start.")
        return None

    def save(self) -> None:
        """The account chosen is checked first (one commit; nothing when it is the same)."""
        if self.start is not None and self.start.value():
            self.controller.activity.start_with(int(self.start.value()))


OPEN_TEXT = {
    "bank": N_("Take your latest paper statement, or open your bank's website or app."),
    "pension": N_(
        "Take the latest statement of the account where your pension is paid, "
        "on paper or on your bank's website."
    ),
    "email": N_(
        "Open your email. Look for its security page, often called “recent activity” or “devices”."
    ),
    "social_security": N_(
        "Open your social security online space and look at your "
        "personal details and recent payments."
    ),
    "phone": N_("Take your latest phone bill, or open your phone company's website or app."),
}


class OpenPage(PageBase):
    """Open the account safely: the official address typed, never a link from a message."""

    title = N_("Open your account")
    help = N_(
        "Links in messages can lead to fake websites that look real. Typing the address "
        "yourself, or using your bookmark, is the safe way."
    )

    def page_title(self) -> str:
        account = account_of(self)
        return _("Open “{account}”").format(account=account.name) if account else _(self.title)

    def build(self, box: QVBoxLayout) -> None:
        account = account_of(self)
        kind = account.kind if account else "bank"
        box.addWidget(Text(_(OPEN_TEXT.get(kind, OPEN_TEXT["bank"]))))
        card = Card(name=_("Be careful"))
        card.box.addWidget(Heading(_("Be careful")))
        card.box.addWidget(
            Text(
                _(
                    "Type the official address yourself. Never use a link from "
                    "a message, an email or a text."
                )
            )
        )
        box.addWidget(card)
        box.addWidget(Text(_("When it is open in front of you, press Next.")))


LOOK_SHOWN = 3  # what to look for: the first three in sight, the rest on request
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
    help = N_(
        "If you are not sure about something, choose “I found something strange”. "
        "It is better to ask once too often."
    )

    def build(self, box: QVBoxLayout) -> None:
        account = account_of(self)
        kind = account.kind if account else "bank"
        self.way = ChoiceGroup(exclusive=True, name=_("What did you find?"))
        self.way.add("normal", _("Everything looks normal"))
        self.way.add(
            "strange",
            _("I found something strange"),
            _("Sereno helps you write it down and puts it on your to-do list."),
        )
        self.way.add(
            "help",
            _("I can't do this alone"),
            _("Sereno puts it on your to-do list, to do with someone you trust."),
        )
        if kind in MONEY_KINDS:
            self.way.add(
                "file",
                _("I'd rather use my bank's file"),
                _(
                    "Sereno reads the file your bank lets you download (CSV or OFX) "
                    "and shows each payment."
                ),
            )
        box.addWidget(self.keep("way", self.way))
        box.addWidget(Heading(_("What to look for")))
        items = ["•  " + _(item) for item in LOOK_FOR["money" if kind in MONEY_KINDS else kind]]
        for item in items[:LOOK_SHOWN]:
            box.addWidget(Text(item))
        if items[LOOK_SHOWN:]:
            box.addWidget(TellMeMore(items[LOOK_SHOWN:], about=_("What to look for")))

    def validate(self) -> str | None:
        if not self.way.value():
            return _("Please choose one answer.")
        return None

    def go_on(self) -> None:
        """Next writes the answer down, with what it brings (one commit); Back keeps it as
        a draft only, so going back to read the page again adds nothing to the list."""
        account = account_of(self)
        if account is not None:
            self.controller.activity.answer(account.id, self.way.value())


TITLES = {
    Stage.PAYMENT: N_("The strange payment"),
    Stage.PAYMENT_AMOUNT: N_("The strange payment"),
    Stage.PAYMENT_NAME: N_("The strange payment"),
    Stage.STRANGE: N_("Something looked strange"),
    Stage.FILE: N_("Open the file your bank gave you"),
    Stage.REVIEW: N_("Is this payment yours?"),
    Stage.DONE: N_("All payments looked at"),
    Stage.HELP: N_("To do with someone you trust"),
}


class ResultPage(HandStages, FileStages, ReviewStages, PageBase):
    """Shows the stage core gives for the answer on the "look" page; it decides nothing."""

    title = N_("Thank you")
    help = N_(
        "Take your time. Everything you answer is saved at once, and you can stop "
        "with Home and come back later."
    )

    notice = ""  # what the last import did, shown once
    review = None  # the payment card, in the review stage

    def stage(self) -> Stage:
        account = account_of(self)
        return self.controller.activity.stage(account.id) if account else Stage.GONE

    def page_title(self) -> str:
        stage = self.stage()
        if stage is Stage.COLUMNS:
            return first_question(self.controller.activity.columns_question(account_of(self).id))
        return _(TITLES.get(stage, self.title))

    # Showing --------------------------------------------------------------------------
    def build(self, box: QVBoxLayout) -> None:
        self.area = QVBoxLayout()
        self.area.setSpacing(16)
        box.addLayout(self.area)

    def load(self) -> None:
        clear_layout(self.area)
        self._fields = {}
        self.review = None
        account = account_of(self)
        if account is None:
            self.area.addWidget(Text(_("This account is no longer on your list.")))
            return
        stage = self.controller.activity.stage(account.id)
        {
            Stage.NORMAL: self._show_normal,
            Stage.STRANGE: self._show_strange,
            Stage.HELP: self._show_help,
            Stage.PAYMENT: self._show_payment,
            Stage.PAYMENT_AMOUNT: self._show_payment_amount,
            Stage.PAYMENT_NAME: self._show_payment_name,
            Stage.FILE: self._show_file,
            Stage.COLUMNS: self._show_columns,
            Stage.REVIEW: self._show_review,
            Stage.DONE: self._show_done,
        }[stage](account)
        due = self.controller.activity.next_check_due(account.id)
        if stage in SAYS_NEXT_CHECK and due is not None:
            self.area.addWidget(
                Text(
                    _("Your next check is on your to-do list for {date}.").format(
                        date=format_date(due)
                    ),
                    "muted",
                )
            )
        self._show_now()
        super().load()

    def _show_now(self) -> None:
        """Show what was just built now, not at the next turn of the event loop: the shell
        then sees this stage's own main button (one filled button), and focus can go there."""
        for i in range(self.area.count()):
            widget = self.area.itemAt(i).widget()
            if widget is not None and not widget.testAttribute(
                Qt.WidgetAttribute.WA_WState_ExplicitShowHide
            ):
                widget.show()

    def _show_normal(self, account: Account) -> None:
        self.area.addWidget(
            Text(
                _("Good news. Sereno has written down today's date for “{account}”.").format(
                    account=account.name
                )
            )
        )

    def _show_strange(self, account: Account) -> None:
        if account.kind == "email":
            said = _(
                "You did well to look. Sereno has put a reminder on your to-do list to "
                "make this account safe."
            )
        else:
            said = _(
                "You did well to look. Sereno has put a reminder on your to-do list to "
                "tell the organisation."
            )
        self.area.addWidget(Text(said))
        self.note = TextField(_("What looked strange? (optional)"), max_length=300)
        self.area.addWidget(self.keep("note", self.note))

    def _show_help(self, account: Account) -> None:
        """No check is written down: the account waits for a helper, on the to-do list."""
        self.area.addWidget(
            Text(
                _(
                    "That is wise. It is on your to-do list: check “{account}” "
                    "together with someone you trust."
                ).format(account=account.name)
            )
        )

    def _refresh(self, notice: str = "", announce: str = "") -> None:
        """Show the page again, so its title follows the stage it is in."""
        self.notice = notice
        self.controller.go_to(self.step)
        if announce:
            self.controller.announce.emit(announce)

    # Leaving --------------------------------------------------------------------------
    def values(self) -> dict:
        """The draft keeps what earlier parts of a form hold (the date while the name is
        asked) beside what this part shows."""
        return {**self.controller.drafts.get(self.step.key), **super().values()}

    def validate(self) -> str | None:
        stage = self.stage()
        if stage is Stage.REVIEW:
            return _(
                "Please answer for this payment first. To stop for now, press Home: "
                "Sereno keeps your place."
            )
        if stage in ASKING:
            return _(
                "Please open the file your bank gave you, or press Back to choose another way."
            )
        return None

    def save(self) -> None:
        super().save()
        account = account_of(self)
        if account is not None and self.stage() is Stage.STRANGE and self._fields.get("note"):
            self.controller.activity.keep_note(account.id, self.note.value().strip())


SUMMARY_WORDS = {
    "none": N_("Not checked today"),
    "strange": N_("Something strange: it is on your to-do list"),
    "normal": N_("Everything looked normal"),
}


class SummaryPage(PageBase):
    """What today's checks found, account by account."""

    title = N_("Your check is finished")
    body = N_("Thank you. Here is what Sereno wrote down today.")

    def build(self, box: QVBoxLayout) -> None:
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(12)
        box.addLayout(self.list_box)

    def load(self) -> None:
        clear_layout(self.list_box)
        for account, found in self.controller.activity.today_summary():
            row = content(Card(name=account.name))  # what the person found, account by account
            row.box.addWidget(Text(account.name, "heading"))
            row.box.addWidget(Text(_(SUMMARY_WORDS[found])))
            self.list_box.addWidget(row)
        looked, to_ask = self.controller.activity.files_today()
        if looked:
            self.list_box.addWidget(content(Text(counts_sentence(looked, to_ask), "heading")))
        self.list_box.addWidget(Text(_("Sereno will remind you to check again next month.")))

    def next_text(self) -> str:
        return _("End the check")


PAGES: dict[str, type[PageBase]] = register(
    "activity",
    {
        "intro": IntroPage,
        "open": OpenPage,
        "look": LookPage,
        "result": ResultPage,
        "summary": SummaryPage,
    },
)


def demo(store, today: dt.date) -> None:
    """A throw-away profile that reaches every stage: a file review under way included."""
    activity_demo.seed(store, today, i18n.language())
