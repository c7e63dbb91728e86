"""The check-up calendar: the .ics read back with icalendar gives Sereno's own dates."""

import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from app import i18n
from app.core import plan
from app.core.answers import Answers
from app.core.calendar_export import (
    OPEN_COUNT,
    build_calendar,
    months_ahead,
    occurrences,
    repeating,
)
from app.core.tasks import Task

TODAY = dt.date(2026, 11, 23)
# The monthly look at the statement (in Mexico, with the pension in it).
STATEMENTS = ("plan.monthly_statements", "plan.mx_pension_check")
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)


def plan_tasks(country="MX"):
    answers = Answers(country, "imss", frozenset({"curp", "social_security", "pension"}))
    tasks = plan.build(answers, TODAY)
    return [Task(**{**t.__dict__, "id": i}) for i, t in enumerate(tasks, 1)]


def events(data: bytes):
    cal = Calendar.from_ical(data)
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


def expand(event) -> list[dt.date]:
    start = event.decoded("DTSTART")
    rule = rrulestr(
        event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time())
    )
    return [d.date() for d in rule]


def test_only_open_repeating_tasks_are_exported():
    tasks = plan_tasks()
    chosen = repeating(tasks)
    assert chosen and all(t.repeat for t in chosen)
    found = events(build_calendar(tasks, NOW))
    assert set(found) == {t.title for t in chosen}
    assert len(found) < len(tasks)


def test_monthly_statements_come_back_twelve_times_from_their_first_date():
    tasks = plan_tasks()
    statement = next(t for t in tasks if t.rule in STATEMENTS)
    event = events(build_calendar(tasks, NOW))[statement.title]
    assert event["RRULE"]["FREQ"] == ["MONTHLY"]
    assert event.decoded("DTSTART") == TODAY + dt.timedelta(days=7)
    dates = expand(event)
    assert len(dates) == 12
    assert dates == occurrences(statement)
    assert dates[1] == dt.date(2026, 12, 30) and dates[-1] == dt.date(2027, 10, 30)


def test_the_yearly_credit_report_comes_back_three_times():
    tasks = plan_tasks()
    buro = next(t for t in tasks if t.rule == "plan.mx_credit_report")
    event = events(build_calendar(tasks, NOW))[buro.title]
    assert event["RRULE"]["FREQ"] == ["YEARLY"]
    assert expand(event) == [dt.date(2026, 12, 7), dt.date(2027, 12, 7), dt.date(2028, 12, 7)]


def test_the_31st_stays_the_last_day_of_shorter_months():
    task = Task(
        id=9,
        title="Pension",
        due=dt.date(2027, 1, 31),
        repeat="monthly",
        repeat_until=dt.date(2027, 6, 30),
    )
    event = events(build_calendar([task], NOW))["Pension"]
    assert (
        expand(event)
        == occurrences(task)
        == [
            dt.date(2027, 1, 31),
            dt.date(2027, 2, 28),
            dt.date(2027, 3, 31),
            dt.date(2027, 4, 30),
            dt.date(2027, 5, 31),
            dt.date(2027, 6, 30),
        ]
    )


@pytest.mark.parametrize("repeat", ["weekly", "monthly", "yearly"])
def test_a_repetition_without_an_end_gets_a_count(repeat):
    task = Task(id=3, title="Mine", due=dt.date(2026, 12, 1), repeat=repeat, note="Call Ana")
    event = events(build_calendar([task], NOW))["Mine"]
    assert event["RRULE"]["COUNT"] == [OPEN_COUNT[repeat]]
    assert expand(event) == occurrences(task)
    assert "Call Ana" in str(event["DESCRIPTION"])


def test_the_calendar_speaks_the_persons_language():
    i18n.set_language("es_MX")
    tasks = plan_tasks()
    data = build_calendar(tasks, NOW)
    cal = Calendar.from_ical(data)
    assert str(cal["X-WR-CALNAME"]) != "Sereno check-ups"
    statement = next(t for t in tasks if t.rule in STATEMENTS)
    assert statement.shown_title() in events(data)
    assert statement.shown_title() != statement.title


def test_done_tasks_are_left_out():
    task = Task(id=1, title="Done", due=TODAY, repeat="monthly", done_on=TODAY)
    assert repeating([task]) == []
    assert not events(build_calendar([task], NOW))


def test_the_month_sheet_has_twelve_months_and_the_same_dates():
    tasks = plan_tasks()
    months = months_ahead(tasks, TODAY)
    assert len(months) == 12
    assert months[0].first == dt.date(2026, 11, 1) and months[-1].first == dt.date(2027, 10, 1)
    statement = next(t for t in tasks if t.rule in STATEMENTS)
    dates = [d for m in months for d, t in m.items if t is statement]
    assert dates == occurrences(statement, end=dt.date(2027, 10, 31))
    for month in months:
        assert all(day.month == month.first.month for day, _t in month.items)
        assert [d for d, _t in month.items] == sorted(d for d, _t in month.items)


def test_a_weekly_task_is_read_once_a_month_unless_it_stops_within_the_month():
    weekly = Task(id=1, title="Call my daughter", due=dt.date(2026, 12, 2), repeat="weekly")
    ending = Task(
        id=2,
        title="Water the plants",
        due=dt.date(2026, 12, 3),
        repeat="weekly",
        repeat_until=dt.date(2026, 12, 17),
    )
    monthly = Task(id=3, title="Read the statement", due=dt.date(2026, 12, 5), repeat="monthly")
    december = months_ahead([weekly, ending, monthly], TODAY)[1]
    assert [(day.day, task.id, every) for day, task, every in december.entries()] == [
        (2, 1, True),
        (3, 2, False),
        (5, 3, False),
        (10, 2, False),
        (17, 2, False),
    ]
    assert sum(1 for _day, task in december.items if task is weekly) == 5  # 2 to 30 December
