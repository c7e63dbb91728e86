"""A to-do of the recovery plan: what it says, when it is due, and how it repeats.

Tasks made by Sereno keep their text as catalog ids plus parameters, so they are shown
in the person's current language; the person's own tasks keep their words as typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.i18n import _, format_date, format_money

REPEATS: tuple[str, ...] = ("", "weekly", "monthly", "yearly")
OWN = "own"
# Parameters whose name starts with "_" are bookkeeping, never shown: the day of the month
# a repeating task started on, and why a task was hidden.
ANCHOR_DAY = "_anchor_day"
HIDDEN_BY = "_hidden_by"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, kept inside shorter months (31 Jan + 1 = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return dt.date(year, month, min(day.day, _days_in(year, month)))


def _days_in(year: int, month: int) -> int:
    import calendar  # with its locale module, not needed to open the app

    return calendar.monthrange(year, month)[1]


def next_due(due: dt.date, repeat: str, anchor_day: int | None = None) -> dt.date:
    """The next time a repeating task comes back.

    `anchor_day` is the day of the month the task started on, so a task begun on the 31st
    returns on the 31st after passing through a 30-day month or February.
    """
    if repeat == "weekly":
        return due + dt.timedelta(days=7)
    months = {"monthly": 1, "yearly": 12}.get(repeat)
    if months is None:
        raise ValueError(f"not a repetition: {repeat!r}")
    nxt = add_months(due, months)
    if anchor_day:
        last = _days_in(nxt.year, nxt.month)
        nxt = nxt.replace(day=min(anchor_day, last))
    return nxt


def format_params(params: dict[str, Any]) -> dict[str, str]:
    """Turn stored parameters into words of the current locale.

    A parameter is plain text, or {"money": "45.00", "currency": "EUR"}, or {"date": ISO}.
    Bookkeeping parameters (name starting with "_") are left out.
    """
    out: dict[str, str] = {}
    for name, value in params.items():
        if name.startswith("_"):
            continue
        if isinstance(value, dict) and "money" in value:
            from decimal import Decimal  # only for the rare task that names an amount

            out[name] = format_money(Decimal(value["money"]), value.get("currency") or None)
        elif isinstance(value, dict) and "date" in value:
            out[name] = format_date(dt.date.fromisoformat(value["date"]))
        elif isinstance(value, dict) and "text" in value:
            msgid = value["text"]  # a catalog id stored as data
            out[name] = _(msgid)
        else:
            out[name] = str(value)
    return out


def render(text: str, params: dict[str, Any], translate: bool) -> str:
    if not text:
        return ""
    shown = _(text) if translate else text
    if params and translate:
        try:
            return shown.format(**format_params(params))
        except (KeyError, IndexError, ValueError):
            return shown
    return shown


@dataclass
class Task:
    """One thing to do. `rule` names what made it, so re-running the plan never duplicates."""

    title: str
    why: str = ""
    how: str = ""
    note: str = ""
    priority: int = 2
    due: dt.date | None = None
    repeat: str = ""
    repeat_until: dt.date | None = None
    done_on: dt.date | None = None
    rule: str | None = None
    source: str = OWN
    params: dict[str, Any] = field(default_factory=dict)
    position: int = 0
    id: int | None = None

    @property
    def is_own(self) -> bool:
        return self.source == OWN

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def shown_title(self) -> str:
        return render(self.title, self.params, not self.is_own)

    def shown_why(self) -> str:
        return render(self.why, self.params, not self.is_own)

    def shown_how(self) -> str:
        return render(self.how, self.params, not self.is_own)

    def is_due(self, today: dt.date) -> bool:
        return not self.done and self.due is not None and self.due <= today

    @property
    def anchor_day(self) -> int | None:
        """The day of the month the repetition started on (kept through short months)."""
        stored = self.params.get(ANCHOR_DAY)
        if isinstance(stored, int) and 1 <= stored <= 31:
            return stored
        return self.due.day if self.due else None

    def after_done(self, today: dt.date) -> dt.date | None:
        """For a repeating task ticked today: its next due date, or None when it ends."""
        if not self.repeat:
            return None
        base = self.due or today
        anchor = self.anchor_day or base.day
        nxt = next_due(base, self.repeat, anchor)
        while nxt <= today:
            nxt = next_due(nxt, self.repeat, anchor)
        if self.repeat_until and nxt > self.repeat_until:
            return None
        return nxt


TODAY_LIMIT = 3


def later_key(task: Task) -> tuple:
    """Later: soonest first, then the most urgent, then the order the person gave."""
    return (task.due or dt.date.max, task.priority, task.position)


def urgent_key(task: Task) -> tuple:
    """For today: the most urgent first, then the oldest.

    Among equally urgent tasks, one that something happening put there (a payment marked
    "not mine", a scam call) comes before the plan's: a new urgent task goes to the top."""
    return (task.priority, task.source == "plan", task.due or dt.date.max, task.position)


def arrange(
    tasks: list[Task], today: dt.date, limit: int = TODAY_LIMIT
) -> tuple[list[Task], list[Task]]:
    """The open tasks split into "For today" (at most `limit`, most urgent first) and "Later".

    A task due today or earlier beyond the first `limit` waits at the top of "Later": three
    things a day is what a calm plan asks.
    """
    open_tasks = [t for t in tasks if not t.done]
    due = sorted((t for t in open_tasks if t.is_due(today)), key=urgent_key)
    for_today = due[:limit]
    chosen = {id(t) for t in for_today}
    later = sorted((t for t in open_tasks if id(t) not in chosen), key=later_key)
    return for_today, later


def in_order(tasks: list[Task], today: dt.date) -> list[Task]:
    """The open tasks in the order they are shown: "For today", then "Later"."""
    first, later = arrange(tasks, today)
    return first + later
