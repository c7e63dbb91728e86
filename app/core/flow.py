"""Journeys as plain Python: their pages in order, and where the person is in them.

A journey computes its steps from the answers (the password journey has one step per
account), so Next and Back are index moves in that list, and the position survives a
restart because it is kept as plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.answers import Answers


@dataclass(frozen=True)
class Step:
    """One page of a journey; `arg` tells per-item pages which item (an account id...)."""

    page: str
    arg: str = ""

    @property
    def key(self) -> str:
        return f"{self.page}:{self.arg}" if self.arg else self.page

    @classmethod
    def from_key(cls, key: str) -> Step:
        page, _, arg = key.partition(":")
        return cls(page, arg)


@dataclass(frozen=True)
class Journey:
    """A named sequence of pages offered on the home page.

    `pages` is the fixed order; a journey whose pages depend on the answers passes
    `steps_for` instead. A step's page id ("todo.list") starts with the key of the journey
    whose pages hold it; the UI registers a page class for each id.
    """

    key: str
    title: str
    summary: str
    icon: str = ""
    pages: tuple[str, ...] = ()
    steps_for: Callable[[Answers], list[Step]] | None = None
    available: Callable[[Answers], bool] = field(default=lambda answers: True)

    def steps(self, answers: Answers) -> list[Step]:
        if self.steps_for is not None:
            return self.steps_for(answers)
        return [Step(f"{self.key}.{p}") for p in self.pages]


@dataclass
class Position:
    """Where the person is: a journey and a step key, or the home page (journey "")."""

    journey: str = ""
    step: str = ""
    last_steps: dict[str, str] = field(default_factory=dict)
    finished: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "journey": self.journey,
            "step": self.step,
            "last_steps": dict(self.last_steps),
            "finished": list(self.finished),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Position:
        try:
            return cls(
                str(data.get("journey", "")),
                str(data.get("step", "")),
                {str(k): str(v) for k, v in dict(data.get("last_steps", {})).items()},
                [str(x) for x in data.get("finished", [])],
            )
        except (AttributeError, TypeError, ValueError):
            return cls()


class Navigator:
    """Moves through journeys; knows nothing of widgets or storage."""

    def __init__(self, journeys: list[Journey], answers: Callable[[], Answers]):
        self.journeys = {j.key: j for j in journeys}
        self._answers = answers
        self.position = Position()

    @property
    def journey(self) -> Journey | None:
        return self.journeys.get(self.position.journey)

    @property
    def step(self) -> Step | None:
        return Step.from_key(self.position.step) if self.journey else None

    def steps(self) -> list[Step]:
        return self.journey.steps(self._answers()) if self.journey else []

    def index(self) -> int:
        keys = [s.key for s in self.steps()]
        return keys.index(self.position.step) if self.position.step in keys else -1

    def go_home(self) -> None:
        self.position.journey, self.position.step = "", ""

    def start(self, key: str, resume: bool = True) -> Step | None:
        """Open a journey at its first page, or where the person left it."""
        journey = self.journeys[key]
        steps = journey.steps(self._answers())
        if not steps:
            return None
        keys = [s.key for s in steps]
        saved = self.position.last_steps.get(key) if resume else None
        target = saved if saved in keys else keys[0]
        self._go(key, target)
        return Step.from_key(target)

    def go_to(self, step: Step) -> None:
        """Jump to a page of the current journey (a list page opening one item)."""
        self._go(self.position.journey, step.key)

    def next(self) -> Step | None:
        """The following page, or None when the journey is finished (back to home)."""
        steps, i = self.steps(), self.index()
        if 0 <= i < len(steps) - 1:
            self._go(self.position.journey, steps[i + 1].key)
            return steps[i + 1]
        key = self.position.journey
        if key and key not in self.position.finished:
            self.position.finished.append(key)
        self.position.last_steps.pop(key, None)
        self.go_home()
        return None

    def back(self) -> Step | None:
        """The previous page, or None from the first page (back to home)."""
        steps, i = self.steps(), self.index()
        if i > 0:
            self._go(self.position.journey, steps[i - 1].key)
            return steps[i - 1]
        self.go_home()
        return None

    def is_finished(self, key: str) -> bool:
        return key in self.position.finished

    def is_started(self, key: str) -> bool:
        return key in self.position.last_steps

    def where_stopped(self) -> tuple[Journey, int, int] | None:
        """The journey the person was in last and did not finish: it, the page they stopped
        on (counted from 1) and how many pages it has. The first run is not one of them."""
        for key in reversed(list(self.position.last_steps)):
            journey = self.journeys.get(key)
            if journey is None or key == "first_run":
                continue
            keys = [s.key for s in journey.steps(self._answers())]
            if self.position.last_steps[key] in keys:
                return journey, keys.index(self.position.last_steps[key]) + 1, len(keys)
        return None

    def _go(self, journey: str, step: str) -> None:
        self.position.journey, self.position.step = journey, step
        self.position.last_steps.pop(journey, None)  # the last one moved in comes last
        self.position.last_steps[journey] = step
