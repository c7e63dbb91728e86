"""What a Linux screen reader really gets: the AT-SPI tree of the running app.

Under Xvfb, inside its own D-Bus session with the AT-SPI bus, Sereno runs (from .venv, on
the xcb platform, QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1) and Debian's pyatspi (system python3)
lists every object of its window with its role and name. Every control of the first-run and
home pages must be there, with its role and a name in the person's language; as Orca says
them: one-answer rows are radio buttons, the page title and home's sections are headings
(Orca's "next heading" key finds them), no empty label is showing, "Step 1 of 8" is said
once, and the window is named after the page ("<page title> — Sereno").

Skipped, with the reason, when Xvfb, dbus-run-session, at-spi-bus-launcher or python3-pyatspi
are missing: `.ci/run` installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
LAUNCHERS = ["/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"]

# Runs in .venv: shows one page, writes what it shows (role and name of every control).
APP = r"""
import json, sys, datetime as dt
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible
from app.ui.application import make_app, build_window, QtTranslations
from app.ui.shell import MainWindow
from app.store import Store
from app.ui import demo

folder, lang, mode, out = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
app = make_app(["sereno"])
store = Store(folder / "profile.sqlite3", folder / "backups")
if mode == "home":
    demo.seed(store, lang, dt.date(2026, 11, 23))
window = build_window(store, QtTranslations(app), lang, 100)
window.show()

def report():
    controls = []
    for w in window.tab_stops():
        iface = QAccessible.queryAccessibleInterface(w)
        controls.append({"name": iface.text(QAccessible.Text.Name), "role": iface.role().name,
                         "cls": type(w).__name__})
    step = window.header.step_label
    from app.core.journeys import JOURNEYS
    from app.i18n import _
    shown = {"controls": controls, "window_title": window.windowTitle(),
             "page_title": window.current.page_title(),
             "step": step.text() if step.isVisible() else "",
             "journeys": {_(j.title): _(j.summary) for j in JOURNEYS}}
    Path(out).write_text(json.dumps(shown), encoding="utf-8")

QTimer.singleShot(0, report)
app.exec()
"""

# Runs with the system python3 inside dbus-run-session: starts Xvfb, the AT-SPI bus and the
# app, waits for the app's window in the AT-SPI tree, prints the tree as JSON, stops them all.
PROBE = r"""
import json, os, subprocess, sys, time

launcher, venv_python, app_script, folder, lang, mode, out, root = sys.argv[1:9]
read_fd, write_fd = os.pipe()
xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24",
                         "-nolisten", "tcp"], pass_fds=[write_fd], stderr=subprocess.DEVNULL)
os.close(write_fd)
display = b""
while not display.endswith(b"\n"):
    chunk = os.read(read_fd, 16)
    if not chunk:
        break
    display += chunk
os.environ["DISPLAY"] = ":" + display.decode().strip()
quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
bus = subprocess.Popen([launcher, "--launch-immediately"], **quiet)
time.sleep(0.5)
env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
           QT_ACCESSIBILITY="1", PYTHONPATH=root, PYTHONFAULTHANDLER="1")
log = open(out + ".log", "wb")
app = subprocess.Popen([venv_python, app_script, folder, lang, mode, out], env=env, cwd=root,
                       stdout=log, stderr=log)
import pyatspi

def walk(node, depth=0, found=None):
    found = [] if found is None else found
    if node is None or depth > 40:
        return found
    try:
        states = node.getState()
        found.append({"role": node.getRoleName(), "name": node.name or "",
                      "description": node.description or "",
                      "attributes": node.getAttributes() or [],
                      "showing": states.contains(pyatspi.STATE_SHOWING)})
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), depth + 1, found)
    except Exception:
        pass
    return found

tree, deadline = [], time.time() + 40
while time.time() < deadline and app.poll() is None:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        child = desktop.getChildAtIndex(i)
        if child is not None and (child.name or "").lower() == "sereno":
            tree = walk(child)
    if os.path.exists(out) and any(n["role"] == "push button" for n in tree):
        time.sleep(0.5)
        tree = walk(child)
        break
    time.sleep(0.3)
names = []
try:
    desktop = pyatspi.Registry.getDesktop(0)
    names = [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]
except Exception:
    pass
app.kill(); app.wait()
log.close()
bus.terminate(); xvfb.terminate()
error = open(out + ".log", "rb").read().decode(errors="replace")[-2000:]
with open(out + ".tree", "w") as f:
    json.dump({"tree": tree, "error": error, "apps": names}, f)
"""


def _missing() -> str | None:
    if not sys.platform.startswith("linux"):
        return "AT-SPI is the Linux accessibility bus"
    for tool in ("Xvfb", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb dbus)"
    if not any(os.path.exists(p) for p in LAUNCHERS):
        return "at-spi-bus-launcher is not installed (apt-get install at-spi2-core)"
    libraries = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    for lib, package in (
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ):
        if lib not in libraries:  # without them Qt's xcb plugin cannot open a window
            return f"{lib} is not installed (apt-get install {package})"
    if (
        not os.path.exists(SYSTEM_PYTHON)
        or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode
    ):
        return "Debian's python3-pyatspi is not installed (apt-get install python3-pyatspi)"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=str(_missing()))

# Qt's accessible role -> the AT-SPI roles a screen reader may hear for it
ROLES = {
    "Button": {"push button", "toggle button"},
    "CheckBox": {"check box", "toggle button"},
    "RadioButton": {"radio button"},
    "EditableText": {"text", "entry", "password text"},
    "StaticText": {"label", "static"},
    "Heading": {"heading"},
    "ComboBox": {"combo box"},
}
# Shell controls and their English names: the names heard must be these, translated.
ENGLISH = {"Back", "Next", "Read aloud", "Help", "Home"}


def run_app(tmp_path: Path, lang: str, mode: str) -> tuple[list[dict], dict]:
    """The AT-SPI tree as the screen reader gets it, and what the app says it shows."""
    app_script = tmp_path / "app_main.py"
    app_script.write_text(APP, encoding="utf-8")
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    out = tmp_path / f"controls-{mode}.json"
    launcher = next(p for p in LAUNCHERS if os.path.exists(p))
    data = tmp_path / f"data-{mode}"
    data.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "DISPLAY"))}
    result = subprocess.run(
        [
            "dbus-run-session",
            "--",
            SYSTEM_PYTHON,
            str(probe),
            launcher,
            sys.executable,
            str(app_script),
            str(data),
            lang,
            mode,
            str(out),
            str(ROOT),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    answer = json.loads(Path(f"{out}.tree").read_text(encoding="utf-8"))
    assert answer["tree"], (
        f"the app never appeared on the AT-SPI bus (apps: {answer['apps']}): {answer['error']}"
    )
    assert out.exists(), "the app did not list its controls"
    return answer["tree"], json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def heard(tmp_path_factory):
    """Each page is started once for all the tests that read it (a start takes seconds)."""
    cache = {}

    def get(lang: str, mode: str):
        if (lang, mode) not in cache:
            cache[lang, mode] = run_app(tmp_path_factory.mktemp(mode), lang, mode)
        return cache[lang, mode]

    return get


@pytest.mark.parametrize(
    ("lang", "mode", "translated"),
    [
        ("es_MX", "first_run", {"Siguiente", "Ayuda"}),
        ("fr_FR", "home", {"Aide", "Lire à voix haute"}),
    ],
)
def test_screen_reader_hears_every_control_with_role_and_name(heard, lang, mode, translated):
    tree, shown = heard(lang, mode)
    controls = shown["controls"]
    roles = {}
    for node in tree:
        roles.setdefault(node["name"], set()).add(node["role"])
    assert len(controls) >= 4
    for control in controls:
        name, role = control["name"], control["role"]
        assert name, f"{control['cls']} has no accessible name"
        assert name in roles, f"{control['cls']} {name!r} is not on the AT-SPI bus"
        assert roles[name] & ROLES.get(role, {role.lower()}), (
            f"{name!r} is heard as {roles[name]}, not as a {role}"
        )
    names = {c["name"] for c in controls}
    assert any(c["role"] == "Heading" for c in controls), "the page title is not a heading"
    assert translated <= names
    assert not ENGLISH & names, "shell controls still named in English"
    interactive = {"push button", "toggle button", "check box", "radio button", "text", "entry"}
    nameless = [n for n in tree if n["role"] in interactive and n["showing"] and not n["name"]]
    assert not nameless, f"controls without a name on the bus: {nameless}"


def _showing(tree: list[dict], role: str) -> list[dict]:
    return [n for n in tree if n["role"] == role and n["showing"]]


def test_one_answer_questions_are_radio_buttons_not_check_boxes(heard):
    tree, _shown = heard("es_MX", "first_run")  # "which language?": one answer
    radios = _showing(tree, "radio button")
    assert {"Español", "English"} <= {n["name"] for n in radios}, radios
    assert not _showing(tree, "check box"), "a one-answer question heard as check boxes"


@pytest.mark.parametrize(("lang", "mode"), [("es_MX", "first_run"), ("fr_FR", "home")])
def test_the_page_title_is_a_heading_and_names_the_window(heard, lang, mode):
    tree, shown = heard(lang, mode)
    title = shown["page_title"]
    assert title in {n["name"] for n in _showing(tree, "heading")}, (
        f"the title {title!r} is not a heading: {_showing(tree, 'heading')}"
    )
    levels = {n["name"]: n["attributes"] for n in _showing(tree, "heading")}
    assert "level:1" in levels[title], levels
    assert shown["window_title"] == f"{title} — Sereno"
    frames = {n["name"] for n in tree if n["role"] == "frame"}
    assert f"{title} — Sereno" in frames, frames


def test_home_sections_are_headings(heard):
    tree, shown = heard("fr_FR", "home")
    sections = {n["name"] for n in _showing(tree, "heading")} - {shown["page_title"]}
    # "What to do today", "What would you like to do?" and each journey's name
    assert len(sections) >= 3, f"home's sections are not headings: {sections}"
    for node in _showing(tree, "heading"):
        if node["name"] in sections:
            assert "level:2" in node["attributes"], node


def test_journey_buttons_are_described_by_their_summary_not_their_title(heard):
    tree, shown = heard("fr_FR", "home")
    buttons = [
        n
        for n in tree
        if n["role"] == "push button"
        and n["showing"]
        and any(n["name"].endswith(f": {title}") for title in shown["journeys"])
    ]
    assert len(buttons) >= 3, [n["name"] for n in tree if n["role"] == "push button"]
    for button in buttons:
        title = next(t for t in shown["journeys"] if button["name"].endswith(f": {t}"))
        assert button["description"] == shown["journeys"][title], button


@pytest.mark.parametrize(("lang", "mode"), [("es_MX", "first_run"), ("fr_FR", "home")])
def test_no_empty_label_and_the_step_said_once(heard, lang, mode):
    tree, shown = heard(lang, mode)
    empty = [
        n
        for n in tree
        if n["showing"] and not n["name"] and n["role"] in {"label", "static", "heading"}
    ]
    assert not empty, f"a screen reader lands on empty text: {empty}"
    if shown["step"]:
        said = [n for n in tree if n["showing"] and shown["step"] in n["name"]]
        assert len(said) == 1, f"{shown['step']!r} is heard {len(said)} times: {said}"
