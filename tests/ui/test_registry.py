"""Pages, printouts and home sections are found by what registered, never by a hand list."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.core.answers import ACCOUNT_KINDS, Account, Answers
from app.core.journeys import JOURNEYS
from app.ui import pages
from app.ui.widgets import PageBase

ROOT = Path(__file__).resolve().parents[2]

# Every kind of account: the journeys that branch on accounts list all their pages.
WITH_ACCOUNTS = Answers(accounts=tuple(Account(i, kind, kind.title())
                                       for i, kind in enumerate(ACCOUNT_KINDS, 1)))
NO_ACCOUNTS = Answers()


def listed_pages() -> set[str]:
    return {step.page for journey in JOURNEYS for answers in (NO_ACCOUNTS, WITH_ACCOUNTS)
            for step in journey.steps(answers)}


def test_every_step_of_every_journey_shows_a_registered_page():
    for page_id in sorted(listed_pages()):
        cls = pages.page_class(page_id)
        assert issubclass(cls, PageBase), page_id


def test_every_registered_page_is_a_step_of_a_journey():
    assert set(pages.load_all()) == listed_pages()


def test_a_page_brings_in_its_own_journey_only():
    """Start-up speed: showing a page imports its journey's module and no other."""
    code = ("import sys; from app.ui import pages; pages.page_class('contacts.list'); "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('app.ui.pages.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.split()
    assert "app.ui.pages.contacts" in out
    others = {f"app.ui.pages.{module}" for key, module in pages.MODULES.items()
              if key != "contacts"}
    assert not others & set(out)
