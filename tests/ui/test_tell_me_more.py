""" "Tell me more" (app/ui/widgets/more.py): the rest of a page's explanation waits behind a
button, is shown and read aloud on demand, and "Show less" hides it again; the focus stays.

The 60-word limit it serves is checked on every page in tests/ui/test_fits.py.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app import i18n
from app.ui.widgets.more import TellMeMore
from tests.ui.words import explanation


def test_tell_me_more_shows_the_rest_keeps_the_focus_and_reads_it(qtbot):
    i18n.set_language("en")
    page = QWidget()
    more = TellMeMore(["Rest of the explanation."], about="what to look for", parent=page)
    qtbot.addWidget(page)
    page.show()
    assert not more.rest.isVisible() and explanation(page) == []
    assert more.button.text() == "Tell me more"
    assert more.button.accessibleName() == "Tell me more: what to look for"
    more.button.setFocus()
    qtbot.keyClick(more.button, " ")
    assert more.rest.isVisible() and page.focusWidget() is more.button
    assert explanation(page) == ["Rest of the explanation."]
    assert more.button.text() == "Show less"
    qtbot.mouseClick(more.button, Qt.MouseButton.LeftButton)
    assert not more.rest.isVisible()


def test_what_tell_me_more_reveals_is_read_to_a_person_who_has_pages_read(qtbot):
    i18n.set_language("en")
    said: list[str] = []
    page = QWidget()
    page.controller = SimpleNamespace(setting=lambda key: key == "read_aloud")
    page.speaker = SimpleNamespace(say=said.append)
    more = TellMeMore(["Look for new names.", "Look for small amounts."], parent=page)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(more.button, Qt.MouseButton.LeftButton)
    assert said == ["Look for new names.\nLook for small amounts."]
    qtbot.mouseClick(more.button, Qt.MouseButton.LeftButton)
    assert len(said) == 1  # "Show less" reads nothing
