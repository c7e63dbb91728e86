"""I already gave something away: from home or a scam answer to the steps for today."""

import pytest
from PySide6.QtCore import Qt

from app.core import emergency, plan
from app.core.answers import Answers
from app.core.flow import Step
from app.i18n import _
from app.ui.pages.emergency import ENTRY, StepsPage, WhatPage
from app.ui.pages.todo import ListPage
from app.ui.widgets import BigButton
from tests.conftest import TODAY


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def entry_button(w):
    return next(
        b
        for b in w.current.findChildren(BigButton)
        if b.text() == _(ENTRY) and b.isVisibleTo(w.current)
    )


def planned(store, country):
    store.settings.set("first_name", "Jeanne")
    store.answers.set_notice("ameli" if country == "FR" else "imss")
    store.answers.set_exposed({"social_security", "health_rights"})
    plan.apply(
        store.tasks, Answers(country, "", frozenset({"social_security", "health_rights"})), TODAY
    )


@pytest.mark.parametrize("lang, country", [("fr_FR", "FR"), ("es_MX", "MX")])
def test_a_code_given_yesterday_puts_the_bank_first_today(qtbot, make_window, lang, country):
    """Role-played: a widow read an SMS code to a fake bank adviser yesterday."""
    w = make_window(lang=lang, done=True, on_store=lambda s: planned(s, country))
    click(qtbot, entry_button(w))  # on home, at the top
    assert isinstance(w.current, WhatPage)
    click(qtbot, w.next_button)  # nothing chosen: said plainly
    assert isinstance(w.current, WhatPage) and w.current.error_label.isVisible()
    click(qtbot, next(r for r in w.current.group.rows if r.value == "card"))
    click(qtbot, w.next_button)
    assert isinstance(w.current, StepsPage)
    tasks = w.controller.store.tasks
    card = tasks.by_rule("emergency.card")
    assert card is not None and card.due == TODAY and card.priority == 1
    if country == "FR":
        assert "0 892 705 705" in card.how and "13" in card.how
    else:
        assert "aclaración" in card.how and "90" in card.how and "CONDUSEF" in card.how
    assert tasks.by_rule("emergency.trusted") is not None
    assert tasks.by_rule("emergency.log") is not None
    assert tasks.by_rule("emergency.password") is None  # no password was given
    # The plan adds what follows (a complaint, the police), not a second card-blocking task.
    rules = {t.rule for t in tasks.all(include_done=False)}
    assert {"plan.fr_card_block", "plan.mx_bank_claim"}.isdisjoint(rules)
    assert ("plan.fr_complaint" if country == "FR" else "plan.mx_police") in rules

    click(qtbot, w.next_button)
    assert isinstance(w.current, ListPage)
    first = [t.shown_title() for t in w.current.open_tasks()][:3]
    assert first[0] == card.shown_title()

    w.go_home()
    text = w.current.read_aloud_text()
    assert _("First, the steps to protect your money. They are for today.") in text
    assert _("Nothing is due today.") not in text
    assert text.index(
        _("First, the steps to protect your money. They are for today.")
    ) < text.index(card.shown_title())


def test_the_path_is_offered_on_every_scam_answer(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("scams")
    click(qtbot, w.next_button)  # intro -> first message
    click(qtbot, w.current.buttons["scam"])
    if not w.controller.navigator.position.step.startswith("scams.answer"):
        click(qtbot, w.next_button)
    assert w.controller.navigator.position.step.startswith("scams.answer")
    click(qtbot, entry_button(w))
    assert isinstance(w.current, WhatPage)


def test_someone_used_my_data_brings_the_identity_theft_steps(qtbot, make_window):
    w = make_window(lang="es_MX", done=True, on_store=lambda s: planned(s, "MX"))
    click(qtbot, entry_button(w))
    click(qtbot, next(r for r in w.current.group.rows if r.value == "misused"))
    click(qtbot, w.next_button)
    rules = {t.rule for t in w.controller.store.tasks.all(include_done=False)}
    assert {"emergency.misused", "plan.mx_identity_theft", "plan.mx_police"} <= rules
    assert "emergency.card" not in rules


def test_the_steps_per_country_come_from_the_data_file():
    for country in ("FR", "MX", "DE"):
        ids = [s.id for s in emergency.steps_for({"card", "password"}, country)]
        assert ids == ["card", "password", "trusted", "log"]
    assert [s.id for s in emergency.steps_for({"details"}, "FR")] == ["trusted", "log"]


def test_no_hurry_is_never_said_while_the_steps_are_open(qtbot, make_window):
    def seed(store):
        planned(store, "FR")
        for task in emergency.tasks_for({"card"}, "FR", TODAY):
            store.tasks.add(task)

    w = make_window(lang="fr_FR", done=True, on_store=seed)
    w.controller.start("what_happened")
    w.controller.go_to(Step("what_happened.summary"))
    text = w.current.read_aloud_text()
    assert _("You can do them one at a time. There is no hurry.") not in text
    assert _("Start with the steps for today: they protect your money.") in text


def test_show_me_what_to_do_is_one_commit_and_the_steps_page_only_reads(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True, on_store=lambda s: planned(s, "FR"))
    click(qtbot, entry_button(w))
    click(qtbot, next(r for r in w.current.group.rows if r.value == "card"))
    db = w.controller.store.db
    before = db.commits
    click(qtbot, w.next_button)  # "Show me what to do now": the person's yes
    assert isinstance(w.current, StepsPage)
    assert db.commits == before + 1
    assert w.controller.tasks.by_rule("emergency.card") is not None
    after = db.commits
    w.current.load()
    assert db.commits == after  # showing the steps writes nothing
    assert _(emergency.steps_for({"card"}, "FR")[0].title) in w.current.read_aloud_text()


def test_back_or_home_from_the_question_puts_nothing_on_the_list(qtbot, make_window):
    w = make_window(lang="es_MX", done=True, on_store=lambda s: planned(s, "MX"))
    click(qtbot, entry_button(w))
    click(qtbot, next(r for r in w.current.group.rows if r.value == "money"))
    w.go_home()
    assert not [t for t in w.controller.tasks.all() if (t.rule or "").startswith("emergency.")]
    click(qtbot, entry_button(w))  # the path opens at its question again, nothing chosen
    assert isinstance(w.current, WhatPage)
