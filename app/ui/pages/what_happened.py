"""What happened?: the notice, the data exposed, the accounts, and what it means in plain words.

Every answer is written to the store the moment it is chosen, so the plan, the activity
checks and the password journey see it at once; the summary turns it into the to-do list.
"""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.core import emergency, plan
from app.core.answers import ACCOUNT_KIND_NAMES, ACCOUNT_KINDS, valid_last4
from app.i18n import N_, _, ngettext
from app.ui import dialogs
from app.ui.pages.registry import register
from app.ui.widgets import Card, ChoiceGroup, Heading, PageBase, Text, TextField
from app.ui.widgets.page import KeptWidgets

NOTICES: dict[str, tuple[str, str]] = {
    "imss": (N_("IMSS, the Mexican Social Security Institute"),
             N_("A letter, a message or the news about IMSS pensioners' data.")),
    "ameli": (N_("Health Insurance (Ameli)"),
              N_("A letter or an email from the Assurance Maladie about your data.")),
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
    "health_rights": (N_("Health cover"),
                      N_("Your rights with the health insurance: your doctor, your care.")),
    "unknown": (N_("I don't know"), N_("Sereno will act as if the important data was exposed.")),
}
SOCIAL_SECURITY: dict[str, tuple[str, str]] = {
    "MX": (N_("NSS (your social security number)"),
           N_("The 11-digit number on your IMSS papers.")),
    "FR": (N_("Social security number"), N_("The 15-digit number on your carte Vitale.")),
    "OTHER": (N_("Social security number"),
              N_("Your national social security or insurance number.")),
}
# What each leak held (DOMAIN.md and its corrections): ticked for the person on the exposed
# page, with a sentence that says so; they can untick or add. The IMSS leak's pension amounts
# and phones came from one outlet only, and no report lists email: not ticked.
LEAK_DATA: dict[str, frozenset[str]] = {
    "imss": frozenset({"name_address", "birth_date", "curp", "social_security",
                       "health_rights"}),
    "ameli": frozenset({"birth_date", "social_security", "health_rights"}),
}
LEAK_WORDS: dict[str, str] = {
    "imss": N_("The IMSS leak held names, addresses, CURP, NSS, birth dates and illnesses. "
               "Sereno has ticked them. Add anything else your notice mentions."),
    "ameli": N_("The AmeliPro leak held names, birth dates, social security numbers and health "
                "rights. It held no address, phone or bank details. Sereno has ticked what it "
                "held. Add anything else your notice mentions."),
}
PREFILLED = "prefilled"

ACCOUNT_HINTS: dict[str, str] = {
    "email": N_("The address where you receive your emails."),
    "bank": N_("An account where your money is kept."),
    "social_security": N_("Your personal space on the social security website."),
    "pension": N_("The account where your pension is paid."),
    "phone": N_("Your mobile phone line and its customer account."),
}


def _country(page: PageBase) -> str:
    country = page.controller.setting("country")
    return country if country in ("MX", "FR") else "OTHER"


class NoticePage(PageBase):
    """Which organisation told the person about the leak."""

    title = N_("Who told you about the leak?")
    body = N_("Choose where the news came from.")
    help = N_("If you received several letters, choose the one that worries you most. "
              "If you do not remember, choose “I'm not sure”.")

    def build(self, box: QVBoxLayout) -> None:
        hidden = NOT_IN_COUNTRY.get(self.controller.setting("country"), set())
        self.group = ChoiceGroup(exclusive=True, name=self.page_title())
        for key, (title, explanation) in NOTICES.items():
            if key not in hidden:
                self.group.add(key, _(title), _(explanation))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)

    def load(self) -> None:
        self.group.set_value(self.controller.store.answers.notice())

    def _chosen(self) -> None:
        if self.group.value():
            self.controller.store.answers.set_notice(self.group.value())
            self.controller.changed()

    def validate(self) -> str | None:
        if not self.group.value():
            return _("Please choose one answer. “I'm not sure” is a good answer too.")
        return None


class ExposedPage(PageBase):
    """Which data was exposed: several answers, "I don't know" included."""

    title = N_("Which of your data was exposed?")
    body = N_("Choose everything the notice mentions. If you do not know, choose “I don't know”.")
    help = N_("The letter or the news usually lists what was taken. "
              "Choosing more than needed does no harm: it only adds advice to your list.")

    def kinds(self) -> list[tuple[str, str, str]]:
        country = _country(self)
        rows = []
        for key in ("name_address", "birth_date", "social_security", "curp", "contact", "bank",
                    "pension", "health_rights", "unknown"):
            if key == "curp" and country != "MX":
                continue
            words = SOCIAL_SECURITY[country] if key == "social_security" else EXPOSED[key]
            title, explanation = words
            rows.append((key, _(title), _(explanation)))
        return rows

    def build(self, box: QVBoxLayout) -> None:
        self.leak = Text("", "muted")
        self.leak.hide()
        box.addWidget(self.leak)
        self.group = ChoiceGroup(exclusive=False, name=self.page_title())
        self.group.add_all(self.kinds())
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)

    def load(self) -> None:
        answers = self.controller.store.answers
        notice = answers.notice()
        leak = LEAK_DATA.get(notice, frozenset()) & {row.value for row in self.group.rows}
        progress = self.controller.store.progress
        draft = progress.draft(self.step.key)
        if leak and not answers.exposed() and draft.get(PREFILLED) != notice:
            # Once per notice: what the leak held is ticked, and the page says so above.
            answers.set_exposed(set(leak))
            progress.save_draft(self.step.key, {**draft, PREFILLED: notice})
            self.controller.changed()
        self.leak.setText(_(LEAK_WORDS[notice]) if leak else "")
        self.leak.setVisible(bool(leak))
        self.group.set_values(answers.exposed())

    def _chosen(self) -> None:
        # Kinds not offered here (CURP after moving to France) are kept as they were.
        offered = {row.value for row in self.group.rows}
        kept = set(self.controller.store.answers.exposed()) - offered
        self.controller.store.answers.set_exposed(kept | set(self.group.values()))
        self.controller.changed()

    def validate(self) -> str | None:
        if not self.group.values():
            return _("Please choose at least one answer. “I don't know” is a good answer too.")
        return None


class AccountsPage(PageBase):
    """Which kinds of accounts the person has; each chosen kind becomes one account."""

    title = N_("Which of these do you have?")
    body = N_("Choose every kind of account you use. Sereno will help you check each one.")
    help = N_("An account is a place where you sign in or where your money is kept. "
              "You give each one a name on the next page. Sereno never asks for a password.")

    def build(self, box: QVBoxLayout) -> None:
        self.added_now: set[int] = set()
        self.group = ChoiceGroup(exclusive=False, name=self.page_title())
        for kind in ACCOUNT_KINDS:
            self.group.add(kind, _(ACCOUNT_KIND_NAMES[kind]), _(ACCOUNT_HINTS[kind]))
        self.group.changed.connect(self._chosen)
        box.addWidget(self.group)

    def load(self) -> None:
        self.group.set_values({a.kind for a in self.controller.store.answers.accounts()})

    def _chosen(self) -> None:
        answers = self.controller.store.answers
        chosen = set(self.group.values())
        have = answers.accounts()
        for kind in ACCOUNT_KINDS:
            mine = [a for a in have if a.kind == kind]
            if kind in chosen and not mine:
                self.added_now.add(answers.add_account(kind, _(ACCOUNT_KIND_NAMES[kind])).id)
            elif kind not in chosen and mine:
                if not self._may_remove(kind, mine):
                    self.group.set_values(chosen | {kind})
                    continue
                for account in mine:
                    answers.remove_account(account.id)
        self.controller.changed()

    def _may_remove(self, kind: str, accounts) -> bool:
        """Ask before forgetting an account given on an earlier visit (and its checks)."""
        if all(a.id in self.added_now for a in accounts):
            return True
        names = ", ".join(a.name for a in accounts)
        text = _("Remove “{name}” from your accounts? Sereno will forget the checks "
                 "you noted for it.").format(name=names)
        return dialogs.confirm(self, text, _("Yes, remove it"), _("No, keep it"),
                               title=_("Remove an account"))


class NamesPage(PageBase):
    """A name the person recognises for each account, and the bank's last 4 digits."""

    title = N_("How do you call these accounts?")
    body = N_("Give each one a name you recognise, for example the name of your bank.")
    help = N_("These names are only for you: Sereno uses them to say which account to check. "
              "For a bank you can add the last 4 digits of the number, never the whole number.")

    def build(self, box: QVBoxLayout) -> None:
        self.names: dict[int, TextField] = {}
        self.digits: dict[int, TextField] = {}
        for account in self.controller.store.answers.accounts():
            card = Card(name=_(ACCOUNT_KIND_NAMES[account.kind]))
            card.box.addWidget(Heading(_(ACCOUNT_KIND_NAMES[account.kind])))
            name = TextField(_("The name you know it by"), max_length=60)
            self.names[account.id] = self.keep(f"name_{account.id}", name)
            card.box.addWidget(name)
            if account.kind == "bank":
                last4 = TextField(_("Last 4 digits of the account (optional)"), max_length=4,
                                  hint=_("Only the last 4 digits: never the whole number."))
                self.digits[account.id] = self.keep(f"last4_{account.id}", last4)
                card.box.addWidget(last4)
                card.box.addWidget(Text(_("Only the last 4 digits: never the whole number."),
                                        "muted"))
            box.addWidget(card)
        self._shown = {a.id for a in self.controller.store.answers.accounts()}

    def load(self) -> None:
        accounts = self.controller.store.answers.accounts()
        if {a.id for a in accounts} != self._shown:
            self.render()  # accounts were added or removed since this page was built
        self._loading = True
        for account in accounts:
            self.names[account.id].set_value(account.name)
            if account.id in self.digits:
                self.digits[account.id].set_value(account.last4)
        self._loading = False
        super().load()

    def save(self) -> None:
        super().save()
        answers = self.controller.store.answers
        all_valid = True
        for account in answers.accounts():
            field = self.names.get(account.id)
            if field is None:
                continue
            name = field.value().strip() or _(ACCOUNT_KIND_NAMES[account.kind])
            last4 = self.digits[account.id].value().strip() if account.id in self.digits else ""
            if not valid_last4(last4):
                last4, all_valid = account.last4, False
            if (name, last4) != (account.name, account.last4):
                answers.rename_account(account.id, name, last4)
        if all_valid:
            self.forget_draft()  # all is in the store now; a wrong number stays as typed

    def validate(self) -> str | None:
        for field in self.digits.values():
            if not valid_last4(field.value().strip()):
                return _("For the last digits, please write only numbers, at most 4.")
        return None


class SummaryPage(PageBase):
    """What criminals can do with exactly this data, and the list that answers it."""

    title = N_("What this means for you")
    help = N_("These are the real risks, in a few words. Your to-do list explains what to do "
              "about each one, step by step.")

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Text(_("What someone could try with this data, and how to stay safe:")))
        self.risk_box = QVBoxLayout()
        self.risk_box.setSpacing(12)
        self.risks_kept = KeptWidgets(self.risk_box)
        box.addLayout(self.risk_box)
        self.ready = Heading()
        box.addWidget(self.ready)
        self.pace = Text("")
        box.addWidget(self.pace)

    def load(self) -> None:
        answers = self.controller.answers()
        self.risks_kept.fill([(risk, lambda r=risk: self._risk_card(r))
                              for risk in plan.risks(answers)])
        change = plan.apply(self.controller.store.tasks, answers, self.controller.today())
        open_tasks = self.controller.store.tasks.all(include_done=False)
        count = len(open_tasks)
        # "No hurry" is never said while steps of "I already gave something away" are open.
        self.pace.setText(_("Start with the steps for today: they protect your money.")
                          if emergency.is_open(open_tasks)
                          else _("You can do them one at a time. There is no hurry."))
        self.ready.setText(ngettext("Your to-do list is ready: {n} thing to do.",
                                    "Your to-do list is ready: {n} things to do.",
                                    count).format(n=count))
        if change.added or change.removed:
            self.controller.changed()

    @staticmethod
    def _risk_card(risk: str) -> Card:
        card = Card(name=_(risk))
        card.box.addWidget(Text(_(risk)))
        return card

    def next_text(self) -> str:
        return _("See my to-do list")


PAGES = register("what_happened", {
    "notice": NoticePage,
    "exposed": ExposedPage,
    "accounts": AccountsPage,
    "names": NamesPage,
    "summary": SummaryPage,
})
