"""Change passwords: account by account, the steps with a suggestion inside, two-step, notebook.

Steps (app/core/journeys.py): an introduction saying the order once; for each account one
page (what the site asks for, the steps with the suggestion inside, how it went) and
two-step verification; a pension account paid into a listed bank account is one question;
then "Check a password I chose" and the printable password notebook. Pages show what
`controller.passwords` reads and hand it each answer (app/core/actions/passwords.py); only
what was done, and the day, is kept; a password never is.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.answers import ACCOUNT_KIND_NAMES, Account
from app.core.password_journey import (
    CHANGE_WHY,
    bank_confirmation,
    shown_for,
    skip_to,
    two_step_where,
)
from app.i18n import N_, _, format_date
from app.ui import theme
from app.ui.pages.passwords_check import CheckPage, YearPage
from app.ui.pages.passwords_suggest import AccountPage, SuggestionBlock
from app.ui.pages.registry import register
from app.ui.printing import Printout, Sheet, print_paper, register_sheet, save_pdf
from app.ui.widgets import BigButton, ButtonRow, Card, ChoiceGroup, Heading, PageBase, Text
from app.ui.widgets.more import TellMeMore, content
from app.ui.widgets.page import clear_layout

WHY = {
    "email": N_("Your email comes first: with it, someone could reset all your other passwords."),
    "bank": N_(
        "Your bank account holds your money. A new password keeps out anyone who "
        "bought your details."
    ),
    "social_security": N_(
        "This space shows your health and pension details. A new password protects them."
    ),
    "pension": N_("Your pension is paid into this account. A new password protects it."),
    "phone": N_(
        "With your phone account, someone could take your number and receive your security codes."
    ),
}
RULES = (
    N_("Keep it at home, in a place only you know: not next to the computer, not in your bag."),
    N_(
        "Never read it out or show it to someone who calls or writes to you. No bank and no "
        "official office ever asks for your password."
    ),
    N_("When you change a password, cross out the old one and write the new one with the date."),
)


def kind_name(account: Account) -> str:
    return _(ACCOUNT_KIND_NAMES.get(account.kind, "")) or account.kind


class IntroPage(PageBase):
    """Before the accounts: the order they come in, and that no password is kept."""

    title = N_("Change your passwords")
    help = N_(
        "Whoever has your details may try your old passwords. A new password for each "
        "account keeps them out. You can skip an account and come back later."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.order = QVBoxLayout()
        self.order.setSpacing(theme.GAP_PX)
        box.addLayout(self.order)
        box.addWidget(
            Text(
                _("Sereno never keeps a password: not the ones it suggests, not the ones you type.")
            )
        )

    def load(self) -> None:
        """The accounts in order (they may have changed since the page was built)."""
        clear_layout(self.order)
        accounts = self.controller.passwords.order()
        if not accounts:
            self.order.addWidget(
                Text(
                    _(
                        "You have not listed any accounts yet. You can still "
                        "check a password and print a password notebook."
                    )
                )
            )
            return
        self.order.addWidget(
            Text(_("We will go through your accounts one at a time, in this order:"))
        )
        listed = content(QWidget())  # the person's own accounts, not explanation
        listed.setObjectName("buttons")  # transparent in the stylesheet, as a button row
        names = QVBoxLayout(listed)
        names.setContentsMargins(0, 0, 0, 0)
        names.setSpacing(theme.GAP_PX)
        for i, account in enumerate(accounts, 1):
            names.addWidget(Text(f"{i}. {account.name} — {kind_name(account)}"))
        self.order.addWidget(listed)
        self.order.addWidget(
            Text(
                _(
                    "Email comes first, because with your email someone could "
                    "reset all your other passwords. Then your money."
                )
            )
        )


class KindPage(AccountPage):
    """Asked once per account: what the site asks for (letters, a code, or not sure)."""

    title = N_("What does {account} ask for?")

    def help_text(self) -> str:
        account = self.account()
        return _(WHY.get(account.kind, CHANGE_WHY)) if account else _(CHANGE_WHY)

    def build(self, box: QVBoxLayout) -> None:
        self.kind = kind_group()
        # The least gap between targets: with a long account name the title takes two lines
        # at 175 %, and the three answers with their hints still fit with no scroll bar.
        self.kind.box.setSpacing(theme.TOOL_GAP_PX)
        self.kind.changed.connect(self._kind_chosen)
        box.addWidget(self.kind)

    def load(self) -> None:
        account = self.account()
        kind, _length = self.controller.passwords.secret_kind(account.id) if account else ("", 0)
        self.kind.set_value(kind)

    def _kind_chosen(self) -> None:
        account, kind = self.account(), self.kind.value()
        if account is not None and kind:
            self.controller.passwords.set_secret_kind(account.id, kind)


def kind_group() -> ChoiceGroup:
    group = ChoiceGroup(exclusive=True, name=_("What does the site ask for?"))
    group.add("letters", _("Letters and numbers"), _("A box where you type."))
    group.add("numbers", _("Only numbers (a code)"), _("Often a keypad of numbers on the screen."))
    group.add("unsure", _("I don't know"), _("Sereno shows both."))
    return group


class ChangePage(AccountPage):
    """One account's change: the suggestion and its buttons first, then the steps to use it.

    The suggestion leads so that, at the largest text size, it and its buttons share one
    screen with the title; the steps follow, and step 3 points back up at it.
    """

    title = N_("Change the password of {account}")
    help = N_(
        "Never follow a link from a message: type the address yourself. Take your time; "
        "on the next page you can say how it went."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.suggestion = SuggestionBlock(self)
        self.another, self.copy, self.read = (
            self.suggestion.another,
            self.suggestion.copy,
            self.suggestion.read,
        )
        box.addWidget(self.suggestion)
        steps = Card(name=_("The steps"))
        steps.box.addWidget(Text("1. " + _("Type the address of the site yourself, then log in.")))
        steps.box.addWidget(Text("2. " + _("Choose “Change password”, often under “Security”.")))
        self.use = Text("")
        steps.box.addWidget(self.use)
        steps.box.addWidget(Text("4. " + _("Write it in your password notebook.")))
        box.addWidget(steps)
        # What may come after, and how to tell the words from the code: on request.
        self.confirm = Text("")
        self.more = TellMeMore([self.suggestion.tell, self.confirm])
        box.addWidget(self.more)

    @property
    def _passphrase(self) -> str | None:
        """The words shown now (tests and the safety search read it); None if none shown."""
        return self.suggestion.phrase.text() if self.suggestion.uses_words() else None

    def load(self) -> None:
        account = self.account()
        kind, length = self.controller.passwords.secret_kind(account.id) if account else ("", 0)
        self._present(kind, length)
        said = bank_confirmation(
            account.kind if account else "", self.controller.setting("country") or ""
        )
        self.confirm.setText(_(said) if said else "")
        self.confirm.setVisible(bool(said))
        self._offer_more()

    def _offer_more(self) -> None:
        """Offer "Tell me more" only when there is more: what a bank may ask, or how to tell
        the words from the code."""
        self.more.setVisible(not (self.confirm.isHidden() and self.suggestion.tell.isHidden()))

    def _present(self, kind: str, length: int) -> None:
        self.suggestion.present(kind, length)
        shown = shown_for(kind)
        self.use.setText(
            "3. "
            + (
                _("Type the words or the code shown above.")
                if shown.both
                else _("Type the new code shown above.")
                if shown.code
                else _("Type the new password shown above.")
            )
        )

    def set_length(self, length: int) -> None:
        account = self.account()
        if account is not None:
            self.controller.passwords.set_code_length(account.id, length)
        self._present(self.suggestion.kind, length)

    def read_aloud_text(self) -> str:
        """The page's text (the spelling aid says the words, capitals and dashes); the code,
        drawn rather than a label, digit by digit."""
        text = super().read_aloud_text()
        if self.suggestion.uses_code():
            code = _("The code: {digits}.").format(digits=" ".join(self.suggestion.code_text()))
            text += "\n" + code
        return text


class BriefGroup(ChoiceGroup):
    """Three answers that show their titles alone from 150 % (ChoiceGroup does so from four),
    so they share one screen with the question and what follows in every language; each
    explanation stays the answer's description for screen readers."""

    SHORT_FROM = 3


class OutcomeBox(QWidget):
    """How it went with one account: changed (the date only), later, or help; or skip."""

    def __init__(self, page: AccountPage):
        super().__init__(page)
        self.page = page
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.GAP_PX)
        self.group = BriefGroup(exclusive=True, name=_("How did it go?"))
        self.group.add(
            "changed", _("Done, I changed it"), _("Sereno notes only the date, never the password.")
        )
        self.group.add("later", _("I'll do it later"), _("Sereno puts it on your to-do list."))
        self.group.add(
            "help",
            _("I need help"),
            _("Sereno puts it on your to-do list, to do with someone you trust."),
        )
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)
        self.when = Text("", "muted")  # under the answer it is about
        box.addWidget(self.when)
        self.skip = BigButton(
            _("Skip for now"),
            description=_("Go on to the next account. You can come back to this one later."),
        )
        self.skip.clicked.connect(self.skip_account)
        box.addWidget(ButtonRow(self.skip))

    def load(self) -> None:
        account = self.page.account()
        state = self.page.controller.passwords.state(account.id) if account else None
        self.group.set_value(state.status if state else "")
        self._say_when(state.changed_on if state else None)

    def _say_when(self, day: dt.date | None) -> None:
        said = _("You changed it on {date}.").format(date=format_date(day)) if day else ""
        self.when.setText(said)
        self.when.setVisible(day is not None)

    def _chosen(self) -> None:
        account, status = self.page.account(), self.group.value()
        if account is None or not status:
            return
        state = self.page.controller.passwords.set_outcome(account.id, status)
        self._say_when(state.changed_on)

    def skip_account(self) -> None:
        """Go to the next account (or the end): this one stays to do."""
        c = self.page.controller
        after = skip_to(c.navigator.steps(), self.page.step)
        if after is not None:
            c.go_to(after)
        else:
            c.go_next()


class DonePage(AccountPage):
    """After the steps: how it went."""

    title = N_("How did it go with {account}?")
    help = N_(
        "Take your time. If it does not work, choose “I need help”: Sereno puts it on "
        "your to-do list, to do with someone you trust."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.outcome = OutcomeBox(self)
        self.group, self.when, self.skip = (
            self.outcome.group,
            self.outcome.when,
            self.outcome.skip,
        )
        box.addWidget(self.outcome)

    def load(self) -> None:
        self.outcome.load()


class PensionPage(AccountPage):
    """The pension account when a bank account is listed: often the same account. Only the
    question: "another account" leads on to that account's own pages, as for the others."""

    title = N_("Your pension account: {account}")

    def build(self, box: QVBoxLayout) -> None:
        self.question = Heading("")
        self.same = ChoiceGroup(
            exclusive=True, name=_("Is your pension paid into your bank account?")
        )
        self.same.add("same", _("Yes, it is the same account"))
        self.same.add(
            "other", _("No, it is another account"), _("Then it needs its own new password.")
        )
        self.same.changed.connect(self._same_chosen)
        self.done = Text(
            _(
                "Then the new password of your bank protects your pension too. "
                "Nothing more to do here."
            )
        )
        self.after = Text(_("The next pages help you change it, one step at a time."))
        for widget in (self.question, self.same, self.done, self.after):
            box.addWidget(widget)

    def load(self) -> None:
        banks = [a.name for a in self.controller.answers().accounts_of("bank")]
        self.question.setText(
            _("Is your pension paid into {bank}?").format(bank=banks[0] if banks else "")
        )
        account = self.account()
        answer = self.controller.passwords.pension_on_bank(account.id) if account else ""
        self.same.set_value(answer)
        self._show(answer)

    def _show(self, answer: str) -> None:
        self.done.setVisible(answer == "same")
        self.after.setVisible(answer == "other")

    def _same_chosen(self) -> None:
        """One commit; with "another account" the journey's steps now hold its pages."""
        account, answer = self.account(), self.same.value()
        if account is not None:
            self.controller.passwords.set_pension_on_bank(account.id, answer)
        self._show(answer)


TWO_STEP_IS = N_("It asks for your password and a code sent to your phone.")


# Who will never ask for the code, by country (issue #19): the bank, then the organisation
# whose leak the person heard about.
NOBODY_ASKS = {
    "MX": N_("Nobody from your bank or IMSS will ask for it."),
    "FR": N_("Nobody from your bank or the Assurance Maladie will ask for it."),
    "": N_("Nobody from your bank will ask for it."),
}


class TwoStepPage(AccountPage):
    """After the change: two-step verification, with why its code is for you alone."""

    title = N_("Two-step verification for {account}")
    help = N_(
        "Look for it in your account settings, under “Security”. Not every account "
        "offers it; that is fine."
    )

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Text(_(TWO_STEP_IS)))
        self.group = BriefGroup(exclusive=True, name=self.page_title())
        self.group.add("on", _("I turned it on"))
        self.group.add("not_offered", _("My account doesn't have it"))
        self.group.add("later", _("I'll do it later"), _("Sereno puts it on your to-do list."))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)
        self.where = Text("")
        box.addWidget(self.where)
        # In sight: the code is yours alone, who never asks for it (by country, filled in
        # load), what to do when someone does. Only the longer warning waits behind the button.
        rules = Card(name=_("Good to know"))
        self.nobody_asks = Text()
        rules.box.addWidget(Text(_("This code is for you alone.")))
        rules.box.addWidget(self.nobody_asks)
        rules.box.addWidget(Text(_("If someone asks, hang up.")))
        rules.box.addWidget(Text(_("Never approve anything in your bank's app during a call.")))
        rules.box.addWidget(
            TellMeMore(
                [
                    _(
                        "Never give it to anyone who calls or writes, even "
                        "someone who knows true facts about you."
                    )
                ]
            )
        )
        box.addWidget(rules)

    def load(self) -> None:
        account = self.account()
        state = self.controller.passwords.state(account.id) if account else None
        self.group.set_value(state.two_step if state else "")
        kind = account.kind if account is not None else ""
        country = self.controller.setting("country") or ""
        self.where.setText(_(two_step_where(kind, country)))
        self.nobody_asks.setText(_(NOBODY_ASKS.get(country, NOBODY_ASKS[""])))

    def _chosen(self) -> None:
        account, choice = self.account(), self.group.value()
        if account is None or not choice:
            return
        self.controller.passwords.set_two_step(account.id, choice)


class NotebookPage(PageBase):
    """The end: the notebook to print and fill by hand, and the accounts still to change."""

    title = N_("Your password notebook")
    body = N_(
        "Sereno never keeps a password. Write yours on paper instead: print this page, "
        "fill it in by hand, and keep it safe at home."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.print_button = BigButton(_("Print"), primary=True)
        self.pdf_button = BigButton(_("Save as PDF"))
        self.print_button.clicked.connect(
            lambda: print_paper(self, self.printout(), _("Your notebook page is printing."))
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        box.addWidget(ButtonRow(self.print_button, self.pdf_button))
        # The rules are printed on the notebook too: on the page the first in sight (a
        # heading alone over a button said nothing), the other two on request.
        rules = Card(name=_("Three rules to keep it safe"))
        rules.box.addWidget(Heading(_("Three rules to keep it safe")))
        numbered = [f"{i}. {_(rule)}" for i, rule in enumerate(RULES, 1)]
        rules.box.addWidget(Text(numbered[0]))
        rules.box.addWidget(TellMeMore(numbered[1:], about=_("Three rules to keep it safe")))
        box.addWidget(rules)
        self.left = QVBoxLayout()
        self.left.setSpacing(12)
        box.addLayout(self.left)

    def load(self) -> None:
        """Accounts still to change, each with a button to go back to it."""
        clear_layout(self.left)
        todo = self.controller.passwords.still_to_change()
        if todo:
            self.left.addWidget(Heading(_("Still to change")))
        for account, step in todo:
            button = BigButton(account.name, description=_("Go back to this account."))
            button.clicked.connect(lambda _c=False, s=step: self.controller.go_to(s))
            self.left.addWidget(ButtonRow(button))

    def printout(self) -> Printout:
        return notebook_printout(self.controller)

    def save_pdf(self) -> None:
        save_pdf(self, self.printout(), _("password-notebook"))


def notebook_printout(controller) -> Printout:
    """The password notebook: each account with blank lines, and how to keep it safe.

    It never holds a password: the person writes one by hand, on paper.
    """
    doc = Printout(
        _("My password notebook"), controller.setting("first_name") or "", controller.today()
    )
    doc.paragraph(_("Write a password only here, by hand. Sereno never keeps one."))
    accounts = controller.passwords.order()
    headings = [f"{a.name} — {kind_name(a)}" for a in accounts]
    headings += [_("Another account")] * (2 if accounts else 4)
    for heading in headings:
        doc.heading(heading)
        for label in (_("Website address:"), _("User name:"), _("Password:"), _("Changed on:")):
            doc.blank_lines(1, label)
    doc.heading(_("Three rules to keep it safe"))
    for i, rule in enumerate(RULES, 1):
        doc.item(f"{i}. {_(rule)}", tick=False)
    return doc


PAGES = register(
    "passwords",
    {
        "intro": IntroPage,
        "kind": KindPage,
        "suggest": ChangePage,
        "done": DonePage,
        "pension": PensionPage,
        "two_step": TwoStepPage,
        "year": YearPage,
        "check": CheckPage,
        "notebook": NotebookPage,
    },
)


def demo(store, today: dt.date) -> None:
    """Screenshots and audits see each suggestion page: the bank asks for a code, and for
    the third account the person does not know (the words and a code)."""
    from app.core.actions.passwords import PasswordActions

    passwords = PasswordActions(store, lambda: today, lambda _message: None)
    kinds = {"bank": "numbers", "social_security": "unsure"}
    for account in passwords.order():
        if account.kind in kinds and not passwords.secret_kind(account.id)[0]:
            passwords.set_secret_kind(account.id, kinds[account.kind])


register_sheet(
    Sheet(
        "notebook",
        N_("My password notebook"),
        N_("A page to write your passwords on by hand."),
        notebook_printout,
        N_("password-notebook"),
        order=30,
    )
)
