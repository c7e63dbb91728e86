"""Text sizes, colours and the stylesheet: every measure of the look, in one place.

Sizes are given at 100 % and multiplied by the person's text size, so every text, button
and field grows together. Colours are checked by `contrast()` in the audits.
"""

from __future__ import annotations

from dataclasses import dataclass

BODY_PT = 18
SMALL_PT = 16
TITLE_PT = 23  # at most 1.3x the body: a title, not a poster
HEADING_PT = 21
PASSPHRASE_PT = 40
BUTTON_PX = 56
GAP_PX = 16
TOOL_GAP_PX = 12  # the least gap between two targets (DESIGN.md): the tools fit one row
RADIUS_PX = 10
FOCUS_PX = 3
WINDOW_SIZE = (1280, 720)  # fits a 1366x768 screen with its task bar


# The focus ring (FOCUS_PX, colour `focus`) keeps 3:1 against everything it can sit on or
# around: the window, cards, buttons, the primary button and a chosen row (tests/ui/test_audit.py).
@dataclass(frozen=True)
class Palette:
    """One set of colours; every pair a person reads is checked for 7:1 contrast."""

    name: str
    window: str
    text: str
    muted: str
    surface: str
    button: str
    button_text: str
    primary: str
    primary_text: str
    border: str
    focus: str
    highlight: str
    highlight_text: str
    danger: str
    min_contrast: float
    border_px: int = 2


STANDARD = Palette(
    "standard",
    window="#FBF8F2",
    text="#1B1B1B",
    muted="#3B3B3B",
    surface="#FFFFFF",
    button="#FFFFFF",
    button_text="#1B1B1B",
    primary="#0B2545",
    primary_text="#FFFFFF",
    border="#4A4A4A",
    focus="#C8500F",
    highlight="#FFE8A3",
    highlight_text="#1B1B1B",
    danger="#8E1B1B",
    min_contrast=7.0,
)
DARK = Palette(
    "dark",
    window="#141414",
    text="#F2F2F2",
    muted="#D6D6D6",
    surface="#1F1F1F",
    button="#1F1F1F",
    button_text="#F2F2F2",
    primary="#1F4F8F",
    primary_text="#FFFFFF",
    border="#BDBDBD",
    focus="#FFC27A",
    highlight="#5C4A00",
    highlight_text="#FFFFFF",
    danger="#FFB4B4",
    min_contrast=7.0,
)
HIGH_CONTRAST = Palette(
    "high_contrast",
    window="#000000",
    text="#FFFFFF",
    muted="#FFFFFF",
    surface="#000000",
    button="#000000",
    button_text="#FFFFFF",
    primary="#FFFF00",
    primary_text="#000000",
    border="#FFFFFF",
    focus="#D000D0",
    highlight="#FFFF00",
    highlight_text="#000000",
    danger="#FFFF00",
    min_contrast=10.0,
    border_px=4,
)


def palette_for(theme: str, system_dark: bool) -> Palette:
    """The person's choice; when they have not chosen, follow the system's dark preference."""
    if theme == "high_contrast":
        return HIGH_CONTRAST
    if theme == "standard":
        return STANDARD
    return DARK if system_dark else STANDARD


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Metrics:
    """Sizes at one text size (100, 125, 150 or 175 %)."""

    scale: float

    def pt(self, base: float) -> int:
        return round(base * self.scale)

    def px(self, base: float) -> int:
        return round(base * self.scale)

    @property
    def body_pt(self) -> int:
        return self.pt(BODY_PT)

    @property
    def button_px(self) -> int:
        """The least height of a button or field. It does not grow with the text size: the
        text does, and the button with it; a fixed extra would only take the page's room."""
        return BUTTON_PX

    @property
    def gap_px(self) -> int:
        return self.px(GAP_PX)


def metrics(text_size: int) -> Metrics:
    return Metrics(text_size / 100)


def stylesheet(p: Palette, m: Metrics) -> str:
    """The application-wide stylesheet for a palette at a text size."""
    b, f = p.border_px, FOCUS_PX
    pad = m.px(10)
    return f"""
* {{ font-size: {m.body_pt}pt; }}
QWidget {{ color: {p.text}; background-color: {p.window}; }}
QLabel {{ background: transparent; }}
QLabel[role="title"] {{ font-size: {m.pt(TITLE_PT)}pt; font-weight: bold;
    border: {f}px solid transparent; border-radius: 4px; padding: 0 4px; }}
QLabel[role="heading"] {{ font-size: {m.pt(HEADING_PT)}pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="strong"] {{ font-weight: bold; }}
QLabel[role="error"] {{ color: {p.danger}; font-weight: bold; }}
QLabel[role="passphrase"] {{ font-size: {m.pt(PASSPHRASE_PT)}pt; font-weight: bold;
    background: {p.surface}; border: {b}px solid {p.border}; border-radius: {RADIUS_PX}px;
    padding: {m.px(12)}px; }}
QLabel[role="status"] {{ color: {p.text}; font-weight: bold; }}
QLabel:focus {{ border: {f}px solid {p.focus}; border-radius: 4px; }}
QLabel[role="title"]:focus {{ border-color: transparent; }}
QLabel[role="title"][ring="true"]:focus {{ border-color: {p.focus}; }}
QFrame[role="card"] {{ background: {p.surface}; border: {b}px solid {p.border};
    border-radius: {RADIUS_PX}px; }}
QFrame[role="card"] QLabel {{ background: transparent; }}
QWidget#buttons {{ background: transparent; }}
QPushButton {{ min-height: {m.button_px - 2 * f}px; padding: {pad // 2}px {m.px(20)}px;
    border: {f}px solid {p.border}; border-radius: {RADIUS_PX}px;
    background: {p.button}; color: {p.button_text}; }}
QPushButton[role="tool"] {{ padding: {pad // 2}px {m.px(12)}px; }}
QPushButton[compact="true"] {{ padding-top: 0; padding-bottom: 0; }}
QPushButton[role="primary"] {{ background: {p.primary}; color: {p.primary_text};
    border-color: {p.primary}; font-weight: bold; }}
QPushButton[role="choice"] {{ text-align: left; padding: 0; }}
QPushButton[role="choice"]:checked {{ background: {p.highlight}; color: {p.highlight_text};
    border: {f + 2}px solid {p.text}; }}
QLabel[chosen="true"] {{ color: {p.highlight_text}; }}
QPushButton:focus, QPushButton[role="primary"]:focus {{ border: {f}px solid {p.focus}; }}
QPushButton[role="choice"]:focus, QPushButton[role="choice"]:checked:focus {{
    border: {f}px solid {p.focus}; }}
QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QLineEdit, QPlainTextEdit, QTextEdit, QDateEdit, QSpinBox, QComboBox {{
    min-height: {m.px(BUTTON_PX) - 2 * f}px; padding: 0 {pad}px; background: {p.surface};
    color: {p.text}; border: {f}px solid {p.border}; border-radius: 6px;
    selection-background-color: {p.primary}; selection-color: {p.primary_text}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QDateEdit:focus, QSpinBox:focus,
QComboBox:focus {{ border: {f}px solid {p.focus}; }}
QCheckBox, QRadioButton {{ spacing: {m.px(12)}px; min-height: {m.button_px}px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: {m.px(28)}px; height: {m.px(28)}px; }}
QCheckBox:focus, QRadioButton:focus {{ border: {f}px solid {p.focus}; }}
QProgressBar {{ border: {b}px solid {p.border}; border-radius: 6px; background: {p.surface};
    min-height: {m.px(14)}px; max-height: {m.px(14)}px; text-align: center; color: transparent; }}
QProgressBar::chunk {{ background: {p.primary}; }}
QScrollArea {{ border: none; }}
QScrollBar:vertical {{ width: {m.px(22)}px; background: {p.surface}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::handle:vertical {{ background: {p.border}; min-height: {m.px(40)}px;
    border-radius: 6px; }}
QMessageBox QLabel {{ font-size: {m.body_pt}pt; }}
QMessageBox QPushButton {{ min-width: {m.px(140)}px; }}
QToolTip {{ color: {p.text}; background: {p.surface}; border: 1px solid {p.border}; }}
"""
