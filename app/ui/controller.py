"""What pages talk to: the person's store, the navigator, and the app-wide signals.

Pages never reach into each other: they change the model here, and the controller tells
whoever listens (the shell re-renders, the home page refreshes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app import i18n
from app.core.answers import Answers
from app.core.flow import Journey, Navigator, Step
from app.store import Store

if TYPE_CHECKING:
    from app.core.actions.activity import ActivityActions
    from app.core.actions.calls import CallActions
    from app.core.actions.drafts import DraftActions
    from app.core.actions.emergency import EmergencyActions
    from app.core.actions.passwords import PasswordActions
    from app.core.actions.scams import ScamActions
    from app.core.actions.tasks import TaskActions
    from app.core.actions.what_happened import WhatHappenedActions


class Controller(QObject):
    """One per open profile."""

    language_changed = Signal(str)
    appearance_changed = Signal()
    data_changed = Signal()
    announce = Signal(str)
    # Navigation requests from inside pages (a home button, an item list); the shell obeys.
    start_requested = Signal(str)
    step_requested = Signal(object)
    next_requested = Signal()
    home_requested = Signal()

    def __init__(
        self, store: Store, journeys: list[Journey], today: Callable[[], dt.date] = dt.date.today
    ):
        super().__init__()
        self.store = store
        self.today = today
        self.navigator = Navigator(journeys, self.answers)
        self.navigator.position = store.progress.position()
        # Counts data_changed: a page that draws the model can skip redrawing when neither
        # this nor what it reads has moved since it last drew (see HomePage.load).
        self.data_version = 0
        self.data_changed.connect(self._count_change)

    def _count_change(self) -> None:
        self.data_version += 1

    # What a person can do, by area (app/core/actions): pages call these, never the store.
    # Each is imported when first used, so start-up loads only what home needs.
    @cached_property
    def drafts(self) -> DraftActions:
        from app.core.actions.drafts import DraftActions

        return DraftActions(self.store, self.today, self.changed)

    @cached_property
    def tasks(self) -> TaskActions:
        from app.core.actions.tasks import TaskActions

        return TaskActions(self.store, self.today, self.changed)

    @cached_property
    def calls(self) -> CallActions:
        from app.core.actions.calls import CallActions

        return CallActions(self.store, self.today, self.changed)

    @cached_property
    def activity(self) -> ActivityActions:
        from app.core.actions.activity import ActivityActions

        return ActivityActions(self.store, self.today, self.changed)

    @cached_property
    def passwords(self) -> PasswordActions:
        from app.core.actions.passwords import PasswordActions

        return PasswordActions(self.store, self.today, self.changed)

    @cached_property
    def what_happened(self) -> WhatHappenedActions:
        from app.core.actions.what_happened import WhatHappenedActions

        return WhatHappenedActions(self.store, self.today, self.changed)

    @cached_property
    def scams(self) -> ScamActions:
        from app.core.actions.scams import ScamActions

        return ScamActions(self.store, self.today, self.changed)

    @cached_property
    def emergency(self) -> EmergencyActions:
        from app.core.actions.emergency import EmergencyActions

        return EmergencyActions(self.store, self.today, self.changed)

    # Answers and settings -----------------------------------------------------------
    def answers(self) -> Answers:
        return self.store.answers.snapshot(self.setting("country"))

    def setting(self, key: str) -> Any:
        return self.store.settings.get(key)

    def set_setting(self, key: str, value: Any) -> None:
        if self.setting(key) == value:
            return
        with self.store.transaction():
            self.store.settings.set(key, value)
            if key == "country":
                # Another country's plan: its tasks come, the old one's go, ticks stay.
                self.tasks.sync_plan()
        if key == "language":
            i18n.set_language(value)
            self.language_changed.emit(value)
        elif key in ("text_size", "theme"):
            self.appearance_changed.emit()
        self.data_changed.emit()

    # Listeners ------------------------------------------------------------------------
    def changed(self, message: str = "") -> None:
        """A page changed the model: refresh listeners, and announce `message` if given."""
        self.data_changed.emit()
        if message:
            self.announce.emit(message)

    # Navigation -----------------------------------------------------------------------
    def save_position(self) -> None:
        self.store.progress.save_position(self.navigator.position)

    def start(self, journey: str) -> None:
        self.start_requested.emit(journey)

    def go_to(self, step: Step) -> None:
        self.step_requested.emit(step)

    def go_next(self) -> None:
        self.next_requested.emit()

    def go_home(self) -> None:
        self.home_requested.emit()
