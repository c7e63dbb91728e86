"""The keyboard alone: every key goes to whatever has the focus, as on a real keyboard.

No clicks and no setFocus(): Tab, Shift+Tab, Space, Enter, Alt+Left and typing only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app.core.journeys import CONTACTS

NO_MOD = Qt.KeyboardModifier.NoModifier


def focus(w):
    return w.focusWidget()


def press(qtbot, w, key, modifier=NO_MOD):
    qtbot.keyClick(focus(w), key, modifier)


def tab_to(qtbot, w, wanted, limit: int = 80):
    """Press Tab until `wanted(focused widget)` is true; fail if Tab goes round without it."""
    for _press in range(limit):
        if wanted(focus(w)):
            return focus(w)
        press(qtbot, w, Qt.Key.Key_Tab)
    raise AssertionError("Tab never reached the control")


def test_first_run_home_and_who_to_call_with_keys_only(qtbot, make_window):
    w = make_window()
    nav = w.controller.navigator
    assert focus(w) is w.header.title  # a new page puts the screen reader on its title
    # language, welcome, text size, contrast, read aloud: the default is fine, Enter goes on
    for page in ("language", "welcome", "text_size", "contrast", "read_aloud"):
        assert nav.position.step == f"first_run.{page}"
        press(qtbot, w, Qt.Key.Key_Return)
    assert nav.position.step == "first_run.name"
    field = tab_to(qtbot, w, lambda f: isinstance(f, QLineEdit))
    qtbot.keyClicks(field, "Anna")
    press(qtbot, w, Qt.Key.Key_Backspace)  # a typing mistake never goes back a page
    assert nav.position.step == "first_run.name" and field.text() == "Ann"
    press(qtbot, w, Qt.Key.Key_Return)
    assert nav.position.step == "first_run.country"
    press(qtbot, w, Qt.Key.Key_Return)  # nothing chosen: Enter explains and stays
    assert nav.position.step == "first_run.country" and w.current.error_label.isVisible()
    tab_to(qtbot, w, lambda f: getattr(f, "value", None) == "FR")
    press(qtbot, w, Qt.Key.Key_Space)
    assert w.controller.setting("country") == "FR"
    tab_to(qtbot, w, lambda f: f is w.next_button)
    press(qtbot, w, Qt.Key.Key_Return)
    assert nav.position.step == "first_run.ready"
    press(qtbot, w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Alt+Left is Back
    assert nav.position.step == "first_run.country"
    tab_to(qtbot, w, lambda f: f is w.next_button)
    press(qtbot, w, Qt.Key.Key_Return)
    press(qtbot, w, Qt.Key.Key_Return)
    assert w.controller.setting("first_run_done") and nav.journey is None
    assert w.header.title.text() == "Hello, Ann"

    # Home: Tab to "Start: Who to call" and press Enter
    start = f"Start: {CONTACTS.title}"
    tab_to(qtbot, w, lambda f: f.accessibleName() == start)
    press(qtbot, w, Qt.Key.Key_Return)
    assert nav.position.step == "contacts.list"
    press(qtbot, w, Qt.Key.Key_Return)
    assert nav.position.step == "contacts.trusted"
    field = tab_to(qtbot, w, lambda f: isinstance(f, QLineEdit))
    qtbot.keyClicks(field, "Marie 06 12")
    press(qtbot, w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert nav.position.step == "contacts.list"
    press(qtbot, w, Qt.Key.Key_Return)
    field = tab_to(qtbot, w, lambda f: isinstance(f, QLineEdit))
    assert field.text() == "Marie 06 12"  # Back kept what was typed
    press(qtbot, w, Qt.Key.Key_Return)
    assert nav.journey is None  # the journey is finished: back home
    assert nav.is_finished("contacts")


def test_shift_tab_goes_backwards_through_the_same_stops(qtbot, make_window):
    w = make_window()
    forward = [focus(w)]
    for _press in range(len(w.tab_stops()) - 1):
        press(qtbot, w, Qt.Key.Key_Tab)
        forward.append(focus(w))
    press(qtbot, w, Qt.Key.Key_Tab)
    assert focus(w) is forward[0]  # round, and back to the title: no trap
    backward = [focus(w)]
    for _press in range(len(forward) - 1):
        press(qtbot, w, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        backward.append(focus(w))
    assert backward[1:] == list(reversed(forward[1:]))


def test_tab_order_is_reading_order(qtbot, make_window):
    w = make_window()
    stops = w.tab_stops()
    tools = [w.read_button, w.size_button, w.help_button]  # Home is hidden on the first run
    assert stops[:4] == tools + [w.header.title]
    assert stops[-1] == w.next_button  # no Back on the very first page
    rows = stops[4:-1]
    assert rows == w.current.group.rows
