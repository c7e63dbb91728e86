"""Change passwords: account by account, the steps with a suggestion inside, two-step, notebook.

Steps (app/core/journeys.py): an introduction saying the order once; for each account one
page (what the site asks for, the steps with the suggestion inside, how it went) and
two-step verification; a pension account paid into a listed bank account is one question;
then "Check a password I chose" and the printable password notebook. Only what was done,
and the day, is kept (store.passwords); a password never is.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.answers import ACCOUNT_KIND_NAMES, Account
from app.core.flow import Step
from app.core.journeys import password_order
from app.core.tasks import Task
from app.i18n import N_, _, format_date
from app.ui import theme
from app.ui.pages.passwords_check import CheckPage, YearPage
from app.ui.pages.passwords_suggest import CONFIRM, AccountPage, SuggestionBlock
from app.ui.pages.registry import register
from app.ui.printing import Printout, Sheet, print_paper, register_sheet, save_pdf
from app.ui.widgets import BigButton, ButtonRow, Card, ChoiceGroup, Heading, PageBase, Text
from app.ui.widgets.page import clear_layout

SOURCE = "passwords"
LATER_DAYS = 7

WHY = {
    "email": N_("Your email comes first: with it, someone could reset all your other "
                "passwords."),
    "bank": N_("Your bank account holds your money. A new password keeps out anyone who "
               "bought your details."),
    "social_security": N_("This space shows your health and pension details. A new password "
                          "protects them."),
    "pension": N_("Your pension is paid into this account. A new password protects it."),
    "phone": N_("With your phone account, someone could take your number and receive your "
                "security codes."),
}
CHANGE_TITLE = N_("Change the password of {account}")
CHANGE_WHY = N_("Your personal details leaked: a new password keeps others out of this account.")
CHANGE_HOW = N_("Type the official address yourself and find “Security” or “Password” in your "
                "account settings. Type the old password, then the new one twice. Sereno "
                "suggests one in “Change passwords”.")
HELP_TITLE = N_("Ask someone you trust to help with the password of {account}")
HELP_WHY = N_("It is easier with someone beside you. Never give a password over the phone.")
HELP_HOW = N_("Open Sereno together and choose “Change passwords”: it shows each step.")
TWO_STEP_TITLE = N_("Turn on two-step verification for {account}")
TWO_STEP_WHY = N_("Then nobody can get in with your password alone: they would also need the "
                  "code sent to your phone.")
TWO_STEP_HOW = N_("In your account settings, look for “Two-step verification” or “Security "
                  "code”.")
RULES = (
    N_("Keep it at home, in a place only you know: not next to the computer, not in your bag."),
    N_("Never read it out or show it to someone who calls or writes to you. No bank and no "
       "official office ever asks for your password."),
    N_("When you change a password, cross out the old one and write the new one with the date."),
)


def kind_name(account: Account) -> str:
    return _(ACCOUNT_KIND_NAMES.get(account.kind, "")) or account.kind


def put_task(controller, rule: str, title: str, why: str, how: str, account: Account,
             due: dt.date | None = None) -> None:
    """Put a to-do on the list once; choosing again shows the same one again."""
    task = Task(title=title, why=why, how=how, due=due, rule=rule, source=SOURCE,
                params={"account": account.name})
    existing = controller.store.tasks.by_rule(rule)
    if existing is None:
        controller.add_task(task)
        return
    controller.store.tasks.upsert(task)
    if existing.done:
        controller.store.tasks.undo_done(existing.id)
    controller.changed(_("Added to your to-do list."))


def tick_task(controller, rule: str) -> None:
    """The thing a to-do was for is done: tick it (if it is there and open)."""
    task = controller.store.tasks.by_rule(rule)
    if task is not None and not task.done and task.id is not None:
        controller.store.tasks.mark_done(task.id, controller.today())


class IntroPage(PageBase):
    title = N_("Change your passwords")
    help = N_("Whoever has your details may try your old passwords. A new password for each "
              "account keeps them out. You can skip an account and come back later.")

    def build(self, box: QVBoxLayout) -> None:
        self.order = QVBoxLayout()
        self.order.setSpacing(theme.GAP_PX)
        box.addLayout(self.order)
        box.addWidget(Text(_("Sereno never keeps a password: not the ones it suggests, not "
                             "the ones you type.")))

    def load(self) -> None:
        """The accounts in order (they may have changed since the page was built)."""
        clear_layout(self.order)
        accounts = password_order(self.controller.answers())
        if not accounts:
            self.order.addWidget(Text(_("You have not listed any accounts yet. You can still "
                                        "check a password and print a password notebook.")))
            return
        self.order.addWidget(Text(_("We will go through your accounts one at a time, in this "
                                    "order:")))
        for i, account in enumerate(accounts, 1):
            self.order.addWidget(Text(f"{i}. {account.name} — {kind_name(account)}"))
        self.order.addWidget(Text(_("Email comes first, because with your email someone could "
                                    "reset all your other passwords. Then your money.")))


class KindPage(AccountPage):
    """Asked once per account: what the site asks for (letters, a code, or not sure)."""

    title = N_("What does the site of {account} ask for?")

    def help_text(self) -> str:
        account = self.account()
        return _(WHY.get(account.kind, CHANGE_WHY)) if account else _(CHANGE_WHY)

    def build(self, box: QVBoxLayout) -> None:
        self.kind = kind_group()
        self.kind.changed.connect(self._kind_chosen)
        box.addWidget(self.kind)

    def load(self) -> None:
        account = self.account()
        kind, _length = self.controller.store.passwords.secret_kind(account.id) if account \
            else ("", 0)
        self.kind.set_value(kind)

    def _kind_chosen(self) -> None:
        account, kind = self.account(), self.kind.value()
        if account is not None and kind:
            _old, length = self.controller.store.passwords.secret_kind(account.id)
            self.controller.store.passwords.set_secret_kind(account.id, kind, length)


def kind_group() -> ChoiceGroup:
    group = ChoiceGroup(exclusive=True, name=_("What does the site ask for?"))
    group.add("letters", _("Letters and numbers"), _("A box where you type."))
    group.add("numbers", _("Only numbers (a code)"), _("Often a keypad of numbers on the screen."))
    group.add("unsure", _("I don't know"), _("Sereno shows both."))
    return group


class ChangePage(AccountPage):
    """One account's change: the steps, with the suggestion inside them as step 3."""

    title = N_("Change the password of {account}")
    help = N_("Never follow a link from a message: type the address yourself. Take your time; "
              "on the next page you can say how it went.")
    asks_kind = False  # asked on its own page before this one; the pension page asks here

    def build(self, box: QVBoxLayout) -> None:
        account = self.account()
        self.top = QVBoxLayout()
        self.top.setSpacing(theme.GAP_PX)
        box.addLayout(self.top)
        self.rest = QWidget(self)
        self.inner = inner = QVBoxLayout(self.rest)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(theme.GAP_PX)
        box.addWidget(self.rest)
        self.kind = kind_group()
        self.kind.changed.connect(self._kind_chosen)
        if self.asks_kind:
            if account is not None:
                inner.addWidget(Text(_(WHY.get(account.kind, CHANGE_WHY))))
            inner.addWidget(Heading(_("What does the site ask for?")))
            inner.addWidget(self.kind)
        else:
            self.kind.hide()
        steps = Card(name=_("The steps"))
        steps.box.addWidget(Text("1. " + _("Type the address of the site yourself, then log "
                                           "in.")))
        steps.box.addWidget(Text("2. " + _("Choose “Change password”, often under "
                                           "“Security”.")))
        self.suggestion = SuggestionBlock(self)
        self.another, self.copy, self.read = (self.suggestion.another, self.suggestion.copy,
                                              self.suggestion.read)
        steps.box.addWidget(self.suggestion)
        steps.box.addWidget(Text("4. " + _("Write it in your password notebook.")))
        self.confirm = Text("")
        steps.box.addWidget(self.confirm)
        inner.addWidget(steps)

    @property
    def _passphrase(self) -> str | None:
        """The words shown now (tests and the safety search read it); None if none shown."""
        return self.suggestion.phrase.text() if self.suggestion.uses_words() else None

    def load(self) -> None:
        account = self.account()
        kind, length = self.controller.store.passwords.secret_kind(account.id) if account \
            else ("", 0)
        self.kind.set_value(kind)
        self.suggestion.present(kind, length)
        country = self.controller.setting("country")
        bank = account is not None and account.kind in ("bank", "pension")
        self.confirm.setText(_(CONFIRM[country]) if bank and country in CONFIRM else "")
        self.confirm.setVisible(bool(self.confirm.text()))

    def _kind_chosen(self) -> None:
        account, kind = self.account(), self.kind.value()
        if account is None or not kind:
            return
        _old, length = self.controller.store.passwords.secret_kind(account.id)
        self.controller.store.passwords.set_secret_kind(account.id, kind, length)
        self.suggestion.present(kind, length)

    def set_length(self, length: int) -> None:
        account = self.account()
        if account is not None:
            kind, _old = self.controller.store.passwords.secret_kind(account.id)
            self.controller.store.passwords.set_secret_kind(account.id, kind or "numbers",
                                                            length)
        self.suggestion.present(self.suggestion.kind, length)

    def read_aloud_text(self) -> str:
        """The page's text (the spelling aid says the words, capitals and dashes); the code,
        drawn rather than a label, digit by digit."""
        text = super().read_aloud_text()
        if self.suggestion.uses_code():
            code = _("The code: {digits}.").format(digits=" ".join(self.suggestion.code_text()))
            text += "\n" + code
        return text


class OutcomeBox(QWidget):
    """How it went with one account: changed (the date only), later, or help; or skip."""

    def __init__(self, page: AccountPage):
        super().__init__(page)
        self.page = page
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.GAP_PX)
        self.when = Text("", "muted")
        box.addWidget(self.when)
        self.group = ChoiceGroup(exclusive=True, name=_("How did it go?"))
        self.group.add("changed", _("Done, I changed it"),
                       _("Sereno notes only the date, never the password."))
        self.group.add("later", _("I'll do it later"), _("Sereno puts it on your to-do list."))
        self.group.add("help", _("I need help"),
                       _("Sereno puts it on your to-do list, to do with someone you trust."))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)
        self.skip = BigButton(_("Skip for now"), description=_(
            "Go on to the next account. You can come back to this one later."))
        self.skip.clicked.connect(self.skip_account)
        box.addWidget(ButtonRow(self.skip))

    def load(self) -> None:
        account = self.page.account()
        state = self.page.controller.store.passwords.get(account.id) if account else None
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
        c = self.page.controller
        state = c.store.passwords.set_status(account.id, status, c.today())
        self._say_when(state.changed_on)
        later, helped = f"passwords.later.{account.id}", f"passwords.help.{account.id}"
        if status == "changed":
            tick_task(c, later)
            tick_task(c, helped)
            c.changed(_("Well done. Sereno noted the date."))
        elif status == "later":
            put_task(c, later, CHANGE_TITLE, CHANGE_WHY, CHANGE_HOW, account,
                     c.today() + dt.timedelta(days=LATER_DAYS))
        else:
            put_task(c, helped, HELP_TITLE, HELP_WHY, HELP_HOW, account)

    def skip_account(self) -> None:
        """Go to the next account (or the end): this one stays to do."""
        c, step = self.page.controller, self.page.step
        steps = c.navigator.steps()
        keys = [s.key for s in steps]
        here = keys.index(step.key) if step.key in keys else -1
        after = [s for s in steps[here + 1:] if s.arg != step.arg]
        if here >= 0 and after:
            c.go_to(after[0])
        else:
            c.go_next()


class DonePage(AccountPage):
    """After the steps: how it went."""

    title = N_("How did it go with {account}?")
    help = N_("Take your time. If it does not work, choose “I need help”: Sereno puts it on "
              "your to-do list, to do with someone you trust.")

    def build(self, box: QVBoxLayout) -> None:
        self.outcome = OutcomeBox(self)
        self.group, self.when, self.skip = (self.outcome.group, self.outcome.when,
                                            self.outcome.skip)
        box.addWidget(self.outcome)

    def load(self) -> None:
        self.outcome.load()


class PensionPage(ChangePage):
    """The pension account when a bank account is listed: often the same account."""

    title = N_("Your pension account: {account}")
    asks_kind = True

    def build(self, box: QVBoxLayout) -> None:
        super().build(box)
        self.same = ChoiceGroup(exclusive=True, name=_("Is your pension paid into your bank "
                                                       "account?"))
        self.question = Heading("")
        self.same.add("same", _("Yes, it is the same account"))
        self.same.add("other", _("No, it is another account"),
                      _("Then it needs its own new password."))
        self.same.changed.connect(self._same_chosen)
        self.done = Text(_("Then the new password of your bank protects your pension too. "
                           "Nothing more to do here."))
        for widget in (self.question, self.same, self.done):
            self.top.addWidget(widget)
        self.outcome = OutcomeBox(self)
        self.group = self.outcome.group
        self.inner.addWidget(Heading(_("How did it go?")))
        self.inner.addWidget(self.outcome)

    def load(self) -> None:
        super().load()
        self.outcome.load()
        banks = [a.name for a in self.controller.answers().accounts_of("bank")]
        self.question.setText(_("Is your pension paid into {bank}?").format(
            bank=banks[0] if banks else ""))
        answer = self.controller.store.passwords.pension_on_bank(int(self.step.arg))
        self.same.set_value(answer)
        self._show(answer)

    def _show(self, answer: str) -> None:
        self.done.setVisible(answer == "same")
        self.rest.setVisible(answer == "other")

    def _same_chosen(self) -> None:
        answer = self.same.value()
        self.controller.store.passwords.set_pension_on_bank(int(self.step.arg), answer)
        self._show(answer)


TWO_STEP_IS = N_("It asks for a code sent to your phone, as well as your password.")


class TwoStepPage(AccountPage):
    title = N_("Two-step verification for {account}")
    help = N_("Look for it in your account settings, under “Security”. Not every account "
              "offers it; that is fine.")

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Text(_(TWO_STEP_IS)))
        self.group = ChoiceGroup(exclusive=True, name=self.page_title())
        self.group.add("on", _("I turned it on"))
        self.group.add("not_offered", _("My account doesn't have it"))
        self.group.add("later", _("I'll do it later"), _("Sereno puts it on your to-do list."))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)
        self.where = Text("")
        box.addWidget(self.where)
        rules = Card(name=_("Good to know"))
        rules.box.addWidget(Text(_("This code is for you alone. Never give it to anyone who "
                                   "calls or writes, even someone who knows true facts about "
                                   "you. If someone asks for it, hang up.")))
        rules.box.addWidget(Text(_("Never approve anything in your bank's app during a "
                                   "call.")))
        box.addWidget(rules)

    def load(self) -> None:
        account = self.account()
        state = self.controller.store.passwords.get(account.id) if account else None
        self.group.set_value(state.two_step if state else "")
        country = self.controller.setting("country")
        if account is not None and account.kind == "social_security" and country == "MX":
            where = _("The IMSS site may not have it. Then choose “My account doesn't have "
                      "it”.")
        elif account is not None and account.kind == "phone":
            where = _("If you use WhatsApp: in Settings, then Account, turn on “Two-step "
                      "verification”.")
        else:
            where = _("Look for it in your account settings, under “Security”.")
        self.where.setText(where)

    def _chosen(self) -> None:
        account, choice = self.account(), self.group.value()
        if account is None or not choice:
            return
        c = self.controller
        c.store.passwords.set_two_step(account.id, choice, c.today())
        rule = f"passwords.two_step.{account.id}"
        if choice == "later":
            put_task(c, rule, TWO_STEP_TITLE, TWO_STEP_WHY, TWO_STEP_HOW, account,
                     c.today() + dt.timedelta(days=LATER_DAYS))
        else:
            tick_task(c, rule)
            c.changed(_("Noted."))


class NotebookPage(PageBase):
    title = N_("Your password notebook")
    body = N_("Sereno never keeps a password. Write yours on paper instead: print this page, "
              "fill it in by hand, and keep it safe at home.")

    def build(self, box: QVBoxLayout) -> None:
        self.print_button = BigButton(_("Print"), primary=True)
        self.pdf_button = BigButton(_("Save as PDF"))
        self.print_button.clicked.connect(
            lambda: print_paper(self, self.printout(), _("Your notebook page is printing."))
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        box.addWidget(ButtonRow(self.print_button, self.pdf_button))
        rules = Card(name=_("Three rules to keep it safe"))
        rules.box.addWidget(Heading(_("Three rules to keep it safe")))
        for i, rule in enumerate(RULES, 1):
            rules.box.addWidget(Text(f"{i}. {_(rule)}"))
        box.addWidget(rules)
        self.left = QVBoxLayout()
        self.left.setSpacing(12)
        box.addLayout(self.left)

    def load(self) -> None:
        """Accounts still to change, each with a button to go back to it."""
        clear_layout(self.left)
        states = self.controller.store.passwords.all()
        repo = self.controller.store.passwords
        todo = [a for a in password_order(self.controller.answers())
                if (states.get(a.id) is None or states[a.id].status != "changed")
                and not (a.kind == "pension" and repo.pension_on_bank(a.id) == "same")]
        banks = self.controller.answers().accounts_of("bank")
        if todo:
            self.left.addWidget(Heading(_("Still to change")))
        for account in todo:
            button = BigButton(account.name, description=_("Go back to this account."))
            page = "pension" if account.kind == "pension" and banks else "suggest"
            step = Step(f"passwords.{page}", str(account.id))
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
    doc = Printout(_("My password notebook"), controller.setting("first_name") or "",
                   controller.today())
    doc.paragraph(_("Write a password only here, by hand. Sereno never keeps one."))
    accounts = password_order(controller.answers())
    headings = [f"{a.name} — {kind_name(a)}" for a in accounts]
    headings += [_("Another account")] * (2 if accounts else 4)
    for heading in headings:
        doc.heading(heading)
        for label in (_("Website address:"), _("User name:"), _("Password:"),
                      _("Changed on:")):
            doc.blank_lines(1, label)
    doc.heading(_("Three rules to keep it safe"))
    for i, rule in enumerate(RULES, 1):
        doc.item(f"{i}. {_(rule)}", tick=False)
    return doc


PAGES = register("passwords", {
    "intro": IntroPage,
    "kind": KindPage,
    "suggest": ChangePage,
    "done": DonePage,
    "pension": PensionPage,
    "two_step": TwoStepPage,
    "year": YearPage,
    "check": CheckPage,
    "notebook": NotebookPage,
})

register_sheet(Sheet("notebook", N_("My password notebook"),
                     N_("A page to write your passwords on by hand."), notebook_printout,
                     N_("password-notebook"), order=30))
