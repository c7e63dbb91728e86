"""I already gave something away: from home or a scam answer to the steps for today."""

from PySide6.QtCore import Qt

from app.core import emergency, plan
from app.core.answers import Answers
from app.core.flow import Step
from app.i18n import N_, _
from app.ui.pages.emergency import ENTRY, StepsPage, WhatPage
from app.ui.pages.todo import ListPage
from app.ui.widgets import BigButton
from tests.conftest import TODAY


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


FIRST = N_("First, the steps to protect your money. They are for today.")


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


def test_a_code_given_yesterday_puts_the_bank_first_today(qtbot, make_window):
    """Role-played: a widow read an SMS code to a fake bank adviser yesterday.

    Which steps, their words per country and the plan's follow-ups are asserted in
    tests/core/test_actions_emergency.py; here, what she sees and that her yes is one commit."""
    w = make_window(lang="fr_FR", done=True, on_store=lambda s: planned(s, "FR"))
    click(qtbot, entry_button(w))  # on home, at the top
    assert isinstance(w.current, WhatPage)
    click(qtbot, w.next_button)  # nothing chosen: said plainly
    assert isinstance(w.current, WhatPage) and w.current.error_label.isVisible()
    click(qtbot, next(r for r in w.current.group.rows if r.value == "card"))
    db = w.controller.store.db
    before = db.commits
    click(qtbot, w.next_button)  # "Show me what to do now": the person's yes
    assert isinstance(w.current, StepsPage)
    assert db.commits == before + 1
    w.current.load()
    assert db.commits == before + 1  # showing the steps writes nothing
    card = _(emergency.steps_for({"card"}, "FR")[0].title)
    assert card in w.current.read_aloud_text()

    click(qtbot, w.next_button)
    assert isinstance(w.current, ListPage)
    assert [t.shown_title() for t in w.current.open_tasks()][0] == card

    w.go_home()
    text = w.current.read_aloud_text()
    assert _(FIRST) in text and _("Nothing is due today.") not in text
    assert text.index(_(FIRST)) < text.index(card)


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


def test_back_or_home_from_the_question_puts_nothing_on_the_list(qtbot, make_window):
    w = make_window(lang="es_MX", done=True, on_store=lambda s: planned(s, "MX"))
    click(qtbot, entry_button(w))
    click(qtbot, next(r for r in w.current.group.rows if r.value == "money"))
    w.go_home()
    assert _(FIRST) not in w.current.read_aloud_text()
    click(qtbot, entry_button(w))  # the path opens at its question again, nothing chosen
    assert isinstance(w.current, WhatPage)
