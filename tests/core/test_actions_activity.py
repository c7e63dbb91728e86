"""The account check's actions: each answer, file, payment and verdict is one commit; reads
write nothing; what a stage shows follows from what was done."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.core.actions.activity import ActivityActions
from app.core.activity_flow import Stage
from app.core.flow import Step
from app.core.statements import ColumnMapping, ColumnsUnclear, StatementError
from app.core.tasks import add_months
from tests.conftest import TODAY

CSV = (
    "Date;Libellé;Montant\n02/11/2026;CB SUPERMARCHE;-52,40\n"
    "08/11/2026;CB PAYPAL VERIFY;-1,00\n10/11/2026;VIR PENSION CNAV;1 250,00\n"
)
ADDED = "Added to your to-do list."


@pytest.fixture
def heard():
    return []


@pytest.fixture
def checks(store, heard):
    store.settings.set("country", "FR")
    return ActivityActions(store, lambda: TODAY, heard.append)


@pytest.fixture
def bank(store):
    return store.answers.add_account("bank", "Ma banque", "4821")


@pytest.fixture
def email(store):
    return store.answers.add_account("email", "Mon email")


def commits_of(store, do):
    before = store.db.commits
    result = do()
    return store.db.commits - before, result


def rules(store, prefix):
    return [t.rule for t in store.tasks.all() if (t.rule or "").startswith(prefix)]


def choose(store, account, way):
    store.progress.save_draft(Step("activity.look", str(account.id)).key, {"way": [way]})


def reads(checks, account):
    """Every read a page makes while it is shown."""
    return (
        checks.stage(account.id),
        checks.accounts(),
        checks.last_check(account.id),
        checks.review_position(account.id),
        checks.last_file_counts(account.id),
        checks.next_check_due(account.id),
        checks.today_summary(),
        checks.files_today(),
        checks.columns_question(account.id),
        checks.half_payment(account.id),
        checks.home_currency(),
        checks.way(account.id),
    )


def test_everything_normal_is_one_commit_with_the_check_and_the_next_one(
    store, checks, bank, heard
):
    n, _ = commits_of(store, lambda: checks.answer(bank.id, "normal"))
    assert n == 1
    assert [(c.day, c.method, c.result) for c in checks.checks(bank.id)] == [
        (TODAY, "hand", "normal")
    ]
    task = store.tasks.by_rule(f"activity.next.{bank.id}")
    assert (task.repeat, task.due, task.repeat_until) == (
        "monthly",
        add_months(TODAY, 1),
        add_months(TODAY, 12),
    )
    assert checks.next_check_due(bank.id) == add_months(TODAY, 1)
    assert heard == [""]  # the monthly check is planned quietly


def test_strange_without_payments_adds_a_reminder_once(store, checks, email, heard):
    choose(store, email, "strange")
    assert checks.stage(email.id) is Stage.STRANGE
    for _ in range(2):  # the page left twice: still one reminder
        assert commits_of(store, lambda: checks.answer(email.id, "strange"))[0] == 1
    assert rules(store, "activity.strange.") == [f"activity.strange.{email.id}"]
    assert heard == [ADDED, ""]
    n, _ = commits_of(store, lambda: checks.keep_note(email.id, "A sign-in from Lyon"))
    assert n == 1 and checks.last_check(email.id).note == "A sign-in from Lyon"
    assert commits_of(store, lambda: checks.keep_note(email.id, "A sign-in from Lyon"))[0] == 0


@pytest.mark.parametrize(
    "kind, country, title, how",
    [
        ("email", "FR", "Secure “Compte”: change its password", "two-step verification"),
        ("social_security", "FR", "Tell the organisation", "call 3646 yourself"),
        ("social_security", "MX", "Tell the organisation", "an official letter"),
        ("phone", "FR", "Tell the organisation", "an official letter"),
    ],
)
def test_what_to_do_about_something_strange_fits_the_account(
    store, checks, kind, country, title, how
):
    store.settings.set("country", country)
    account = store.answers.add_account(kind, "Compte")
    checks.answer(account.id, "strange")
    task = store.tasks.by_rule(f"activity.strange.{account.id}")
    assert task.shown_title().startswith(title)
    assert how in task.shown_how()
    assert "3646" not in task.shown_how() or country == "FR"


def test_choosing_the_bank_file_writes_nothing_until_a_file_is_read(store, checks, bank):
    assert commits_of(store, lambda: checks.answer(bank.id, "file"))[0] == 0


def test_cannot_do_it_alone_writes_no_check_and_names_the_trusted_person(store, checks, email):
    store.settings.set("trusted_person", "Lucía")
    checks.answer(email.id, "help")
    assert checks.checks(email.id) == []
    (task,) = [t for t in store.tasks.all() if t.rule == f"activity.with_someone.{email.id}"]
    assert task.shown_title() == "Check “Mon email” with Lucía"
    assert task.due == TODAY + dt.timedelta(days=7)
    assert checks.next_check_due(email.id) is None


def test_a_file_is_read_flagged_kept_checked_and_planned_in_one_commit(
    store, checks, bank, tmp_path
):
    path = tmp_path / "releve" / "releve.csv"
    path.parent.mkdir()
    path.write_text(CSV, encoding="utf-8")
    choose(store, bank, "file")
    assert checks.stage(bank.id) is Stage.FILE
    n, result = commits_of(store, lambda: checks.open_file(bank.id, str(path)))
    assert n == 1 and (result.rows, result.added) == (3, 3)
    assert store.settings.get("last_folder") == str(path.parent)
    assert [(c.method, c.result) for c in checks.checks(bank.id)] == [("file", "normal")]
    assert checks.next_check_due(bank.id) == add_months(TODAY, 1)
    assert checks.stage(bank.id) is Stage.REVIEW
    txn, number, total = checks.review_position(bank.id)
    assert (number, total) == (1, 3) and txn.description == "CB PAYPAL VERIFY"  # tiny first


def test_each_verdict_is_one_commit_and_a_no_calls_the_bank(store, checks, bank, tmp_path, heard):
    path = tmp_path / "releve.csv"
    path.write_text(CSV, encoding="utf-8")
    choose(store, bank, "file")
    checks.open_file(bank.id, str(path))
    heard.clear()
    for verdict in ("not_mine", "mine", "mine"):
        txn, _number, _total = checks.review_position(bank.id)
        n, _ = commits_of(store, lambda t=txn.id, v=verdict: checks.answer_payment(bank.id, t, v))
        assert n == 1
    assert heard == [ADDED, "", ""]
    (rule,) = rules(store, "activity.txn.")
    assert "EUR" in str(store.tasks.by_rule(rule).params)
    assert checks.last_check(bank.id).result == "strange"
    assert checks.stage(bank.id) is Stage.DONE
    assert checks.last_file_counts(bank.id) == (3, 1) == checks.files_today()


def test_unclear_columns_are_remembered_and_a_broken_file_keeps_only_its_folder(
    store, checks, bank, tmp_path
):
    odd = tmp_path / "odd.csv"
    odd.write_text(
        "X;Y;Z;W\n12/03/2026;ABC SHOP;-12,00;100,00\n"
        "13/03/2026;DEF;-3,00;97,00\n14/03/2026;GHI;-5,00;92,00\n"
    )
    choose(store, bank, "file")
    with pytest.raises(ColumnsUnclear):
        checks.open_file(bank.id, str(odd))
    assert checks.stage(bank.id) is Stage.COLUMNS
    assert checks.columns_question(bank.id).headers == ["X", "Y", "Z", "W"]
    n, result = commits_of(
        store,
        lambda: checks.read_with_columns(
            bank.id, ColumnMapping(date=0, description=1, amount=2, balance=3)
        ),
    )
    assert n == 1 and result.added == 3 and checks.stage(bank.id) is Stage.REVIEW
    broken = tmp_path / "broken" / "broken.csv"
    broken.parent.mkdir()
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(StatementError):
        checks.open_file(bank.id, str(broken))
    assert len(store.activity.imports(bank.id)) == 1
    assert store.settings.get("last_folder") == str(broken.parent)


def test_a_payment_by_hand_is_written_in_three_parts_and_added_in_one_commit(
    store, checks, bank, heard
):
    choose(store, bank, "strange")
    checks.answer(bank.id, "strange")
    walk = [checks.stage(bank.id)]
    checks.payment_day(bank.id, dt.date(2026, 11, 14))
    walk.append(checks.stage(bank.id))
    checks.payment_amount(bank.id, Decimal("45.00"))
    walk.append(checks.stage(bank.id))
    assert walk == [Stage.PAYMENT, Stage.PAYMENT_AMOUNT, Stage.PAYMENT_NAME]
    key = Step("activity.result", str(bank.id)).key
    store.progress.save_draft(key, {"day": "14 nov", "amount": "45,00", "payee": "XYZ"})
    heard.clear()
    half = checks.half_payment(bank.id)
    n, saved = commits_of(
        store, lambda: checks.add_payment(bank.id, half.day, half.amount, " XYZ ")
    )
    assert n == 1 and heard == [ADDED]
    assert (saved.amount, saved.currency, saved.description, saved.verdict) == (
        Decimal("-45.00"),
        "EUR",
        "XYZ",
        "not_mine",
    )
    assert rules(store, "activity.manual.") == [f"activity.manual.{saved.id}"]
    assert store.progress.draft(key) == {}  # the form is empty for the next payment
    assert checks.stage(bank.id) is Stage.PAYMENT


def test_changing_the_date_starts_the_payment_again(checks, bank, store):
    choose(store, bank, "strange")
    checks.payment_day(bank.id, dt.date(2026, 11, 14))
    checks.payment_amount(bank.id, Decimal("45"))
    checks.change_payment(bank.id)
    assert checks.stage(bank.id) is Stage.PAYMENT and checks.half_payment(bank.id) is None


def test_the_summary_says_what_today_found(store, checks, bank, email):
    checks.answer(bank.id, "normal")
    checks.answer(email.id, "strange")
    assert [(a.name, found) for a, found in checks.today_summary()] == [
        ("Ma banque", "normal"),
        ("Mon email", "strange"),
    ]


def test_reads_write_nothing_in_any_stage(store, checks, bank, tmp_path):
    path = tmp_path / "releve.csv"
    path.write_text(CSV, encoding="utf-8")
    for way in ("", "normal", "strange", "help", "file"):
        choose(store, bank, way)
        assert commits_of(store, lambda: reads(checks, bank))[0] == 0
    checks.open_file(bank.id, str(path))
    assert commits_of(store, lambda: reads(checks, bank))[0] == 0


def test_an_account_taken_off_the_list_is_gone(checks):
    assert checks.stage(999) is Stage.GONE and checks.account("x") is None
    checks.answer(999, "normal")  # a page left after its account went: nothing happens


def test_a_payment_not_mine_brings_the_plan_up_to_date_in_the_same_commit(store, checks, bank):
    """The plan's conditional tasks (block the card) come with the call to the bank, at
    once: no page has to write them when it opens."""
    from app.core import plan

    plan.apply(store.tasks, store.answers.snapshot("FR"), TODAY)
    assert not rules(store, "plan.fr_card_block")
    n, _saved = commits_of(
        store,
        lambda: checks.add_payment(bank.id, dt.date(2026, 11, 8), Decimal("1.00"), "PAYPAL VERIFY"),
    )
    assert n == 1
    assert rules(store, "activity.manual.") and rules(store, "plan.fr_card_block")


def test_before_the_plan_is_made_a_payment_adds_only_its_own_call(store, checks, bank):
    checks.add_payment(bank.id, dt.date(2026, 11, 8), Decimal("1.00"), "PAYPAL VERIFY")
    assert not rules(store, "plan.")
