"""Home at the size a person chose: the way out of trouble, where they stopped, today and the
journeys on one screen; every row opens; showing home writes nothing."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from app.core import plan
from app.core.answers import Answers
from app.core.tasks import Task, arrange
from app.i18n import _
from app.ui import demo
from app.ui.pages.emergency import ENTRY
from app.ui.pages.home import HomePage
from app.ui.pages.todo import ListPage
from app.ui.widgets import BigButton
from app.ui.widgets.wrapping import WrapButton
from tests.conftest import TODAY
from tests.ui.touring import fit_problems


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def busy_day(lang, size=175):
    """The demo person, three things due today, at `size` %."""

    def seed(store):
        demo.seed(store, lang, TODAY)
        store.tasks.add(Task(title="Call the bank about the card", due=TODAY))
        store.tasks.add(Task(title="Change the email password", due=TODAY))
        store.settings.set("text_size", size)

    return seed


def on_screen(w, widget) -> bool:
    """Whole inside the page's visible area, with the page scrolled to its top."""
    viewport = w.scroll.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    seen = QRect(0, 0, viewport.width(), viewport.height())
    return widget.isVisible() and seen.contains(QRect(top_left, widget.size()))


def home_buttons(w):
    return [b for b in w.current.findChildren(BigButton) if b.isVisibleTo(w.current)]


def stopped_in_passwords(qtbot, w):
    """A journey left unfinished: two pages into "Change passwords", then Home."""
    w.controller.start("passwords")
    click(qtbot, w.next_button)
    w.go_home()
    assert isinstance(w.current, HomePage)


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_at_175_percent_everything_that_matters_is_on_one_screen(qtbot, make_window, lang):
    """Issue #18 item 4 and #19: in a 1280x720 window at 175 %, without scrolling."""
    w = make_window(lang=lang, done=True, on_store=busy_day(lang))
    w.resize(1280, 720)
    stopped_in_passwords(qtbot, w)
    w.scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    buttons = home_buttons(w)
    entry = next(b for b in buttons if b.accessibleName() == _(ENTRY))
    primary = [b for b in buttons if b.property("role") == "primary"]
    assert len(primary) == 1
    assert (
        primary[0]
        .full_text()
        .startswith(_("Continue where I stopped: {journey}, step {n} of {total}").split("{")[0])
    )
    tasks = [b for b in buttons if b.objectName() == "task"]
    first, _later = arrange(w.controller.tasks.open(), TODAY)
    assert [t.full_text() for t in tasks] == [t.shown_title() for t in first] and len(first) == 3
    journeys = [b for b in buttons if b.accessibleName().endswith(": " + _("What happened?"))]
    assert len(journeys) == 1
    for widget in [entry, primary[0], *tasks, journeys[0]]:
        assert on_screen(w, widget), f"{widget.accessibleName()!r} is below the fold"
    assert fit_problems(w, "home") == []
    # The space comes from the layout: nothing is drawn below the body size.
    body = w.current.fontInfo().pointSizeF()
    for widget in [entry, primary[0], *tasks, journeys[0]]:
        assert widget.fontInfo().pointSizeF() >= body
    for row in tasks + journeys:  # one line each; the whole title is read out
        assert "\n" not in row.text()
        assert row.fontMetrics().horizontalAdvance(row.text()) <= row.width()


def planned(store):
    """After "What happened?" in France: the plan's tasks, with their how-to."""
    store.answers.set_notice("ameli")
    store.answers.set_exposed({"social_security", "health_rights"})
    plan.apply(
        store.tasks, Answers("FR", "ameli", frozenset({"social_security", "health_rights"})), TODAY
    )


def test_a_task_row_opens_its_card_on_the_list(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True, on_store=planned)
    first, _later = arrange(w.controller.tasks.open(), TODAY)
    text = w.current.read_aloud_text()
    assert all(t.shown_title() in text for t in first)
    rows = [b for b in home_buttons(w) if b.objectName() == "task"]
    assert [r.accessibleName() for r in rows] == [t.shown_title() for t in first]
    assert all(r.property("role") != "primary" for r in rows)  # never a filled "Done"
    task = next(t for t in first if t.how)
    click(qtbot, next(r for r in rows if r.accessibleName() == task.shown_title()))
    assert isinstance(w.current, ListPage)
    assert task.shown_how().splitlines()[0] in w.current.read_aloud_text()


def test_nothing_due_today_is_said_and_no_continue_without_a_journey_left(qtbot, make_window):
    w = make_window(done=True)
    text = w.current.read_aloud_text()
    assert _("Nothing is due today.") in text
    assert not [b for b in home_buttons(w) if b.property("role") == "primary"]


def test_showing_home_writes_nothing(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True, on_store=planned)
    stopped_in_passwords(qtbot, w)
    db = w.controller.store.db
    before = db.commits
    w.controller.start("contacts")
    w.go_home()
    w.current.load()
    assert db.commits == before


def test_journeys_are_kept_while_their_state_stays_and_start_theirs(qtbot, make_window):
    w = make_window(done=True)
    rows = {b.accessibleName(): b for b in home_buttons(w) if isinstance(b, WrapButton)}
    scams, passwords = rows["Start: Spot the scam"], rows["Start: Change passwords"]
    assert scams.accessibleDescription()  # the summary, read out
    click(qtbot, scams)
    assert w.controller.navigator.journey.key == "scams"
    w.go_home()
    names = {b.accessibleName() for b in home_buttons(w)}
    assert "Continue: Spot the scam" in names and "Start: Spot the scam" not in names
    assert passwords in home_buttons(w)  # unchanged: the same button, in its place


def test_a_long_label_wraps_inside_the_window_and_a_row_keeps_one_line(qtbot):
    long = "Continue where I stopped: Change passwords, step 3 of 16"
    button = WrapButton(long, primary=True)
    row = WrapButton("Call my daughter about the letter from the bank", lines=1)
    for widget in (button, row):
        qtbot.addWidget(widget)
        widget.show()
        widget.resize(240, widget.heightForWidth(240))
    QApplication.processEvents()
    assert button.text().count("\n") >= 1 and button.full_text() == long
    assert button.text().replace("\n", " ") == long  # nothing cut, no word broken
    assert button.height() >= button.fontMetrics().lineSpacing() * (button.text().count("\n") + 1)
    assert "\n" not in row.text() and row.text().endswith("…")
    assert row.accessibleName() == "Call my daughter about the letter from the bank"


def test_while_money_steps_are_open_they_come_first_whole_and_filled(qtbot, make_window):
    """Issue #19: home says so first; the first step is the main button, in sight."""
    from app.core import emergency

    def seed(store):
        busy_day("fr_FR")(store)
        for task in emergency.tasks_for({"card"}, "FR", TODAY):
            store.tasks.add(task)

    w = make_window(lang="fr_FR", done=True, on_store=seed)
    w.resize(1280, 720)
    stopped_in_passwords(qtbot, w)
    QApplication.processEvents()
    primary = [b for b in home_buttons(w) if b.property("role") == "primary"]
    card = w.controller.tasks.by_rule("emergency.card")
    assert [b.accessibleName() for b in primary] == [card.shown_title()]
    assert on_screen(w, primary[0]) and "…" not in primary[0].text()
    text = w.current.read_aloud_text()
    assert (
        text.index(_("First, the steps to protect your money. They are for today."))
        < text.index(card.shown_title())
        < text.index(_("Continue where I stopped: {journey}, step {n} of {total}").split(":")[0])
    )
    assert fit_problems(w, "home") == []
