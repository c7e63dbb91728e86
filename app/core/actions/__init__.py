"""What a person can do, one area per module: each action is one core operation in one transaction.

Pages reach these through the controller (`controller.calls.log(...)`), never the store.
Reads are plain methods and never write; actions are marked `@action`, so whatever they
touch is committed together, or not at all, and listeners hear about it once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from app.core.answers import Answers

P = ParamSpec("P")
R = TypeVar("R")


class Actions:
    """One area's reads and actions over a person's store (duck-typed: core imports no sqlite)."""

    def __init__(self, store: Any, today: Callable[[], dt.date], changed: Callable[[str], None]):
        self.store = store
        self.today = today
        self._changed = changed

    def country(self) -> str:
        return self.store.settings.get("country") or ""

    def answers(self) -> Answers:
        """What the person answered, for their country."""
        return self.store.answers.snapshot(self.country())

    def _follow_plan(self) -> None:
        """Something the plan listens to happened (a payment marked "not mine", a scam call,
        a monthly check planned): bring the plan up to date in the same commit."""
        from app.core import plan

        plan.sync(self.store.tasks, self.answers(), self.today())


def action(method: Callable[P, R]) -> Callable[P, R]:
    """Run `method` as one transaction, then tell listeners the model moved."""

    @wraps(method)
    def run(self: Actions, *args: Any, **kwargs: Any) -> R:
        with self.store.transaction():
            result = method(self, *args, **kwargs)
        self._changed("")
        return result

    return run
