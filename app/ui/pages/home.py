"""Home: "I already gave something away", where the person stopped, what to do today, and a
button for each journey, all on one screen at 175 % in a 1280x720 window.

At large text sizes a screen holds about nine lines, so home is laid out for it: the way
back to where the person stopped sits beside today's (at most three) tasks, each task and
each journey is one compact row (its details show on opening), and headings are in bold at
the body size. The room comes from the layout, never from smaller letters.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from app.core.flow import Journey
from app.core.tasks import Task
from app.i18n import _
from app.ui import theme
from app.ui.home_sections import sections
from app.ui.pages import home_todo
from app.ui.widgets import BigButton, ButtonRow, PageBase, Text
from app.ui.widgets.page import KeptWidgets
from app.ui.widgets.wrapping import WrapButton

JOURNEY_COLUMNS = 2
# The way back to where the person stopped takes 2 parts of the width, today's tasks 3:
# a task's title keeps one line, the longer "Continue where I stopped" wraps.
STOPPED_PART, TODAY_PART = 2, 3


class HomePage(PageBase):
    """Where every visit starts: what is urgent, where the person stopped, the journeys."""

    help = ""

    def page_title(self) -> str:
        name = self.controller.setting("first_name")
        return _("Hello, {name}").format(name=name) if name else _("Hello")

    def help_text(self) -> str:
        return _(
            "This is your home page. It shows what to do today. "
            "Press a big button to start or continue something."
        )

    def build(self, box: QVBoxLayout) -> None:
        self.dynamic = QVBoxLayout()
        self.dynamic.setSpacing(theme.GAP_PX)
        self.kept = KeptWidgets(self.dynamic)
        box.addLayout(self.dynamic)
        self._drawn_from = None  # built anew (language change): draw at the next load
        self._journey_rows: dict[tuple, QWidget] = {}  # kept while a journey's state stays
        self.controller.data_changed.connect(self._refresh_if_shown)

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.load()

    def _inputs(self) -> tuple:
        """Everything the page draws from: if none of it moved, what is shown is current.

        Sections draw from the open tasks, the settings and the answers; anything else they
        show must be changed through the controller (`changed()` bumps data_version).
        """
        c = self.controller
        nav = c.navigator
        answers = c.answers()
        journeys = tuple(
            (j.key, j.available(answers), nav.is_started(j.key), nav.is_finished(j.key))
            for j in nav.journeys.values()
        )
        return (
            c.data_version,
            c.today(),
            answers,
            journeys,
            tuple(c.tasks.open()),
            c.setting("trusted_person"),
            c.setting("country"),
        )

    def load(self) -> None:
        """Draw again only when what the page draws from has changed, and then only the
        blocks that changed (the journeys stay while their states stay).

        Home is shown at every return; redrawing every card each time was most of the turn.
        """
        inputs = self._inputs()
        if inputs == self._drawn_from:
            return
        self._drawn_from = inputs
        c = self.controller
        entries: list[tuple] = [("emergency", lambda: home_todo.emergency_button(c))]
        entries.append(self._top())
        entries += self._journeys()
        for section in sections():
            entry = section(c)
            if entry is not None:
                entries.append(entry)
        entries.append(("settings", self._settings_button))
        self.kept.fill(entries)

    # Where the person stopped, beside what to do today ----------------------------------
    def _top(self) -> tuple:
        stopped = self.controller.navigator.where_stopped()
        first, urgent = home_todo.for_today(self.controller)
        today = self.controller.today()
        key = (
            "top",
            stopped and (stopped[0].key, *stopped[1:]),
            urgent,
            today,
            tuple(repr(t) for t in first),
        )
        return key, lambda: self._top_block(stopped, first, urgent)

    def _top_block(self, stopped, first: list[Task], urgent: bool) -> QWidget:
        """Side by side; while steps to protect the person's money are open, those come
        first and whole, across the page, and the way back to where they stopped after."""
        holder = QWidget()
        row = QVBoxLayout(holder) if urgent else QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.GAP_PX)
        row.addWidget(home_todo.today_column(self.controller, first, urgent), TODAY_PART)
        if stopped is not None:
            column = QVBoxLayout()
            column.addWidget(self._continue_button(*stopped, primary=not urgent))
            column.addStretch(1)
            row.insertLayout(row.count() if urgent else 0, column, STOPPED_PART)
        return holder

    def _continue_button(self, journey: Journey, n: int, total: int, primary: bool) -> QWidget:
        """Back to where the person stopped: home's main (filled) button, unless steps to
        protect their money are open (the first of those is, then)."""
        text = _("Continue where I stopped: {journey}, step {n} of {total}").format(
            journey=_(journey.title), n=n, total=total
        )
        button = WrapButton(text, primary=primary, compact=True)
        button.clicked.connect(lambda _c=False, k=journey.key: self._start(k))
        return button

    # The journeys, then the settings ----------------------------------------------------
    def _journeys(self) -> list[tuple]:
        nav = self.controller.navigator
        answers = self.controller.answers()
        shown = [j for j in nav.journeys.values() if j.key != "first_run" and j.available(answers)]
        if not shown:
            return []
        states = tuple((j.key, nav.is_started(j.key), nav.is_finished(j.key)) for j in shown)
        return [(("journeys", states), lambda: self._journey_grid(shown))]

    def _journey_grid(self, shown: list[Journey]) -> QWidget:
        """The heading close above two columns of journeys."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.GAP_PX // 2)  # a heading, near what it names
        box.addWidget(home_todo.section_heading(_("What would you like to do?")))
        grid = QGridLayout()
        grid.setSpacing(12)  # the least gap between two targets (tests/ui/audit.py)
        box.addLayout(grid)
        nav = self.controller.navigator
        made = {}
        for index, journey in enumerate(shown):
            key = (journey.key, nav.is_started(journey.key), nav.is_finished(journey.key))
            made[key] = self._journey_rows.get(key) or self._journey_button(journey)
            grid.addWidget(made[key], *divmod(index, JOURNEY_COLUMNS))
        self._journey_rows = made
        for column in range(JOURNEY_COLUMNS):
            grid.setColumnStretch(column, 1)
        return holder

    def _journey_button(self, journey: Journey) -> QWidget:
        """One row: the journey's name ("✓" once done); its summary is read out, and its
        first page says what it is for."""
        nav = self.controller.navigator
        title = _(journey.title)
        if nav.is_started(journey.key):
            label, shown = _("Continue"), title
        elif nav.is_finished(journey.key):
            label, shown = _("Start again"), f"✓ {title}"
        else:
            label, shown = _("Start"), title
        button = WrapButton(shown, description=_(journey.summary), compact=True)
        button.setAccessibleName(f"{label}: {title}")
        button.clicked.connect(lambda _c=False, k=journey.key: self._start(k))
        return button

    def _settings_button(self) -> QWidget:
        settings = BigButton(
            _("Settings"), description=_("Language, text size, colours and reading aloud.")
        )
        settings.clicked.connect(lambda: self._start("first_run", resume=False))
        return ButtonRow(settings)

    def _start(self, key: str, resume: bool = True) -> None:
        if not resume:
            self.controller.navigator.position.last_steps.pop(key, None)
        self.controller.start(key)

    def read_aloud_text(self) -> str:
        """The title, then every visible text and row of the page, top to bottom (a task
        or a journey is a button here, and read out too)."""
        parts = [self.page_title()]
        for widget in self.findChildren(QWidget):
            if isinstance(widget, (Text, WrapButton)) and widget.isVisibleTo(self):
                name = (
                    widget.full_text()
                    if isinstance(widget, WrapButton)
                    else widget.accessibleName()
                )
                if name:
                    parts.append(name)
        return "\n".join(parts)
