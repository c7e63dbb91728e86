"""Home: a greeting, what to do today, and a big button for each journey."""
from __future__ import annotations

import importlib

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.flow import Journey
from app.i18n import _
from app.ui.home_sections import SECTIONS
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text
from app.ui.widgets.page import KeptWidgets

TODAY_LIMIT = 3


class HomePage(PageBase):
    help = ""

    def page_title(self) -> str:
        name = self.controller.setting("first_name")
        return _("Hello, {name}").format(name=name) if name else _("Hello")

    def help_text(self) -> str:
        return _("This is your home page. It shows what to do today. "
                 "Press a big button to start or continue something.")

    def build(self, box: QVBoxLayout) -> None:
        self.dynamic = QVBoxLayout()
        self.dynamic.setSpacing(16)
        self.kept = KeptWidgets(self.dynamic)
        box.addLayout(self.dynamic)
        self._drawn_from = None  # built anew (language change): draw at the next load
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
        journeys = tuple((j.key, j.available(answers), nav.is_started(j.key),
                          nav.is_finished(j.key)) for j in nav.journeys.values())
        return (c.data_version, c.today(), answers, journeys,
                tuple(c.store.tasks.all(include_done=False)),
                c.setting("trusted_person"), c.setting("country"))

    def load(self) -> None:
        """Draw again only when what the page draws from has changed, and then only the
        cards that changed (a journey card stays while its state stays).

        Home is shown at every return; redrawing every card each time was most of the turn.
        """
        inputs = self._inputs()
        if inputs == self._drawn_from:
            return
        self._drawn_from = inputs
        from app.ui.pages.home_todo import urgent_entries  # "I already gave something away"

        entries = urgent_entries(self.controller) + self._where_stopped() + self._today()
        for path in SECTIONS:
            module, _sep, name = path.partition(":")
            section = getattr(importlib.import_module(module), name)(self.controller)
            if section is not None:
                entries.append(section)
        entries += self._journeys()
        self.kept.fill(entries)

    def _where_stopped(self) -> list[tuple]:
        """First, the one main button of home: back to where the person stopped."""
        stopped = self.controller.navigator.where_stopped()
        if stopped is None:
            return []
        journey, n, total = stopped
        return [(("stopped", journey.key, n, total),
                 lambda: self._continue_button(journey, n, total))]

    def _continue_button(self, journey: Journey, n: int, total: int) -> QWidget:
        text = _("Continue where I stopped: {journey}, step {n} of {total}").format(
            journey=_(journey.title), n=n, total=total)
        button = BigButton(text, primary=True)
        button.clicked.connect(lambda _c=False, k=journey.key: self._start(k))
        return ButtonRow(button)

    def _today(self) -> list[tuple]:
        from app.ui.pages.home_todo import today_entries  # the to-do list's own cards

        return today_entries(self.controller)

    def _journeys(self) -> list[tuple]:
        nav = self.controller.navigator
        answers = self.controller.answers()
        shown = [j for j in nav.journeys.values() if j.key != "first_run" and j.available(answers)]
        entries: list[tuple] = []
        if shown:
            entries.append(("journeys", lambda: Heading(_("What would you like to do?"))))
        for journey in shown:
            key = (journey.key, nav.is_started(journey.key), nav.is_finished(journey.key))
            entries.append((key, lambda j=journey: self._journey_card(j)))
        entries.append(("settings", self._settings_button))
        return entries

    def _settings_button(self) -> QWidget:
        settings = BigButton(
            _("Settings"), description=_("Language, text size, colours and reading aloud.")
        )
        settings.clicked.connect(lambda: self._start("first_run", resume=False))
        return ButtonRow(settings)

    def _journey_card(self, journey: Journey) -> QWidget:
        nav = self.controller.navigator
        card = Card(name=_(journey.title))
        card.box.addWidget(Heading(_(journey.title)))
        card.box.addWidget(Text(_(journey.summary)))
        if nav.is_started(journey.key):
            label = _("Continue")
        elif nav.is_finished(journey.key):
            card.box.addWidget(Text(_("Done. You can go through it again at any time."), "muted"))
            label = _("Start again")
        else:
            label = _("Start")
        # Not filled: the one filled button of home is "Continue where I stopped".
        button = BigButton(label, description=_(journey.summary))
        button.setAccessibleName(f"{label}: {_(journey.title)}")
        button.clicked.connect(lambda _c=False, k=journey.key: self._start(k))
        card.box.addWidget(ButtonRow(button))
        return card

    def _start(self, key: str, resume: bool = True) -> None:
        if resume:
            self.controller.start(key)
        else:
            self.controller.navigator.position.last_steps.pop(key, None)
            self.controller.start(key)
