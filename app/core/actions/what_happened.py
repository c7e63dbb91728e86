"""What happened?: each answer the person gives is one operation, and the list made from them.

Answers are written the moment they are chosen (Back never loses one), and each is one
commit. Saying which notice came also ticks what that leak held, in the same commit, so
the next page shows it ticked without writing while it opens. The to-do list is made from
the answers when the person leaves the summary, which only shows what it will hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core import emergency, plan
from app.core.actions import Actions, action
from app.core.answers import ACCOUNT_KINDS, Account, leak_data, valid_last4


@dataclass(frozen=True)
class Outlook:
    """What the summary says: the risks of these answers and the list they make."""

    risks: list[str]
    open_tasks: int  # the tasks the list holds once the plan is applied
    urgent: bool  # steps of "I already gave something away" are still open


class WhatHappenedActions(Actions):
    """The answers to "What happened?" and the accounts the person has."""

    # Reads ------------------------------------------------------------------------------
    def notice(self) -> str:
        return self.store.answers.notice()

    def exposed(self) -> frozenset[str]:
        return self.store.answers.exposed()

    def accounts(self) -> tuple[Account, ...]:
        return self.store.answers.accounts()

    def account(self, account_id: int) -> Account | None:
        return self.store.answers.account(account_id)

    def outlook(self) -> Outlook:
        """The summary's words, worked out without touching the list."""
        answers = self.answers()
        tasks = self.store.tasks
        wanted = plan.build(answers, self.today(), None, plan.happened(tasks.all()))
        keys = {t.rule for t in wanted}
        open_now = tasks.all(include_done=False)
        staying = [
            t
            for t in open_now
            if not (t.rule and t.rule.startswith(plan.RULE_PREFIX) and t.rule not in keys)
        ]
        count = len(staying)
        for task in wanted:
            stored = tasks.by_rule(task.rule)
            if stored is None:
                count += 1
            elif not stored.done and tasks.hidden_by(stored.id) == plan.SOURCE:
                count += 1  # hidden by the plan before, back now
        return Outlook(plan.risks(answers), count, emergency.is_open(open_now))

    # Actions ----------------------------------------------------------------------------
    @action
    def set_notice(self, source: str) -> None:
        """Which organisation told the person; a known leak's data is ticked at once.

        Ticked once: only while nothing is ticked yet and the notice is a new answer, so
        data the person unticked is never ticked again behind their back.
        """
        answers = self.store.answers
        before = answers.notice()
        answers.set_notice(source)
        held = leak_data(source, self.country())
        if held and source != before and not answers.exposed():
            answers.set_exposed(held)

    @action
    def set_exposed(self, chosen: set[str] | frozenset[str], asked: tuple[str, ...]) -> None:
        """The kinds ticked on a page that asked about `asked`; the other kinds stay."""
        kept = set(self.store.answers.exposed()) - set(asked)
        self.store.answers.set_exposed(kept | set(chosen))

    @action
    def set_accounts(self, kinds: set[str], names: dict[str, str]) -> list[Account]:
        """One account for each kind ticked: new kinds get `names[kind]`, unticked kinds
        are forgotten with their checks. Returns the accounts added."""
        answers = self.store.answers
        have = answers.accounts()
        added = []
        for kind in ACCOUNT_KINDS:
            mine = [a for a in have if a.kind == kind]
            if kind in kinds and not mine:
                added.append(answers.add_account(kind, names[kind]))
            elif kind not in kinds:
                for account in mine:
                    answers.remove_account(account.id)
        return added

    @action
    def name_account(self, account_id: int, name: str, last4: str, draft: str = "") -> bool:
        """The name the person knows an account by and, for a bank, its last 4 digits.

        A wrong number keeps the one known before (False is returned, and the draft `draft`
        of what was typed stays); otherwise that draft is done with.
        """
        account = self.store.answers.account(account_id)
        if account is None:
            return True
        valid = valid_last4(last4)
        last4 = last4 if valid else account.last4
        if (name, last4) != (account.name, account.last4):
            self.store.answers.rename_account(account_id, name, last4)
        if valid and draft:
            self.store.progress.clear_draft(draft)
        return valid

    @action
    def make_plan(self) -> plan.PlanChange:
        """Bring the to-do list in line with the answers (nothing doubled, ticks kept)."""
        return plan.apply(self.store.tasks, self.answers(), self.today())
