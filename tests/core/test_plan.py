"""The recovery plan: rules load, the right tasks appear, re-running keeps the person's work."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app import i18n
from app.core import plan
from app.core.answers import EXPOSED_KINDS, Account, Answers
from app.core.tasks import Task
from app.paths import resource, translations_dir
from app.store import Store

TODAY = dt.date(2025, 1, 31)
KINDS = [k for k in EXPOSED_KINDS if k != "unknown"]
RULES = plan.load_rules()
BY_ID = {r.id: r for r in RULES}
COMMON = {"secure_email", "wary_calls", "monthly_statements", "keep_record"}

# For each country and each exposed kind, the tasks a person must see (besides COMMON).
EXPECTED: dict[str, dict[str, set[str]]] = {
    "MX": {
        "name_address": {"mx_fake_letters", "mx_buro_report", "mx_circulo_report",
                         "mx_personal_data"},
        "birth_date": {"mx_identity_signs", "mx_buro_report", "mx_circulo_report"},
        "social_security": {"mx_imss_channels", "mx_identity_signs", "mx_buro_report",
                            "mx_condusef", "mx_police", "mx_redeco"},
        "curp": {"mx_imss_channels", "mx_identity_signs", "mx_buro_report",
                 "mx_circulo_report", "mx_condusef", "mx_police"},
        "contact": {"mx_messages", "mx_reus", "mx_redeco"},
        "bank": {"mx_bank_call", "mx_condusef", "mx_police"},
        "pension": {"mx_imss_channels", "mx_pension_calls", "mx_pension_check"},
        "health_rights": {"mx_imss_channels", "mx_health_calls"},
    },
    "FR": {
        "name_address": {"fr_ficoba", "fr_banque_de_france", "fr_bank_adviser"},
        "birth_date": {"fr_ameli_calls", "fr_ficoba", "fr_banque_de_france"},
        "social_security": {"fr_ameli_account", "fr_ameli_calls", "fr_ficoba",
                            "fr_banque_de_france", "fr_identity_theft", "fr_pre_plainte"},
        "curp": {"fr_cybermalveillance", "fr_cnil"},
        "contact": {"fr_sms_links", "fr_bank_adviser", "fr_thesee"},
        "bank": {"fr_bank_adviser", "fr_perceval", "fr_thesee", "fr_pre_plainte"},
        "pension": {"fr_pension_calls"},
        "health_rights": {"fr_carte_vitale", "fr_ameli_account", "fr_ameli_calls"},
    },
    "OTHER": {
        "name_address": {"other_identity_signs"},
        "birth_date": {"other_identity_signs"},
        "social_security": {"other_social_space", "other_identity_signs", "other_police"},
        "curp": {"other_identity_signs", "other_police"},
        "contact": {"other_messages"},
        "bank": {"other_bank_call", "other_police"},
        "pension": {"other_pension_calls"},
        "health_rights": {"other_social_space", "other_health_calls"},
    },
}
# Rules a kind must NOT bring (another country's, or another kind's).
NOT_EXPECTED = {
    ("FR", "pension"): {"fr_ficoba", "fr_carte_vitale", "mx_pension_calls"},
    ("MX", "contact"): {"mx_buro_report", "fr_sms_links", "other_messages"},
    ("OTHER", "bank"): {"mx_bank_call", "fr_perceval"},
}


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


@pytest.mark.parametrize("country", ["MX", "FR"])
def test_each_of_mexico_and_france_has_at_least_12_rules_of_its_own(country):
    assert sum(1 for r in RULES if r.country == {country}) >= 12


def test_country_files_hold_only_their_country():
    files = {"mexico.toml": "MX", "france.toml": "FR", "other.toml": "OTHER"}
    for name, country in files.items():
        text = (resource("plan") / name).read_text(encoding="utf-8")
        for rule_id in re.findall(r'^id = "(\w+)"', text, re.M):
            assert BY_ID[rule_id].country == {country}, rule_id
    common = (resource("plan") / "common.toml").read_text(encoding="utf-8")
    for rule_id in re.findall(r'^id = "(\w+)"', common, re.M):
        assert not BY_ID[rule_id].country, rule_id


def _write_rules(folder: Path, body: str) -> Path:
    header = 'translatable = ["title", "why", "how"]\n'
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
        ('repeat_count = 2\n', "without repeat"),
        ('colour = "red"\n', "unknown keys"),
        ('exposed = []\n', "non-empty"),
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
    assert COMMON <= got
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
    assert "mx_imss_notice" in ids(plan.build(Answers(country="MX", notice="imss"), TODAY))
    assert "mx_imss_notice" not in ids(plan.build(Answers(country="MX", notice="bank"), TODAY))
    assert "fr_ameli_notice" in ids(plan.build(Answers(country="FR", notice="ameli"), TODAY))
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
    assert tasks[0].rule in ("plan.wary_calls", "plan.mx_pension_calls")
    assert tasks[0].due == TODAY


def test_monthly_statement_checks_come_back_12_times_in_a_year():
    task = next(t for t in plan.build(Answers(country="FR"), TODAY)
                if t.rule == "plan.monthly_statements")
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
    rule = BY_ID["mx_buro_report"]
    assert (rule.repeat, rule.repeat_count) == ("yearly", 3)
    leap_day = dt.date(2024, 2, 15)  # due on 29 February 2024
    task = rule.task(leap_day)
    assert task.due == dt.date(2024, 2, 29)
    assert task.repeat_until == dt.date(2026, 2, 28)


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
    buro = store.tasks.by_rule("plan.mx_buro_report")
    keep = store.tasks.by_rule("plan.keep_record")
    store.tasks.mark_done(keep.id, TODAY)
    store.tasks.update(buro.id, note="asked by letter", due=dt.date(2025, 3, 3))
    store.tasks.update(reus.id, note="registered my phone")
    store.tasks.move(buro.id, -3)
    order_before = [t.rule for t in store.tasks.all()]

    after = Answers(country="MX", exposed=frozenset({"curp", "bank"}))  # contact no longer
    change = plan.apply(store.tasks, after, TODAY + dt.timedelta(days=20))

    assert set(change.removed) == {"plan.mx_reus", "plan.mx_messages"}
    assert change.added == ("plan.mx_bank_call",)
    assert store.tasks.get(reus.id) is None  # hidden, not erased
    buro_now = store.tasks.get(buro.id)
    assert (buro_now.note, buro_now.due) == ("asked by letter", dt.date(2025, 3, 3))
    assert store.tasks.get(keep.id).done_on == TODAY
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
    plan.apply(store.tasks, Answers(country="FR", exposed=frozenset({"bank"})), TODAY)
    perceval = store.tasks.by_rule("plan.fr_perceval")
    store.tasks.mark_done(perceval.id, TODAY)
    change = plan.apply(store.tasks, Answers(country="FR", exposed=frozenset({"pension"})), TODAY)
    assert "plan.fr_perceval" not in change.removed
    assert store.tasks.get(perceval.id).done_on == TODAY


def test_a_task_the_person_deleted_stays_deleted(store):
    answers = Answers(country="FR", exposed=frozenset({"health_rights"}))
    plan.apply(store.tasks, answers, TODAY)
    vitale = store.tasks.by_rule("plan.fr_carte_vitale")
    store.tasks.delete(vitale.id)
    change = plan.apply(store.tasks, answers, TODAY)
    assert "plan.fr_carte_vitale" in change.kept_hidden
    assert store.tasks.get(vitale.id) is None


def test_own_and_other_journeys_tasks_are_left_alone(store):
    mine = store.tasks.add(Task("Call my daughter", note="Sunday"))
    payment = store.tasks.add(Task("Call your bank", rule="activity.payment.1", source="activity"))
    plan.apply(store.tasks, Answers(country="MX", exposed=frozenset({"bank"})), TODAY)
    plan.apply(store.tasks, Answers(country="FR"), TODAY)
    assert store.tasks.get(mine.id).note == "Sunday"
    assert store.tasks.get(payment.id) is not None


def test_changing_country_swaps_the_country_tasks(store):
    plan.apply(store.tasks, Answers(country="MX", exposed=frozenset({"pension"})), TODAY)
    plan.apply(store.tasks, Answers(country="FR", exposed=frozenset({"pension"})), TODAY)
    rules = {t.rule for t in store.tasks.all()}
    assert "plan.fr_pension_calls" in rules
    assert not {r for r in rules if r.startswith("plan.mx_")}


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
        plan.RISK_CALLS, plan.RISK_BANK
    ]


@pytest.mark.parametrize("country", ["MX", "FR", "DE"])
def test_at_most_three_risks_even_when_everything_leaked(country):
    found = plan.risks(Answers(country=country, exposed=frozenset(EXPOSED_KINDS)))
    assert len(found) == 3 and len(set(found)) == 3


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_risks_and_rules_are_translated(english, lang):
    i18n.set_language(lang)
    for risk in (plan.RISK_CALLS, plan.RISK_IDENTITY_MX, plan.RISK_IDENTITY, plan.RISK_PENSION,
                 plan.RISK_HEALTH, plan.RISK_BANK):
        assert i18n._(risk) != risk
    for rule in RULES:
        for text in (rule.title, rule.why, rule.how):
            assert i18n._(text) != text, (lang, rule.id)
    task = plan.build(Answers(country="FR", exposed=frozenset({"bank"})), TODAY)[0]
    assert task.shown_title() == i18n._(task.title) != task.title


# --- facts: no invented number, no INAI -----------------------------------------------------

def _plan_catalogs() -> list[Path]:
    return sorted(translations_dir().glob("*/LC_MESSAGES/plan.po"))


def _rule_texts(rule: plan.Rule) -> list[str]:
    """The rule's words in English and in every language of the plan catalog."""
    texts = [rule.title, rule.why, rule.how]
    for po in _plan_catalogs():
        with po.open("rb") as f:
            catalog = read_po(f)
        texts += [catalog[t].string for t in (rule.title, rule.why, rule.how)]
    return texts


PHONE_LIKE = re.compile(r"\d[\d .\-]{1,}\d")


def test_no_phone_number_except_ameli_3646_in_france():
    for rule in RULES:
        for text in _rule_texts(rule):
            # "17cyber" is the name of a site, "12 months" a length of time: digit runs of
            # three or more are what a phone number would need.
            numbers = {n for n in PHONE_LIKE.findall(text) if len(re.sub(r"\D", "", n)) >= 3}
            allowed = {"3646"} if rule.country == {"FR"} else set()
            assert numbers <= allowed, (rule.id, numbers)
    assert any("3646" in r.how for r in RULES if r.country == {"FR"})


WEB = re.compile(r"\b[a-z0-9.-]+\.(?:gob\.mx|com\.mx|gouv\.fr|fr)\b", re.I)
DOMAIN_ADDRESSES = {
    "imss.gob.mx", "condusef.gob.mx", "burodecredito.com.mx", "circulodecredito.com.mx",
    "ameli.fr", "cybermalveillance.gouv.fr", "17cyber.gouv.fr", "particuliers.banque-france.fr",
    "pre-plainte-en-ligne.gouv.fr", "service-public.fr", "cnil.fr",
}


def test_only_web_addresses_that_the_domain_notes_give():
    for rule in RULES:
        for text in _rule_texts(rule):
            assert {a.lower() for a in WEB.findall(text)} <= DOMAIN_ADDRESSES, rule.id


def test_inai_is_never_named():
    files = [*resource("plan").glob("*.toml"), *_plan_catalogs(), Path(plan.__file__)]
    for path in files:
        assert not re.search(r"\binai\b", path.read_text(encoding="utf-8"), re.I), path
    assert any("Secretaría Anticorrupción y Buen Gobierno" in r.why for r in RULES)


def test_every_plan_text_is_in_all_three_catalogs():
    wanted = {t for r in RULES for t in (r.title, r.why, r.how)}
    wanted |= {plan.RISK_CALLS, plan.RISK_IDENTITY_MX, plan.RISK_IDENTITY, plan.RISK_PENSION,
               plan.RISK_HEALTH, plan.RISK_BANK}
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
