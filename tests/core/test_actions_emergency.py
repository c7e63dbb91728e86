"""I already gave something away, in core: starting the path is one commit, once per step."""

from app.core.actions.emergency import EmergencyActions
from tests.conftest import TODAY


def actions(store, country="FR"):
    store.settings.set("country", country)
    heard = []
    return EmergencyActions(store, lambda: TODAY, heard.append), heard


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
