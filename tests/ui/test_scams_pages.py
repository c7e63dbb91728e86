"""Spot the scam as a person uses it: answer, see the clues marked, come back later."""

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.scam_practice import TASK_TITLE
from app.core.scams import find_example, load_examples, locate_clues
from app.i18n import _
from app.ui.widgets.message_view import MessageView
from app.ui.widgets.more import TellMeMore


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def open_first_message(qtbot, w):
    w.controller.start("scams")
    assert w.controller.navigator.position.step == "scams.intro"
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "scams.example:1"
    return find_example(w.controller.scams.round()[0].example_id)


def right_and_wrong(example):
    right = "genuine" if example.genuine else "scam"
    return right, "scam" if example.genuine else "genuine"


def test_a_right_answer_is_praised(qtbot, make_window):
    w = make_window(lang="en", done=True)
    example = open_first_message(qtbot, w)
    right, _wrong = right_and_wrong(example)
    click(qtbot, w.current.buttons[right])
    assert w.controller.navigator.position.step == "scams.answer:1"
    assert w.header.title.text() == "Well spotted"
    assert example.shown("answer") in texts(w.current)


def test_a_wrong_answer_is_met_kindly(qtbot, make_window):
    w = make_window(lang="en", done=True)
    example = open_first_message(qtbot, w)
    _right, wrong = right_and_wrong(example)
    click(qtbot, w.current.buttons[wrong])
    assert w.header.title.text() == "This one was tricky"
    shown = texts(w.current)
    assert "Many people" in shown or "Being careful is good" in shown


def test_next_asks_for_an_answer_first(qtbot, make_window):
    w = make_window(lang="en", done=True)
    open_first_message(qtbot, w)
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "scams.example:1"
    assert w.current.error_label.isVisible()
    assert "three buttons" in w.current.error_label.text()


def test_back_to_an_answered_message_marks_the_answer_not_as_the_main_button(qtbot, make_window):
    w = make_window(lang="en", done=True)
    open_first_message(qtbot, w)
    click(qtbot, w.current.buttons["unsure"])
    click(qtbot, w.back_button)
    assert w.controller.navigator.position.step == "scams.example:1"
    chosen = w.current.buttons["unsure"]
    assert chosen.text() == "✓ I am not sure" and chosen.accessibleName() == "I am not sure"
    assert "You answered: I am not sure" in texts(w.current)
    # one main button on the page: Next, not the answer given before
    assert [b for b in w.current.buttons.values() if b.property("role") == "primary"] == []
    assert w.next_button.property("role") == "primary"


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_clues_are_marked_and_numbered_on_the_answer(qtbot, make_window, lang):
    w = make_window(lang=lang, done=True)
    example = open_first_message(qtbot, w)
    click(qtbot, w.current.buttons["unsure"])
    view = w.current.message
    assert view is not None and view.example.id == example.id
    plain = view.plain_text()
    rich = "".join(label.text() for label in view.lines)
    spans = locate_clues(example)
    assert len(spans) == len(example.clues) >= 2
    for number in range(1, len(spans) + 1):
        assert f"[{number}] " in plain
    for clue_text, why in example.shown_clues():
        assert f"{html.escape(clue_text)}</span>" in rich.replace("<br>", "\n")
        assert why in texts(w.current)
    assert rich.count("text-decoration:underline") == len(spans)
    # The numbers run in reading order, and the list below repeats them.
    assert plain.index("[1]") < plain.index("[2]")
    listed = [label.text() for label in w.current.findChildren(QLabel) if label.text()[:1] == "["]
    assert [t[:3] for t in listed] == [f"[{n}]" for n in range(1, len(spans) + 1)]
    # What each mark means is one press away ("Tell me more"), then read aloud with the page.
    whys = [why for _clue, why in example.shown_clues()]
    assert not any(why in w.current.read_aloud_text() for why in whys)
    click(qtbot, w.current.findChildren(TellMeMore)[0].button)
    assert all(why in w.current.read_aloud_text() for why in whys)


@pytest.mark.parametrize("country", ["MX", "FR"])
@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_every_example_draws_all_its_clues(qtbot, lang, country):
    from app import i18n

    i18n.set_language(lang)
    for example in load_examples(country):
        view = MessageView(example, marked=True)
        qtbot.addWidget(view)
        plain = view.plain_text()
        for number in range(1, len(example.clues) + 1):
            assert f"[{number}] " in plain, (example.id, plain)
        unmarked = MessageView(example, marked=False)
        qtbot.addWidget(unmarked)
        assert "[1]" not in unmarked.plain_text()
        assert "<script" not in "".join(label.text() for label in view.lines)


def test_progress_is_kept_in_a_new_window(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    open_first_message(qtbot, w)
    click(qtbot, w.current.buttons["scam"])
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "scams.example:2"
    round_ids = [s.example_id for s in w.controller.scams.round()]
    w.close()

    again = make_window(lang="fr_FR", done=True)
    assert again.controller.navigator.position.step == "scams.example:2"
    assert again.current.message.example.id == round_ids[1]
    again.controller.go_home()
    again.controller.start("scams")
    assert again.controller.navigator.position.step == "scams.example:2"


def test_a_finished_round_is_followed_by_new_messages_and_a_monthly_task(qtbot, make_window):
    w = make_window(lang="en", done=True)
    open_first_message(qtbot, w)
    first_round = [s.example_id for s in w.controller.scams.round()]
    for _slot in range(3):
        click(qtbot, w.current.buttons["unsure"])
        click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "scams.result"
    assert "looked at 3 messages out of 16" in texts(w.current)
    assert "suggest three new messages next month" in texts(w.current)
    click(qtbot, w.next_button)  # Finish: back home
    assert w.controller.navigator.journey is None
    w.controller.start("todo")  # the monthly suggestion is on the list
    assert _(TASK_TITLE) in [t.shown_title() for t in w.current.open_tasks()]
    w.go_home()
    w.controller.start("scams")
    click(qtbot, w.next_button)  # past the introduction: a message not in the first round
    assert w.current.message.example.id not in first_round


def test_each_answer_is_one_commit_and_showing_a_page_writes_nothing(qtbot, make_window):
    w = make_window(lang="en", done=True)
    db = w.controller.store.db
    before = db.commits
    w.controller.start("scams")
    click(qtbot, w.next_button)  # the introduction, then the first message: shown only
    assert db.commits == before
    for _slot in range(3):
        before = db.commits
        click(qtbot, w.current.buttons["scam"])  # the answer (and, at the last, the reminder)
        assert db.commits == before + 1
        click(qtbot, w.next_button)
        assert db.commits == before + 1
    assert w.controller.navigator.position.step == "scams.result"


def test_the_trusted_person_is_on_every_answer(qtbot, make_window):
    w = make_window(
        lang="es_MX",
        done=True,
        on_store=lambda s: s.settings.set("trusted_person", "Ana, mi hija — 55 0000 1234"),
    )
    example = open_first_message(qtbot, w)
    click(qtbot, w.current.buttons["scam"])
    shown = texts(w.current)
    assert "Ana, mi hija — 55 0000 1234" in shown
    lead = "Cuelgue y llame a:" if example.kind == "call" else "No responda y llame a:"
    assert lead in shown


def test_without_a_trusted_person_the_answer_offers_to_write_one(qtbot, make_window):
    from app.ui.widgets import BigButton

    w = make_window(lang="en", done=True)
    open_first_message(qtbot, w)
    click(qtbot, w.current.buttons["genuine"])
    write = next(
        b for b in w.current.findChildren(BigButton) if b.text() == "Write down someone to call"
    )
    click(qtbot, write)
    assert w.controller.navigator.position.step == "contacts.trusted"
    assert w.controller.navigator.position.last_steps.get("scams") == "scams.answer:1"


def test_practise_three_more_starts_a_new_round_at_once(qtbot, make_window):
    from app.ui.widgets import BigButton

    w = make_window(lang="fr_FR", done=True)
    open_first_message(qtbot, w)
    first_round = [s.example_id for s in w.controller.scams.round()]
    for _slot in range(3):
        click(qtbot, w.current.buttons["scam"])
        click(qtbot, w.next_button)
    more = next(
        b
        for b in w.current.findChildren(BigButton)
        if b.text() == "M'entraîner avec 3 autres maintenant"
    )
    click(qtbot, more)
    assert w.controller.navigator.position.step == "scams.example:1"
    assert w.current.message.example.id not in first_round


def test_the_answer_names_the_trusted_person_written_meanwhile(qtbot, make_window):
    """Back on an answer already shown, it names the person just written down."""
    w = make_window(lang="en", done=True)
    w.controller.start("scams")
    click(qtbot, w.next_button)
    click(qtbot, w.current.buttons["unsure"])
    assert "Lucía" not in w.current.read_aloud_text()
    answer_step = w.controller.navigator.step
    w.controller.set_setting("trusted_person", "Lucía")
    w.go_home()
    w.controller.go_to(answer_step)
    assert w.current.step == answer_step
    assert "Lucía" in w.current.read_aloud_text()
