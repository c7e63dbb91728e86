"""The layers stay apart: core has no Qt and no sqlite, the store no Qt, pages no store."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"

# Pages that still reach the store directly; each is taken off as it moves to the
# controller's actions. Strict: a page listed here that no longer does it fails.
STILL_REACHING: set[str] = set()
STORE_USE = re.compile(r"\.store\b|\bstore\.")


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((APP / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_imports_no_qt_no_sqlite_no_store(path):
    bad = {
        n
        for n in imports(path)
        if n.split(".")[0] in ("PySide6", "sqlite3") or n.startswith(("app.store", "app.ui"))
    }
    assert not bad, f"{path.relative_to(APP)} imports {sorted(bad)}"


@pytest.mark.parametrize("path", sorted((APP / "store").rglob("*.py")), ids=lambda p: p.name)
def test_store_imports_no_qt_no_ui(path):
    bad = {n for n in imports(path) if n.startswith(("PySide6", "app.ui"))}
    assert not bad, f"{path.relative_to(APP)} imports {sorted(bad)}"


def test_pages_and_widgets_go_through_the_controller():
    ui = APP / "ui"
    reaching = {
        str(path.relative_to(ui))
        for folder in ("pages", "widgets")
        for path in (ui / folder).rglob("*.py")
        if STORE_USE.search(path.read_text(encoding="utf-8"))
    }
    assert reaching - STILL_REACHING == set(), "new pages reaching the store directly"
    assert STILL_REACHING - reaching == set(), "these pages no longer reach it: take them off"


@pytest.mark.parametrize("path", sorted((APP / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_names_no_ui_module(path):
    """Journeys hold journey keys and page ids; which class shows a page is the UI's own
    business (app/ui/pages registers them), so core never names a UI module."""
    text = path.read_text(encoding="utf-8")
    named = re.findall(r"\bapp[./]ui\b[\w./]*|\bmodule\s*=", text)
    assert not named, f"{path.relative_to(APP)} names {sorted(set(named))}"


def test_outside_the_pages_nothing_names_a_journeys_page_module():
    """The shell finds pages through the registry (app.ui.pages.page_class); only home, the
    page shown at start-up, is imported by name."""
    allowed = {"app.ui.pages", "app.ui.pages.registry", "app.ui.pages.home"}
    ui = APP / "ui"
    for path in ui.rglob("*.py"):
        if (ui / "pages") in path.parents:
            continue
        named = {n for n in imports(path) if n.startswith("app.ui.pages")} - allowed
        assert not named, f"{path.relative_to(APP)} imports {sorted(named)}"
