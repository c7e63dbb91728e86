"""The check-up calendar: the plan's repeating tasks as an iCalendar (.ics) file and by month.

A helper imports the file into a phone or email calendar: each repeating task becomes one
all-day event with its repetition rule (RRULE FREQ=WEEKLY/MONTHLY/YEARLY, ending with UNTIL
or COUNT). The file is built with the `icalendar` library, never written by hand. The same
dates, computed by Sereno's own repetition rule, make the printable month-by-month sheet,
so paper and calendar always agree.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.tasks import Task, add_months, next_due
from app.i18n import N_, _

CALENDAR_NAME = N_("Sereno check-ups")
PRODID = "-//Sereno//Check-up calendar//EN"
SHEET_MONTHS = 12
# A repetition the person left open ends after this many times in the file and on paper:
# a year of weeks or months, three years of a yearly check.
OPEN_COUNT: dict[str, int] = {"weekly": 52, "monthly": 12, "yearly": 3}
_FREQ = {"weekly": "WEEKLY", "monthly": "MONTHLY", "yearly": "YEARLY"}
if TYPE_CHECKING:
    from icalendar import Event

REMINDER_AT = dt.timedelta(hours=9)  # on the day, at 9 in the morning


def repeating(tasks: Iterable[Task]) -> list[Task]:
    """The open tasks that come back and have a date, soonest first."""
    found = [t for t in tasks if t.repeat in _FREQ and t.due is not None and not t.done]
    return sorted(found, key=lambda t: (t.due, t.priority, t.position))


def occurrences(
    task: Task, start: dt.date | None = None, end: dt.date | None = None
) -> list[dt.date]:
    """Every date the task comes back on (within start..end when given), first one included."""
    if task.due is None or task.repeat not in _FREQ:
        return []
    anchor = task.anchor_day if task.repeat != "weekly" else None
    limit = None if task.repeat_until else OPEN_COUNT[task.repeat]
    day, found, count = task.due, [], 0
    while (
        (task.repeat_until is None or day <= task.repeat_until)
        and (limit is None or count < limit)
        and (end is None or day <= end)
    ):
        if start is None or day >= start:
            found.append(day)
        count += 1
        day = next_due(day, task.repeat, anchor)
    return found


def _rule(task: Task) -> dict:
    """The RRULE that gives the same dates as Sereno's `next_due`."""
    rule: dict = {"freq": _FREQ[task.repeat]}
    anchor = task.anchor_day or task.due.day
    if task.repeat == "monthly" and anchor > 28:
        # "The 31st, or the last day of a shorter month": the last of 28..31 that exists.
        rule.update(bymonthday=list(range(28, anchor + 1)), bysetpos=-1)
    elif task.repeat == "monthly":
        rule["bymonthday"] = anchor
    elif task.repeat == "yearly" and task.due.month == 2 and anchor == 29:
        rule.update(bymonth=2, bymonthday=[28, 29], bysetpos=-1)
    if task.repeat_until:
        rule["until"] = task.repeat_until
    else:
        rule["count"] = OPEN_COUNT[task.repeat]
    return rule


def _event(task: Task, stamp: dt.datetime) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", f"sereno-task-{task.id or 0}-{task.rule or 'own'}")
    event.add("dtstamp", stamp)
    event.add("dtstart", task.due)
    event.add("dtend", task.due + dt.timedelta(days=1))
    event.add("summary", task.shown_title())
    details = "\n\n".join(filter(None, [task.shown_why(), task.shown_how(), task.note]))
    if details:
        event.add("description", details)
    event.add("rrule", _rule(task))
    event.add("transp", "TRANSPARENT")  # a reminder, not a busy day
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", task.shown_title())
    alarm.add("trigger", REMINDER_AT)
    event.add_component(alarm)
    return event


def build_calendar(tasks: Iterable[Task], now: dt.datetime | None = None) -> bytes:
    """The .ics file's bytes: one repeating all-day event per repeating task."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    # Imported here: the library takes a third of a second, and only saving the file needs it
    # (the month-by-month sheet and the print centre do not).
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _(CALENDAR_NAME))
    for task in repeating(tasks):
        cal.add_component(_event(task, stamp))
    return cal.to_ical()


def write_file(path: Path, data: bytes) -> Path:
    """Write the file whole or not at all: a private temporary file beside it, renamed.

    The temporary file has a name nobody else uses and is created exclusively, never
    through a link planted in its place (O_EXCL | O_NOFOLLOW): a `.part` symlink pointing
    elsewhere is neither followed nor overwritten.
    """
    path = Path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f"{path.name}.{secrets.token_hex(6)}.part")
        try:
            fd = os.open(tmp, flags, 0o600)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


@dataclass(frozen=True)
class Month:
    """One month of the printed sheet: its first day and what comes back in it."""

    first: dt.date
    items: tuple[tuple[dt.date, Task], ...]

    def entries(self) -> list[tuple[dt.date, Task, bool]]:
        """What to read in the month, in date order: a weekly task that comes back on every
        remaining same weekday of the month once, at its first date, marked True ("every
        Wednesday"); four or five lines repeating it said less. Anything else date by date."""
        weekly: dict[int, list[dt.date]] = {}
        for day, task in self.items:
            if task.repeat == "weekly":
                weekly.setdefault(id(task), []).append(day)
        every = {
            key
            for key, days in weekly.items()
            if len(days) > 1 and days[-1] + dt.timedelta(days=7) > self.last
        }
        out, told = [], set()
        for day, task in self.items:
            if id(task) in every:
                if id(task) in told:
                    continue
                told.add(id(task))
            out.append((day, task, id(task) in every))
        return out

    @property
    def last(self) -> dt.date:
        return add_months(self.first, 1) - dt.timedelta(days=1)


def months_ahead(tasks: Iterable[Task], today: dt.date, count: int = SHEET_MONTHS) -> list[Month]:
    """The next `count` months from this one, each with its dates in order."""
    first = today.replace(day=1)
    end = add_months(first, count) - dt.timedelta(days=1)
    chosen = repeating(tasks)
    months = []
    for i in range(count):
        start = add_months(first, i)
        stop = add_months(first, i + 1) - dt.timedelta(days=1)
        items = [(day, task) for task in chosen for day in occurrences(task, start, min(stop, end))]
        items.sort(key=lambda item: (item[0], item[1].priority, item[1].position))
        months.append(Month(start, tuple(items)))
    return months
