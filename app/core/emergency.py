"""I already gave something away: the steps for today, per country, as to-dos.

A person who gave a code, a card number, a password, money or their details to a caller
gets a short ordered path (resources/plan/emergency.toml): each step becomes a task due
today, with the rule "emergency.<id>"; the plan reads those rules as triggers (a complaint,
the police, the identity-theft steps) and home says first that they are open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.core.datafile import read_data_file
from app.core.plan import COUNTRIES, RuleError, country_of
from app.core.tasks import Task
from app.i18n import N_
from app.paths import resource

SOURCE = "emergency"
PREFIX = "emergency."
# What the person gave away, in the order the question shows it.
GAVE: dict[str, tuple[str, str]] = {
    "card": (
        N_("A code, or my card number"),
        N_("A code received by text message, your card number or its PIN."),
    ),
    "money": (N_("Money"), N_("A transfer, a payment, or money you were asked to send.")),
    "password": (N_("A password"), N_("The password of an account: email, bank…")),
    "details": (N_("My details"), N_("Your name, your numbers, your address.")),
    "misused": (
        N_("Someone used my data"),
        N_("A loan, an account or a debt you do not know about."),
    ),
}

# "A password": the examples name the person's own country's health insurance, never the
# other's (a Mexican reader does not know ameli, a French one does not know IMSS).
PASSWORD_EXAMPLES = {
    "MX": N_("The password of an account: email, bank, IMSS…"),
    "FR": N_("The password of an account: email, bank, ameli…"),
}


def gave_explanation(key: str, country: str) -> str:
    """The line under an answer of "What did you give away?", for the person's country."""
    if key == "password":
        return PASSWORD_EXAMPLES.get(country, GAVE[key][1])
    return GAVE[key][1]


@dataclass(frozen=True)
class EmergencyStep:
    """One step of the path: for which things given, in which country, and its words."""

    id: str
    priority: int
    title: str
    why: str
    how: str
    gave: frozenset[str] = frozenset()
    country: frozenset[str] = frozenset()

    def task(self, today: dt.date) -> Task:
        return Task(
            title=self.title,
            why=self.why,
            how=self.how,
            priority=self.priority,
            due=today,
            rule=PREFIX + self.id,
            source=SOURCE,
        )


@lru_cache(maxsize=2)
def load_steps(path: Path | None = None) -> tuple[EmergencyStep, ...]:
    data = read_data_file(
        path or resource("plan", "emergency.toml"), ("title", "why", "how"), RuleError
    )
    steps = []
    for raw in data.get("step", []):
        gave, country = set(raw.get("gave", [])), set(raw.get("country", []))
        if gave - set(GAVE) or country - set(COUNTRIES):
            raise RuleError(f"emergency.toml step {raw.get('id')!r}: unknown gave or country")
        steps.append(
            EmergencyStep(
                id=raw["id"],
                priority=raw["priority"],
                title=raw["title"].strip(),
                why=raw["why"].strip(),
                how=raw["how"].strip(),
                gave=frozenset(gave),
                country=frozenset(country),
            )
        )
    return tuple(steps)


def steps_for(gave: set[str], country: str) -> list[EmergencyStep]:
    """The path for what was given, in file order; one step per id."""
    country = country_of_code(country)
    found: dict[str, EmergencyStep] = {}
    for step in load_steps():
        if step.country and country not in step.country:
            continue
        if step.gave and not step.gave & gave:
            continue
        found.setdefault(step.id, step)
    return list(found.values())


def country_of_code(country: str) -> str:
    from app.core.answers import Answers

    return country_of(Answers(country=country))


def tasks_for(gave: set[str], country: str, today: dt.date) -> list[Task]:
    """Each step as a task due today."""
    return [step.task(today) for step in steps_for(gave, country)]


def is_open(tasks: list[Task]) -> bool:
    """True while a step of the path is still to do (home then says so first)."""
    return any(t.rule and t.rule.startswith(PREFIX) and not t.done for t in tasks)
