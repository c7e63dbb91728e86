"""The accessibility audit: every page, measured as it is actually shown.

`PageAudit(window, name).run()` checks the page the window shows now; tests/ui/touring.py
runs it on every page of the tour. Each problem is one plain sentence. The checks, all on
the widgets as laid out, polished and painted:

- text size: every visible text at least 16 pt, body text at least 18 pt (times the text size);
- button height: at least 56 px, and at least its text's height at the chosen size;
- target spacing: two visible targets (buttons, fields) never closer than 12 px;
- clipping: a word-wrapped label needing more height than it got, a one-line label or a
  button whose text is wider than the room it got, anything past the right edge of the page;
- contrast: the widget is rendered to an image and its ink is measured against its
  background, so the palette, the stylesheet and any local style all count;
- accessible names: what Qt hands to screen readers, read through QAccessible;
- focus: Tab is pressed from the page title until focus comes back to it; the walk must
  reach every visible enabled control, never a hidden or disabled one, never get stuck,
  follow reading order, and each control must show the theme's focus ring when focused.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QFontInfo, QImage, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QWidget,
)

from app.ui import theme

MIN_BODY_PT = 18
MIN_ANY_PT = 16
MIN_GAP_PX = 12
SMALL_ROLES = {"muted"}  # secondary text may be 16 pt; everything else is body text
TARGETS = (
    QAbstractButton,
    QLineEdit,
    QAbstractScrollArea,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
)
FOCUS_TOLERANCE = 48  # per colour channel, for antialiasing at the edge of the ring


# Helpers ------------------------------------------------------------------------------------
def describe(widget: QWidget) -> str:
    text = ""
    for getter in ("text", "accessibleName", "placeholderText"):
        if hasattr(widget, getter):
            text = getattr(widget, getter)() or ""
            if text:
                break
    text = " ".join(text.split())
    if len(text) > 40:
        text = text[:37] + "..."
    return f"{type(widget).__name__} {text!r}"


def _visible(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.width() > 0]


def is_target(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar) or not isinstance(widget, TARGETS):
        return False
    if isinstance(widget, QAbstractScrollArea) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        return False  # the page's own scroll area, not a control
    parent = widget.parentWidget()
    while parent is not None:  # the line edit inside a spin box or combo box is part of it
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return False
        parent = parent.parentWidget()
    return True


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text() if widget.pixmap().isNull() else ""
    if isinstance(widget, (QAbstractButton, QLineEdit)):
        return widget.text()
    return ""


def rect_in(widget: QWidget, ancestor: QWidget, rect: QRect | None = None) -> QRect:
    rect = rect if rect is not None else widget.rect()
    return QRect(widget.mapTo(ancestor, rect.topLeft()), rect.size())


def _point_sizes(widget: QWidget) -> list[float]:
    """Every font size the widget's text is drawn in (rich text can change it inside)."""
    base = QFontInfo(widget.font()).pointSizeF()
    if (
        isinstance(widget, QLabel)
        and widget.textFormat() != Qt.TextFormat.PlainText
        and GuiQt.mightBeRichText(widget.text())
    ):
        doc = QTextDocument()
        doc.setDefaultFont(widget.font())
        doc.setHtml(widget.text())
        sizes = []
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.text().strip():
                    size = fragment.charFormat().font().pointSizeF()
                    sizes.append(size if size > 0 else base)
                it += 1
            block = block.next()
        return sizes or [base]
    return [base]


def _gap(a: QRect, b: QRect) -> float:
    dx = max(0, b.left() - (a.left() + a.width()), a.left() - (b.left() + b.width()))
    dy = max(0, b.top() - (a.top() + a.height()), a.top() - (b.top() + b.height()))
    return math.hypot(dx, dy)


def _colour_counts(image: QImage, rect: QRect, step: int = 1) -> Counter:
    """Colour histogram of a rectangle; every `step`-th column, every other row (glyph
    strokes at 18 pt and more are at least two pixels thick, so none is missed)."""
    rect = rect.intersected(image.rect())
    counts: Counter = Counter()
    if rect.isEmpty():
        return counts
    width = image.width()
    pixels = memoryview(image.constBits()).cast("I")
    left, right = rect.left(), rect.left() + rect.width()
    for y in range(rect.top(), rect.top() + rect.height(), 2):
        row = pixels[y * width + left : y * width + right : step]
        if row.tobytes() == row[:1].tobytes() * len(row):  # a row of one colour: no glyph
            counts[row[0]] += len(row)
        else:
            counts.update(row)
    return counts


def _hex(argb: int) -> str:
    return f"#{argb & 0xFFFFFF:06X}"


def ink_and_background(image: QImage, rect: QRect, step: int = 1) -> tuple[str, str] | None:
    """The background (the commonest colour) and the ink (the commonest colour clearly
    different from it, i.e. the solid core of the glyphs); None when no text shows."""
    counts = _colour_counts(image, rect, step)
    if not counts:
        return None
    background = _hex(counts.most_common(1)[0][0])
    for argb, _count in counts.most_common():
        colour = _hex(argb)
        if theme.contrast(colour, background) >= 1.6:
            return colour, background
    return None


def _close(a: QColor, b: QColor, tolerance: int = FOCUS_TOLERANCE) -> bool:
    return (
        max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
        <= tolerance
    )


def _accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


# The checks ------------------------------------------------------------------------------------
class PageAudit:
    """All checks of one page as the window shows it now."""

    def __init__(self, window, name: str, focus_ring: bool = True):
        self.window = window
        self.name = name
        self.scale = window.controller.setting("text_size") / 100
        self.palette = window.palette_in_use
        self.focus_ring = focus_ring
        self.problems: list[str] = []
        self.content = window.scroll.widget()
        self.viewport = window.scroll.viewport()

    def fail(self, check: str, widget: QWidget | None, detail: str) -> None:
        where = f" {describe(widget)}" if widget is not None else ""
        self.problems.append(f"{self.name}: {check}:{where} {detail}")

    def in_content(self, widget: QWidget) -> bool:
        return self.content.isAncestorOf(widget)

    def run(self) -> list[str]:
        widgets = _visible(self.window)
        self.text_sizes(widgets)
        self.button_sizes(widgets)
        self.spacing(widgets)
        self.clipping(widgets)
        self.contrast(widgets)
        self.names(widgets)
        self.focus_chain(widgets)
        return self.problems

    def text_sizes(self, widgets: Iterable[QWidget]) -> None:
        for w in widgets:
            if not _text_of(w).strip():
                continue
            small = w.property("role") in SMALL_ROLES
            minimum = (MIN_ANY_PT if small else MIN_BODY_PT) * self.scale - 0.5
            smallest = min(_point_sizes(w))
            if smallest < minimum:
                self.fail("text too small", w, f"{smallest:.1f} pt < {minimum + 0.5:.0f} pt")

    def button_sizes(self, widgets: Iterable[QWidget]) -> None:
        for w in widgets:
            if not (isinstance(w, QAbstractButton) and is_target(w)):
                continue
            lines = max(1, len(w.text().splitlines()))
            minimum = max(theme.BUTTON_PX, lines * w.fontMetrics().height() + 2 * theme.FOCUS_PX)
            if w.height() < minimum - 1:
                self.fail("button too low", w, f"{w.height()} px < {minimum} px")

    def spacing(self, widgets: Iterable[QWidget]) -> None:
        targets = [w for w in widgets if is_target(w)]
        rects = [(w, rect_in(w, self.window), self.in_content(w)) for w in targets]
        for i, (a, ra, ca) in enumerate(rects):
            for b, rb, cb in rects[i + 1 :]:
                if ca != cb or a.isAncestorOf(b) or b.isAncestorOf(a):
                    continue
                gap = _gap(ra, rb)
                if gap < MIN_GAP_PX:
                    self.fail("targets too close", a, f"and {describe(b)}: {gap:.0f} px apart")

    def clipping(self, widgets: Iterable[QWidget]) -> None:
        room = self.viewport.width()
        for w in widgets:
            text = _text_of(w)
            if isinstance(w, QLabel) and text.strip():
                if w.wordWrap():
                    needed = w.heightForWidth(w.width())
                    if needed > w.height() + 1:
                        self.fail(
                            "text clipped", w, f"needs {needed} px of height, has {w.height()}"
                        )
                elif w.sizeHint().width() > w.width() + 1:
                    self.fail(
                        "text clipped",
                        w,
                        f"needs {w.sizeHint().width()} px of width, has {w.width()}",
                    )
            elif isinstance(w, QAbstractButton) and text.strip():
                fm = w.fontMetrics()
                needed = max(fm.horizontalAdvance(line) for line in text.splitlines())
                if not w.icon().isNull():
                    needed += w.iconSize().width()
                have = w.width() - 2 * (theme.FOCUS_PX + 2)
                if needed > have:
                    self.fail("text clipped", w, f"text needs {needed} px, button has {have}")
            if self.in_content(w) and (text.strip() or is_target(w)):
                right = rect_in(w, self.viewport).right()
                if right >= room + 1:
                    self.fail("past the edge", w, f"ends at {right} px, the page is {room} px wide")

    def contrast(self, widgets: Iterable[QWidget]) -> None:
        minimum = self.palette.min_contrast
        shots = {
            True: self.content.grab().toImage().convertToFormat(QImage.Format.Format_RGB32),
            False: self.window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32),
        }
        ratio = shots[False].width() / max(1, self.window.width())
        for w in widgets:
            hidden_text = isinstance(w, QLineEdit) and w.echoMode() != QLineEdit.EchoMode.Normal
            if not _text_of(w).strip() or hidden_text:
                continue
            inset = theme.FOCUS_PX + 3 if isinstance(w, QAbstractButton) else 0
            local = w.contentsRect().adjusted(inset, inset, -inset, -inset)
            content = self.in_content(w)
            rect = rect_in(w, self.content if content else self.window, local)
            if ratio != 1:
                rect = QRect(
                    round(rect.x() * ratio),
                    round(rect.y() * ratio),
                    round(rect.width() * ratio),
                    round(rect.height() * ratio),
                )
            found = ink_and_background(shots[content], rect, 2 if self.scale >= 1.5 else 1)
            if found is None:
                self.fail("text not visible", w, "no ink distinct from the background")
                continue
            ink, background = found
            value = theme.contrast(ink, background)
            if value < minimum - 0.05:
                self.fail(
                    "contrast too low",
                    w,
                    f"{ink} on {background} is {value:.1f}:1 < {minimum:.0f}:1",
                )

    def names(self, widgets: Iterable[QWidget]) -> None:
        for w in widgets:
            focusable = w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
            if (is_target(w) or focusable) and not _accessible_name(w):
                self.fail("no accessible name", w, "a screen reader would say nothing")

    def _expected_stops(self, widgets: Iterable[QWidget]) -> list[QWidget]:
        return [
            w
            for w in widgets
            if w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
            and w.window() is self.window
        ]

    def focus_chain(self, widgets: Iterable[QWidget]) -> None:
        title = self.window.header.title
        expected = self._expected_stops(widgets)
        title.clearFocus()  # as if Tab came round to it: the keyboard's focus shows a ring
        title.setFocus(Qt.FocusReason.TabFocusReason)
        visited: list[QWidget] = [title]
        self.check_ring(title)
        current = title
        for _press in range(len(expected) + 8):
            QTest.keyClick(current, Qt.Key.Key_Tab)
            nxt = self.window.focusWidget()
            if nxt is None or nxt is current:
                self.fail("keyboard trap", current, "Tab does not move the focus on")
                return
            if nxt is title:
                break
            if not nxt.isVisible() or not nxt.isEnabled():
                self.fail("focus reaches a hidden or disabled control", nxt, "")
            visited.append(nxt)
            self.check_ring(nxt)
            current = nxt
        else:
            self.fail("keyboard trap", current, "Tab never comes back to the page title")
        reached = set(visited)
        for w in expected:
            if w not in reached:
                self.fail("focus skips a control", w, "Tab never reaches it")
        self.reading_order([w for w in visited if self.current_page().isAncestorOf(w)])

    def current_page(self) -> QWidget:
        return self.window.current

    def reading_order(self, stops: list[QWidget]) -> None:
        """Within the page, Tab goes down the page (and left to right on one line)."""
        page = self.current_page()
        for before, after in zip(stops, stops[1:], strict=False):
            a, b = rect_in(before, page), rect_in(after, page)
            same_line = b.top() < a.bottom() and a.top() < b.bottom()
            if (same_line and b.left() < a.left()) or (not same_line and b.top() < a.top()):
                self.fail(
                    "Tab order is not reading order", after, f"comes after {describe(before)}"
                )

    def check_ring(self, widget: QWidget) -> None:
        """When focused, the control is drawn with the theme's focus colour on its edge."""
        if not self.focus_ring or widget.width() < 8 or widget.height() < 8:
            return
        if not widget.hasFocus():
            self.fail("focus not shown", widget, "the control does not get the focus")
            return
        image = widget.grab().toImage()
        ratio = image.width() / widget.width()
        focus = QColor(self.palette.focus)
        w, h = image.width(), image.height()
        edge = max(1, round(ratio))
        probes = [(w // 2, edge), (w // 2, h - 1 - edge), (edge, h // 2), (w - 1 - edge, h // 2)]
        if not all(_close(image.pixelColor(x, y), focus) for x, y in probes):
            self.fail(
                "focus ring missing",
                widget,
                f"its edge is not drawn in the focus colour {self.palette.focus}",
            )


__all__ = ["FOCUS_TOLERANCE", "PageAudit", "describe", "ink_and_background", "is_target", "rect_in"]
