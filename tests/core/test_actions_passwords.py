"""The passwords journey's actions: each answer is one commit with its to-do, reads write
nothing, listeners hear once, and no suggestion ever reaches the store."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.actions.passwords import PasswordActions
from app.core.journeys import PASSWORDS
from tests.conftest import TODAY


@pytest.fixture
def heard():
    return []


@pytest.fixture
def pw(store, heard):
    store.settings.set("first_name", "Carmen")
    store.answers.add_account("email", "Correo")
    store.answers.add_account("bank", "Banorte", "4821")
    return PasswordActions(store, lambda: TODAY, heard.append)


def ids(store):
    return {a.kind: a.id for a in store.answers.accounts()}


def commits_of(store, do):
    before = store.db.commits
    result = do()
    return store.db.commits - before, result


def test_later_is_one_commit_with_its_to_do_and_says_so(store, pw, heard):
    bank = ids(store)["bank"]
    n, state = commits_of(store, lambda: pw.set_outcome(bank, "later"))
    assert n == 1 and state.status == "later"
    task = store.tasks.by_rule(f"passwords.later.{bank}")
    assert task.due == TODAY + dt.timedelta(days=7) and not task.done
    assert heard == ["Added to your to-do list."]


def test_changed_keeps_the_day_and_ticks_the_to_do_in_the_same_commit(store, pw, heard):
    bank = ids(store)["bank"]
    pw.set_outcome(bank, "later")
    pw.set_outcome(bank, "help")
    n, state = commits_of(store, lambda: pw.set_outcome(bank, "changed"))
    assert n == 1 and (state.status, state.changed_on) == ("changed", TODAY)
    assert store.tasks.by_rule(f"passwords.later.{bank}").done
    assert store.tasks.by_rule(f"passwords.help.{bank}").done
    assert heard[-1] == "Well done. Sereno noted the date."
    n, _state = commits_of(store, lambda: pw.set_outcome(bank, "later"))  # changed their mind
    assert n == 1 and not store.tasks.by_rule(f"passwords.later.{bank}").done
    assert len([t for t in store.tasks.all() if t.rule == f"passwords.later.{bank}"]) == 1


def test_two_step_is_one_commit_each_way(store, pw, heard):
    email = ids(store)["email"]
    rule = f"passwords.two_step.{email}"
    assert commits_of(store, lambda: pw.set_two_step(email, "later"))[0] == 1
    assert not store.tasks.by_rule(rule).done
    assert commits_of(store, lambda: pw.set_two_step(email, "on"))[0] == 1
    assert store.tasks.by_rule(rule).done and pw.state(email).two_step == "on"
    assert heard == ["Added to your to-do list.", "Noted."]


def test_a_failed_answer_leaves_nothing_behind(store, pw):
    bank = ids(store)["bank"]
    before = store.db.commits
    with pytest.raises(ValueError):
        pw.set_outcome(bank, "Mesa-perro-cuatro-nube-7")
    assert store.db.commits == before and pw.state(bank).status == ""


def test_the_small_answers_are_one_commit_each_and_keep_each_other(store, pw, heard):
    bank = ids(store)["bank"]
    assert commits_of(store, lambda: pw.set_code_length(bank, 4))[0] == 1
    assert pw.secret_kind(bank) == ("numbers", 4)
    assert commits_of(store, lambda: pw.set_secret_kind(bank, "unsure"))[0] == 1
    assert pw.secret_kind(bank) == ("unsure", 4)  # the length said before is kept
    assert commits_of(store, lambda: pw.set_pension_on_bank(bank, "same"))[0] == 1
    assert commits_of(store, lambda: pw.set_birth_year(1948))[0] == 1
    assert commits_of(store, lambda: pw.set_birth_year(1948))[0] == 0  # already so
    assert pw.birth_year() == 1948 and heard == ["", "", "", ""]


def test_reads_write_nothing(store, pw):
    email = ids(store)["email"]
    n, _ = commits_of(
        store,
        lambda: (
            pw.order(),
            pw.account(str(email)),
            pw.account("nope"),
            pw.state(email),
            pw.secret_kind(email),
            pw.pension_on_bank(email),
            pw.birth_year(),
            pw.still_to_change(),
            pw.leaked_facts(),
            pw.passphrase(str(email), False, "es_MX"),
            pw.code(str(email), 6),
            pw.another_passphrase(str(email), True, "es_MX"),
        ),
    )
    assert n == 0


def test_suggestions_stay_in_memory_the_same_until_another_is_asked(store, pw):
    first = pw.passphrase("1", False, "es_MX")
    assert pw.passphrase("1", False, "es_MX") == first
    short = pw.passphrase("1", True, "es_MX")
    assert len(short.split("-")) == 4 and len(first.split("-")) == 5
    second = pw.another_passphrase("1", False, "es_MX")
    assert second != first and pw.passphrase("1", False, "es_MX") == second
    code = pw.code("2", 6)
    assert len(code) == 6 and "4821" not in code and pw.code("2", 6) == code
    assert "carmen" not in first.lower()
    for secret in (first, second, short, code):
        for table in ("answers", "settings", "tasks", "password_changes"):
            assert secret not in str([tuple(r) for r in store.db.query(f"SELECT * FROM {table}")])
    assert PasswordActions(store, lambda: TODAY, print).passphrase("1", False, "es_MX") != second


def test_the_leaked_facts_are_what_sereno_holds(store, pw):
    store.settings.set("country", "MX")
    pw.set_birth_year(1950)
    facts = pw.leaked_facts()
    assert (facts.first_name, facts.banks, facts.card_digits, facts.country, facts.birth_year) == (
        "Carmen",
        ("Banorte",),
        ("4821",),
        "MX",
        1950,
    )
    assert facts.accounts == ("Correo", "Banorte")


def test_the_notebook_list_follows_the_answers(store, pw):
    email, bank = ids(store)["email"], ids(store)["bank"]
    assert [a.name for a, _s in pw.still_to_change()] == ["Correo", "Banorte"]
    pw.set_outcome(email, "changed")
    assert [s.key for _a, s in pw.still_to_change()] == [f"passwords.suggest:{bank}"]


def test_a_pension_on_another_account_gets_its_own_pages_in_one_commit(store, pw, heard):
    pension = store.answers.add_account("pension", "Pensión").id

    def steps():
        return [s.key for s in PASSWORDS.steps(store.answers.snapshot("MX"))]

    assert f"passwords.pension:{pension}" in steps()
    assert f"passwords.kind:{pension}" not in steps()
    n, _ = commits_of(store, lambda: pw.set_pension_on_bank(pension, "other"))
    assert n == 1 and heard == [""]
    assert store.answers.snapshot("MX").separate_pensions == {pension}
    at = steps().index(f"passwords.pension:{pension}")
    assert steps()[at + 1 : at + 5] == [
        f"passwords.{p}:{pension}" for p in ("kind", "suggest", "done", "two_step")
    ]
    assert pw.still_to_change()[-1][1].key == f"passwords.suggest:{pension}"
    assert commits_of(store, lambda: pw.set_pension_on_bank(pension, "same"))[0] == 1
    assert store.answers.snapshot("MX").separate_pensions == frozenset()
    assert f"passwords.kind:{pension}" not in steps()
    assert pension not in [a.id for a, _s in pw.still_to_change()]


def test_an_account_removed_takes_its_answers_with_it(store, pw):
    """Its id may be given again to a new account, which must not find them chosen."""
    pension = store.answers.add_account("pension", "Pensión").id
    pw.set_pension_on_bank(pension, "other")
    pw.set_code_length(pension, 4)
    before = store.db.commits
    store.answers.remove_account(pension)
    assert store.db.commits == before + 1
    again = store.answers.add_account("pension", "Otra pensión").id
    assert again == pension  # sqlite gives the highest id again
    assert pw.pension_on_bank(again) == "" and pw.secret_kind(again) == ("", 0)
    assert store.answers.snapshot("MX").separate_pensions == frozenset()
