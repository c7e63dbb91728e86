"""The passwords journey's branches as data, with no window: steps, answers, to-dos, Skip."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core import password_journey as pj
from app.core.answers import Account, Answers
from app.core.flow import Step
from app.core.journeys import PASSWORDS, password_order
from app.core.passwords import PasswordState
from tests.conftest import TODAY

EMAIL, BANK = Account(1, "email", "Correo"), Account(2, "bank", "Banorte", "4821")
IMSS, PENSION = Account(3, "social_security", "IMSS"), Account(4, "pension", "Pensión")


def keys(steps):
    return [s.key for s in steps]


def test_the_journey_is_email_then_money_then_the_rest_and_a_pension_beside_a_bank_is_one_page():
    answers = Answers("MX", accounts=(IMSS, PENSION, BANK, EMAIL))
    steps = PASSWORDS.steps_for(answers)
    assert [a.name for a in password_order(answers)][:2] == ["Correo", "Banorte"]
    per = [f"passwords.{p}:{a}" for a in (1, 2) for p in ("kind", "suggest", "done", "two_step")]
    assert keys(steps)[:9] == ["passwords.intro", *per]
    assert "passwords.pension:4" in keys(steps) and "passwords.suggest:4" not in keys(steps)
    assert keys(steps)[-3:] == ["passwords.year", "passwords.check", "passwords.notebook"]
    alone = PASSWORDS.steps_for(Answers("MX", accounts=(PENSION,)))
    assert "passwords.suggest:4" in keys(alone) and "passwords.pension:4" not in keys(alone)


def test_a_pension_on_another_account_is_its_question_then_the_pages_of_every_account():
    answers = Answers("MX", accounts=(BANK, PENSION), separate_pensions=frozenset({4}))
    steps = keys(PASSWORDS.steps_for(answers))
    at = steps.index("passwords.pension:4")
    assert steps[at : at + 5] == [
        "passwords.pension:4",
        "passwords.kind:4",
        "passwords.suggest:4",
        "passwords.done:4",
        "passwords.two_step:4",
    ]
    assert steps[at + 5 :] == ["passwords.year", "passwords.check", "passwords.notebook"]
    # Skip from its pages goes on; the bank's pages still come first.
    assert pj.skip_to(PASSWORDS.steps_for(answers), Step("passwords.kind", "4")) == Step(
        "passwords.year"
    )
    assert steps.index("passwords.two_step:2") < at
    # Not a separate pension (or no answer): the question alone.
    same = keys(PASSWORDS.steps_for(Answers("MX", accounts=(BANK, PENSION))))
    assert "passwords.pension:4" in same and "passwords.kind:4" not in same


def test_skip_goes_to_the_next_account_or_lets_next_go_on():
    steps = PASSWORDS.steps_for(Answers("MX", accounts=(EMAIL, BANK)))
    assert pj.skip_to(steps, Step("passwords.done", "1")) == Step("passwords.kind", "2")
    assert pj.skip_to(steps, Step("passwords.kind", "1")) == Step("passwords.kind", "2")
    assert pj.skip_to(steps, Step("passwords.done", "2")) == Step("passwords.year")
    assert pj.skip_to(steps, Step("passwords.done", "9")) is None  # not in the journey


@pytest.mark.parametrize(
    "status, put, tick, said",
    [
        (
            "changed",
            None,
            ("passwords.later.2", "passwords.help.2"),
            "Well done. Sereno noted the date.",
        ),
        ("later", "passwords.later.2", (), "Added to your to-do list."),
        ("help", "passwords.help.2", (), "Added to your to-do list."),
        ("", None, (), ""),
    ],
)
def test_each_outcome_puts_or_ticks_its_to_do(status, put, tick, said):
    todo = pj.after_outcome(BANK, status, TODAY)
    assert (todo.put.rule if todo.put else None, todo.tick, todo.said) == (put, tick, said)


def test_later_is_due_in_a_week_and_help_has_no_day_and_both_name_the_account():
    later = pj.after_outcome(BANK, "later", TODAY).put
    assert later.due == TODAY + dt.timedelta(days=7) and later.source == "passwords"
    assert later.shown_title() == "Change the password of Banorte"
    helped = pj.after_outcome(BANK, "help", TODAY).put
    assert helped.due is None
    assert helped.shown_title() == "Ask someone you trust to help with the password of Banorte"


def test_two_step_later_puts_a_to_do_and_any_other_answer_ticks_it():
    later = pj.after_two_step(EMAIL, "later", TODAY)
    assert later.put.rule == "passwords.two_step.1" and later.put.due == TODAY + dt.timedelta(7)
    assert later.put.shown_title() == "Turn on two-step verification for Correo"
    for choice in ("on", "not_offered"):
        todo = pj.after_two_step(EMAIL, choice, TODAY)
        assert (todo.put, todo.tick, todo.said) == (None, ("passwords.two_step.1",), "Noted.")


@pytest.mark.parametrize(
    "kind, words, code",
    [
        ("", True, False),
        ("letters", True, False),
        ("numbers", False, True),
        ("unsure", True, True),
    ],
)
def test_what_the_site_asks_for_decides_words_code_or_both(kind, words, code):
    shown = pj.shown_for(kind)
    assert (shown.words, shown.code, shown.both) == (words, code, words and code)


def test_the_notebook_lists_what_is_left_and_where_to_go_back():
    accounts = [EMAIL, BANK, IMSS, PENSION]
    states = {1: PasswordState(1, "changed", TODAY), 3: PasswordState(3, "later")}
    left = pj.still_to_change(accounts, states, {4: "other"}, has_bank=True)
    assert [(a.name, s.key) for a, s in left] == [
        ("Banorte", "passwords.suggest:2"),
        ("IMSS", "passwords.suggest:3"),
        ("Pensión", "passwords.suggest:4"),
    ]  # another account: its own change page
    left = pj.still_to_change(accounts, states, {4: ""}, has_bank=True)
    assert left[-1][1].key == "passwords.pension:4"  # not answered: back to the question
    left = pj.still_to_change(accounts, states, {4: "same"}, has_bank=True)
    assert [a.name for a, _s in left] == ["Banorte", "IMSS"]
    left = pj.still_to_change([PENSION], {}, {}, has_bank=False)
    assert [s.key for _a, s in left] == ["passwords.suggest:4"]


def test_where_two_step_is_found_depends_on_the_account_and_the_country():
    assert pj.two_step_where("social_security", "MX").startswith("The IMSS site")
    assert pj.two_step_where("social_security", "FR").startswith("Look for it")
    assert "WhatsApp" in pj.two_step_where("phone", "FR")


@pytest.mark.parametrize(
    "text, ok, year",
    [
        ("", True, None),
        ("  ", True, None),
        ("1950", True, 1950),
        (" 1948 ", True, 1948),
        ("48", False, None),
        ("1850", False, None),
        ("19a0", False, None),
        ("2031", False, None),
    ],
)
def test_the_birth_year_is_optional_and_four_digits(text, ok, year):
    assert (pj.birth_year_ok(text), pj.birth_year_from(text)) == (ok, year)


def test_a_whole_journey_walked_as_data():
    """Email changed, bank later then changed, IMSS with help, pension paid into the bank."""
    answers = Answers("MX", accounts=(EMAIL, BANK, IMSS, PENSION))
    steps = PASSWORDS.steps_for(answers)
    chosen = {1: "changed", 2: "later", 3: "help"}
    states = {i: PasswordState(i, s) for i, s in chosen.items()}
    puts = [pj.after_outcome(a, chosen[a.id], TODAY).put for a in (EMAIL, BANK, IMSS)]
    assert [t.rule for t in puts if t] == ["passwords.later.2", "passwords.help.3"]
    assert pj.after_outcome(BANK, "changed", TODAY).tick[0] == puts[1].rule
    states[2] = PasswordState(2, "changed", TODAY)
    left = pj.still_to_change(password_order(answers), states, {4: "same"}, has_bank=True)
    assert [s for _a, s in left] == [Step("passwords.suggest", "3")]
    assert left[0][1].key in keys(steps)  # the way back is a page of the journey


def test_what_a_bank_may_ask_after_the_change_depends_on_the_country():
    assert "SécuriPass" in pj.bank_confirmation("bank", "FR")
    assert "clave dinámica" in pj.bank_confirmation("pension", "MX")
    assert pj.bank_confirmation("email", "MX") == pj.bank_confirmation("bank", "US") == ""
