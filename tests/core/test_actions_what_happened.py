"""What happened? walked through as data: each answer one commit, the steps it makes, the plan."""

from __future__ import annotations

import pytest

from app.core import plan
from app.core.actions.what_happened import WhatHappenedActions
from app.core.answers import IDENTITY_KINDS, MONEY_HEALTH_KINDS, offered_exposed
from app.core.journeys import WHAT_HAPPENED
from app.core.tasks import Task
from tests.conftest import TODAY

NAMES = {
    "email": "Email",
    "bank": "Bank account",
    "pension": "Pension",
    "social_security": "Social security",
    "phone": "Phone",
}


@pytest.fixture
def heard():
    return []


@pytest.fixture
def answers(store, heard):
    store.settings.set("country", "MX")
    return WhatHappenedActions(store, lambda: TODAY, heard.append)


def commits_of(store, do):
    before = store.db.commits
    result = do()
    return store.db.commits - before, result


def steps(answers):
    return [s.key for s in WHAT_HAPPENED.steps(answers.answers())]


def test_a_known_notice_ticks_what_its_leak_held_in_the_same_commit(store, answers, heard):
    n, _ = commits_of(store, lambda: answers.set_notice("imss"))
    assert n == 1 and heard == [""]
    assert answers.notice() == "imss"
    assert answers.exposed() == {
        "name_address",
        "birth_date",
        "curp",
        "social_security",
        "health_rights",
    }


def test_the_leak_is_ticked_once_and_never_over_the_persons_answers(store, answers):
    answers.set_notice("bank")
    assert answers.exposed() == frozenset()  # a bank's notice: nothing known to tick
    answers.set_exposed({"bank"}, MONEY_HEALTH_KINDS)
    answers.set_notice("imss")
    assert answers.exposed() == {"bank"}
    answers.set_exposed(set(), MONEY_HEALTH_KINDS)
    answers.set_notice("imss")  # the same answer again: what was unticked stays unticked
    assert answers.exposed() == frozenset()


def test_in_france_the_curp_is_neither_asked_nor_ticked(store, answers):
    store.settings.set("country", "FR")
    assert "curp" not in offered_exposed("FR", IDENTITY_KINDS)
    answers.set_notice("imss")  # moved to France with a Mexican letter
    assert "curp" not in answers.exposed() and "social_security" in answers.exposed()


def test_each_page_of_the_question_keeps_the_other_pages_answers(store, answers):
    answers.set_exposed({"curp", "contact"}, offered_exposed("MX", IDENTITY_KINDS))
    n, _ = commits_of(store, lambda: answers.set_exposed({"pension"}, MONEY_HEALTH_KINDS))
    assert n == 1
    assert answers.exposed() == {"curp", "contact", "pension"}
    answers.set_exposed({"birth_date"}, offered_exposed("FR", IDENTITY_KINDS))
    assert answers.exposed() == {"curp", "birth_date", "pension"}  # CURP not asked: kept


def test_accounts_follow_the_ticked_kinds_in_one_commit(store, answers):
    n, added = commits_of(store, lambda: answers.set_accounts({"email", "bank"}, NAMES))
    assert n == 1
    assert [(a.kind, a.name) for a in added] == [("email", "Email"), ("bank", "Bank account")]
    n, added = commits_of(store, lambda: answers.set_accounts({"bank", "phone"}, NAMES))
    assert n == 1 and [a.kind for a in added] == ["phone"]
    assert [a.kind for a in answers.accounts()] == ["bank", "phone"]


def test_the_steps_name_each_account_on_its_own_page(answers):
    assert steps(answers) == [
        "what_happened.notice",
        "what_happened.exposed",
        "what_happened.exposed_more",
        "what_happened.accounts",
        "what_happened.summary",
        "todo.list",
    ]
    email, bank = answers.set_accounts({"email", "bank"}, NAMES)
    assert steps(answers)[4:6] == [
        f"what_happened.names:{email.id}",
        f"what_happened.names:{bank.id}",
    ]
    answers.set_accounts({"bank"}, NAMES)
    assert f"what_happened.names:{email.id}" not in steps(answers)


def test_naming_an_account_keeps_a_wrong_number_out_and_its_draft(store, answers):
    (bank,) = answers.set_accounts({"bank"}, NAMES)
    key = f"what_happened.names:{bank.id}"
    store.progress.save_draft(key, {"name": "Banorte", "last4": "12a4"})
    n, valid = commits_of(store, lambda: answers.name_account(bank.id, "Banorte", "12a4", key))
    assert n == 1 and not valid
    assert (answers.account(bank.id).name, answers.account(bank.id).last4) == ("Banorte", "")
    assert store.progress.draft(key)  # what was typed stays, to be put right
    n, valid = commits_of(store, lambda: answers.name_account(bank.id, "Banorte", "4821", key))
    assert n == 1 and valid
    assert answers.account(bank.id).last4 == "4821"
    assert store.progress.draft(key) == {}


def test_the_summary_reads_what_the_list_will_hold_and_leaving_makes_it(store, answers):
    answers.set_notice("imss")
    answers.set_accounts({"email", "bank"}, NAMES)
    store.tasks.add(Task(title="Call my daughter"))
    n, outlook = commits_of(store, answers.outlook)
    assert n == 0
    assert outlook.risks == plan.risks(answers.answers()) and not outlook.urgent
    n, change = commits_of(store, answers.make_plan)
    assert n == 1 and change.added
    assert outlook.open_tasks == len(store.tasks.all(include_done=False))
    assert answers.outlook().open_tasks == outlook.open_tasks  # made: nothing more to add


def test_a_changed_answer_shows_the_list_it_will_make(store, answers):
    answers.set_notice("imss")
    answers.set_accounts({"bank"}, NAMES)
    answers.make_plan()
    answers.set_exposed({"unknown"}, offered_exposed("MX", IDENTITY_KINDS))
    answers.set_exposed({"unknown"}, MONEY_HEALTH_KINDS)
    expected = answers.outlook().open_tasks
    answers.make_plan()
    assert len(store.tasks.all(include_done=False)) == expected


def test_an_amelipro_letter_in_france_ticks_only_what_that_leak_held(store, answers):
    store.settings.set("country", "FR")
    answers.set_notice("ameli")
    assert answers.exposed() == {"birth_date", "social_security", "health_rights"}
    assert not {"name_address", "contact", "bank"} & answers.exposed()  # not taken


def test_the_list_made_holds_exactly_the_plan_of_the_answers(store, answers):
    answers.set_notice("imss")
    answers.set_exposed({"curp", "pension", "bank"}, offered_exposed("MX", IDENTITY_KINDS))
    answers.set_exposed({"pension", "bank"}, MONEY_HEALTH_KINDS)
    answers.set_accounts({"email", "bank"}, NAMES)
    answers.make_plan()
    wanted = sorted(t.rule for t in plan.build(answers.answers(), TODAY))
    assert wanted and sorted(t.rule for t in store.tasks.all()) == wanted


def test_answering_again_keeps_ticks_and_notes_without_doubles(store, answers):
    store.settings.set("country", "FR")
    answers.set_notice("ameli")
    answers.set_accounts({"social_security"}, NAMES)
    answers.make_plan()
    ticked, noted = store.tasks.all()[:2]
    store.tasks.mark_done(ticked.id, TODAY)
    store.tasks.update(noted.id, note="Appelé le 3646")
    answers.set_accounts({"social_security", "bank"}, NAMES)  # a bank account, too
    n, change = commits_of(store, answers.make_plan)
    assert n == 1 and change.added == ("plan.bank_password",)
    rules = [t.rule for t in store.tasks.all()]
    assert len(rules) == len(set(rules))
    assert {t.rule for t in plan.build(answers.answers(), TODAY)} <= set(rules)
    assert store.tasks.get(ticked.id).done
    assert store.tasks.get(noted.id).note == "Appelé le 3646"
