"""What happened?: the notice, the data exposed, the accounts, and what it means in plain words.

Every answer is one action of `controller.what_happened` (app/core/actions/what_happened.py),
written the moment it is chosen, so the plan, the activity checks and the password journey
see it at once; leaving the summary turns the answers into the to-do list.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from app.core.answers import (
    ACCOUNT_KIND_NAMES,
    ACCOUNT_KINDS,
    IDENTITY_KINDS,
    MONEY_HEALTH_KINDS,
    leak_data,
    offered_exposed,
    valid_last4,
)
from app.i18n import N_, _, ngettext
from app.ui import dialogs, theme
from app.ui.pages.registry import register
from app.ui.widgets import Card, ChoiceGroup, Heading, PageBase, Text, TextField
from app.ui.widgets.more import TellMeMore, content
from app.ui.widgets.page import KeptWidgets

NOTICES: dict[str, tuple[str, str]] = {
    "imss": (
        N_("IMSS, the Mexican Social Security Institute"),
        N_("A letter, a message or the news about IMSS pensioners' data."),
    ),
    "ameli": (
        N_("Health Insurance (Ameli)"),
        N_("A letter or an email from the Assurance Maladie about your data."),
    ),
    "bank": (N_("A bank"), N_("Your bank told you that your data may have leaked.")),
    "other": (N_("Another organisation"), N_("A shop, a phone company, an administration…")),
    "unsure": (N_("I'm not sure"), N_("That is fine: the advice will cover every case.")),
}
# The notice that does not concern a country is not offered there.
NOT_IN_COUNTRY = {"MX": {"ameli"}, "FR": {"imss"}}

EXPOSED: dict[str, tuple[str, str]] = {
    "name_address": (N_("Name and address"), N_("Your full name and where you live.")),
    "birth_date": (N_("Date of birth"), N_("Often asked to prove who you are.")),
    "curp": (N_("CURP"), N_("Your personal identity code of 18 letters and numbers.")),
    "contact": (N_("Phone number or email"), N_("How people can reach you.")),
    "bank": (N_("Bank details"), N_("Your account number, for example your CLABE or IBAN.")),
    "pension": (N_("Pension amount"), N_("How much you receive each month.")),
    "health_rights": (
        N_("Health cover"),
        N_("Your rights with the health insurance: your doctor, your care."),
    ),
    "unknown": (N_("I don't know"), N_("Sereno will act as if the important data was exposed.")),
}
SOCIAL_SECURITY: dict[str, tuple[str, str]] = {
    "MX": (N_("NSS (your social security number)"), N_("The 11-digit number on your IMSS papers.")),
    "FR": (N_("Social security number"), N_("The 15-digit number on your carte Vitale.")),
    "OTHER": (
        N_("Social security number"),
        N_("Your national social security or insurance number."),
    ),
}
# Said above the answers when Sereno ticked what the leak behind the notice held.
LEAK_WORDS: dict[str, str] = {
    "imss": N_(
        "The IMSS leak held names, addresses, CURP, NSS, birth dates and illnesses. "
        "Sereno has ticked them. Add anything else your notice mentions."
    ),
    "ameli": N_(
        "The AmeliPro leak held names, birth dates, social security numbers and health "
        "rights. It held no address, phone or bank details. Sereno has ticked what it "
        "held. Add anything else your notice mentions."
    ),
}
LEAK_TICKED = N_("Sereno ticked what the leak held.")

ACCOUNT_HINTS: dict[str, str] = {
    "email": N_("The address where you receive your emails."),
    "bank": N_("An account where your money is kept."),
    "social_security": N_("Your personal space on the social security website."),
    "pension": N_("The account where your pension is paid."),
    "phone": N_("Your mobile phone line and its customer account."),
}
# Under the nickname field, where "the address where you receive your emails" invited the
# real address: an example of a nickname instead.
NAME_HINTS: dict[str, str] = {
    "email": N_("For example: My email. Do not write your address."),
}


def _country(page: PageBase) -> str:
    country = page.controller.setting("country")
    return country if country in ("MX", "FR") else "OTHER"


def _kind_name(kind: str) -> str:
    return _(ACCOUNT_KIND_NAMES[kind])


class NoticePage(PageBase):
    """Which organisation told the person about the leak."""

    title = N_("Who told you about the leak?")
    body = N_("Choose where the news came from.")
    help = N_(
        "If you received several letters, choose the one that worries you most. "
        "If you do not remember, choose “I'm not sure”."
    )

    def build(self, box: QVBoxLayout) -> None:
        hidden = NOT_IN_COUNTRY.get(self.controller.setting("country"), set())
        self.group = ChoiceGroup(exclusive=True, name=self.page_title())
        for key, (title, explanation) in NOTICES.items():
            if key not in hidden:
                self.group.add(key, _(title), _(explanation))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)

    def load(self) -> None:
        self.group.set_value(self.controller.what_happened.notice())

    def _chosen(self) -> None:
        chosen = self.group.value()
        if chosen and chosen != self.controller.what_happened.notice():
            self.controller.what_happened.set_notice(chosen)

    def validate(self) -> str | None:
        if not self.group.value():
            return _("Please choose one answer. “I'm not sure” is a good answer too.")
        return None


class ExposedPage(PageBase):
    """Which details about the person were exposed: the first half of the question."""

    title = N_("Which of your data was exposed?")
    body = N_("Choose everything the notice mentions. Money and health come on the next page.")
    help = N_(
        "The letter or the news usually lists what was taken. "
        "Choosing more than needed does no harm: it only adds advice to your list."
    )
    part: tuple[str, ...] = IDENTITY_KINDS

    def asked(self) -> tuple[str, ...]:
        return offered_exposed(self.controller.setting("country"), self.part)

    def kinds(self) -> list[tuple[str, str, str]]:
        country = _country(self)
        rows = []
        for key in self.asked():
            title, explanation = (
                SOCIAL_SECURITY[country] if key == "social_security" else EXPOSED[key]
            )
            rows.append((key, _(title), _(explanation)))
        return rows

    def build(self, box: QVBoxLayout) -> None:
        self.group = ChoiceGroup(exclusive=False, name=self.page_title())
        # Two columns from four answers: with the question, they share one screen at 175 %.
        self.group.COLUMNS_FROM = 4
        self.group.add_all(self.kinds())
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)
        # Why some answers are ticked already: below them, as every explanation.
        self.leak = Text("", "muted")
        self.leak.hide()
        box.addWidget(self.leak)

    def leak_words(self, notice: str) -> str:
        return _(LEAK_WORDS[notice])

    def load(self) -> None:
        answers = self.controller.what_happened
        notice = answers.notice()
        held = leak_data(notice, self.controller.setting("country")) & set(self.asked())
        self.leak.setText(self.leak_words(notice) if held else "")
        self.leak.setVisible(bool(held))
        self.group.set_values(answers.exposed())

    def _chosen(self) -> None:
        self.controller.what_happened.set_exposed(set(self.group.values()), self.asked())


class ExposedMorePage(ExposedPage):
    """Money and health details: the second half; one answer over both halves is needed."""

    title = N_("And about your money or your health?")
    body = N_("Choose everything the notice mentions. If you do not know, choose “I don't know”.")
    part = MONEY_HEALTH_KINDS

    def leak_words(self, notice: str) -> str:
        return _(LEAK_TICKED)

    def validate(self) -> str | None:
        if not self.controller.what_happened.exposed():
            return _("Please choose at least one answer. “I don't know” is a good answer too.")
        return None


class AccountsPage(PageBase):
    """Which kinds of accounts the person has; each chosen kind becomes one account."""

    title = N_("Which of these do you have?")
    body = N_("Choose every kind of account you use. Sereno will help you check each one.")
    help = N_(
        "An account is a place where you sign in or where your money is kept. "
        "Next, you give each one a name. Sereno never asks for a password."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.added_now: set[int] = set()
        self.group = ChoiceGroup(exclusive=False, name=self.page_title())
        for kind in ACCOUNT_KINDS:
            self.group.add(kind, _kind_name(kind), _(ACCOUNT_HINTS[kind]))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)

    def load(self) -> None:
        self.group.set_values({a.kind for a in self.controller.what_happened.accounts()})

    def _chosen(self) -> None:
        answers = self.controller.what_happened
        chosen = set(self.group.values())
        have = answers.accounts()
        for kind in {a.kind for a in have} - chosen:
            if not self._may_remove([a for a in have if a.kind == kind]):
                chosen.add(kind)
                self.group.set_values(chosen)
        if chosen == {a.kind for a in have}:
            return
        added = answers.set_accounts(chosen, {kind: _kind_name(kind) for kind in chosen})
        self.added_now |= {a.id for a in added}

    def _may_remove(self, accounts) -> bool:
        """Ask before forgetting an account given on an earlier visit (and its checks)."""
        if all(a.id in self.added_now for a in accounts):
            return True
        names = ", ".join(a.name for a in accounts)
        text = _(
            "Remove “{name}” from your accounts? Sereno will forget the checks you noted for it."
        ).format(name=names)
        return dialogs.confirm(
            self, text, _("Yes, remove it"), _("No, keep it"), title=_("Remove an account")
        )


class NamesPage(PageBase):
    """A name the person recognises for one account (`step.arg` is its id), and for a bank
    its last 4 digits: one account per page, so each fits one screen."""

    title = N_("What do you call this account?")
    help = N_(
        "These names are only for you: Sereno uses them to say which account to check. "
        "For a bank you can add the last 4 digits of the number, never the whole number."
    )

    def account(self):
        return self.controller.what_happened.account(int(self.step.arg or 0))

    def page_title(self) -> str:
        account = self.account()
        if account is None:
            return _(self.title)
        return _("{kind}: what do you call it?").format(kind=_kind_name(account.kind))

    def build(self, box: QVBoxLayout) -> None:
        self.name = self.digits = None
        account = self.account()
        if account is None:  # forgotten meanwhile: the journey no longer lists this page
            return
        row = QHBoxLayout()
        row.setSpacing(theme.GAP_PX)
        self.name = self.keep("name", TextField(_("The name you know it by"), max_length=60))
        row.addWidget(self.name, 3)
        if account.kind == "bank":  # beside the name, so both fit one screen at 175 %
            self.digits = self.keep(
                "last4", TextField(_("Last 4 digits of the account (optional)"), max_length=4)
            )
            self.digits.edit.setAccessibleDescription(
                _("Only the last 4 digits: never the whole number.")
            )
            row.addWidget(self.digits, 2)
        box.addLayout(row)
        explained = (
            _("Only the last 4 digits: never the whole number.")
            if self.digits
            else _(NAME_HINTS.get(account.kind, ACCOUNT_HINTS[account.kind]))
        )
        box.addWidget(Text(explained, "muted"))

    def load(self) -> None:
        account = self.account()
        if account is None or self.name is None:
            return
        self._loading = True
        self.name.set_value(account.name)
        if self.digits is not None:
            self.digits.set_value(account.last4)
        self._loading = False
        super().load()  # what was typed and not kept yet (a wrong number) comes back

    def save(self) -> None:
        """One commit when something changed: the name, and the digits when they are valid.
        What is typed is kept as a draft already, so nothing else is written."""
        account = self.account()
        if account is None or self.name is None:
            return
        name = self.name.value().strip() or _kind_name(account.kind)
        last4 = self.digits.value().strip() if self.digits is not None else account.last4
        drafts = self.controller.drafts
        if (name, last4) == (account.name, account.last4) and not drafts.get(self.step.key):
            return
        self.controller.what_happened.name_account(account.id, name, last4, self.step.key)

    def validate(self) -> str | None:
        if self.digits is not None and not valid_last4(self.digits.value().strip()):
            return _("For the last digits, please write only numbers, at most 4.")
        return None


class SummaryPage(PageBase):
    """What criminals can do with exactly this data, and the list that answers it."""

    title = N_("What this means for you")
    help = N_(
        "These are the real risks, in a few words. Your to-do list explains what to do "
        "about each one, step by step."
    )

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Text(_("What someone could try with this data, and how to stay safe:")))
        self.risk_box = QVBoxLayout()
        self.risk_box.setSpacing(12)
        self.risks_kept = KeptWidgets(self.risk_box)
        box.addLayout(self.risk_box)
        self.ready = content(Heading())  # the size of their own plan
        box.addWidget(self.ready)
        self.pace = Text("")
        box.addWidget(self.pace)

    def load(self) -> None:
        outlook = self.controller.what_happened.outlook()
        # The first risk in sight, the others on request: at most 60 words before them.
        first, rest = outlook.risks[:1], tuple(outlook.risks[1:])
        entries = [(risk, lambda r=risk: self._risk_card(r)) for risk in first]
        if rest:
            entries.append(
                (
                    rest,
                    lambda: TellMeMore(
                        [self._risk_card(r) for r in rest], about=_("What this means for you")
                    ),
                )
            )
        self.risks_kept.fill(entries)
        # "No hurry" is never said while steps of "I already gave something away" are open.
        self.pace.setText(
            _("Start with the steps for today: they protect your money.")
            if outlook.urgent
            else _("You can do them one at a time. There is no hurry.")
        )
        count = outlook.open_tasks
        self.ready.setText(
            ngettext(
                "Your to-do list is ready: {n} thing to do.",
                "Your to-do list is ready: {n} things to do.",
                count,
            ).format(n=count)
        )

    def save(self) -> None:
        """Leaving the summary (to the list, Back or Home) makes the list it announced."""
        self.controller.what_happened.make_plan()

    @staticmethod
    def _risk_card(risk: str) -> Card:
        card = Card(name=_(risk))
        card.box.addWidget(Text(_(risk)))
        return card

    def next_text(self) -> str:
        return _("See my to-do list")


PAGES = register(
    "what_happened",
    {
        "notice": NoticePage,
        "exposed": ExposedPage,
        "exposed_more": ExposedMorePage,
        "accounts": AccountsPage,
        "names": NamesPage,
        "summary": SummaryPage,
    },
)
