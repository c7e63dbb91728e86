"""I already gave something away: what was given, then the steps for today on the list.

Reached from home (always at the top), from every scam answer and from the end of the
welcome pages. Two pages: the question, then the steps. "Show me what to do now" on the
question is the person's yes: the steps go on the to-do list then, as tasks due today, in one
commit (once per step: the list never holds two). The steps page only shows them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.core import emergency
from app.core.flow import Step
from app.i18n import N_, _
from app.ui.pages.registry import register
from app.ui.widgets import ChoiceGroup, Heading, PageBase, Text
from app.ui.widgets.more import content
from app.ui.widgets.page import KeptWidgets

WHAT = "emergency.what"
ENTRY = N_("I already gave something away")
ENTRY_WHY = N_("A code, a card number, a password, money or your details: what to do now.")


def gave(controller) -> set[str]:
    """What the person said they gave, from the question's draft."""
    values = controller.drafts.get(WHAT).get("gave", [])
    return {v for v in values if v in emergency.GAVE} if isinstance(values, list) else set()


def start(controller) -> None:
    """Open the path at its question, whatever was answered before."""
    controller.navigator.position.last_steps.pop("emergency", None)
    controller.start("emergency")


class WhatPage(PageBase):
    """What was given away: several answers."""

    title = N_("What did you give away?")
    body = N_("It is not your fault: these people are very convincing. Choose everything you gave.")
    help = N_("Sereno then puts the steps for today on your to-do list, the most urgent first.")

    def build(self, box: QVBoxLayout) -> None:
        self.group = ChoiceGroup(exclusive=False, name=self.page_title())
        for key, (title, explanation) in emergency.GAVE.items():
            self.group.add(key, _(title), _(explanation))
        box.addWidget(self.keep("gave", self.group))

    def load(self) -> None:
        super().load()
        # The examples follow the country, which may have changed since the page was built.
        country = self.controller.setting("country") or ""
        for row in self.group.rows:
            text = _(emergency.gave_explanation(row.value, country))
            row.explanation_label.setText(text)
            row.setAccessibleDescription(text)

    def validate(self) -> str | None:
        if not self.group.values():
            return _("Please choose at least one answer.")
        return None

    def go_on(self) -> None:
        """ "Show me what to do now": the steps go on the list (one commit; the answers were
        kept as each was ticked). Back, Home or a language change only keep the answers:
        nothing goes on the list that the person did not ask for."""
        self.controller.emergency.start_path(set(self.group.values()))

    def next_text(self) -> str:
        return _("Show me what to do now")


class StepsPage(PageBase):
    """The steps for today, already on the list: this page only shows them."""

    title = N_("What to do now")
    body = N_("Do these today, in this order. They are on your to-do list.")
    help = N_("You can tick each step on your to-do list when it is done.")

    def build(self, box: QVBoxLayout) -> None:
        self.area = QVBoxLayout()
        self.area.setSpacing(12)
        self.kept = KeptWidgets(self.area)
        box.addLayout(self.area)

    def load(self) -> None:
        steps = self.controller.emergency.steps(gave(self.controller))
        entries: list[tuple] = []
        for number, step in enumerate(steps, 1):
            line = f"{number}. {_(step.title)}"
            # the person's own steps, as on their to-do list: not counted as explanation
            entries.append((line, lambda t=line: content(Text(t, "strong"))))
        entries.append(("tell", lambda: Heading(_("You did the right thing by coming here."))))
        self.kept.fill(entries)

    def next_text(self) -> str:
        return _("See my to-do list")


PAGES = register("emergency", {"what": WhatPage, "steps": StepsPage})

__all__ = ["PAGES", "ENTRY", "ENTRY_WHY", "Step", "gave", "start"]
