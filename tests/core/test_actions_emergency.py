"""I already gave something away, in core: which steps, their words per country, the plan's
follow-ups, and starting the path as one commit, once per step."""

import pytest

from app.core import emergency, plan
from app.core.actions.emergency import EmergencyActions
from app.core.actions.what_happened import WhatHappenedActions
from app.core.tasks import in_order
from tests.conftest import TODAY


def actions(store, country="FR"):
    store.settings.set("country", country)
    heard = []
    return EmergencyActions(store, lambda: TODAY, heard.append), heard


def planned(store, country):
    """Answers given and the plan made, as before the person takes the path."""
    path, _heard = actions(store, country)
    store.answers.set_notice("ameli" if country == "FR" else "imss")
    store.answers.set_exposed({"social_security", "health_rights"})
    plan.apply(store.tasks, store.answers.snapshot(country), TODAY)
    return path


def open_rules(store):
    return {t.rule for t in store.tasks.all(include_done=False)}


def test_starting_the_path_puts_each_step_on_the_list_today_in_one_commit(store):
    path, heard = actions(store)
    before = store.db.commits
    assert path.start_path({"card"})
    assert store.db.commits == before + 1 and heard == [""]
    steps = [s.id for s in path.steps({"card"})]
    rules = [t.rule for t in store.tasks.all(include_done=False)]
    for step in steps:
        assert rules.count(f"emergency.{step}") == 1
        assert store.tasks.by_rule(f"emergency.{step}").due == TODAY


def test_a_ticked_step_comes_back_and_an_open_one_is_not_added_twice(store):
    path, _heard = actions(store, "MX")
    path.start_path({"card"})
    card = store.tasks.by_rule("emergency.card")
    store.tasks.mark_done(card.id, TODAY)
    assert path.start_path({"card"})  # it happened again: the step is back, once
    assert not store.tasks.by_rule("emergency.card").done
    assert not path.start_path({"card"})  # all open already: nothing added
    assert [t.rule for t in store.tasks.all()].count("emergency.card") == 1


def test_reading_the_steps_writes_nothing(store):
    path, _heard = actions(store)
    before = store.db.commits
    assert [s.id for s in path.steps({"details"})] == ["trusted", "log"]
    assert store.db.commits == before


def test_the_steps_per_country_come_from_the_data_file():
    for country in ("FR", "MX", "DE"):
        ids = [s.id for s in emergency.steps_for({"card", "password"}, country)]
        assert ids == ["card", "password", "trusted", "log"]
    assert [s.id for s in emergency.steps_for({"details"}, "FR")] == ["trusted", "log"]


@pytest.mark.parametrize(
    "country, words, follow_up",
    [
        ("FR", ("0 892 705 705", "13"), "plan.fr_complaint"),
        ("MX", ("aclaración", "90", "CONDUSEF"), "plan.mx_police"),
    ],
)
def test_a_code_given_puts_the_bank_first_today_and_the_plan_adds_what_follows(
    store, country, words, follow_up
):
    """Role-played: a widow read an SMS code to a fake bank adviser yesterday."""
    path = planned(store, country)
    path.start_path({"card"})
    card = store.tasks.by_rule("emergency.card")
    assert (card.due, card.priority) == (TODAY, 1)
    for word in words:
        assert word in card.how
    rules = open_rules(store)
    assert {"emergency.trusted", "emergency.log"} <= rules
    assert "emergency.password" not in rules  # no password was given
    # The plan adds what follows (a complaint, the police), not a second card-blocking task.
    assert {"plan.fr_card_block", "plan.mx_bank_claim"}.isdisjoint(rules)
    assert follow_up in rules
    assert in_order(store.tasks.all(include_done=False), TODAY)[0].id == card.id


def test_someone_used_my_data_brings_the_identity_theft_steps(store):
    path = planned(store, "MX")
    path.start_path({"misused"})
    rules = open_rules(store)
    assert {"emergency.misused", "plan.mx_identity_theft", "plan.mx_police"} <= rules
    assert "emergency.card" not in rules


def test_the_summary_says_steps_are_open_until_each_is_ticked(store):
    path = planned(store, "FR")
    summary = WhatHappenedActions(store, lambda: TODAY, lambda _message: None)
    assert not summary.outlook().urgent
    path.start_path({"card"})
    assert summary.outlook().urgent
    for task in store.tasks.all(include_done=False):
        if task.rule.startswith(emergency.PREFIX):
            store.tasks.mark_done(task.id, TODAY)
    assert not summary.outlook().urgent


@pytest.mark.parametrize(
    "country, named, never",
    [("MX", "IMSS", "ameli"), ("FR", "ameli", "IMSS"), ("", "bank", "IMSS"), ("", "bank", "ameli")],
)
def test_the_password_examples_name_only_the_persons_own_country(country, named, never):
    said = emergency.gave_explanation("password", country)
    assert named in said and never not in said
    # every other answer reads the same everywhere
    assert emergency.gave_explanation("money", country) == emergency.GAVE["money"][1]
