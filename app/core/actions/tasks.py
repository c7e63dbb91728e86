"""The to-do list as a person changes it: each tick, edit or removal is one commit."""
from __future__ import annotations

from app.core import plan
from app.core.actions import Actions, action
from app.core.tasks import Task
from app.i18n import _


class TaskActions(Actions):
    """Reads and changes of the to-do list, for every page that shows or adds a task."""

    # Reads ------------------------------------------------------------------------------
    def all(self, include_done: bool = True) -> list[Task]:
        return self.store.tasks.all(include_done=include_done)

    def open(self) -> list[Task]:
        """The tasks not ticked yet, in the person's order."""
        return self.store.tasks.all(include_done=False)

    def get(self, task_id: int) -> Task | None:
        return self.store.tasks.get(task_id)

    def by_rule(self, rule: str) -> Task | None:
        """The task a rule made, hidden or not (None when it never made one)."""
        return self.store.tasks.by_rule(rule)

    def hidden_by(self, task_id: int) -> str | None:
        """None for a task on the list; for a hidden one, who hid it ("" for the person)."""
        return self.store.tasks.hidden_by(task_id)

    def history(self, task_id: int) -> list:
        """The days a task was ticked, oldest first."""
        return self.store.tasks.history(task_id)

    # Actions ----------------------------------------------------------------------------
    def add(self, task: Task, announce: bool = True) -> Task:
        """Put something on the to-do list (one commit) and, unless told not to, say so."""
        with self.store.transaction():
            saved = self.store.tasks.add(task)
        self._changed(_("Added to your to-do list.") if announce else "")
        return saved

    @action
    def mark_done(self, task_id: int) -> None:
        """Tick a task today; a repeating one moves to its next date instead."""
        self.store.tasks.mark_done(task_id, self.today())

    @action
    def undo_done(self, task_id: int) -> None:
        """Take back the last tick: the task is open again with the date it had."""
        self.store.tasks.undo_done(task_id)

    @action
    def update(self, task_id: int, **fields) -> None:
        """Change what the person may edit: title, note, due, repeat (own tasks: why, how)."""
        self.store.tasks.update(task_id, **fields)

    @action
    def delete(self, task_id: int) -> None:
        """Take a task off the list (restore brings it back)."""
        self.store.tasks.delete(task_id)

    @action
    def restore(self, task_id: int) -> None:
        """Bring back a task taken off the list."""
        self.store.tasks.restore(task_id)

    @action
    def upsert(self, task: Task) -> Task:
        """Refresh the wording of a rule's task, keeping the person's tick, note and date."""
        return self.store.tasks.upsert(task)

    @action
    def move(self, task_id: int, offset: int) -> None:
        """Move a task up (-1) or down (+1) among the visible ones."""
        self.store.tasks.move(task_id, offset)

    def sync_plan(self) -> plan.PlanChange | None:
        """Run the plan again for the current answers, as one commit.

        Nothing is written before the plan was made (the list is the person's until then).
        """
        if not any(t.rule and t.rule.startswith(plan.RULE_PREFIX) for t in self.all()):
            return None
        answers = self.store.answers.snapshot(self.store.settings.get("country"))
        with self.store.transaction():
            change = plan.sync(self.store.tasks, answers, self.today())
        if change is not None and change.changed:
            self._changed("")
        return change
