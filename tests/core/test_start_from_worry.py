"""Start from the worry: the account check begins with the account the person chooses, then
the bank and pension, then the rest; the choice is one commit and re-orders the steps."""

from __future__ import annotations

from app.core.actions.activity import ActivityActions
from app.core.activity_flow import check_order
from app.core.answers import Account, Answers
from app.core.flow import Navigator, Step
from app.core.journeys import ACTIVITY, activity_steps
from tests.conftest import TODAY

EMAIL, BANK, AMELI, PENSION, PHONE = (
    Account(1, "email", "Mon email"),
    Account(2, "bank", "Ma banque"),
    Account(3, "social_security", "Ameli"),
    Account(4, "pension", "Ma retraite"),
    Account(5, "phone", "Mon portable"),
)
ALL = (EMAIL, BANK, AMELI, PENSION, PHONE)


def ids(accounts):
    return [a.id for a in accounts]


def opened(steps):
    """The accounts in the order their checks are opened."""
    return [int(s.arg) for s in steps if s.page == "activity.open"]


def test_without_a_choice_the_bank_and_pension_come_first_then_the_rest_in_list_order():
    assert ids(check_order(Answers(accounts=ALL))) == [2, 4, 1, 3, 5]


def test_the_chosen_account_comes_first_then_the_money_accounts_then_the_rest():
    assert ids(check_order(Answers(accounts=ALL, start_account=3))) == [3, 2, 4, 1, 5]
    assert ids(check_order(Answers(accounts=ALL, start_account=4))) == [4, 2, 1, 3, 5]
    assert ids(check_order(Answers(accounts=ALL, start_account=1))) == [1, 2, 4, 3, 5]


def test_a_choice_no_longer_on_the_list_changes_nothing():
    assert ids(check_order(Answers(accounts=ALL, start_account=99))) == [2, 4, 1, 3, 5]


def test_the_steps_follow_the_choice_with_three_pages_per_account():
    steps = activity_steps(Answers(accounts=(EMAIL, BANK), start_account=1))
    assert [s.key for s in steps] == [
        "activity.intro",
        "activity.open:1",
        "activity.look:1",
        "activity.result:1",
        "activity.open:2",
        "activity.look:2",
        "activity.result:2",
        "activity.summary",
    ]
    assert opened(activity_steps(Answers(accounts=(EMAIL, BANK)))) == [2, 1]


def test_changing_the_choice_keeps_the_person_on_the_same_accounts_page():
    answers = {"now": Answers(accounts=ALL, start_account=1)}
    nav = Navigator([ACTIVITY], lambda: answers["now"])
    nav.start("activity")
    assert nav.next() == Step("activity.open", "1")
    assert nav.next() == Step("activity.look", "1")
    answers["now"] = Answers(accounts=ALL, start_account=5)  # the email moved to third
    assert nav.step == Step("activity.look", "1") and nav.index() == 11
    assert nav.next() == Step("activity.result", "1")
    assert nav.next() == Step("activity.open", "3")  # what follows the email now
    assert nav.back() == Step("activity.result", "1")


def test_back_to_the_start_then_another_choice_opens_that_account_next():
    answers = {"now": Answers(accounts=ALL, start_account=2)}
    nav = Navigator([ACTIVITY], lambda: answers["now"])
    nav.start("activity")
    nav.next()
    assert nav.back() == Step("activity.intro")
    answers["now"] = Answers(accounts=ALL, start_account=3)
    assert nav.next() == Step("activity.open", "3")


# Through the store: the choice is an answer, written by one action ---------------------------
def _actions(store, heard):
    return ActivityActions(store, lambda: TODAY, heard.append)


def test_choosing_where_to_start_is_one_commit_and_lands_in_the_answers(store):
    email = store.answers.add_account("email", "Mon email")
    bank = store.answers.add_account("bank", "Ma banque")
    heard = []
    checks = _actions(store, heard)
    assert ids(checks.start_choices()) == [bank.id, email.id]
    assert checks.start_account() is None
    before = store.db.commits
    checks.start_with(email.id)
    assert store.db.commits == before + 1 and heard == [""]
    assert store.answers.snapshot("FR").start_account == email.id
    assert opened(ACTIVITY.steps(store.answers.snapshot("FR"))) == [email.id, bank.id]
    checks.start_with(email.id)  # the same choice again writes nothing
    checks.start_with(999)  # nor an account that is not on the list
    assert store.db.commits == before + 1


def test_reading_the_choice_writes_nothing(store):
    store.answers.add_account("bank", "Ma banque")
    checks = _actions(store, [])
    before = store.db.commits
    checks.start_choices(), checks.start_account(), store.answers.snapshot("MX")
    assert store.db.commits == before


def test_an_account_taken_off_the_list_takes_the_choice_with_it(store):
    email = store.answers.add_account("email", "Mon email")
    phone = store.answers.add_account("phone", "Mon portable")
    checks = _actions(store, [])
    checks.start_with(phone.id)
    store.answers.remove_account(phone.id)
    assert store.answers.start_account() is None
    again = store.answers.add_account("phone", "Mon portable")  # may reuse the id
    assert checks.start_account() is None
    assert opened(ACTIVITY.steps(store.answers.snapshot("FR"))) == [email.id, again.id]


def test_the_summary_lists_the_accounts_in_the_order_they_were_checked(store):
    email = store.answers.add_account("email", "Mon email")
    bank = store.answers.add_account("bank", "Ma banque")
    phone = store.answers.add_account("phone", "Mon portable")
    checks = _actions(store, [])
    checks.start_with(phone.id)
    assert [a.id for a, _found in checks.today_summary()] == [phone.id, bank.id, email.id]


def test_a_damaged_choice_in_the_file_is_no_choice(store):
    store.answers.add_account("email", "Mon email")
    for damaged in ("2", True, 1.5, [1]):
        store.db.set_json("answers", "activity.start", damaged)
        assert store.answers.start_account() is None
        assert store.answers.snapshot("FR").start_account is None
