"""The first run, clicked through in each language, ends on the home page."""

import pytest
from PySide6.QtCore import Qt

from app.i18n import _
from app.ui.pages import first_run


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_click_through_first_run(qtbot, make_window, lang):
    w = make_window(lang=lang)
    seen = []
    while w.controller.navigator.journey is not None:
        seen.append(w.header.title.text())
        if w.controller.navigator.position.step == "first_run.country":
            qtbot.mouseClick(w.current.group.rows[0], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    titles = [_(cls.title) for cls in first_run.PAGES.values()]
    assert seen == titles
    if lang != "en":
        assert not set(seen) & {cls.title for cls in first_run.PAGES.values()}
    assert w.controller.setting("first_run_done")
    assert w.controller.setting("country") == "MX"
    assert w.home_button.isVisible()


def test_the_last_welcome_page_opens_the_gave_something_away_path(qtbot, make_window):
    from PySide6.QtCore import Qt

    w = make_window(lang="fr_FR")
    w.controller.set_setting("country", "FR")
    w.controller.start("first_run")
    while w.controller.navigator.position.step != "first_run.ready":
        qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    button = next(
        b
        for b in w.current.findChildren(type(w.next_button))
        if b.text() == "J'ai déjà donné quelque chose"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert w.controller.navigator.position.step == "emergency.what"
    assert w.controller.setting("first_run_done") and w.home_button.isVisible()
