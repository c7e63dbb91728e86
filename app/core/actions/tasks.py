"""The to-do list as a person changes it: each tick, edit or removal is one commit."""

from __future__ import annotations

from typing import Any

from app.core import plan
from app.core.actions import Actions, action
from app.core.tasks import Task, in_order
from app.i18n import _

Draft = tuple[str, dict[str, Any]]  # a page's key and what it keeps typed


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
    def add(self, task: Task, announce: bool = True, draft: Draft | None = None) -> Task:
        """Put something on the to-do list (one commit) and, unless told not to, say so.

        `draft` is the page's draft once its form is closed, written in the same commit."""
        with self.store.transaction():
            saved = self.store.tasks.add(task)
            self._keep(draft)
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
    def update(self, task_id: int, draft: Draft | None = None, **fields) -> None:
        """Change what the person may edit: title, note, due, repeat (own tasks: why, how);
        `draft` as for `add`."""
        self.store.tasks.update(task_id, **fields)
        self._keep(draft)

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
    def move(self, task_id: int, offset: int) -> bool:
        """Swap a task with the open one above (-1) or below (+1), in the order shown.

        The list is sorted by date and urgency, so the task takes its neighbour's date and
        urgency, then its place just before (up) or after (down) it. False at either end.
        """
        tasks = self.store.tasks
        ids = [t.id for t in in_order(tasks.all(include_done=False), self.today())]
        j = ids.index(task_id) + offset if task_id in ids else -1
        if not 0 <= j < len(ids):
            return False
        other = tasks.get(ids[j])
        tasks.update(task_id, due=other.due, priority=other.priority)
        every = [t.id for t in tasks.all()]
        rest = [t for t in every if t != task_id]
        target = rest.index(other.id) + (1 if offset > 0 else 0)
        tasks.move(task_id, target - every.index(task_id))
        return True

    @action
    def apply_plan(self) -> plan.PlanChange:
        """Make or refresh the plan's tasks for the current answers."""
        return plan.apply(self.store.tasks, self.answers(), self.today())

    def sync_plan(self) -> plan.PlanChange | None:
        """Run the plan again for the current answers, as one commit.

        Nothing is written before the plan was made (the list is the person's until then),
        nor while the list already says what the plan would (opening a page writes nothing).
        """
        if not self._plan_out_of_date():
            return None
        with self.store.transaction():
            change = plan.sync(self.store.tasks, self.answers(), self.today())
        if change is not None and change.changed:
            self._changed("")
        return change

    def _plan_out_of_date(self) -> bool:
        """Whether running the plan again would add, bring back, reword or hide a task."""
        tasks = self.store.tasks
        every = tasks.all()
        if not any(t.rule and t.rule.startswith(plan.RULE_PREFIX) for t in every):
            return False
        wanted = plan.build(self.answers(), self.today(), None, plan.happened(every))
        for task in wanted:
            stored = tasks.by_rule(task.rule)
            if stored is None:
                return True
            hidden_by = tasks.hidden_by(stored.id)
            if hidden_by == plan.SOURCE:
                return True
            words = {k: v for k, v in stored.params.items() if not k.startswith("_")}
            if hidden_by is None and (
                stored.source,
                stored.title,
                stored.why,
                stored.how,
                stored.repeat,
                words,
            ) != (task.source, task.title, task.why, task.how, task.repeat, task.params):
                return True
        keys = {t.rule for t in wanted}
        return any(
            t.rule and t.rule.startswith(plan.RULE_PREFIX) and t.rule not in keys
            for t in every
            if not t.done
        )

    def _keep(self, draft: Draft | None) -> None:
        keep_draft(self.store, draft)


def keep_draft(store: Any, draft: Draft | None) -> None:
    """Write a page's draft inside the action's own commit."""
    if draft is not None:
        store.progress.save_draft(*draft)
