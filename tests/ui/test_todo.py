"""My to-do list, clicked through: tick and undo, add, reorder, delete and undo, print."""

import datetime as dt
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.core import plan
from app.core.answers import Answers
from app.core.tasks import Task, arrange
from app.i18n import _
from app.ui.pages.todo import ListPage, printout
from app.ui.pages.todo_paper import paper_date
from app.ui.widgets import BigButton, Card, Heading, Text
from tests.conftest import TODAY


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def seed(store):
    store.settings.set("first_name", "Jeanne")
    store.settings.set("country", "FR")
    store.answers.set_notice("ameli")
    store.answers.set_exposed({"social_security", "health_rights"})
    answers = Answers("FR", "ameli", frozenset({"social_security", "health_rights"}))
    plan.apply(store.tasks, answers, TODAY)
    store.tasks.add(Task(title="Appeler ma fille", due=TODAY))


def open_list(make_window, lang="fr_FR"):
    w = make_window(lang=lang, done=True, on_store=seed)
    w.controller.start("todo")
    assert isinstance(w.current, ListPage)
    return w


def button(w, label, title):
    """The button `label` on the card of the task titled `title`."""
    name = f"{label}: {title}"
    found = [
        b
        for b in w.current.findChildren(BigButton)
        if b.accessibleName() == name and b.isVisibleTo(w.current)
    ]
    assert found, name
    return found[0]


def change(qtbot, w, label, title):
    """Edit, Move and Delete are on the opened card: open it first, as a person does."""
    name = f"{label}: {title}"
    if not any(b.accessibleName() == name for b in w.current.findChildren(BigButton)):
        task = next(t for t in w.current.open_tasks() if t.shown_title() == title)
        click(qtbot, button(w, _("How to do it") if task.how else _("Open"), title))
    return button(w, label, title)


def card_buttons(w, title):
    return sorted(
        b.text()
        for b in w.current.findChildren(BigButton)
        if b.accessibleName().endswith(f": {title}") and b.isVisibleTo(w.current)
    )


def titles(w):
    return [t.shown_title() for t in w.current.visible_tasks()]


def test_the_list_shows_each_task_with_its_date_in_words(qtbot, make_window):
    w = open_list(make_window)
    tasks = w.controller.store.tasks.all()
    text = w.current.read_aloud_text()
    for task in tasks:
        assert task.shown_title() in text
    assert "Pour : aujourd’hui" in text or "aujourd'hui" in text
    first = tasks[0]
    assert card_buttons(w, first.shown_title()) == sorted([_("How to do it"), _("Done")])
    click(qtbot, button(w, _("How to do it"), first.shown_title()))
    assert first.shown_how().splitlines()[0] in w.current.read_aloud_text()
    assert card_buttons(w, first.shown_title()) == sorted(
        [_("Close"), _("Done"), _("Edit"), _("Move down"), _("Delete")]
    )  # first: no Move up
    click(qtbot, button(w, _("Close"), first.shown_title()))
    assert card_buttons(w, first.shown_title()) == sorted([_("How to do it"), _("Done")])
    assert first.shown_how().splitlines()[0] not in w.current.read_aloud_text()


def test_done_then_undo_and_show_done_tasks(qtbot, make_window):
    w = open_list(make_window)
    click(qtbot, button(w, _("Done"), "Appeler ma fille"))
    assert "Appeler ma fille" not in titles(w)
    assert w.status.text() == _("Well done. “{task}” is done.").format(task="Appeler ma fille")
    assert w.current.undo_button.isVisible() and w.current.undo_button.hasFocus()
    click(qtbot, w.current.undo_button)
    assert "Appeler ma fille" in titles(w)

    click(qtbot, button(w, _("Done"), "Appeler ma fille"))
    click(qtbot, w.current.done_button)
    assert w.current.done_button.text() == _("Hide done tasks")
    assert titles(w)[-1] == "Appeler ma fille"  # under "Already done", after the open ones
    assert _("Already done") in w.current.read_aloud_text()
    click(qtbot, button(w, _("Not done after all"), "Appeler ma fille"))
    assert "Appeler ma fille" in [t.shown_title() for t in w.current.open_tasks()]
    assert _("Done") in card_buttons(w, "Appeler ma fille")


def test_a_repeating_task_comes_back_when_done(qtbot, make_window):
    """Its next date and Undo's: tests/core/test_actions_tasks.py."""
    w = open_list(make_window)
    monthly = next(t for t in w.current.open_tasks() if t.repeat == "monthly")
    title = monthly.shown_title()
    click(qtbot, button(w, _("Done"), title))
    assert title in titles(w)
    assert w.status.text().startswith(
        _("Well done. “{task}” comes back on {date}.").split("{date}")[0].format(task=title)
    )
    click(qtbot, w.current.undo_button)
    assert title in titles(w) and not w.current.undo_button


def fill_form(qtbot, w, title, day="", month="", year="", repeat=None):
    form = w.current.form
    qtbot.keyClicks(form.title.edit, title)
    for field, value in ((form.day, day), (form.month, month), (form.year, year)):
        field.edit.clear()
        qtbot.keyClicks(field.edit, value)
    if repeat:
        click(qtbot, next(r for r in form.repeat.rows if r.value == repeat))


def test_add_my_own_task_refuses_an_impossible_date(qtbot, make_window):
    w = open_list(make_window)
    order = titles(w)
    click(qtbot, w.current.add_button)
    assert w.current.form.isVisible() and not w.current.list_view.isVisible()
    click(qtbot, w.current.form.save_button)  # no title
    assert w.current.form.error.isVisible()
    fill_form(qtbot, w, "Renouveler ma mutuelle", "31", "2", "2027")
    click(qtbot, w.current.form.save_button)
    assert "date" in w.current.form.error.text().lower()
    assert w.current.form.isVisible()

    w.current.form.day.edit.clear()
    qtbot.keyClicks(w.current.form.day.edit, "28")
    assert "28 février 2027" in w.current.form.date_words.text()
    click(qtbot, next(r for r in w.current.form.repeat.rows if r.value == "yearly"))
    click(qtbot, w.current.form.save_button)
    assert not w.current.form.isVisible()
    assert titles(w) == order + ["Renouveler ma mutuelle"]  # the latest date: last
    card = next(c for c in cards_on_screen(w) if c.accessibleName() == "Renouveler ma mutuelle")
    shown = " ".join(t.text() for t in card.findChildren(Text))
    assert "28 février 2027" in shown and _("Comes back every year.") in shown


def test_the_form_is_kept_when_leaving_and_edit_changes_a_task(qtbot, make_window):
    w = open_list(make_window)
    click(qtbot, w.current.add_button)
    fill_form(qtbot, w, "Acheter des timbres", "5")
    click(qtbot, w.home_button)
    w.controller.start("todo")
    assert w.current.form.isVisible()
    assert w.current.form.title.value() == "Acheter des timbres"
    assert w.current.form.day.value() == "5"
    click(qtbot, w.next_button)  # Next does not leave a half-filled form silently
    assert w.current.error_label.isVisible()
    click(qtbot, w.current.form.cancel_button)
    assert "Acheter des timbres" not in titles(w)

    plan_task = next(t for t in w.current.open_tasks() if t.rule)
    click(qtbot, change(qtbot, w, _("Edit"), plan_task.shown_title()))
    assert not w.current.form.title.isVisible()  # the plan's wording stays as it is
    qtbot.keyClicks(w.current.form.note, "Fait avec ma fille")
    click(qtbot, w.current.form.save_button)
    assert w.status.text() == _("Your changes are saved.")
    assert plan_task.shown_title() in titles(w)
    assert _("Note: {note}").format(note="Fait avec ma fille") in w.current.read_aloud_text()


def test_move_up_and_down(qtbot, make_window):
    w = open_list(make_window)
    order = titles(w)
    click(qtbot, change(qtbot, w, _("Move up"), order[-1]))
    assert titles(w) == order[:-2] + [order[-1], order[-2]]
    click(qtbot, change(qtbot, w, _("Move down"), order[0]))
    assert titles(w)[:2] == [order[1], order[0]]
    assert w.focusWidget().accessibleName() == f"{_('Move down')}: {order[0]}"


@pytest.mark.parametrize("confirm", [True, False])
def test_delete_asks_first_then_offers_undo(qtbot, make_window, dialogs, confirm):
    w = open_list(make_window)
    dialogs.answer = confirm
    order = titles(w)
    click(qtbot, change(qtbot, w, _("Delete"), order[1]))
    asked = dialogs.texts("confirm")
    assert asked and order[1] in asked[0]
    if not confirm:
        assert titles(w) == order
        return
    assert titles(w) == order[:1] + order[2:]
    assert w.current.undo_button.isVisible()
    click(qtbot, w.current.undo_button)
    assert titles(w) == order


def test_everything_is_still_there_in_a_new_window(qtbot, make_window):
    w = open_list(make_window)
    click(qtbot, button(w, _("Done"), "Appeler ma fille"))
    order = titles(w)
    click(qtbot, change(qtbot, w, _("Move up"), order[-1]))
    order = titles(w)
    click(qtbot, w.current.add_button)
    fill_form(qtbot, w, "Acheter des timbres")
    click(qtbot, w.current.form.save_button)
    w.close()

    again = make_window(lang="fr_FR", done=True)
    assert again.controller.navigator.position.step == "todo.list"
    assert titles(again) == order + ["Acheter des timbres"]
    click(qtbot, again.current.done_button)
    assert titles(again)[-1] == "Appeler ma fille"  # under "Already done"


def test_home_shows_all_my_tasks(qtbot, make_window):
    w = make_window(lang="es_MX", done=True, on_store=seed)
    all_tasks = next(b for b in w.current.findChildren(BigButton) if b.text() == _("All my tasks"))
    click(qtbot, all_tasks)
    assert w.controller.navigator.position.step == "todo.list"


def test_save_as_pdf_holds_the_titles_and_the_name(qtbot, make_window, dialogs, tmp_path):
    w = open_list(make_window)
    dialogs.path = tmp_path / "liste"
    click(qtbot, w.current.pdf_button)
    pdf = tmp_path / "liste.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    text = unicodedata.normalize("NFKC", text)  # the PDF may join "f" and "i" into one sign
    assert "Jeanne" in text
    for task in w.controller.store.tasks.all(include_done=False):
        assert " ".join(task.shown_title().split()) in text
    assert "liste.pdf" in w.status.text()


def cards_on_screen(w):
    """The task cards (and the undo card), without the headings and the rules card."""
    layout = w.current.cards
    widgets = [layout.itemAt(i).widget() for i in range(layout.count())]
    return [
        c
        for c in widgets
        if isinstance(c, Card) and c.accessibleName() != _("Rules to keep in mind")
    ]


def test_cards_on_screen_follow_every_change_and_the_others_stay_put(qtbot, make_window):
    """Only the cards that change are made again: the rest keep their place for the reader."""
    w = open_list(make_window)
    before = cards_on_screen(w)
    order = titles(w)
    assert [c.accessibleName() for c in before] == order

    click(qtbot, change(qtbot, w, _("Move up"), order[-1]))
    after = cards_on_screen(w)
    assert [c.accessibleName() for c in after] == titles(w) == order[:-2] + [order[-1], order[-2]]
    assert after[:-2] == before[:-2]
    moved = [b.accessibleName() for b in after[-2].findChildren(BigButton)]
    assert f"{_('Move down')}: {order[-1]}" in moved  # no longer last: it can go down again
    assert f"{_('Move up')}: {order[-1]}" in moved

    click(qtbot, button(w, _("Done"), order[0]))
    shown = cards_on_screen(w)
    assert order[0] not in [c.accessibleName() for c in shown]
    assert w.current.undo_button in shown[0].findChildren(BigButton)
    assert [c.accessibleName() for c in shown[1:]] == titles(w)

    w.controller.store.tasks.update(w.controller.store.tasks.all()[1].id, note="Avec Paul")
    w.go_home()
    w.controller.start("todo")
    assert _("Note: {note}").format(note="Avec Paul") in w.current.read_aloud_text()


def test_a_half_typed_task_comes_back_after_the_text_size_changed_elsewhere(qtbot, make_window):
    w = open_list(make_window)
    click(qtbot, w.current.add_button)
    fill_form(qtbot, w, "Acheter des timbres", "5")
    click(qtbot, w.home_button)
    w.controller.set_setting("text_size", 150)  # pages not on screen are built again
    w.controller.start("todo")
    assert w.current.form.isVisible() and not w.current.list_view.isVisible()
    assert w.current.form.title.value() == "Acheter des timbres"
    assert w.current.form.day.value() == "5"


# --- a calm list: three for today, the rules apart, the first task as the main action ------


def headings(w):
    return [h.text() for h in w.current.list_view.findChildren(Heading) if h.isVisibleTo(w.current)]


def test_the_list_opens_on_three_for_today_then_the_rules_then_later(qtbot, make_window):
    w = open_list(make_window)
    page = w.current
    first, later = arrange(w.controller.store.tasks.all(include_done=False), TODAY)
    assert 1 <= len(first) <= 3 and later
    shown = headings(w)
    assert (
        shown.index(_("For today"))
        < shown.index(_("Rules to keep in mind"))
        < shown.index(_("Later"))
    )
    assert titles(w) == [t.shown_title() for t in first + later]
    # The rules are one card with no Done button; they can be read aloud and printed.
    rules = next(
        c
        for c in page.list_view.findChildren(Card)
        if c.accessibleName() == _("Rules to keep in mind")
    )
    labels = {b.text() for b in rules.findChildren(BigButton)}
    assert labels == {_("Read them aloud"), _("Print them"), _("Tell me more")}
    every = plan.reminders(w.controller.answers())
    shown = [
        t.text()
        for t in rules.findChildren(Text)
        if t.text().startswith("•") and t.isVisibleTo(page)
    ]
    assert len(shown) == 3 < len(every)  # a short card first: at most 60 words
    assert sum(len(t.split()) for t in shown) <= 60
    click(qtbot, next(b for b in rules.findChildren(BigButton) if b.text() == _("Tell me more")))
    rules = next(
        c
        for c in page.list_view.findChildren(Card)
        if c.accessibleName() == _("Rules to keep in mind") and c.isVisibleTo(page)
    )
    assert len(
        [t for t in rules.findChildren(Text) if t.text().startswith("•") and t.isVisibleTo(page)]
    ) == len(every)
    # One filled button: the first task's "How to do it", never Done, never "Add my own task".
    filled = [
        b
        for b in page.list_view.findChildren(BigButton)
        if b.property("role") == "primary" and b.isVisibleTo(page)
    ]
    assert [b.accessibleName() for b in filled] == [f"{_('How to do it')}: {titles(w)[0]}"]
    assert page.add_button.property("role") != "primary"


def test_an_own_task_is_on_the_list_at_once_and_enter_saves_it(qtbot, make_window):
    w = open_list(make_window)
    click(qtbot, w.current.add_button)
    qtbot.keyClicks(w.current.form.title.edit, "Acheter des timbres")
    w.current.form.title.edit.setFocus()
    qtbot.keyClick(w.current.form.title.edit, Qt.Key.Key_Return)
    assert not w.current.form.isVisible() and w.current.list_view.isVisible()
    assert "Acheter des timbres" in titles(w)
    assert w.controller.navigator.position.step == "todo.list"  # Enter did not go home
    focus = w.focusWidget()
    assert focus is not w.home_button
    assert focus.accessibleName() == f"{_('Open')}: Acheter des timbres"  # no steps: Open


def test_home_shows_the_same_tasks_for_today_and_opens_one(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True, on_store=seed)
    first, _later = arrange(w.controller.store.tasks.all(include_done=False), TODAY)
    text = w.current.read_aloud_text()
    for task in first:
        assert task.shown_title() in text
    rows = [b for b in w.current.findChildren(BigButton) if b.objectName() == "task"]
    assert [b.full_text() for b in rows] == [t.shown_title() for t in first]
    assert all(b.property("role") != "primary" for b in rows)
    click(qtbot, rows[0])  # a row opens its task's card on the list
    assert isinstance(w.current, ListPage)
    assert first[0].shown_how().splitlines()[0] in w.current.read_aloud_text()


def test_paper_says_each_date_itself(qtbot, make_window):
    w = open_list(make_window)
    html = printout(w.controller).to_html()
    assert "aujourd" not in html and "demain" not in html and "dans 2 jours" not in html
    assert "À faire au plus tard le 23 novembre 2026" in html
    assert _("Rules to keep in mind") in html
    assert "1er décembre 2026" in paper_date(dt.date(2026, 12, 1))


def test_changing_the_country_rebuilds_the_list_and_keeps_ticks_and_notes(qtbot, make_window):
    """Which tasks go and come: tests/core/test_actions_tasks.py and tests/core/test_plan.py."""
    w = open_list(make_window)
    tasks = w.controller.tasks
    tasks.update(tasks.by_rule("plan.secure_email").id, note="avec mon fils")
    ameli = tasks.by_rule("plan.fr_ameli_account").shown_title()
    w.go_home()
    w.controller.set_setting("country", "MX")
    w.controller.store.answers.set_notice("imss")
    w.controller.start("todo")
    shown = titles(w)
    assert tasks.by_rule("plan.mx_imss_channels").shown_title() in shown
    assert ameli not in shown and "Appeler ma fille" in shown
    assert _("Note: {note}").format(note="avec mon fils") in w.current.read_aloud_text()


def test_each_change_is_one_commit_and_opening_the_list_writes_nothing(qtbot, make_window, dialogs):
    w = open_list(make_window)
    db = w.controller.store.db

    def one_commit(do):
        before = db.commits
        do()
        assert db.commits == before + 1

    before = db.commits
    w.current.load()
    assert db.commits == before  # the plan is up to date: nothing to write
    order = titles(w)
    one_commit(lambda: click(qtbot, button(w, _("Done"), "Appeler ma fille")))
    one_commit(lambda: click(qtbot, w.current.undo_button))
    mover = change(qtbot, w, _("Move up"), order[-1])  # opening a card is a draft: its own
    one_commit(lambda: click(qtbot, mover))
    deleter = change(qtbot, w, _("Delete"), order[1])
    one_commit(lambda: click(qtbot, deleter))
    one_commit(lambda: click(qtbot, w.current.undo_button))
    click(qtbot, w.current.add_button)
    fill_form(qtbot, w, "Acheter des timbres")
    one_commit(lambda: click(qtbot, w.current.form.save_button))  # the task and the draft
    assert "Acheter des timbres" in titles(w) and not w.current.form.isVisible()
    click(qtbot, change(qtbot, w, _("Edit"), "Acheter des timbres"))
    before = db.commits
    w.current.load()  # the form open, from its draft
    assert db.commits == before and w.current.form.isVisible()
    qtbot.keyClicks(w.current.form.note, "Au bureau de poste")
    one_commit(lambda: click(qtbot, w.current.form.save_button))
    assert _("Note: {note}").format(note="Au bureau de poste") in w.current.read_aloud_text()
    assert w.controller.drafts.get("todo.list").get("editing") == ""
