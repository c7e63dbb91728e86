"""The wizard shell as a person uses it: clicks, keys, Back, languages, resuming."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.journeys import JOURNEYS
from app.ui.controller import Controller
from app.ui.shell import MainWindow
from tests.conftest import TODAY


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def go_to_page(qtbot, window, page):
    while window.controller.navigator.position.step != f"first_run.{page}":
        click(qtbot, window.next_button)


def test_first_run_starts_on_language_with_home_and_back_hidden(qtbot, make_window):
    w = make_window()
    assert w.controller.navigator.position.step == "first_run.language"
    assert not w.home_button.isVisible()
    # before the first page there is nothing: Back (and Alt+Left) would open an empty home
    assert w.next_button.isVisible() and not w.back_button.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.controller.navigator.position.step == "first_run.language"
    assert w.header.step_label.text() == "Step 1 of 8"
    click(qtbot, w.next_button)
    assert w.back_button.isVisible()


def test_back_keeps_what_was_typed(qtbot, make_window):
    w = make_window()
    go_to_page(qtbot, w, "name")
    qtbot.keyClicks(w.current.name.edit, "Ana")
    click(qtbot, w.back_button)
    click(qtbot, w.next_button)
    assert w.current.name.value() == "Ana"


def test_choosing_a_language_rerenders_at_once(qtbot, make_window):
    w = make_window()
    row = next(r for r in w.current.group.rows if r.value == "fr_FR")
    click(qtbot, row)
    assert w.next_button.text() == "Suivant"
    assert w.header.title.text().replace("\u00a0", " ").replace("\u202f", " ") == (
        "Quelle langue préférez-vous ?"
    )
    assert w.controller.setting("language") == "fr_FR"


def test_text_size_applies_live_and_with_ctrl_plus(qtbot, make_window):
    w = make_window()
    click(qtbot, w.size_button)
    assert w.controller.setting("text_size") == 125
    assert w.size_button.text() == "Bigger text"
    assert w.status.text() == "Text size: 125 %"
    click(qtbot, w.size_button)
    click(qtbot, w.size_button)
    assert w.controller.setting("text_size") == 175
    # at the largest size the button says it goes back to normal, then does so
    assert w.size_button.text() == "Normal text"
    click(qtbot, w.size_button)
    assert w.controller.setting("text_size") == 100
    assert w.status.text() == "Text size: 100 %"
    click(qtbot, w.size_button)
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert w.controller.setting("text_size") == 100
    assert QApplication.instance().font().pointSize() == 18


def test_country_is_required_before_going_on(qtbot, make_window):
    w = make_window()
    go_to_page(qtbot, w, "country")
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "first_run.country"
    assert w.current.error_label.isVisible()


def test_keyboard_alone_finishes_the_first_run(qtbot, make_window):
    w = make_window()
    qtbot.keyClick(w, Qt.Key.Key_Return)  # language page: English pre-selected
    for _page in ("welcome", "text_size", "contrast", "read_aloud"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert w.controller.navigator.position.step == "first_run.name"
    w.current.name.edit.setFocus()
    qtbot.keyClicks(w.current.name.edit, "Ana")
    qtbot.keyClick(w.current.name.edit, Qt.Key.Key_Return)
    # country: Tab to "France" and press Space, then Enter for Next
    title = w.header.title
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert w.controller.setting("country") == "FR"
    w.header.title.setFocus()
    qtbot.keyClick(w.header.title, Qt.Key.Key_Return)
    qtbot.keyClick(w.header.title, Qt.Key.Key_Return)
    assert w.controller.setting("first_run_done")
    assert w.controller.navigator.journey is None
    assert w.header.title.text() == "Hello, Ana"


def test_alt_left_goes_back_but_backspace_does_not(qtbot, make_window):
    w = make_window()
    go_to_page(qtbot, w, "name")
    qtbot.keyClick(w.current.name.edit, Qt.Key.Key_Backspace)
    assert w.controller.navigator.position.step == "first_run.name"
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.controller.navigator.position.step == "first_run.read_aloud"


def test_reopens_on_the_same_page_with_what_was_typed(qtbot, make_window, store):
    w = make_window()
    go_to_page(qtbot, w, "name")
    qtbot.keyClicks(w.current.name.edit, "Ana")
    w.close()
    again = MainWindow(Controller(store, JOURNEYS, today=lambda: TODAY))
    qtbot.addWidget(again)
    assert again.controller.navigator.position.step == "first_run.name"
    assert again.current.name.value() == "Ana"


def test_read_aloud_without_engine_says_so(qtbot, make_window):
    w = make_window()
    w.speaker.say = lambda text: False
    w.speaker.speaking = lambda: False
    click(qtbot, w.read_button)
    assert "not available" in w.status.text()


def test_help_explains_the_current_page(qtbot, make_window, dialogs):
    w = make_window()
    click(qtbot, w.help_button)
    shown = dialogs.texts("tell")
    assert shown and "language" in shown[0]


def test_enter_on_an_answer_chooses_it_and_goes_on(qtbot, make_window):
    w = make_window()
    go_to_page(qtbot, w, "country")
    france = w.current.group.rows[1]
    france.setFocus()
    qtbot.keyClick(france, Qt.Key.Key_Return)
    assert w.controller.setting("country") == "FR"
    assert w.controller.navigator.position.step == "first_run.ready"


def test_a_missing_answer_is_said_beside_the_answers_and_goes_once_answered(qtbot, make_window):
    w = make_window()
    go_to_page(qtbot, w, "country")
    click(qtbot, w.next_button)
    page = w.current
    assert page.error_label.isVisible() and "country" in page.error_label.text()
    assert not w.status.isVisible()  # said once, where the answers are
    rows = page.group.rows
    assert page.error_label.y() > max(r.y() for r in rows)  # right below the answers
    click(qtbot, rows[0])
    assert not page.error_label.isVisible()
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "first_run.ready"


def test_a_page_longer_than_the_window_says_there_is_more_below(qtbot, make_window):
    w = make_window(done=True)
    w.resize(1280, 720)
    w.controller.set_setting("text_size", 175)
    w.go_home()
    bar = w.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert w.more_below.isVisible() and "↓" in w.more_below.text()
    bar.setValue(bar.maximum())
    assert not w.more_below.isVisible()  # the end of the page is in sight
    bar.setValue(0)
    w.announce("Saved.")
    assert w.status.isVisible() and not w.more_below.isVisible()  # one message at a time
