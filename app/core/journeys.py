"""Every journey Sereno offers, in the order the home page shows them.

A journey is listed here only when its pages are finished: a page that is not ready is
not shown.
"""

from __future__ import annotations

from app.core.answers import ACCOUNT_KINDS, Account, Answers
from app.core.flow import Journey, Step
from app.i18n import N_

FIRST_RUN = Journey(
    key="first_run",
    title=N_("Settings"),
    summary=N_("Language, text size, colours and reading aloud."),
    pages=(
        "language",
        "welcome",
        "text_size",
        "contrast",
        "read_aloud",
        "name",
        "country",
        "ready",
    ),
)


def _what_happened_steps(answers: Answers) -> list[Step]:
    """The questions (what was exposed on two pages, so each fits one screen), a name for
    each account on its own page, and the list the answers made."""
    names = [Step("what_happened.names", str(a.id)) for a in answers.accounts]
    return [
        Step("what_happened.notice"),
        Step("what_happened.exposed"),
        Step("what_happened.exposed_more"),
        Step("what_happened.accounts"),
        *names,
        Step("what_happened.summary"),
        Step("todo.list"),
    ]


WHAT_HAPPENED = Journey(
    key="what_happened",
    title=N_("What happened?"),
    summary=N_("A few questions about the leak. Your to-do list is made from your answers."),
    steps_for=_what_happened_steps,
)

# Opened from the home page ("All my tasks") and at the end of "What happened?".
TODO = Journey(
    key="todo",
    title=N_("My to-do list"),
    summary=N_("What is left to do, one thing at a time."),
    pages=("list",),
    available=lambda answers: False,
)


def activity_steps(answers: Answers) -> list[Step]:
    """Check account activity: an introduction (where to start), three pages per account in
    the order the person chose, a summary."""
    from app.core.activity_flow import check_order  # the activity check's own rules

    steps = [Step("activity.intro")]
    for account in check_order(answers):
        steps += [Step(f"activity.{page}", str(account.id)) for page in ("open", "look", "result")]
    steps.append(Step("activity.summary"))
    return steps


ACTIVITY = Journey(
    key="activity",
    title=N_("Check account activity"),
    summary=N_("Look at each account for payments you do not recognise."),
    steps_for=activity_steps,
    available=lambda answers: bool(answers.accounts),
)


def password_order(answers: Answers) -> list[Account]:
    """Accounts in the order that matters: email (it resets the others), bank, social security..."""
    rank = {kind: i for i, kind in enumerate(ACCOUNT_KINDS)}
    return sorted(answers.accounts, key=lambda a: rank.get(a.kind, len(rank)))


def _password_steps(answers: Answers) -> list[Step]:
    """Per account: what the site asks for, the steps with the suggestion inside, how it
    went, two-step verification; a pension account beside a bank account is first one
    question (often it is the same account), followed by those pages only when the person
    says it is another account. Then the birth year (optional) and the check."""
    steps = [Step("passwords.intro")]
    has_bank = bool(answers.accounts_of("bank"))
    for account in password_order(answers):
        if account.kind == "pension" and has_bank:
            steps.append(Step("passwords.pension", str(account.id)))
            if account.id not in answers.separate_pensions:
                continue
        pages = ("kind", "suggest", "done", "two_step")
        steps += [Step(f"passwords.{page}", str(account.id)) for page in pages]
    return steps + [Step("passwords.year"), Step("passwords.check"), Step("passwords.notebook")]


PASSWORDS = Journey(
    key="passwords",
    title=N_("Change passwords"),
    summary=N_("Account by account, with a new password suggested for each one."),
    steps_for=_password_steps,
)


SCAMS_ROUND = 3  # messages per round of "Spot the scam": short, so nobody is overwhelmed


def scams_steps(answers: Answers) -> list[Step]:
    """Spot the scam: an introduction, each message then its answer, and a summary."""
    steps = [Step("scams.intro")]
    for slot in range(1, SCAMS_ROUND + 1):
        steps += [Step("scams.example", str(slot)), Step("scams.answer", str(slot))]
    return steps + [Step("scams.result")]


SCAMS = Journey(
    key="scams",
    title=N_("Spot the scam"),
    summary=N_("Practise with three messages: genuine, or a scam?"),
    steps_for=scams_steps,
)

CONTACTS = Journey(
    key="contacts",
    title=N_("Where to turn"),
    summary=N_("The official organisations of your country, and someone you trust."),
    pages=("list", "trusted"),
)

CALLS = Journey(
    key="calls",
    title=N_("Phone calls"),
    summary=N_(
        "What a caller may know, what to say, a note of each call, and your check-up calendar."
    ),
    pages=("card", "scripts", "log", "calendar"),
)

PRINT = Journey(
    key="print",
    title=N_("Print"),
    summary=N_("Today's summary, your to-do list and your password notebook, on paper."),
    pages=("centre",),
)

PROFILES = Journey(
    key="profiles",
    title=N_("People on this computer"),
    summary=N_("Your name, the other people who use Sereno here, moving or erasing your notes."),
    pages=("me", "people", "centre"),
)

# "I already gave something away": opened from home, scam answers and the welcome pages.
EMERGENCY = Journey(
    key="emergency",
    title=N_("I already gave something away"),
    summary=N_("A code, a card number, a password, money or your details: what to do now."),
    steps_for=lambda answers: [Step("emergency.what"), Step("emergency.steps"), Step("todo.list")],
    available=lambda answers: False,
)

JOURNEYS: list[Journey] = [
    FIRST_RUN,
    WHAT_HAPPENED,
    TODO,
    ACTIVITY,
    PASSWORDS,
    SCAMS,
    CONTACTS,
    CALLS,
    PRINT,
    PROFILES,
    EMERGENCY,
]
