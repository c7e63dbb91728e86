"""The call log as a person changes it: a call, with what it ticks or adds, is one commit."""

from __future__ import annotations

from dataclasses import dataclass

from app.core import plan
from app.core.actions import Actions, action
from app.core.actions.tasks import Draft, keep_draft
from app.core.calls import Call, report_task
from app.core.tasks import Task


@dataclass(frozen=True)
class Logged:
    """What saving a call did: the call as stored, the task it ticked, whether a report came."""

    call: Call
    ticked: Task | None = None
    reported: bool = False


class CallActions(Actions):
    """Reads and changes of the call log."""

    # Reads ------------------------------------------------------------------------------
    def all(self) -> list[Call]:
        """Every call, newest first."""
        return self.store.calls.all()

    def get(self, call_id: int) -> Call | None:
        return self.store.calls.get(call_id)

    def for_task(self, task_id: int) -> list[Call]:
        return self.store.calls.for_task(task_id)

    # Actions ----------------------------------------------------------------------------
    @action
    def log(self, call: Call, draft: Draft | None = None) -> Logged:
        """Write down a new call; it ticks the task it was about, and a call that felt like a
        scam puts a to-do to report it on the list. `draft`: the page's, in the same commit."""
        keep_draft(self.store, draft)
        return self._after(None, self.store.calls.add(call))

    @action
    def edit(self, call: Call, draft: Draft | None = None) -> Logged:
        """Change a call written down before (its id says which): a newly chosen task is
        ticked, and a call newly marked as a scam gets its report to-do."""
        keep_draft(self.store, draft)
        before = self.store.calls.get(call.id)
        return self._after(before, self.store.calls.update(call))

    @action
    def delete(self, call_id: int) -> Call | None:
        """Remove a call; it is returned so that Undo can put it back."""
        return self.store.calls.delete(call_id)

    @action
    def restore(self, call: Call) -> Call:
        """Put a deleted call back as it was, with its own id."""
        return self.store.calls.restore(call)

    def _after(self, before: Call | None, saved: Call) -> Logged:
        ticked = None
        if saved.task_id and (before is None or before.task_id != saved.task_id):
            ticked = self.store.tasks.get(saved.task_id)
            self.store.tasks.mark_done(saved.task_id, self.today())
        reported = saved.felt_like_scam and not (before and before.felt_like_scam)
        if reported:
            answers = self.answers()
            trusted = self.store.settings.get("trusted_person") or ""
            self.store.tasks.add(
                report_task(saved, trusted, plan.country_of(answers), self.today())
            )
            self._follow_plan()  # a scam call: the plan grows
        return Logged(saved, ticked, reported)
