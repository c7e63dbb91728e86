"""Pages and printouts are found by what registered; home's sections import no journey."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.core.answers import ACCOUNT_KINDS, Account, Answers
from app.core.journeys import JOURNEYS
from app.ui import pages
from app.ui.pages import registry
from app.ui.printing import sheets
from app.ui.widgets import PageBase

ROOT = Path(__file__).resolve().parents[2]

# Every kind of account: the journeys that branch on accounts list all their pages.
WITH_ACCOUNTS = Answers(
    accounts=tuple(Account(i, kind, kind.title()) for i, kind in enumerate(ACCOUNT_KINDS, 1))
)
NO_ACCOUNTS = Answers()


def listed_pages() -> set[str]:
    return {
        step.page
        for journey in JOURNEYS
        for answers in (NO_ACCOUNTS, WITH_ACCOUNTS)
        for step in journey.steps(answers)
    }


def test_every_step_of_every_journey_shows_a_registered_page():
    for page_id in sorted(listed_pages()):
        cls = pages.page_class(page_id)
        assert issubclass(cls, PageBase), page_id


def test_every_registered_page_is_a_step_of_a_journey():
    assert set(pages.load_all()) == listed_pages()


def test_a_page_brings_in_its_own_journey_only():
    """Start-up speed: showing a page imports its journey's module and no other."""
    code = (
        "import sys; from app.ui import pages; pages.page_class('contacts.list'); "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('app.ui.pages.'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert "app.ui.pages.contacts" in out
    others = {
        f"app.ui.pages.{module}" for key, module in pages.MODULES.items() if key != "contacts"
    }
    assert not others & set(out)


def test_printouts_listed_are_those_the_journeys_registered():
    pages.load_all()
    assert [sheet.key for sheet in sheets()] == ["summary", "todo", "notebook"]
    for sheet in sheets():
        assert callable(sheet.build) and sheet.title and sheet.what and sheet.file_stem


def test_home_sections_are_drawn_by_small_modules_that_bring_in_no_journey():
    """Home is the start-up page: its sections import what they draw, no journey's pages."""
    code = (
        "import sys; from app.ui.home_sections import sections\n"
        "assert [s.__module__ for s in sections()] == ['app.ui.pages.home_todo', "
        "'app.ui.pages.home_contacts', 'app.ui.pages.home_calls']\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('app.ui.pages.'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert len(out) >= 3
    assert not {f"app.ui.pages.{module}" for module in pages.MODULES.values()} & set(out)


def test_a_page_id_registered_by_two_classes_is_refused(monkeypatch):
    monkeypatch.setattr(registry, "_PAGES", dict(registry._PAGES))
    todo_list = pages.page_class("todo.list")
    registry.register("todo", {"list": todo_list})  # the same class again (a reload): fine

    class Other(PageBase):
        pass

    with pytest.raises(ValueError, match="todo.list"):
        registry.register("todo", {"list": Other})
    assert pages.page_class("todo.list") is todo_list
