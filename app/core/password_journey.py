"""The passwords journey's rules as data: what each answer does, what a page shows, where Skip goes.

Pages ask these and show the result; app/core/actions/passwords.py applies them to the
store in one transaction. Nothing here touches a password: a rule sees account ids,
statuses and days only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.core.answers import Account
from app.core.flow import Step
from app.core.passwords import PasswordState
from app.core.tasks import Task
from app.i18n import N_

SOURCE = "passwords"
LATER_DAYS = 7
ADDED = N_("Added to your to-do list.")

CHANGE_TITLE = N_("Change the password of {account}")
CHANGE_WHY = N_("Your personal details leaked: a new password keeps others out of this account.")
CHANGE_HOW = N_(
    "Type the official address yourself and find “Security” or “Password” in your "
    "account settings. Type the old password, then the new one twice. Sereno "
    "suggests one in “Change passwords”."
)
HELP_TITLE = N_("Ask someone you trust to help with the password of {account}")
HELP_WHY = N_("It is easier with someone beside you. Never give a password over the phone.")
HELP_HOW = N_("Open Sereno together and choose “Change passwords”: it shows each step.")
TWO_STEP_TITLE = N_("Turn on two-step verification for {account}")
TWO_STEP_WHY = N_(
    "Then nobody can get in with your password alone: they would also need the "
    "code sent to your phone."
)
TWO_STEP_HOW = N_("In your account settings, look for “Two-step verification” or “Security code”.")


@dataclass(frozen=True)
class ToDo:
    """What an answer does to the to-do list: a task to put (back) on it, rules to tick, and
    what to say (a catalog id, "" for nothing)."""

    put: Task | None = None
    tick: tuple[str, ...] = ()
    said: str = ""


def later_rule(account_id: int) -> str:
    return f"passwords.later.{account_id}"


def help_rule(account_id: int) -> str:
    return f"passwords.help.{account_id}"


def two_step_rule(account_id: int) -> str:
    return f"passwords.two_step.{account_id}"


def _task(
    rule: str, texts: tuple[str, str, str], account: Account, due: dt.date | None = None
) -> Task:
    title, why, how = texts
    return Task(
        title=title,
        why=why,
        how=how,
        due=due,
        rule=rule,
        source=SOURCE,
        params={"account": account.name},
    )


def after_outcome(account: Account, status: str, today: dt.date) -> ToDo:
    """How it went: changed ticks what was put for it; later and help put a to-do."""
    if status == "changed":
        return ToDo(
            tick=(later_rule(account.id), help_rule(account.id)),
            said=N_("Well done. Sereno noted the date."),
        )
    if status == "later":
        return ToDo(
            _task(
                later_rule(account.id),
                (CHANGE_TITLE, CHANGE_WHY, CHANGE_HOW),
                account,
                today + dt.timedelta(days=LATER_DAYS),
            ),
            said=ADDED,
        )
    if status == "help":
        return ToDo(
            _task(help_rule(account.id), (HELP_TITLE, HELP_WHY, HELP_HOW), account), said=ADDED
        )
    return ToDo()


def after_two_step(account: Account, choice: str, today: dt.date) -> ToDo:
    """Two-step later puts a to-do; turned on, or not offered, ticks it."""
    rule = two_step_rule(account.id)
    if choice == "later":
        return ToDo(
            _task(
                rule,
                (TWO_STEP_TITLE, TWO_STEP_WHY, TWO_STEP_HOW),
                account,
                today + dt.timedelta(days=LATER_DAYS),
            ),
            said=ADDED,
        )
    if choice:
        return ToDo(tick=(rule,), said=N_("Noted."))
    return ToDo()


@dataclass(frozen=True)
class Shown:
    """What the change page shows for what the site asks for: the words, a code, or both."""

    words: bool
    code: bool

    @property
    def both(self) -> bool:
        return self.words and self.code


def shown_for(kind: str) -> Shown:
    """Letters (or not answered yet): words; only numbers: a code; not sure: both."""
    return Shown(words=kind != "numbers", code=kind in ("numbers", "unsure"))


def skip_to(steps: Sequence[Step], here: Step) -> Step | None:
    """Skip: the first page of the next account (or what follows the accounts).

    None when there is nothing after this account: the journey's Next goes on.
    """
    keys = [s.key for s in steps]
    if here.key not in keys:
        return None
    after = [s for s in steps[keys.index(here.key) + 1 :] if s.arg != here.arg]
    return after[0] if after else None


def still_to_change(
    accounts: Iterable[Account],
    states: Mapping[int, PasswordState],
    pension_answers: Mapping[int, str],
    has_bank: bool,
) -> list[tuple[Account, Step]]:
    """The accounts not changed yet, each as the page to go back to it.

    A pension paid into the bank account is done with the bank; when a bank account is
    listed, a pension not yet said to be another account goes back to that question.
    """
    left = []
    for account in accounts:
        state = states.get(account.id)
        if state is not None and state.status == "changed":
            continue
        pension, answer = account.kind == "pension", pension_answers.get(account.id, "")
        if pension and answer == "same":
            continue
        page = "pension" if pension and has_bank and answer != "other" else "suggest"
        left.append((account, Step(f"passwords.{page}", str(account.id))))
    return left


BANK_CONFIRM = {
    "FR": N_(
        "Your bank may then ask you to confirm in its app (Crédit Agricole: SécuriPass; "
        "BNP Paribas: Clé Digitale)."
    ),
    "MX": N_("Your bank may also ask for the code of your token, the “clave dinámica”."),
}


def bank_confirmation(kind: str, country: str) -> str:
    """What a bank may ask for after the change, in this country (a catalog id, or "")."""
    return BANK_CONFIRM.get(country, "") if kind in ("bank", "pension") else ""


def two_step_where(kind: str, country: str) -> str:
    """Where to find two-step verification for this kind of account (a catalog id)."""
    if kind == "social_security" and country == "MX":
        return N_("The IMSS site may not have it. Then choose “My account doesn't have it”.")
    if kind == "phone":
        return N_(
            "If you use WhatsApp: in Settings, then Account, turn on “Two-step verification”."
        )
    return N_("Look for it in your account settings, under “Security”.")


def birth_year_ok(text: str) -> bool:
    """Empty (it is optional) or a year of four digits a living person was born in."""
    text = text.strip()
    return not text or birth_year_from(text) is not None


def birth_year_from(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) == 4 and 1900 <= int(text) <= 2030 else None
