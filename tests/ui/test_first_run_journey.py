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
