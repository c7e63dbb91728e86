"""Accessibility audits that fail the build: the theme in every size, and the audit itself.

The per-page audit (tests/ui/audit.py) runs on every page `--screenshots` reaches, in the
three languages at 100 % and 175 % and in high contrast, on the one tour per window that
tests/ui/test_fits.py makes. Here: the theme checks over the whole matrix (three palettes x
four sizes, where they are cheap), and proof that the audit catches each kind of problem.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from app.core.settings import TEXT_SIZES
from app.ui import theme
from tests.conftest import TODAY
from tests.ui.audit import PageAudit
from tests.ui.touring import make_window, writes_while_showing

PALETTES = [theme.STANDARD, theme.DARK, theme.HIGH_CONTRAST]
TEXT_PAIRS = [
    ("text", "window"),
    ("text", "surface"),
    ("muted", "window"),
    ("muted", "surface"),
    ("button_text", "button"),
    ("primary_text", "primary"),
    ("highlight_text", "highlight"),
    ("danger", "window"),
    ("danger", "surface"),
    ("muted", "button"),
]
RING_BACKGROUNDS = ["window", "surface", "button", "primary", "highlight"]


# The theme, in every palette and size ----------------------------------------------------------
@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_every_text_colour_pair_meets_the_palette_minimum(palette):
    assert palette.min_contrast >= (10 if palette is theme.HIGH_CONTRAST else 7)
    for fg, bg in TEXT_PAIRS:
        value = theme.contrast(getattr(palette, fg), getattr(palette, bg))
        assert value >= palette.min_contrast, f"{palette.name}: {fg} on {bg} is {value:.1f}:1"


@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_focus_ring_is_3px_and_stands_out_from_what_it_surrounds(palette):
    assert theme.FOCUS_PX == 3
    for bg in RING_BACKGROUNDS:
        value = theme.contrast(palette.focus, getattr(palette, bg))
        assert value >= 3, f"{palette.name}: focus ring on {bg} is {value:.1f}:1"


@pytest.mark.parametrize("size", TEXT_SIZES)
@pytest.mark.parametrize("palette", PALETTES, ids=lambda p: p.name)
def test_stylesheet_sizes_and_focus_rules(palette, size):
    sheet = theme.stylesheet(palette, theme.metrics(size))
    scale = size / 100
    sizes = [int(n) for n in re.findall(r"font-size:\s*(\d+)pt", sheet)]
    assert sizes[0] == round(theme.BODY_PT * scale)  # the `*` rule: every text's default
    assert min(sizes) >= round(theme.SMALL_PT * scale)
    button_rule = sheet.split("QPushButton {")[1]
    height = int(re.search(r"min-height:\s*(\d+)px", button_rule).group(1))
    assert height + 2 * theme.FOCUS_PX >= theme.BUTTON_PX  # the text makes it taller
    for control in (
        "QPushButton",
        "QLineEdit",
        "QPlainTextEdit",
        "QCheckBox",
        "QComboBox",
        "QLabel",
        'QPushButton[role="choice"]:checked',
    ):
        rule = re.search(re.escape(control) + r":focus[^{]*\{([^}]*)\}", sheet)
        assert rule, f"no focus rule for {control}"
        assert f"{theme.FOCUS_PX}px solid {palette.focus}" in rule.group(1)


def test_system_dark_preference_is_followed_only_when_not_chosen():
    assert theme.palette_for("", system_dark=True) is theme.DARK
    assert theme.palette_for("", system_dark=False) is theme.STANDARD
    assert theme.palette_for("standard", system_dark=True) is theme.STANDARD
    assert theme.palette_for("high_contrast", system_dark=False) is theme.HIGH_CONTRAST


# The audit itself catches what it must --------------------------------------------------------
@pytest.fixture
def audit_window(qtbot, tmp_path):
    made = []

    def make(lang: str, size: int, theme_name: str):
        window, store = make_window(tmp_path, lang, size, theme_name, TODAY)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        made.append(store)
        return window

    yield make
    for store in made:
        store.close()


def _checks(problems: list[str]) -> set[str]:
    return {p.split(": ")[1] for p in problems}


def test_the_audit_catches_each_kind_of_problem(audit_window, qtbot):
    window = audit_window("en", 100, "standard")
    page = window.current
    tiny = QLabel("Small print nobody can read")
    tiny.setStyleSheet("font-size: 9pt;")
    pale = QLabel("Pale grey words")
    pale.setStyleSheet("color: #BBBBBB;")
    squeezed = QLabel("A sentence that needs two lines but is given the height of one only. " * 3)
    squeezed.setWordWrap(True)
    squeezed.setFixedHeight(20)
    low = QPushButton("Low")
    low.setStyleSheet("min-height: 10px; max-height: 20px;")
    nameless = QPushButton()
    nameless.setFixedSize(80, 80)
    close_a, close_b = QPushButton("One"), QPushButton("Two")
    for w in (tiny, pale, squeezed, low, nameless, close_a, close_b):
        page.box.insertWidget(0, w)
    page.box.setSpacing(4)
    qtbot.wait(10)
    checks = _checks(PageAudit(window, "test").run())
    assert {
        "text too small",
        "contrast too low",
        "text clipped",
        "button too low",
        "no accessible name",
        "targets too close",
    } <= checks


def test_the_audit_catches_a_focus_chain_that_skips_or_traps(audit_window, qtbot, monkeypatch):
    window = audit_window("en", 100, "standard")
    extra = QPushButton("Forgotten")
    window.current.box.insertWidget(0, extra)
    qtbot.wait(10)
    real = window.tab_stops
    monkeypatch.setattr(window, "tab_stops", lambda: [w for w in real() if w is not extra])
    assert "focus skips a control" in _checks(PageAudit(window, "test").run())
    monkeypatch.undo()
    box = QPlainTextEdit()  # added after the shell set it up: Tab types a tab character
    box.setAccessibleName("Notes")
    window.current.box.insertWidget(0, box)
    qtbot.wait(10)
    assert "keyboard trap" in _checks(PageAudit(window, "test").run())


def test_the_audit_catches_a_missing_focus_ring(audit_window, qtbot):
    window = audit_window("en", 100, "standard")
    plain = QPushButton("No ring")
    plain.setStyleSheet("QPushButton:focus { border: 3px solid #4A4A4A; }")
    window.current.box.insertWidget(0, plain)
    qtbot.wait(10)
    assert "focus ring missing" in _checks(PageAudit(window, "test").run())


def test_the_tour_catches_a_page_that_writes_while_it_loads(audit_window, monkeypatch):
    from app.ui.pages.home import HomePage
    from app.ui.shell import HOME

    window = audit_window("en", 100, "standard")
    settings = window.controller.store.settings
    real = HomePage.load

    def load_and_write(page):
        real(page)
        settings.set("text_size", 125)

    with writes_while_showing(window) as writes:
        window._show(HOME)
        assert writes == []
        monkeypatch.setattr(HomePage, "load", load_and_write)
        window._show(HOME)
    assert writes == ["home: showing it wrote 1 commit(s), 1 row(s)"]


# No time limits, double clicks, drag and drop, hover-only help or animations -------------
FORBIDDEN = {
    r"doubleClicked|mouseDoubleClickEvent": "a double click",
    r"QDrag\b|setDragEnabled\(True\)|setAcceptDrops\(True\)|dragEnterEvent": "drag and drop",
    r"setToolTip|enterEvent|hoverEnter": "something shown only on hover",
    r"QPropertyAnimation|QVariantAnimation|QTimeLine": "an animation",
    r"QTimer\(|singleShot\(\s*(?!0\s*,)|setInterval\(": "a time limit or something automatic",
}
# The clipboard guard empties the clipboard after a minute: a safety measure, not a limit on
# the person (the passphrase stays on screen and can be copied again). singleShot(0, ...) only
# defers work to the next turn of the event loop. Read aloud gives up on a reading the speech
# program never finishes (no sound server): it ends a stuck state, it limits nothing the
# person does. The session looks every moment for a second start's request to bring this
# window forward: it waits on nothing the person does.
ALLOWED = {
    ("app/ui/clipboard.py", "a time limit or something automatic"),
    ("app/ui/speech.py", "a time limit or something automatic"),
    ("app/ui/session.py", "a time limit or something automatic"),
}


def test_no_double_click_drag_hover_timer_or_animation_in_the_ui():
    root = Path(__file__).resolve().parents[2]
    found = []
    for path in sorted((root / "app" / "ui").rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        for pattern, what in FORBIDDEN.items():
            match = re.search(pattern, text)
            if match and (rel, what) not in ALLOWED:
                found.append(f"{rel}: {match.group(0)} ({what})")
    assert not found, "\n".join(found)


def test_motion_is_off(make_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    make_window()
    for effect in (
        Qt.UIEffect.UI_AnimateMenu,
        Qt.UIEffect.UI_FadeMenu,
        Qt.UIEffect.UI_AnimateCombo,
        Qt.UIEffect.UI_AnimateTooltip,
        Qt.UIEffect.UI_General,
    ):
        assert not QApplication.isEffectEnabled(effect)
