"""The main window: header, the current page, Back and Next, and the always-there tools.

Pages are built on first visit and kept; a page built in another language is rebuilt
when shown again. Every move saves the page being left, and the position in the store
right after the new page is painted (closing the window saves it too).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.flow import Step
from app.core.settings import TEXT_SIZES
from app.i18n import _
from app.ui import accessibility, dialogs, theme
from app.ui.controller import Controller
from app.ui.pages import page_class
from app.ui.speech import NO_VOICE, Speaker
from app.ui.widgets import BigButton, ChoiceRow, PageBase
from app.ui.widgets.flow import FlowLayout
from app.ui.widgets.header import StepHeader
from app.ui.widgets.labels import Text, restyle

HOME = Step("home")
SMALL_SCREEN = (1366, 768)


def calm_motion() -> None:
    """Nothing moves by itself: no animated or fading menus, combo boxes or tool tips."""
    for effect in (
        Qt.UIEffect.UI_AnimateMenu,
        Qt.UIEffect.UI_FadeMenu,
        Qt.UIEffect.UI_AnimateCombo,
        Qt.UIEffect.UI_AnimateTooltip,
        Qt.UIEffect.UI_FadeTooltip,
        Qt.UIEffect.UI_AnimateToolBox,
        Qt.UIEffect.UI_General,
    ):
        QApplication.setEffectEnabled(effect, False)


def reading_order(widgets: list[QWidget], page: QWidget) -> list[QWidget]:
    """Sort widgets as they are read: line by line from the top, left to right on a line."""
    placed = sorted(
        ((w.mapTo(page, w.rect().topLeft()), w) for w in widgets),
        key=lambda item: (item[0].y(), item[0].x()),
    )
    lines: list[list[tuple]] = []
    bottom = None
    for point, w in placed:
        if lines and bottom is not None and point.y() < bottom:
            lines[-1].append((point, w))
            bottom = min(bottom, point.y() + w.height())
        else:
            lines.append([(point, w)])
            bottom = point.y() + w.height()
    return [w for line in lines for _point, w in sorted(line, key=lambda item: item[0].x())]


class MainWindow(QMainWindow):
    """The one window: the tools, the page shown, and Back and Next."""

    def __init__(self, controller: Controller, speaker: Speaker | None = None):
        super().__init__()
        accessibility.install()  # headings and radio buttons for screen readers
        self.controller = controller
        self.speaker = speaker or Speaker(parent=self)
        self.pages: dict[str, PageBase] = {}
        self.current: PageBase | None = None
        self._position_unsaved = False
        self.resize(*theme.WINDOW_SIZE)
        calm_motion()
        self._build()
        self._connect()
        self.apply_appearance()
        self.retranslate()
        self.show_current()

    # Layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        """Tools on one row, the page, then Back, the status line and Next on one row.

        Two short rows of chrome: at 175 % they take under a quarter of a 720 px window,
        and the title and the status line take no row of their own.
        """
        root = QWidget()
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 8, 0, 8)
        outer.setSpacing(6)
        tools = FlowLayout(gap=theme.TOOL_GAP_PX)
        tools.setContentsMargins(24, 0, 24, 0)
        self.home_button = BigButton()
        self.read_button = BigButton()
        self.size_button = BigButton()
        self.help_button = BigButton()
        for button in (self.home_button, self.read_button, self.size_button, self.help_button):
            button.setProperty("role", "tool")
            tools.addWidget(button)
        outer.addLayout(tools)
        # The title scrolls with the page, so large text leaves room for the page itself.
        content = QWidget()
        self.content_box = QVBoxLayout(content)
        self.content_box.setContentsMargins(0, 0, 0, 0)
        self.content_box.setSpacing(0)
        self.header = StepHeader()
        self.content_box.addWidget(self.header)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)
        self.nav = nav = QHBoxLayout()
        nav.setContentsMargins(24, 0, 24, 0)
        nav.setSpacing(theme.GAP_PX)
        self.back_button = BigButton()
        self.next_button = BigButton(primary=True)
        self.status = Text("", "status")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wrapped in the room between Back and Next: it never pushes the window wider.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.hide()
        for button in (self.back_button, self.next_button):
            button.setProperty("role", "primary" if button is self.next_button else "tool")
        # "More below" says that the page goes on, where the status line is when it is empty.
        self.more_below = Text("", "muted")
        self.more_below.setWordWrap(False)
        self.more_below.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # It takes the room left between Back and Next, never more (a long Next keeps its
        # place); where one line does not fit, it is not shown.
        self.more_below.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.more_below.hide()
        # Between Back and Next, one line at a time: a message, or the cue, or nothing.
        middle = QWidget()  # a widget, not a layout: it keeps its room when it is empty
        line = QHBoxLayout(middle)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.status, 1)
        line.addWidget(self.more_below, 1)
        nav.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignBottom)
        nav.addWidget(middle, 1)
        nav.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(nav)
        self.setCentralWidget(root)

    def _connect(self) -> None:
        c = self.controller
        self.home_button.clicked.connect(self.go_home)
        self.read_button.clicked.connect(self.read_aloud)
        self.size_button.clicked.connect(self.cycle_text_size)
        self.help_button.clicked.connect(self.show_help)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        bar = self.scroll.verticalScrollBar()
        bar.rangeChanged.connect(lambda _low, _high: self._show_more_below())
        bar.valueChanged.connect(lambda _value: self._show_more_below())
        c.language_changed.connect(lambda _lang: self.retranslate())
        c.appearance_changed.connect(self.apply_appearance)
        # Follow the system's light or dark preference live, where the person has not chosen.
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _scheme: self.apply_appearance()
        )
        self.speaker.state_changed.connect(lambda _speaking: self._retranslate_tools())
        self.speaker.problem_found.connect(self.announce)
        c.announce.connect(self.announce)
        c.data_changed.connect(self._count_steps)
        c.start_requested.connect(self.start_journey)
        c.step_requested.connect(self.go_to)
        c.next_requested.connect(self.go_next)
        c.home_requested.connect(self.go_home)
        self._shortcuts = []
        bindings = [
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_text_size(+1)),
            ("Ctrl+=", lambda: self.step_text_size(+1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_text_size(-1)),
            ("Alt+Left", self.go_back),
            ("Return", self._enter),
            ("Enter", self._enter),
            ("F1", self.show_help),
        ]
        for keys, action in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(action)
            self._shortcuts.append(shortcut)

    # Appearance and language --------------------------------------------------------
    def apply_appearance(self) -> None:
        size = self.controller.setting("text_size")
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        palette = theme.palette_for(self.controller.setting("theme"), dark)
        app = QApplication.instance()
        self._drop_hidden_pages()
        font = app.font()
        font.setPointSize(theme.metrics(size).body_pt)
        app.setFont(font)
        app.setStyleSheet(theme.stylesheet(palette, theme.metrics(size)))
        self.palette_in_use = palette
        self._retranslate_tools()

    def _drop_hidden_pages(self) -> None:
        """Forget the pages not on screen; they are built again on their next visit.

        A new font and style sheet reach every widget alive, hidden or not: with every page
        of every journey kept, a text-size change took seconds instead of one page's worth.
        What a page holds is saved when it is left, so nothing is lost.
        """
        for key, page in list(self.pages.items()):
            if page is not self.current:
                del self.pages[key]
                shiboken6.delete(page)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Sereno"))
        self.back_button.setText(_("Back"))
        self.back_button.setAccessibleDescription(_("Go to the page before. Nothing is lost."))
        self._retranslate_tools()
        if self.current is not None:
            self.current.save()
            self.current.render()
            self.current.load()
            self._show_chrome()

    def _retranslate_tools(self) -> None:
        self.home_button.setText(_("Home"))
        if self.speaker.speaking():
            self.read_button.setText(_("Stop reading"))
            self.read_button.setAccessibleDescription(_("Stops reading the page aloud."))
        else:
            self.read_button.setText(_("Read aloud"))
            self.read_button.setAccessibleDescription(
                _("Reads the title and the text of this page aloud, slowly.")
            )
        # The button says what it will do: bigger, and from the largest size back to normal.
        largest = self.controller.setting("text_size") == TEXT_SIZES[-1]
        self.size_button.setText(_("Normal text") if largest else _("Bigger text"))
        self.size_button.setAccessibleDescription(
            _("Makes the text normal size again. Also Ctrl + and Ctrl −.")
            if largest
            else _("Makes the text bigger. Also Ctrl + and Ctrl −.")
        )
        self.help_button.setText(_("Help"))

    # Moving ---------------------------------------------------------------------------
    def page_for(self, step: Step) -> PageBase:
        page = self.pages.get(step.key)
        if page is None:
            if step == HOME:
                from app.ui.pages.home import HomePage

                cls = HomePage
            else:
                cls = page_class(step.page)
            page = cls(self.controller, step)
            self.pages[step.key] = page
        elif page.built_language != i18n.language():
            page.render()
        return page

    def show_current(self) -> None:
        """Reopen where the person stopped; the first run until it is finished."""
        nav = self.controller.navigator
        if not self.controller.setting("first_run_done") and nav.position.journey != "first_run":
            nav.start("first_run")
        if nav.step and nav.index() < 0:
            nav.go_home()
        self._show(nav.step or HOME)

    def _show(self, step: Step) -> None:
        page = self.page_for(step)
        if self.current is not None and self.current is not page:
            self.content_box.removeWidget(self.current)
            self.current.hide()
        self.current = page
        page.load()
        page.show_error(None)
        if self.content_box.indexOf(page) < 0:
            self.content_box.addWidget(page, 1)
        page.show()
        self.scroll.verticalScrollBar().setValue(0)
        self._show_chrome()
        self._set_tab_order()
        self._save_position_after_paint()
        if self.controller.setting("read_aloud"):  # the first-run answer: read each page
            self.speaker.page_opened(page.read_aloud_text())
        self.header.title.take_focus_quietly()

    def _save_position_after_paint(self) -> None:
        """Write where the person is once the new page is on screen, not before.

        The position is one committed write (an fsync); done before the paint, it made every
        page turn wait for the disk. The zero-delay timer runs as soon as the event loop has
        painted; several moves in a row write once. closeEvent saves at once, so a close
        before the timer runs loses nothing.
        """
        if not self._position_unsaved:
            self._position_unsaved = True
            QTimer.singleShot(0, self, self._save_position_now)

    def _save_position_now(self) -> None:
        if self._position_unsaved:
            self._position_unsaved = False
            self.controller.save_position()

    def _set_tab_order(self) -> None:
        """Tab follows reading order: tools, title, the page top to bottom, Back, Next.

        Qt's own focus chain is left alone (setTabOrder on compound widgets can close the
        chain on itself, a keyboard trap); `focusNextPrevChild` walks `tab_stops()` instead.
        Text boxes give Tab back to the page rather than typing a tab character.
        """
        for kind in (QPlainTextEdit, QTextEdit):
            for box in self.current.findChildren(kind):
                box.setTabChangesFocus(True)

    def tab_stops(self) -> list[QWidget]:
        """Every control Tab reaches now, in reading order."""

        def stop(w: QWidget) -> bool:
            return (
                w.isVisible()
                and w.isEnabled()
                and w.focusProxy() is None
                and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
            )

        page = [w for w in self.current.findChildren(QWidget) if stop(w)] if self.current else []
        chain = [
            w
            for w in (
                self.home_button,
                self.read_button,
                self.size_button,
                self.help_button,
                self.header.title,
            )
            if stop(w)
        ]
        chain += reading_order(page, self.current)
        chain += [w for w in (self.back_button, self.next_button) if stop(w)]
        return chain

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt naming
        chain = self.tab_stops()
        focus = self.focusWidget()
        if focus not in chain:
            return super().focusNextPrevChild(forward)
        target = chain[(chain.index(focus) + (1 if forward else -1)) % len(chain)]
        target.setFocus(
            Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        )
        if self.scroll.widget().isAncestorOf(target):
            self.scroll.ensureWidgetVisible(target, 24, 24)
        return True

    def _show_chrome(self) -> None:
        nav = self.controller.navigator
        on_home = nav.journey is None
        total = 0 if on_home else len(nav.steps())
        self.header.show_page(self.current.page_title(), max(nav.index(), 0), total)
        self.setWindowTitle(_("{page} — Sereno").format(page=self.current.page_title()))
        self.back_button.setVisible(not on_home and not self._at_the_very_start())
        self.next_button.setVisible(not on_home)
        self.next_button.setText(self.current.next_text())
        self._one_primary()
        first_run = not self.controller.setting("first_run_done")
        self.home_button.setVisible(not first_run)

    def _count_steps(self) -> None:
        """An answer can add or take away steps (a pension paid into another account): the
        "Step N of M" beside the title follows at once, not on the next page."""
        nav = self.controller.navigator
        if self.current is not None and nav.journey is not None:
            self.header.show_page(self.current.page_title(), max(nav.index(), 0), len(nav.steps()))

    def _one_primary(self) -> None:
        """One filled button in sight: a page with a main action of its own (Check it,
        Print) keeps the fill, and Next is drawn as an ordinary button beside it."""
        own = any(
            b.property("role") == "primary" and b.isVisibleTo(self.current)
            for b in self.current.findChildren(QAbstractButton)
        )
        restyle(self.next_button, "role", "tool" if own else "primary")

    def _leave(self) -> None:
        if self.current is not None:
            self.current.save()
        self.speaker.stop()
        self.clear_status()

    def go_next(self) -> None:
        if self.current is None or self.controller.navigator.journey is None:
            return
        if self.current.take_next():
            return
        problem = self.current.validate()
        if problem:
            # Said beside the answers (not in the status line too), in sight, and aloud.
            self.current.show_error(problem)
            self.scroll.ensureWidgetVisible(self.current.error_label, 24, 24)
            self.tell_screen_reader(problem)
            if self.controller.setting("read_aloud"):
                self.speaker.say(problem)
            return
        self.current.go_on()
        self._leave()
        step = self.controller.navigator.next()
        self._show(step or HOME)

    def _at_the_very_start(self) -> bool:
        """The first page of the first run: before it there is nothing to go back to (home
        would open with no language and no country)."""
        nav = self.controller.navigator
        return not self.controller.setting("first_run_done") and nav.index() <= 0

    def go_back(self) -> None:
        if self.controller.navigator.journey is None or self._at_the_very_start():
            return
        self._leave()
        step = self.controller.navigator.back()
        self._show(step or HOME)

    def go_home(self) -> None:
        if not self.controller.setting("first_run_done"):
            return
        self._leave()
        self.controller.navigator.go_home()
        self._show(HOME)

    def start_journey(self, key: str) -> None:
        self._leave()
        step = self.controller.navigator.start(key)
        self._show(step or HOME)

    def go_to(self, step: Step) -> None:
        self._leave()
        self.controller.navigator.go_to(step)
        self._show(step)

    def _enter(self) -> None:
        """Enter presses the focused button, else the page's main action (Next).

        On an answer row, Enter chooses it (one-answer questions) and goes on, as people
        expect from a form; Space alone ticks or unticks.
        """
        focus = QApplication.focusWidget()
        if isinstance(focus, ChoiceRow):
            if focus.indicator.exclusive and not focus.isChecked():
                focus.click()
            if self.next_button.isVisible():
                self.go_next()
        elif isinstance(focus, QAbstractButton):
            focus.click()
        elif isinstance(focus, QPlainTextEdit):
            focus.insertPlainText("\n")
        elif self.next_button.isVisible():
            self.go_next()

    # Tools ------------------------------------------------------------------------------
    def step_text_size(self, direction: int) -> None:
        sizes = list(TEXT_SIZES)
        i = sizes.index(self.controller.setting("text_size"))
        j = max(0, min(len(sizes) - 1, i + direction))
        self.controller.set_setting("text_size", sizes[j])

    def cycle_text_size(self) -> None:
        sizes = list(TEXT_SIZES)
        i = sizes.index(self.controller.setting("text_size"))
        self.controller.set_setting("text_size", sizes[(i + 1) % len(sizes)])
        self.announce(_("Text size: {size} %").format(size=sizes[(i + 1) % len(sizes)]))

    def read_aloud(self) -> None:
        """Read the page, or stop reading; without an engine or a voice, say why."""
        if self.speaker.speaking():
            self.speaker.stop()
            return
        problem = self.speaker.problem()
        if problem or not self.speaker.say(self.current.read_aloud_text()):
            self.announce(problem or _(NO_VOICE))

    def show_help(self) -> None:
        dialogs.tell(self, self.current.help_text(), title=_("Help"))

    def clear_status(self) -> None:
        self.status.setText("")
        self.status.hide()
        self._show_more_below()

    def _show_more_below(self) -> None:
        """The cue shows while part of the page is below the window's edge, unless a
        message takes its place."""
        bar = self.scroll.verticalScrollBar()
        text = _("More below ↓")
        self.more_below.setText(text)
        # The room between Back and Next, from the buttons' own widths (the labels' widths
        # are stale while they are hidden).
        buttons = sum(
            b.sizeHint().width() + theme.GAP_PX
            for b in (self.back_button, self.next_button)
            if not b.isHidden()
        )
        margins = self.nav.contentsMargins()
        room = self.width() - margins.left() - margins.right() - buttons
        fits = self.more_below.fontMetrics().horizontalAdvance(text) + 8 <= room
        self.more_below.setVisible(
            bar.value() < bar.maximum() and fits and not self.status.isVisible()
        )

    def announce(self, message: str) -> None:
        """Show a short status line and hand it to screen readers."""
        self.status.setText(message)
        self.status.setVisible(bool(message))
        self._show_more_below()
        self.tell_screen_reader(message)

    def tell_screen_reader(self, message: str) -> None:
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if message and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, message))

    def show_placed(self) -> None:
        """Open as the person last left it; maximised on a small screen (up to 1366x768),
        where every pixel of height is a line of the page."""
        kept = self.controller.setting("window_size")
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        small = screen.width() <= SMALL_SCREEN[0] and screen.height() <= SMALL_SCREEN[1]
        if kept == "maximised" or (not kept and small):
            self.showMaximized()
            return
        width, _x, height = kept.partition("x")
        if width.isdigit() and height.isdigit():
            self.resize(min(int(width), screen.width()), min(int(height), screen.height()))
        self.show()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self._show_more_below()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._leave()
        self._position_unsaved = False
        self.controller.save_position()
        size = "maximised" if self.isMaximized() else f"{self.width()}x{self.height()}"
        self.controller.set_setting("window_size", size)
        super().closeEvent(event)
