"""The recovery plan: rules kept as data (resources/plan/*.toml) that turn answers into tasks.

A rule file starts with `translatable = ["title", "why", "how"]` and holds `[[rule]]` tables:

    [[rule]]
    id = "mx_credit_report"      # stable: the task's rule key is "plan.<id>"
    country = ["MX"]             # any of MX, FR, OTHER; left out = every country
    notice = ["imss"]            # any of the notice sources; left out = any notice
    exposed = ["curp", "bank"]   # any of the exposed kinds ("I don't know" counts as the
                                 # sensitive ones); left out = whatever was exposed
    accounts = ["bank"]          # any of the account kinds; left out = any accounts
    priority = 2                 # 1 first, 3 last
    due_in_days = 14
    repeat = "yearly"            # optional: "monthly" or "yearly"
    repeat_count = 3             # optional: how many times in all, the first included
    repeat_for_months = 12       # optional, instead of repeat_count: for how long
    trigger = ["not_mine"]       # optional: only once something happened (see TRIGGERS)
    unless = ["checks_planned"]  # optional: not once that happened (another journey does it)
    replaces = ["other_id"]      # optional: that rule's task is not made when this one is
    title = "..."                # English catalog ids, translated when shown
    why = "..."
    how = '''
    1. First step.
    2. Second step.'''

`how` is one text with one numbered step per line ("1. ...", at most four): one catalog
entry per task keeps the steps together for the translators and fits Task.how as it is.
All listed conditions must hold; inside one condition, any listed value is enough.

Rules to keep in mind are not tasks: `[[reminder]]` tables hold `id`, `text` (one short
sentence), `priority` and the same conditions; they are shown together on one card, with no
Done button (see `reminders`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.answers import ACCOUNT_KINDS, EXPOSED_KINDS, NOTICE_SOURCES, Answers
from app.core.datafile import read_data_file
from app.core.tasks import Task, add_months, next_due
from app.i18n import N_
from app.paths import resource

SOURCE = "plan"
RULE_PREFIX = "plan."
COUNTRIES: tuple[str, ...] = ("MX", "FR", "OTHER")
RULE_FILES: tuple[str, ...] = ("common.toml", "mexico.toml", "france.toml", "other.toml")
PLAN_REPEATS: tuple[str, ...] = ("", "monthly", "yearly")
_CONDITIONS = ("country", "notice", "exposed", "accounts")
_KEYS = frozenset(
    {
        "id",
        "title",
        "why",
        "how",
        "priority",
        "due_in_days",
        "repeat",
        "repeat_count",
        "repeat_for_months",
        "trigger",
        "unless",
        "replaces",
        *_CONDITIONS,
    }
)
_REMINDER_KEYS = frozenset({"id", "text", "priority", *_CONDITIONS})
TRANSLATABLE = ("title", "why", "how", "text")
# What happened to the person, read from the tasks other journeys put on the list: a task
# that only applies after something bad happened waits for one of these.
TRIGGERS: dict[str, tuple[str, ...]] = {
    # a payment marked "not mine", or something strange found on an account
    "not_mine": ("activity.manual.", "activity.txn.", "activity.strange."),
    # a call written down in the call log as "it felt like a scam"
    "scam_call": ("calls.report.",),
    # the "I already gave something away" path
    "gave_away": ("emergency.",),
    # "someone used my data" (a loan, an account or a debt the person does not know)
    "misused": ("emergency.misused",),
    # the activity check planned its monthly look at each account: the plan's own monthly
    # "read your statement" would say the same thing twice
    "checks_planned": ("activity.next.",),
}
MAX_REMINDERS = 6


class RuleError(ValueError):
    """A rule file is wrong: the message names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    """One line of the plan: when it applies, and the task it makes."""

    id: str
    title: str
    why: str
    how: str
    priority: int
    due_in_days: int
    country: frozenset[str] = frozenset()
    notice: frozenset[str] = frozenset()
    exposed: frozenset[str] = frozenset()
    accounts: frozenset[str] = frozenset()
    repeat: str = ""
    repeat_count: int | None = None
    repeat_for_months: int | None = None
    trigger: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    replaces: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return RULE_PREFIX + self.id

    def applies(self, answers: Answers, happened: frozenset[str] = frozenset()) -> bool:
        if self.trigger and not self.trigger & happened:
            return False
        if self.unless & happened:
            return False
        return _conditions_hold(self, answers)

    def repeat_until(self, due: dt.date) -> dt.date | None:
        """The last day the task may come back on."""
        if self.repeat_for_months:
            return add_months(due, self.repeat_for_months) - dt.timedelta(days=1)
        if self.repeat_count:
            last = due
            for _ in range(self.repeat_count - 1):
                last = next_due(last, self.repeat, due.day)
            return last
        return None

    def task(self, today: dt.date) -> Task:
        due = today + dt.timedelta(days=self.due_in_days)
        return Task(
            title=self.title,
            why=self.why,
            how=self.how,
            priority=self.priority,
            due=due,
            repeat=self.repeat,
            repeat_until=self.repeat_until(due) if self.repeat else None,
            rule=self.key,
            source=SOURCE,
        )


def _conditions_hold(item, answers: Answers) -> bool:
    """A rule's or a reminder's conditions on the answers (all must hold)."""
    if item.country and country_of(answers) not in item.country:
        return False
    if item.notice and answers.notice not in item.notice:
        return False
    if item.exposed and not item.exposed & answers.effective_exposed():
        return False
    if item.accounts and not item.accounts & {a.kind for a in answers.accounts}:
        return False
    return True


@dataclass(frozen=True)
class Reminder:
    """A rule to keep in mind: shown on one card with the others, never ticked."""

    id: str
    text: str
    priority: int
    country: frozenset[str] = frozenset()
    notice: frozenset[str] = frozenset()
    exposed: frozenset[str] = frozenset()
    accounts: frozenset[str] = frozenset()

    def applies(self, answers: Answers) -> bool:
        return _conditions_hold(self, answers)


def country_of(answers: Answers) -> str:
    """MX, FR, or OTHER for any other (or not yet chosen) country."""
    return answers.country if answers.country in ("MX", "FR") else "OTHER"


def _choices(raw: dict[str, Any], name: str, allowed: tuple[str, ...], where: str) -> frozenset:
    values = raw.get(name, [])
    if not isinstance(values, list) or not values and name in raw:
        raise RuleError(f"{where}: {name} must be a non-empty list")
    unknown = set(values) - set(allowed)
    if unknown:
        raise RuleError(f"{where}: unknown {name} {sorted(unknown)}")
    return frozenset(values)


def _rule(raw: dict[str, Any], where: str) -> Rule:
    where = f"{where} rule {raw.get('id', '?')!r}"
    extra = set(raw) - _KEYS
    if extra:
        raise RuleError(f"{where}: unknown keys {sorted(extra)}")
    for name in ("id", "title", "why", "how"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise RuleError(f"{where}: {name} is missing")
    priority, due_in_days = raw.get("priority"), raw.get("due_in_days")
    if priority not in (1, 2, 3):
        raise RuleError(f"{where}: priority must be 1, 2 or 3")
    if not isinstance(due_in_days, int) or due_in_days < 0:
        raise RuleError(f"{where}: due_in_days must be a number of days")
    repeat = raw.get("repeat", "")
    if repeat not in PLAN_REPEATS:
        raise RuleError(f"{where}: repeat must be monthly or yearly")
    count, months = raw.get("repeat_count"), raw.get("repeat_for_months")
    if (count is not None or months is not None) and not repeat:
        raise RuleError(f"{where}: repeat_count or repeat_for_months without repeat")
    if count is not None and months is not None:
        raise RuleError(f"{where}: repeat_count and repeat_for_months together")
    for name, value in (("repeat_count", count), ("repeat_for_months", months)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise RuleError(f"{where}: {name} must be a positive number")
    trigger = _choices(raw, "trigger", tuple(TRIGGERS), where)
    unless = _choices(raw, "unless", tuple(TRIGGERS), where)
    replaces = raw.get("replaces", [])
    if not isinstance(replaces, list) or not all(isinstance(r, str) for r in replaces):
        raise RuleError(f"{where}: replaces must be a list of rule ids")
    return Rule(
        id=raw["id"],
        title=raw["title"].strip(),
        why=raw["why"].strip(),
        how=raw["how"].strip(),
        priority=priority,
        due_in_days=due_in_days,
        country=_choices(raw, "country", COUNTRIES, where),
        notice=_choices(raw, "notice", NOTICE_SOURCES, where),
        # "unknown" is never asked for: effective_exposed() turns it into the real kinds.
        exposed=_choices(raw, "exposed", tuple(k for k in EXPOSED_KINDS if k != "unknown"), where),
        accounts=_choices(raw, "accounts", ACCOUNT_KINDS, where),
        repeat=repeat,
        repeat_count=count,
        repeat_for_months=months,
        trigger=trigger,
        unless=unless,
        replaces=frozenset(replaces),
    )


def _reminder(raw: dict[str, Any], where: str) -> Reminder:
    where = f"{where} reminder {raw.get('id', '?')!r}"
    extra = set(raw) - _REMINDER_KEYS
    if extra:
        raise RuleError(f"{where}: unknown keys {sorted(extra)}")
    for name in ("id", "text"):
        if not isinstance(raw.get(name), str) or not raw[name].strip():
            raise RuleError(f"{where}: {name} is missing")
    if raw.get("priority") not in (1, 2, 3):
        raise RuleError(f"{where}: priority must be 1, 2 or 3")
    return Reminder(
        id=raw["id"],
        text=raw["text"].strip(),
        priority=raw["priority"],
        country=_choices(raw, "country", COUNTRIES, where),
        notice=_choices(raw, "notice", NOTICE_SOURCES, where),
        exposed=_choices(raw, "exposed", tuple(k for k in EXPOSED_KINDS if k != "unknown"), where),
        accounts=_choices(raw, "accounts", ACCOUNT_KINDS, where),
    )


def load_rules(folder: Path | None = None) -> tuple[Rule, ...]:
    """Every rule, in file order (common, Mexico, France, other countries)."""
    return _load(folder or resource("plan"))[0]


def load_reminders(folder: Path | None = None) -> tuple[Reminder, ...]:
    """Every rule to keep in mind, in file order."""
    return _load(folder or resource("plan"))[1]


@lru_cache(maxsize=4)
def _load(folder: Path) -> tuple[tuple[Rule, ...], tuple[Reminder, ...]]:
    rules: list[Rule] = []
    reminders: list[Reminder] = []
    for name in RULE_FILES:
        data = read_data_file(folder / name, TRANSLATABLE, RuleError)
        rules.extend(_rule(raw, name) for raw in data.get("rule", []))
        reminders.extend(_reminder(raw, name) for raw in data.get("reminder", []))
    ids = [r.id for r in rules] + [r.id for r in reminders]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise RuleError(f"rule ids used twice: {doubles}")
    unknown = sorted({i for r in rules for i in r.replaces} - {r.id for r in rules})
    if unknown:
        raise RuleError(f"replaces names unknown rules: {unknown}")
    return tuple(rules), tuple(reminders)


def happened(tasks: list[Task]) -> frozenset[str]:
    """The triggers the person's list shows (a task put there by another journey, done or not)."""
    rules = [t.rule for t in tasks if t.rule]
    return frozenset(
        name for name, prefixes in TRIGGERS.items() if any(r.startswith(prefixes) for r in rules)
    )


def build(
    answers: Answers,
    today: dt.date,
    rules: tuple[Rule, ...] | None = None,
    events: frozenset[str] = frozenset(),
) -> list[Task]:
    """The plan's tasks for these answers, most important and soonest first.

    `events` are the triggers that happened (see `happened`); a rule that replaces another
    (one monthly look at the statement, not two) leaves that one out."""
    chosen = [r for r in (rules or load_rules()) if r.applies(answers, events)]
    replaced = {i for r in chosen for i in r.replaces}
    chosen = [r for r in chosen if r.id not in replaced]
    order = {r.id: i for i, r in enumerate(chosen)}
    chosen.sort(key=lambda r: (r.priority, r.due_in_days, order[r.id]))
    return [r.task(today) for r in chosen]


def reminders(answers: Answers, folder: Path | None = None) -> list[str]:
    """The rules to keep in mind for these answers (catalog ids), most important first."""
    found = [r for r in load_reminders(folder) if r.applies(answers)]
    order = {r.id: i for i, r in enumerate(found)}
    found.sort(key=lambda r: (r.priority, order[r.id]))
    return [r.text for r in found[:MAX_REMINDERS]]


@dataclass(frozen=True)
class PlanChange:
    """What re-running the plan did, as rule keys ("plan.<id>")."""

    added: tuple[str, ...] = ()
    refreshed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    kept_hidden: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def apply(
    tasks_repo, answers: Answers, today: dt.date, rules: tuple[Rule, ...] | None = None
) -> PlanChange:
    """Bring the stored to-do list in line with the answers, without duplicating anything.

    New rules add a task at the end; tasks already there get the current wording but keep
    their tick, note, dates and place; open plan tasks whose rule no longer applies are
    hidden (done ones stay). A task the person deleted stays deleted; one the plan hid
    comes back when its rule applies again.
    """
    added: list[str] = []
    refreshed: list[str] = []
    kept_hidden: list[str] = []
    wanted = build(answers, today, rules, happened(tasks_repo.all()))
    for task in wanted:
        stored = tasks_repo.by_rule(task.rule)
        if stored is None:
            tasks_repo.add(task)
            added.append(task.rule)
            continue
        hidden_by = tasks_repo.hidden_by(stored.id)
        if hidden_by is not None and hidden_by != SOURCE:
            kept_hidden.append(task.rule)
            continue
        task.priority = stored.priority  # moved up or down by the person: their order stays
        tasks_repo.upsert(task)
        (added if hidden_by == SOURCE else refreshed).append(task.rule)
    keys = {t.rule for t in wanted}
    removed: list[str] = []
    for task in tasks_repo.all(include_done=False):
        if task.rule and task.rule.startswith(RULE_PREFIX) and task.rule not in keys:
            tasks_repo.delete(task.id, by=SOURCE)
            removed.append(task.rule)
    return PlanChange(tuple(added), tuple(refreshed), tuple(removed), tuple(kept_hidden))


# What criminals can do with exactly this data: shown on the "What happened?" summary.
RISK_CALLS = N_(
    "Someone may call or write to you quoting true facts about you, to seem official. "
    "That proves nothing. Hang up, then call the organisation yourself, on a number you "
    "already have."
)
RISK_IDENTITY_MX = N_(
    "With your CURP and your NSS, someone could try to open a loan or an account in your "
    "name. Your free credit report shows it early."
)
RISK_IDENTITY = N_(
    "With your social security number, someone could try to open a loan or an account in "
    "your name. Watching your mail and your accounts shows it early."
)
RISK_PENSION = N_(
    "Someone may pressure you about your pension, saying it will stop unless you confirm "
    "your details. A pension is never stopped by a phone call."
)
RISK_HEALTH = N_(
    "Someone may write about your health cover, for example a card to renew, with a link. "
    "Do not click: check on the official site, typed by hand."
)
RISK_BANK = N_(
    "Someone may pretend to be your bank and ask for a code. Never read a code to someone "
    "who calls, whoever they say they are."
)
MAX_RISKS = 3


def risks(answers: Answers) -> list[str]:
    """At most three catalog ids (pass each through `_` when shown), most likely first."""
    kinds = answers.effective_exposed()
    if not kinds:
        return []
    found = [RISK_CALLS]
    if "curp" in kinds and country_of(answers) == "MX":
        found.append(RISK_IDENTITY_MX)
    elif kinds & {"social_security", "curp"}:
        found.append(RISK_IDENTITY)
    if "pension" in kinds:
        found.append(RISK_PENSION)
    if "health_rights" in kinds:
        found.append(RISK_HEALTH)
    if "bank" in kinds:
        found.append(RISK_BANK)
    return found[:MAX_RISKS]


def sync(tasks_repo, answers: Answers, today: dt.date) -> PlanChange | None:
    """Run the plan again once it was made (the country changed, something happened).

    Nothing is done before the person reached the end of "What happened?" (no plan task
    yet): the list is theirs until then.
    """
    if not any(t.rule and t.rule.startswith(RULE_PREFIX) for t in tasks_repo.all()):
        return None
    return apply(tasks_repo, answers, today)
