"""I already gave something away: the steps for today put on the list, as one operation."""

from __future__ import annotations

from app.core import emergency
from app.core.actions import Actions, action
from app.core.emergency import EmergencyStep


class EmergencyActions(Actions):
    """The path's steps (a read) and starting it (one commit, when the person confirms)."""

    # Reads ------------------------------------------------------------------------------
    def steps(self, gave: set[str]) -> list[EmergencyStep]:
        """The ordered steps for what was given, in the person's country."""
        return emergency.steps_for(gave, self.country())

    # Actions ----------------------------------------------------------------------------
    @action
    def start_path(self, gave: set[str]) -> bool:
        """Put each step on the list, due today; return whether anything was added.

        Once per step: a step already open stays as it is; one ticked or taken off comes
        back (it happened again). Then the plan adds what follows (a complaint, the police).
        """
        tasks = self.store.tasks
        today = self.today()
        added = False
        for task in emergency.tasks_for(gave, self.country(), today):
            stored = tasks.by_rule(task.rule)
            if stored is not None and not stored.done and tasks.get(stored.id) is not None:
                continue
            if stored is not None and stored.done:
                tasks.undo_done(stored.id)
            tasks.add(task)
            added = True
        if added:
            self._follow_plan()
        return added
