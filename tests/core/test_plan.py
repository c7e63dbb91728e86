"""The recovery plan: rules load, the right tasks appear, re-running keeps the person's work."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app import i18n
from app.core import plan
from app.core.answers import EXPOSED_KINDS, Account, Answers
from app.core.tasks import Task, arrange
from app.paths import resource, translations_dir
from app.store import Store

TODAY = dt.date(2025, 1, 31)
KINDS = [k for k in EXPOSED_KINDS if k != "unknown"]
RULES = plan.load_rules()
REMINDERS = plan.load_reminders()
BY_ID = {r.id: r for r in RULES}
COMMON = {"secure_email", "monthly_statements"}

# For each country and each exposed kind, the tasks a person must see (besides COMMON).
EXPECTED: dict[str, dict[str, set[str]]] = {
    "MX": {
        "name_address": {"mx_credit_report"},
        "birth_date": {"mx_credit_report"},
        "social_security": {"mx_imss_channels", "mx_credit_report"},
        "curp": {"mx_imss_channels", "mx_credit_report"},
        "contact": {"mx_reus"},
        "bank": {"mx_bank_call"},
        "pension": {"mx_imss_channels", "mx_pension_check"},
        "health_rights": {"mx_imss_channels"},
    },
    "FR": {
        "name_address": {"fr_ficoba"},
        "birth_date": {"fr_ficoba"},
        "social_security": {"fr_ameli_account", "fr_ficoba"},
        "curp": {"fr_cybermalveillance"},
        "contact": {"fr_cybermalveillance"},
        "bank": {"fr_cybermalveillance"},
        "pension": {"fr_cybermalveillance"},
        "health_rights": {"fr_ameli_account"},
    },
    "OTHER": {
        "name_address": {"other_authority"},
        "birth_date": {"other_authority"},
        "social_security": {"other_social_space"},
        "curp": {"other_authority"},
        "contact": {"other_authority"},
        "bank": {"other_bank_call"},
        "pension": {"other_authority"},
        "health_rights": {"other_social_space"},
    },
}
# Rules a kind must NOT bring (another country's, another kind's, or one that waits for
# something to happen).
NOT_EXPECTED = {
    ("FR", "pension"): {"fr_ficoba", "mx_pension_check", "fr_complaint"},
    ("MX", "contact"): {"mx_credit_report", "mx_redeco", "mx_police"},
    ("MX", "pension"): {"monthly_statements"},  # the pension check replaces it
    ("OTHER", "bank"): {"mx_bank_call", "fr_card_block", "other_police"},
}
CONDITIONAL = {r.id for r in RULES if r.trigger}

# Typical answers after the two leaks (seeds/): what the notice said, and the usual accounts.
MX_TYPICAL = Answers(
    country="MX",
    notice="imss",
    exposed=frozenset(
        {"name_address", "birth_date", "curp", "social_security", "pension", "health_rights"}
    ),
    accounts=(Account(1, "email", "Gmail"), Account(2, "bank", "Banorte")),
)
FR_TYPICAL = Answers(
    country="FR",
    notice="ameli",
    exposed=frozenset({"birth_date", "social_security", "health_rights"}),
    accounts=(
        Account(1, "email", "Orange"),
        Account(2, "bank", "Crédit Agricole"),
        Account(3, "social_security", "ameli"),
    ),
)
MX_WORRIED = Answers(
    country="MX",
    notice="imss",
    exposed=frozenset({"unknown"}),
    accounts=tuple(
        Account(i, k, k)
        for i, k in enumerate(("email", "bank", "social_security", "pension", "phone"), 1)
    ),
)
FR_WORRIED = Answers(
    country="FR",
    notice="ameli",
    exposed=frozenset({"unknown"}),
    accounts=tuple(
        Account(i, k, k)
        for i, k in enumerate(("email", "bank", "social_security", "pension", "phone"), 1)
    ),
)


def ids(tasks: list[Task]) -> set[str]:
    return {t.rule.removeprefix("plan.") for t in tasks}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "p.sqlite3")
    yield s
    s.close()


@pytest.fixture
def english():
    yield
    i18n.set_language("en")


# --- the rule files -------------------------------------------------------------------------


def test_rules_load_with_every_field():
    assert len({r.id for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.title and rule.why and rule.how, rule.id
        assert rule.priority in (1, 2, 3)
        assert rule.due_in_days >= 0
        assert rule.repeat in ("", "monthly", "yearly")
        if rule.repeat_count or rule.repeat_for_months:
            assert rule.repeat
        assert rule.key == f"plan.{rule.id}"


def test_how_is_numbered_steps_one_per_line():
    for rule in RULES:
        lines = rule.how.splitlines()
        assert 2 <= len(lines) <= 4, rule.id
        for number, line in enumerate(lines, 1):
            assert line.startswith(f"{number}. "), (rule.id, line)


def test_texts_are_short_enough_for_one_page():
    for rule in RULES:
        assert len(rule.title.split()) <= 14, rule.id
        assert len(rule.why.split()) <= 40, rule.id
        assert len(rule.how.split()) <= 70, rule.id


def test_country_files_hold_only_their_country():
    files = {"mexico.toml": "MX", "france.toml": "FR", "other.toml": "OTHER"}
    for name, country in files.items():
        text = (resource("plan") / name).read_text(encoding="utf-8")
        for rule_id in re.findall(r'^id = "(\w+)"', text, re.M):
            item = BY_ID.get(rule_id) or next(r for r in REMINDERS if r.id == rule_id)
            assert item.country == {country}, rule_id
    common = (resource("plan") / "common.toml").read_text(encoding="utf-8")
    for rule_id in re.findall(r'^id = "(\w+)"', common, re.M):
        item = BY_ID.get(rule_id) or next(r for r in REMINDERS if r.id == rule_id)
        assert not item.country, rule_id


def _write_rules(folder: Path, body: str) -> Path:
    header = 'translatable = ["title", "why", "how", "text"]\n'
    for name in plan.RULE_FILES:
        (folder / name).write_text(header, encoding="utf-8")
    (folder / "common.toml").write_text(header + body, encoding="utf-8")
    return folder


GOOD = 'id = "a"\ntitle = "T"\nwhy = "W"\nhow = "1. x\\n2. y"\npriority = 1\ndue_in_days = 0\n'


@pytest.mark.parametrize(
    "extra, message",
    [
        ('exposed = ["passport"]\n', "unknown exposed"),
        ('exposed = ["unknown"]\n', "unknown exposed"),
        ('country = ["ES"]\n', "unknown country"),
        ('repeat = "daily"\n', "repeat"),
        ("repeat_count = 2\n", "without repeat"),
        ('colour = "red"\n', "unknown keys"),
        ("exposed = []\n", "non-empty"),
        ('trigger = ["rain"]\n', "unknown trigger"),
        ('replaces = ["nothing"]\n', "unknown rules"),
    ],
)
def test_a_wrong_rule_is_refused_with_its_name(tmp_path, extra, message):
    folder = _write_rules(tmp_path, "[[rule]]\n" + GOOD + extra)
    with pytest.raises(plan.RuleError, match=message):
        plan.load_rules(folder)


def test_a_rule_without_why_or_a_twice_used_id_is_refused(tmp_path):
    folder = _write_rules(tmp_path, "[[rule]]\n" + GOOD.replace('why = "W"\n', ""))
    with pytest.raises(plan.RuleError, match="why is missing"):
        plan.load_rules(folder)
    (tmp_path / "b").mkdir()
    folder = _write_rules(tmp_path / "b", "[[rule]]\n" + GOOD + "[[rule]]\n" + GOOD)
    with pytest.raises(plan.RuleError, match="twice"):
        plan.load_rules(folder)


# --- which tasks appear ---------------------------------------------------------------------


@pytest.mark.parametrize("country", ["MX", "FR", "OTHER"])
@pytest.mark.parametrize("kind", KINDS)
def test_each_exposed_kind_brings_its_tasks(country, kind):
    answers = Answers(country="" if country == "OTHER" else country, exposed=frozenset({kind}))
    got = ids(plan.build(answers, TODAY))
    assert EXPECTED[country][kind] <= got, EXPECTED[country][kind] - got
    replaced = {i for r in got for i in BY_ID[r].replaces}
    assert COMMON - replaced <= got
    assert not NOT_EXPECTED.get((country, kind), set()) & got
    other_countries = {c for c in ("MX", "FR", "OTHER") if c != country}
    for rule_id in got:
        assert not BY_ID[rule_id].country & other_countries, rule_id


@pytest.mark.parametrize("country", ["MX", "FR", "OTHER"])
def test_i_dont_know_counts_as_the_sensitive_data(country):
    code = {"OTHER": "DE"}.get(country, country)
    got = ids(plan.build(Answers(country=code, exposed=frozenset({"unknown"})), TODAY))
    for kind in ("name_address", "birth_date", "social_security", "contact", "bank", "pension"):
        assert EXPECTED[country][kind] <= got, kind
    if country == "MX":
        assert EXPECTED["MX"]["curp"] <= got
    if country == "FR":
        assert EXPECTED["FR"]["health_rights"] <= got


def test_notice_and_accounts_bring_their_tasks():
    assert "fr_ameli_notice" in ids(plan.build(Answers(country="FR", notice="ameli"), TODAY))
    assert "fr_ameli_notice" not in ids(plan.build(Answers(country="FR", notice="bank"), TODAY))
    assert "bank_notice" in ids(plan.build(Answers(country="FR", notice="bank"), TODAY))
    bank = (Account(1, "bank", "My bank"),)
    space = (Account(2, "social_security", "IMSS"),)
    assert "bank_password" in ids(plan.build(Answers(country="MX", accounts=bank), TODAY))
    assert "bank_password" not in ids(plan.build(Answers(country="MX", accounts=space), TODAY))
    assert "mx_imss_online" in ids(plan.build(Answers(country="MX", accounts=space), TODAY))


def test_everyone_gets_the_common_steps_even_with_nothing_answered():
    assert ids(plan.build(Answers(), TODAY)) == COMMON | {"other_authority"}


def test_built_tasks_carry_rule_source_dates_and_order():
    tasks = plan.build(Answers(country="MX", exposed=frozenset({"unknown"})), TODAY)
    assert [t.priority for t in tasks] == sorted(t.priority for t in tasks)
    for task in tasks:
        rule = BY_ID[task.rule.removeprefix("plan.")]
        assert task.source == "plan"
        assert task.due == TODAY + dt.timedelta(days=rule.due_in_days)
        assert (task.title, task.why, task.how) == (rule.title, rule.why, rule.how)
    assert tasks[0].rule == "plan.secure_email"
    assert tasks[0].due == TODAY


def test_monthly_statement_checks_come_back_12_times_in_a_year():
    task = next(
        t for t in plan.build(Answers(country="FR"), TODAY) if t.rule == "plan.monthly_statements"
    )
    assert task.repeat == "monthly"
    assert task.due == dt.date(2025, 2, 7)
    assert task.repeat_until == dt.date(2026, 2, 6)
    dues = [task.due]
    while (nxt := task.after_done(task.due)) is not None:
        task.due = nxt
        dues.append(nxt)
    assert len(dues) == 12
    assert dues[-1] == dt.date(2026, 1, 7)


def test_credit_reports_are_planned_yearly_three_times():
    rule = BY_ID["mx_credit_report"]
    assert (rule.repeat, rule.repeat_count) == ("yearly", 3)
    assert "burodecredito.com.mx" in rule.how and "circulodecredito.com.mx" in rule.how
    leap_day = dt.date(2024, 2, 15)  # due on 29 February 2024
    task = rule.task(leap_day)
    assert task.due == dt.date(2024, 2, 29)
    assert task.repeat_until == dt.date(2026, 2, 28)


# --- a calm plan: few tasks, three for today, rules apart ----------------------------------


@pytest.mark.parametrize(
    "answers",
    [MX_TYPICAL, FR_TYPICAL, MX_WORRIED, FR_WORRIED],
    ids=["mx", "fr", "mx-dont-know", "fr-dont-know"],
)
def test_typical_answers_give_at_most_ten_tasks_and_three_for_today(answers):
    tasks = plan.build(answers, TODAY)
    assert 4 <= len(tasks) <= 10, [t.rule for t in tasks]
    first, later = arrange(tasks, TODAY)
    assert 1 <= len(first) <= 3
    assert first[0].rule == "plan.secure_email"  # email first: it resets everything else
    assert [t.priority for t in first] == sorted(t.priority for t in first)
    assert [t.due for t in later] == sorted(t.due for t in later)
    # No two tasks say the same thing.
    assert len({t.title for t in tasks}) == len(tasks)
    assert len({t.how.splitlines()[0] for t in tasks}) == len(tasks)
    assert not {t.rule.removeprefix("plan.") for t in tasks} & CONDITIONAL


def test_the_typical_plans_hold_exactly_these_tasks():
    assert ids(plan.build(MX_TYPICAL, TODAY)) == {
        "secure_email",
        "bank_password",
        "mx_imss_channels",
        "mx_pension_check",
        "mx_credit_report",
    }
    assert ids(plan.build(FR_TYPICAL, TODAY)) == {
        "secure_email",
        "bank_password",
        "fr_ameli_notice",
        "fr_ameli_account",
        "monthly_statements",
        "fr_ficoba",
        "fr_cybermalveillance",
    }


def test_a_new_urgent_task_goes_to_the_top_of_today():
    tasks = plan.build(FR_TYPICAL, TODAY)
    urgent = Task("Call your bank about 45,00 €", priority=1, due=TODAY, position=99)
    first, _later = arrange([*tasks, urgent], TODAY)
    assert urgent in first and first[0].priority == 1
    own = Task("Call my daughter", priority=2, due=TODAY, position=100)
    first, later = arrange([*tasks, urgent, own], TODAY)
    assert len(first) == 3 and own in later and later[0] is own  # due today: first of later


def test_rules_to_keep_in_mind_are_a_card_not_tasks():
    mx = plan.reminders(MX_TYPICAL)
    fr = plan.reminders(FR_TYPICAL)
    assert 3 <= len(mx) <= plan.MAX_REMINDERS and 3 <= len(fr) <= plan.MAX_REMINDERS
    assert BY_REMINDER["mx_r_free"] in mx and BY_REMINDER["mx_r_pension"] in mx
    assert BY_REMINDER["fr_r_3646"] in fr and BY_REMINDER["fr_r_ameli_asks"] in fr
    assert not set(mx) & {t.title for t in plan.build(MX_TYPICAL, TODAY)}
    assert plan.reminders(Answers(country="MX")) == plan.reminders(Answers(country="MX"))
    assert BY_REMINDER["fr_r_3646"] not in plan.reminders(MX_TYPICAL)
    for reminder in REMINDERS:
        assert len(reminder.text.split()) <= 20, reminder.id


BY_REMINDER = {r.id: r.text for r in REMINDERS}


# --- tasks that wait for something to happen ------------------------------------------------


def test_conditional_tasks_appear_only_with_their_trigger(store):
    plan.apply(store.tasks, MX_WORRIED, TODAY)
    assert not {t.rule.removeprefix("plan.") for t in store.tasks.all()} & CONDITIONAL
    # A payment marked "not mine" on the activity check: the bank claim, nothing more.
    store.tasks.add(Task("Call your bank", rule="activity.manual.1", source="activity"))
    change = plan.apply(store.tasks, MX_WORRIED, TODAY)
    assert change.added == ("plan.mx_bank_claim",)
    # "Someone used my data" on the emergency path: the identity-theft steps and the police.
    store.tasks.add(Task("Someone used my data", rule="emergency.misused", source="emergency"))
    change = plan.apply(store.tasks, MX_WORRIED, TODAY)
    assert set(change.added) == {
        "plan.mx_identity_theft",
        "plan.mx_police",
        "plan.mx_redeco",
        "plan.mx_personal_data",
    }


def test_a_scam_call_brings_the_complaint_in_france(store):
    plan.apply(store.tasks, FR_TYPICAL, TODAY)
    assert store.tasks.by_rule("plan.fr_complaint") is None
    store.tasks.add(Task("Report the call", rule="calls.report.3", source="calls"))
    assert plan.apply(store.tasks, FR_TYPICAL, TODAY).added == ("plan.fr_complaint",)
    assert plan.happened(store.tasks.all()) == {"scam_call"}


def test_the_trigger_stays_when_its_task_is_done(store):
    payment = store.tasks.add(Task("Call your bank", rule="activity.txn.4", source="activity"))
    store.tasks.mark_done(payment.id, TODAY)
    plan.apply(store.tasks, FR_TYPICAL, TODAY)
    assert store.tasks.by_rule("plan.fr_card_block") is not None


# --- applying the plan to the stored list ---------------------------------------------------


def test_apply_adds_once_and_never_duplicates(store):
    answers = Answers(country="MX", exposed=frozenset({"curp", "pension"}))
    first = plan.apply(store.tasks, answers, TODAY)
    count = len(store.tasks.all())
    assert count == len(plan.build(answers, TODAY)) == len(first.added)
    again = plan.apply(store.tasks, answers, TODAY + dt.timedelta(days=10))
    assert again.added == () and again.removed == ()
    assert len(again.refreshed) == count
    assert len(store.tasks.all()) == count
    assert not again.changed and first.changed


def test_running_again_with_the_same_answers_writes_nothing(store):
    """The summary page re-runs the plan at every visit: nothing changed, nothing written."""
    answers = Answers(country="FR", exposed=frozenset({"social_security", "iban"}))
    plan.apply(store.tasks, answers, TODAY)
    before = store.db.conn.total_changes
    plan.apply(store.tasks, answers, TODAY + dt.timedelta(days=3))
    assert store.db.conn.total_changes == before
    hidden = store.tasks.all()[0]
    store.tasks.delete(hidden.id, by=plan.SOURCE)  # hidden by the plan: shown again when it applies
    plan.apply(store.tasks, answers, TODAY)
    assert store.tasks.get(hidden.id) is not None


def test_rerun_with_changed_answers_keeps_ticks_notes_dates_and_order(store):
    before = Answers(country="MX", exposed=frozenset({"curp", "contact"}))
    plan.apply(store.tasks, before, TODAY)
    reus = store.tasks.by_rule("plan.mx_reus")
    report = store.tasks.by_rule("plan.mx_credit_report")
    email = store.tasks.by_rule("plan.secure_email")
    store.tasks.mark_done(email.id, TODAY)
    store.tasks.update(report.id, note="asked by letter", due=dt.date(2025, 3, 3))
    store.tasks.update(reus.id, note="registered my phone")
    order_before = [t.rule for t in store.tasks.all()]

    after = Answers(country="MX", exposed=frozenset({"curp", "bank"}))  # contact no longer
    change = plan.apply(store.tasks, after, TODAY + dt.timedelta(days=20))

    assert set(change.removed) == {"plan.mx_reus"}
    assert change.added == ("plan.mx_bank_call",)
    assert store.tasks.get(reus.id) is None  # hidden, not erased
    report_now = store.tasks.get(report.id)
    assert (report_now.note, report_now.due) == ("asked by letter", dt.date(2025, 3, 3))
    assert store.tasks.get(email.id).done_on == TODAY
    order_after = [t.rule for t in store.tasks.all()]
    assert order_after == [r for r in order_before if r not in change.removed] + [
        "plan.mx_bank_call"
    ]

    # Contact ticked again: the same task comes back, with its note.
    plan.apply(store.tasks, before, TODAY + dt.timedelta(days=30))
    back = store.tasks.get(reus.id)
    assert back is not None and back.note == "registered my phone"
    assert len([t for t in store.tasks.all() if t.rule == "plan.mx_reus"]) == 1


def test_done_plan_tasks_stay_when_their_rule_no_longer_applies(store):
    plan.apply(store.tasks, Answers(country="FR", exposed=frozenset({"social_security"})), TODAY)
    account = store.tasks.by_rule("plan.fr_ameli_account")
    store.tasks.mark_done(account.id, TODAY)
    change = plan.apply(store.tasks, Answers(country="FR", exposed=frozenset({"pension"})), TODAY)
    assert "plan.fr_ameli_account" not in change.removed
    assert store.tasks.get(account.id).done_on == TODAY


def test_a_task_the_person_deleted_stays_deleted(store):
    answers = Answers(country="FR", exposed=frozenset({"health_rights"}))
    plan.apply(store.tasks, answers, TODAY)
    account = store.tasks.by_rule("plan.fr_ameli_account")
    store.tasks.delete(account.id)
    change = plan.apply(store.tasks, answers, TODAY)
    assert "plan.fr_ameli_account" in change.kept_hidden
    assert store.tasks.get(account.id) is None


def test_own_and_other_journeys_tasks_are_left_alone(store):
    mine = store.tasks.add(Task("Call my daughter", note="Sunday"))
    payment = store.tasks.add(Task("Call your bank", rule="activity.payment.1", source="activity"))
    plan.apply(store.tasks, Answers(country="MX", exposed=frozenset({"bank"})), TODAY)
    plan.apply(store.tasks, Answers(country="FR"), TODAY)
    assert store.tasks.get(mine.id).note == "Sunday"
    assert store.tasks.get(payment.id) is not None


def test_changing_country_rebuilds_the_plan_and_keeps_ticks_and_notes(store):
    mx = Answers(
        country="MX",
        exposed=frozenset({"social_security", "pension"}),
        accounts=(Account(1, "email", "Gmail"), Account(2, "bank", "Banorte")),
    )
    plan.apply(store.tasks, mx, TODAY)
    email = store.tasks.by_rule("plan.secure_email")
    bank = store.tasks.by_rule("plan.bank_password")
    store.tasks.update(email.id, note="with my son")
    store.tasks.mark_done(bank.id, TODAY)
    mine = store.tasks.add(Task("Call my daughter"))

    fr = Answers(
        country="FR", exposed=frozenset({"social_security", "pension"}), accounts=mx.accounts
    )
    assert plan.sync(store.tasks, fr, TODAY) is not None
    open_rules = {t.rule for t in store.tasks.all(include_done=False)}
    assert not {r for r in open_rules if r and r.startswith("plan.mx_")}
    assert {"plan.fr_ameli_account", "plan.fr_ficoba", "plan.monthly_statements"} <= open_rules
    assert store.tasks.get(email.id).note == "with my son"
    assert store.tasks.get(bank.id).done_on == TODAY
    assert store.tasks.get(mine.id) is not None


def test_sync_waits_until_the_plan_was_made(store):
    store.tasks.add(Task("Call my daughter"))
    assert plan.sync(store.tasks, FR_TYPICAL, TODAY) is None
    assert len(store.tasks.all()) == 1


def test_the_plan_survives_closing_and_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    s = Store(path)
    plan.apply(s.tasks, Answers(country="FR", exposed=frozenset({"bank"})), TODAY)
    count = len(s.tasks.all())
    s.close()
    s = Store(path)
    try:
        answers = Answers(country="FR", exposed=frozenset({"bank"}))
        assert plan.apply(s.tasks, answers, TODAY).added == ()
        assert len(s.tasks.all()) == count
    finally:
        s.close()


# --- risks for the summary page -------------------------------------------------------------


def test_risks_match_exactly_the_exposed_data():
    assert plan.risks(Answers(country="MX")) == []
    assert plan.risks(Answers(country="FR", exposed=frozenset({"name_address"}))) == [
        plan.RISK_CALLS
    ]
    leaked = frozenset({"curp", "social_security", "pension"})
    mx = plan.risks(Answers(country="MX", exposed=leaked))
    assert mx == [plan.RISK_CALLS, plan.RISK_IDENTITY_MX, plan.RISK_PENSION]
    fr = plan.risks(Answers(country="FR", exposed=frozenset({"social_security", "health_rights"})))
    assert fr == [plan.RISK_CALLS, plan.RISK_IDENTITY, plan.RISK_HEALTH]
    assert plan.risks(Answers(country="FR", exposed=frozenset({"bank"}))) == [
        plan.RISK_CALLS,
        plan.RISK_BANK,
    ]


@pytest.mark.parametrize("country", ["MX", "FR", "DE"])
def test_at_most_three_risks_even_when_everything_leaked(country):
    found = plan.risks(Answers(country=country, exposed=frozenset(EXPOSED_KINDS)))
    assert len(found) == 3 and len(set(found)) == 3


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_risks_and_rules_are_translated(english, lang):
    i18n.set_language(lang)
    for risk in (
        plan.RISK_CALLS,
        plan.RISK_IDENTITY_MX,
        plan.RISK_IDENTITY,
        plan.RISK_PENSION,
        plan.RISK_HEALTH,
        plan.RISK_BANK,
    ):
        assert i18n._(risk) != risk
    for rule in RULES:
        for text in (rule.title, rule.why, rule.how):
            assert i18n._(text) != text, (lang, rule.id)
    for reminder in REMINDERS:
        assert i18n._(reminder.text) != reminder.text, (lang, reminder.id)
    task = plan.build(Answers(country="FR", exposed=frozenset({"bank"})), TODAY)[0]
    assert task.shown_title() == i18n._(task.title) != task.title


# --- facts: no invented number, no INAI -----------------------------------------------------


def _plan_catalogs() -> list[Path]:
    return sorted(translations_dir().glob("*/LC_MESSAGES/sereno.po"))


@functools.cache
def _catalogs() -> tuple:
    """Each language's catalog, parsed once for the whole module (it holds every message)."""
    found = []
    for po in _plan_catalogs():
        with po.open("rb") as f:
            found.append(read_po(f))
    return tuple(found)


def _texts(item) -> list[str]:
    """A rule's or a reminder's words in English and in every language's catalog."""
    texts = [item.text] if isinstance(item, plan.Reminder) else [item.title, item.why, item.how]
    english = list(texts)
    for catalog in _catalogs():
        texts += [catalog[t].string for t in english]
    return texts


ITEMS = [*RULES, *REMINDERS]
PHONE_LIKE = re.compile(r"\d[\d .\-]{1,}\d")
# The only numbers DOMAIN.md confirms: 3646 (Assurance Maladie) and 089 (Mexico, anonymous
# reports of extortion).
NUMBERS = {"FR": {"3646"}, "MX": {"089"}}


def test_no_phone_number_but_the_confirmed_ones():
    for item in ITEMS:
        allowed = set().union(*(NUMBERS.get(c, set()) for c in item.country))
        for text in _texts(item):
            # "17cyber" is the name of a site, "12 months" a length of time: digit runs of
            # three or more are what a phone number would need.
            numbers = {n for n in PHONE_LIKE.findall(text) if len(re.sub(r"\D", "", n)) >= 3}
            assert numbers <= allowed, (item.id, numbers)
    assert any("3646" in r.how for r in RULES if r.country == {"FR"})


WEB = re.compile(r"\b[a-z0-9.-]+\.(?:gob\.mx|com\.mx|gouv\.fr|fr)\b", re.I)
DOMAIN_ADDRESSES = {
    "imss.gob.mx",
    "condusef.gob.mx",
    "burodecredito.com.mx",
    "circulodecredito.com.mx",
    "ameli.fr",
    "cybermalveillance.gouv.fr",
    "17cyber.gouv.fr",
    "particuliers.banque-france.fr",
    "service-public.fr",
    "impots.gouv.fr",
    "masecurite.interieur.gouv.fr",
}


def test_only_web_addresses_that_the_domain_notes_give():
    for item in ITEMS:
        for text in _texts(item):
            assert {a.lower() for a in WEB.findall(text)} <= DOMAIN_ADDRESSES, item.id


def test_inai_is_never_named():
    files = [*resource("plan").glob("*.toml"), *_plan_catalogs(), Path(plan.__file__)]
    for path in files:
        assert not re.search(r"\binai\b", path.read_text(encoding="utf-8"), re.I), path
    assert any("Secretaría Anticorrupción y Buen Gobierno" in r.why for r in RULES)


def test_the_corrected_facts():
    """DOMAIN.md, "Added and corrected facts": what the plan must no longer say."""
    french = [t for item in ITEMS if item.country == {"FR"} for t in _texts(item)]
    for text in french:
        assert "pré-plainte" not in text.lower() and "pre-plainte" not in text.lower()
        assert "retraite" not in text.lower() and "retirement" not in text.lower()
        assert "cnil" not in text.lower()  # FICOBA is asked through impots.gouv.fr now
    ameli = [
        t
        for r in ITEMS
        if r.country == {"FR"}
        for t in _texts(r)
        if "ameli" in t.lower() or "Assurance Maladie" in t
    ]
    for text in ameli:
        assert "number on your card" not in text and "numéro au dos" not in text
    assert "impots.gouv.fr" in BY_ID["fr_ficoba"].how
    assert "Plainte en ligne" in BY_ID["fr_complaint"].how
    # The AmeliPro leak took no address, phone or bank details: no task about them.
    assert "fr_bank_adviser" not in BY_ID and "fr_sms_links" not in BY_ID
    # IMSS two-step verification is not confirmed: never sent there to turn it on.
    mexican = [t for item in ITEMS if item.country == {"MX"} for t in _texts(item)]
    assert not any("two-step" in t or "dos pasos" in t for t in mexican)
    # "Hang up and call back" can be read as "redial the caller": never said.
    for item in ITEMS:
        for text in _texts(item):
            assert "call back" not in text.lower() and "vuelva a llamar" not in text.lower()


def test_every_plan_text_is_in_all_three_catalogs():
    wanted = {t for r in RULES for t in (r.title, r.why, r.how)} | {r.text for r in REMINDERS}
    wanted |= {
        plan.RISK_CALLS,
        plan.RISK_IDENTITY_MX,
        plan.RISK_IDENTITY,
        plan.RISK_PENSION,
        plan.RISK_HEALTH,
        plan.RISK_BANK,
    }
    catalogs = _plan_catalogs()
    assert {p.parent.parent.name for p in catalogs} == {"es_MX", "fr_FR", "en"}
    for po in catalogs:
        with po.open("rb") as f:
            catalog = read_po(f)
        for text in wanted:
            message = catalog.get(text)
            assert message is not None and message.string and not message.fuzzy, (po, text)
            if po.parent.parent.name == "en":
                assert message.string == text


def test_the_monthly_statement_task_gives_way_to_the_activity_checks(store):
    """Once the activity check planned its monthly look at an account, the plan does not
    ask for the same look a second time."""
    plan.apply(store.tasks, FR_TYPICAL, TODAY)
    assert store.tasks.by_rule("plan.monthly_statements") is not None
    store.tasks.add(
        Task(
            "Check “Crédit Agricole” again",
            rule="activity.next.2",
            source="activity",
            repeat="monthly",
            due=TODAY,
        )
    )
    change = plan.apply(store.tasks, FR_TYPICAL, TODAY)
    assert change.removed == ("plan.monthly_statements",)
    assert len(store.tasks.all(include_done=False)) == len(plan.build(FR_TYPICAL, TODAY)) - 1 + 1
