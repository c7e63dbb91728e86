"""Per-account password progress: a status and a date, never anything else."""

import datetime as dt
import sqlite3

import pytest

from app.core.passwords import PasswordState
from tests.conftest import TODAY


def test_nothing_recorded_reads_as_not_yet(store):
    acc = store.answers.add_account("email", "Correo")
    state = store.passwords.get(acc.id)
    assert isinstance(state, PasswordState)  # the store maps rows to core's record
    assert (state.status, state.changed_on, state.two_step) == ("", None, "")
    assert store.passwords.all() == {}


def test_changed_keeps_only_the_day_and_later_forgets_it(store):
    acc = store.answers.add_account("bank", "Banco")
    state = store.passwords.set_status(acc.id, "changed", TODAY)
    assert state.status == "changed" and state.changed_on == TODAY
    row = store.db.query("SELECT * FROM password_changes")[0]
    assert dict(row) == {
        "account_id": acc.id,
        "status": "changed",
        "changed_on": "2026-11-23",
        "two_step": None,
        "updated": "2026-11-23",
    }
    state = store.passwords.set_status(acc.id, "later", TODAY + dt.timedelta(days=1))
    assert state.status == "later" and state.changed_on is None


def test_two_step_is_kept_apart_from_the_status(store):
    acc = store.answers.add_account("email", "Correo")
    store.passwords.set_status(acc.id, "help", TODAY)
    store.passwords.set_two_step(acc.id, "not_offered", TODAY)
    assert store.passwords.get(acc.id).status == "help"
    assert store.passwords.all()[acc.id].two_step == "not_offered"
    store.passwords.set_two_step(acc.id, "", TODAY)
    assert store.passwords.get(acc.id).two_step == ""


def test_unknown_values_are_refused(store):
    acc = store.answers.add_account("email", "Correo")
    with pytest.raises(ValueError):
        store.passwords.set_status(acc.id, "Mesa-perro-cuatro-nube-7", TODAY)
    with pytest.raises(ValueError):
        store.passwords.set_two_step(acc.id, "maybe", TODAY)
    with pytest.raises(sqlite3.IntegrityError):
        with store.db.write() as conn:
            conn.execute(
                "INSERT INTO password_changes (account_id, changed_on, updated) "
                "VALUES (?, 'Mesa-perro-7', '2026-11-23')",
                (acc.id,),
            )


def test_removing_an_account_removes_its_progress(store):
    acc = store.answers.add_account("email", "Correo")
    store.passwords.set_status(acc.id, "changed", TODAY)
    store.answers.remove_account(acc.id)
    assert store.passwords.all() == {}


def test_the_sites_kind_of_secret_the_pension_and_the_birth_year_are_answers(store):
    bank = store.answers.add_account("bank", "Banorte", "4821")
    pension = store.answers.add_account("pension", "Pensión")
    assert store.passwords.secret_kind(bank.id) == ("", 0)
    store.passwords.set_secret_kind(bank.id, "numbers", 6)
    assert store.passwords.secret_kind(bank.id) == ("numbers", 6)
    store.passwords.set_pension_on_bank(pension.id, "same")
    assert store.passwords.pension_on_bank(pension.id) == "same"
    assert store.passwords.birth_year() is None
    store.passwords.set_birth_year(1948)
    assert store.passwords.birth_year() == 1948
    for bad in (
        lambda: store.passwords.set_secret_kind(bank.id, "password"),
        lambda: store.passwords.set_pension_on_bank(pension.id, "maybe"),
        lambda: store.passwords.set_birth_year(48),
    ):
        with pytest.raises(ValueError):
            bad()
    # never a password: only these three small answers
    keys = [
        r["key"]
        for r in store.db.query("SELECT key FROM answers")
        if r["key"].startswith("passwords.")
    ]
    assert sorted(keys) == ["passwords.birth_year", "passwords.pension", "passwords.secret"]
