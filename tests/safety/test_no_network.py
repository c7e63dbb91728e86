"""Sereno never goes online: no networking module is imported, no socket is ever opened.

The static test reads every module of app/ (imports, and names given to import_module);
the run test visits every page of every journey (the `--screenshots` tour) and clicks
through the password, activity and printing journeys with socket creation and name
lookup made to fail the test. Python's sockets are not the only way out: Qt and the
libraries under it (CUPS behind QPrinter, for one) call connect() themselves. So the same
two run tests run again in a child process under strace, which sees every connect() and
send of the process and its children at the system-call level: not one may name an
IPv4 or IPv6 address (local sockets, for the display or D-Bus, are fine).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.flow import Step
from app.ui.printing import Printout
from app.ui.tour import iter_pages
from app.ui.widgets import ChoiceRow

APP = Path(__file__).resolve().parents[2] / "app"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statements"
NETWORK_MODULES = {
    "socket",
    "ssl",
    "urllib",
    "urllib2",
    "urllib3",
    "http",
    "httplib",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "nntplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncio",
    "websocket",
    "websockets",
    "webbrowser",
    "paramiko",
    "grpc",
    "dns",
    "pycurl",
    "selectors",
    "ofxtools.Client",
    "ofxtools.ofxhome",
}
QT_NETWORK = (
    "QtNetwork",
    "QtWebEngine",
    "QtWebSockets",
    "QtWebChannel",
    "QtWebView",
    "QtHttpServer",
    "QtNetworkAuth",
    "QtRemoteObjects",
    "QtMqtt",
    "QtCoap",
)


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
            if (
                name in ("import_module", "__import__")
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.append((node.lineno, first.value))
    return found


def test_the_rule_itself_spots_network_imports():
    code = (
        "import socket\nfrom urllib.request import urlopen\nfrom PySide6 import QtNetwork\n"
        "from PySide6.QtWebEngineWidgets import QWebEngineView\nimport http.client\n"
        "importlib.import_module('requests')\nfrom app.core import flow\nimport json\n"
    )
    bad = sorted({name for _line, name in imported_names(ast.parse(code)) if forbidden(name)})
    assert bad == [
        "PySide6.QtNetwork",
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtWebEngineWidgets.QWebEngineView",
        "http.client",
        "requests",
        "socket",
        "urllib.request",
        "urllib.request.urlopen",
    ]


def test_no_module_of_the_app_imports_a_networking_module():
    files = sorted(APP.rglob("*.py"))
    assert len(files) > 30
    bad = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        bad += [
            f"{path.relative_to(APP.parent)}:{line} {name}"
            for line, name in imported_names(tree)
            if forbidden(name)
        ]
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
    for name in (
        "create_connection",
        "getaddrinfo",
        "gethostbyname",
        "gethostbyname_ex",
        "gethostbyaddr",
        "getnameinfo",
        "socketpair",
        "create_server",
        "fromfd",
    ):
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
    offline, make_window, qtbot, dialogs, tmp_path
):
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

    dialogs.path = FIXTURES / "mx-banco-utf8.csv"
    w.controller.start("activity")
    bank = str(ids["bank"])
    w.controller.go_to(Step("activity.look", bank))
    qtbot.mouseClick(next(r for r in w.current.findChildren(ChoiceRow) if r.value == "file"), left)
    qtbot.mouseClick(w.next_button, left)
    qtbot.mouseClick(w.current.open_button, left)
    assert store.activity.imports(int(bank))

    dialogs.path = tmp_path / "lista.pdf"
    w.controller.start("todo")
    qtbot.mouseClick(w.current.pdf_button, left)
    assert (tmp_path / "lista.pdf").stat().st_size > 0
    pdf = Printout("Plan", "Carmen", w.controller.today()).paragraph("Llamar al banco.")
    assert pdf.write_pdf(tmp_path / "plan.pdf").stat().st_size > 0


# At the system-call level ------------------------------------------------------------------
SYSCALLS = "connect,sendto,sendmsg,sendmmsg"
RUN_TESTS = (
    "test_every_page_of_every_journey_stays_offline",
    "test_password_activity_and_printing_journeys_stay_offline",
)


def network_calls(trace: str) -> list[str]:
    """The lines of an strace log where a connect or a send names an IPv4 or IPv6 address."""
    return [
        line
        for line in trace.splitlines()
        if re.search(r"\b(connect|sendto|sendmsg|sendmmsg)\(", line) and "AF_INET" in line
    ]


def strace_command(log: Path) -> list[str]:
    """strace following every child, or a skip saying why it cannot run here."""
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip(
            "strace is not installed (apt-get install strace): the system-call check "
            "cannot run; the Python-level checks above still do"
        )
    for extra in (["--seccomp-bpf"], []):  # the filter makes tracing almost free, if known
        command = [strace, "-f", "-qq", *extra, "-e", f"trace={SYSCALLS}", "-o", str(log)]
        probe = subprocess.run([*command, "true"], capture_output=True, text=True)
        if probe.returncode == 0:
            return command
    pytest.skip(f"strace cannot trace here (ptrace not allowed?): {probe.stderr.strip()[:200]}")


def test_the_trace_reading_spots_network_addresses():
    trace = (
        "12 connect(4, {sa_family=AF_INET, sin_port=htons(631), "
        'sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS\n'
        "12 connect(4, {sa_family=AF_INET6, sin6_port=htons(631), "
        'inet_pton(AF_INET6, "::1", &sin6_addr)}, 28) = -1 ECONNREFUSED\n'
        '12 connect(5, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 110) = 0\n'
        '13 sendto(6, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53)}, 16) = 1\n'
        '13 sendmsg(7, {msg_name=NULL, msg_iov=[{iov_base="l"}]}, 0) = 1\n'
    )
    assert [line.split()[1][:7] for line in network_calls(trace)] == [
        "connect",
        "connect",
        "sendto(",
    ]


def test_the_system_call_check_sees_a_connect_made_outside_python(tmp_path):
    """bash's /dev/tcp calls connect() from C: the trace must see it (port 9 is closed)."""
    log = tmp_path / "trace.log"
    command = strace_command(log)
    subprocess.run(
        [*command, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9"], capture_output=True, timeout=60
    )
    assert any("127.0.0.1" in line for line in network_calls(log.read_text()))


@pytest.mark.timeout(240)
def test_the_tour_and_a_pdf_make_no_network_call_at_the_system_call_level(tmp_path):
    """The tour and the journeys above, saving a PDF, run again under strace: no connect().

    CUPS_SERVER names a print server, as a shared computer may: code that asked the
    system's printing anything (QPrinter loads CUPS) would try it, and the trace would show."""
    log = tmp_path / "trace.log"
    command = strace_command(log)
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, CUPS_SERVER="192.0.2.1:631", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [
            *command,
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            *(f"{Path(__file__).relative_to(root)}::{name}" for name in RUN_TESTS),
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=230,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "2 passed" in run.stdout, run.stdout[-2000:]
    calls = network_calls(log.read_text(errors="replace"))
    assert not calls, "Sereno called the network: " + "\n".join(calls[:10])
