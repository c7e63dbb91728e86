"""Sereno never goes online: no networking module is imported, no socket is ever opened.

The static test reads every module of app/ (imports, and names given to import_module);
the run test visits every page of every journey (the `--screenshots` tour) and clicks
through the password, activity and printing journeys with socket creation and name
lookup made to fail the test.
"""
from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.core.flow import Step
from app.ui.printing import Printout
from app.ui.tour import iter_pages
from app.ui.widgets import ChoiceRow

APP = Path(__file__).resolve().parents[2] / "app"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statements"
NETWORK_MODULES = {
    "socket", "ssl", "urllib", "urllib2", "urllib3", "http", "httplib", "requests", "httpx",
    "aiohttp", "ftplib", "smtplib", "poplib", "imaplib", "nntplib", "telnetlib", "xmlrpc",
    "socketserver", "asyncio", "websocket", "websockets", "webbrowser", "paramiko", "grpc",
    "dns", "pycurl", "selectors", "ofxtools.Client", "ofxtools.ofxhome",
}
QT_NETWORK = ("QtNetwork", "QtWebEngine", "QtWebSockets", "QtWebChannel", "QtWebView",
              "QtHttpServer", "QtNetworkAuth", "QtRemoteObjects", "QtMqtt", "QtCoap")


def forbidden(module: str) -> bool:
    parts = module.split(".")
    if any(module == m or module.startswith(m + ".") for m in NETWORK_MODULES):
        return True
    return parts[0] in NETWORK_MODULES or any(p.startswith(QT_NETWORK) for p in parts)


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            first = node.args[0] if node.args else None
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return found


def test_the_rule_itself_spots_network_imports():
    code = ("import socket\nfrom urllib.request import urlopen\nfrom PySide6 import QtNetwork\n"
            "from PySide6.QtWebEngineWidgets import QWebEngineView\nimport http.client\n"
            "importlib.import_module('requests')\nfrom app.core import flow\nimport json\n")
    bad = sorted({name for _line, name in imported_names(ast.parse(code)) if forbidden(name)})
    assert bad == ["PySide6.QtNetwork", "PySide6.QtWebEngineWidgets",
                   "PySide6.QtWebEngineWidgets.QWebEngineView", "http.client", "requests",
                   "socket", "urllib.request", "urllib.request.urlopen"]


def test_no_module_of_the_app_imports_a_networking_module():
    files = sorted(APP.rglob("*.py"))
    assert len(files) > 30
    bad = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        bad += [f"{path.relative_to(APP.parent)}:{line} {name}"
                for line, name in imported_names(tree) if forbidden(name)]
    assert not bad, "Sereno must never go online: " + ", ".join(bad)


@pytest.fixture
def offline(monkeypatch):
    """Any socket or name lookup fails the test (and is remembered, in case it is caught)."""
    attempts: list[str] = []

    def refuse(what):
        def fail(*args, **kwargs):
            attempts.append(f"{what}{args[:2]!r}")
            raise AssertionError(f"Sereno tried to use the network: {what}{args[:2]!r}")
        return fail

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse("socket.socket")(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "getnameinfo", "socketpair", "create_server", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    yield attempts
    assert not attempts, attempts


def test_the_guard_catches_a_connection(offline):
    with pytest.raises(AssertionError):
        socket.create_connection(("example.org", 443))
    with pytest.raises(AssertionError):
        socket.socket()
    assert len(offline) == 2
    offline.clear()


@pytest.mark.timeout(90)
def test_every_page_of_every_journey_stays_offline(offline, make_window, qtbot):
    w = make_window(lang="es_MX")
    seen = [name for name, _page in iter_pages(w)]
    assert "home" in seen and len(seen) > 20
    assert any(n.startswith("passwords") for n in seen)
    assert any(n.startswith("activity") for n in seen)


@pytest.mark.timeout(60)
def test_password_activity_and_printing_journeys_stay_offline(
        offline, make_window, qtbot, monkeypatch, tmp_path):
    def accounts(store):
        store.settings.set("first_name", "Carmen")
        store.answers.add_account("email", "Correo")
        store.answers.add_account("bank", "Banorte", "4821")

    w = make_window(lang="es_MX", done=True, on_store=accounts)
    store = w.controller.store
    ids = {a.kind: a.id for a in store.answers.accounts()}
    left = Qt.MouseButton.LeftButton

    w.controller.start("passwords")
    w.controller.go_to(Step("passwords.suggest", str(ids["email"])))
    qtbot.mouseClick(w.current.another, left)
    qtbot.mouseClick(w.current.copy, left)
    w.controller.go_to(Step("passwords.check"))
    qtbot.keyClicks(w.current.field.edit, "Carmen-1948")
    qtbot.mouseClick(w.current.check_button, left)
    assert w.current.summary.text()

    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a: (str(FIXTURES / "mx-banco-utf8.csv"), "")))
    w.controller.start("activity")
    bank = str(ids["bank"])
    w.controller.go_to(Step("activity.look", bank))
    qtbot.mouseClick(next(r for r in w.current.findChildren(ChoiceRow) if r.value == "file"), left)
    qtbot.mouseClick(w.next_button, left)
    qtbot.mouseClick(w.current.open_button, left)
    assert store.activity.imports(int(bank))

    pdf = Printout("Plan", "Carmen", w.controller.today()).paragraph("Llamar al banco.")
    assert pdf.write_pdf(tmp_path / "plan.pdf").stat().st_size > 0
