"""Start-up: a whole Sereno process, from launch to its first window shown with the event
loop running, against a bare PySide6 window (one label, one button). Goal: at most 1.3x.

Run: .venv/bin/python bench/bench_startup.py [--runs N]
Each measured process is this file run again with `--child bare|app`: it shows its window,
and a zero-delay timer queued right after `show()` fires only once the event loop runs and
the window's first events are handled. It prints the monotonic clock (shared by every
process on the machine) and quits. The parent reads the clock just before it launches the
process, so Python's own start-up counts for both. Runs alternate bare, app, bare, app...
so a busy moment on the machine hurts both alike; the medians are compared.

Sereno is measured twice, each time with a throw-away --data-dir: on a first launch (an
empty folder: the profile is created, the first-run page is shown) and as a person who
comes back (a profile with answers, tasks and a finished first run: the home page).
Nothing in the app knows about this benchmark: the child wraps `MainWindow.show`.

`--cold` (root on Linux only) empties the machine's page cache before every launch: each
process then reads Qt, Python and Sereno from the disk, as an old computer does at its
first start of the day. It slows every other program on the machine for a moment.

A third child, `floor`, is a reference with no goal of its own: not Sereno, but the least
a PySide6 program of its kind does before its first window (the Qt namespace, a sqlite
file, one language's catalogs, a style sheet, a page of ten cards). Its ratio says how much
of the 1.3x any such program spends before it does anything of its own.
"""

from __future__ import annotations

# The child runs this file too: only what a bare script would import anyway is imported at
# the top, the parent's tools (subprocess, statistics, tempfile...) inside its functions.
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOAL = 1.3


def _report_after_show(app) -> None:
    from PySide6.QtCore import QTimer

    def report() -> None:
        print(f"shown {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report)


def child_bare() -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    box = QVBoxLayout(window)
    box.addWidget(QLabel("Hello"))
    box.addWidget(QPushButton("OK"))
    window.show()
    _report_after_show(app)
    return app.exec()


def child_floor() -> int:
    """A reference, not Sereno: the least a PySide6 program of Sereno's kind does before its
    first window. It uses the Qt namespace, opens a sqlite file, reads one language's
    catalogs, sets a style sheet and shows ten cards (text and a button) in a scroll area.
    Its ratio to the bare window shows how much of the goal any such program spends."""
    import dataclasses  # noqa: F401 - the kind of modules a model layer needs
    import gettext
    import glob
    import json  # noqa: F401
    import sqlite3
    import tempfile

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QApplication,
        QFrame,
        QLabel,
        QMainWindow,
        QPushButton,
        QScrollArea,
        QVBoxLayout,
        QWidget,
    )

    connection = sqlite3.connect(os.path.join(tempfile.gettempdir(), "sereno-bench-floor.db"))
    connection.execute("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value)")
    connection.execute("SELECT * FROM settings").fetchall()
    for mo in sorted(glob.glob(os.path.join(ROOT, "translations", "es_MX", "LC_MESSAGES", "*.mo"))):
        with open(mo, "rb") as f:
            gettext.GNUTranslations(f)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(
        "* { font-size: 18pt; } QPushButton { min-height: 52px; border: 2px "
        'solid #4A4A4A; border-radius: 8px; } QFrame[role="card"] { border: '
        "2px solid #4A4A4A; }"
    )
    window = QMainWindow()
    content = QWidget()
    box = QVBoxLayout(content)
    for i in range(10):
        card = QFrame()
        card.setProperty("role", "card")
        inside = QVBoxLayout(card)
        title = QLabel(f"Card {i}: a title long enough to wrap on a narrow window")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        inside.addWidget(title)
        inside.addWidget(QLabel("A line of text under it"))
        inside.addWidget(QPushButton("Start"))
        box.addWidget(card)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    window.setCentralWidget(scroll)
    window.resize(1280, 720)
    window.show()
    _report_after_show(app)
    return app.exec()


def child_app(data_dir: str) -> int:
    sys.path.insert(0, ROOT)
    from app import __main__ as entry

    # The modules main() imports before Qt, first, as main() does: PySide6 inspects the
    # source of every module imported after it (its __feature__ hook), so the order counts.
    entry.import_before_qt()
    from app.ui import shell

    original = shell.MainWindow.show

    def show(self) -> None:
        original(self)
        from PySide6.QtWidgets import QApplication

        _report_after_show(QApplication.instance())

    shell.MainWindow.show = show
    return entry.main(["--data-dir", data_dir])


def child_seed(data_dir: str) -> int:
    """A profile as a returning person has it: first run done, answers, accounts, a task."""
    import datetime as dt
    from pathlib import Path

    sys.path.insert(0, ROOT)
    from app.ui import demo
    from app.ui.application import make_app, open_store

    make_app()
    store = open_store(Path(data_dir))
    demo.seed(store, "es_MX", dt.date.today())
    store.close()
    return 0


def _env() -> dict[str, str]:
    """Children compile to a bytecode cache (kept outside the tree), as an installed app does.

    Without it (PYTHONDONTWRITEBYTECODE=1 in some shells) every launch would recompile all
    of Sereno's modules, a cost no installed copy pays, while PySide6 is precompiled.
    """
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import tempfile

    env["PYTHONPYCACHEPREFIX"] = os.path.join(tempfile.gettempdir(), "sereno-bench-pycache")
    return env


def drop_page_cache() -> None:
    """Forget every file the disk cache holds (Linux, root), so the next launch is cold."""
    os.sync()
    with open("/proc/sys/vm/drop_caches", "w") as f:
        f.write("3\n")


def launch(args: list[str], cold: bool = False) -> tuple[float, float]:
    """Seconds from just before the launch to the child's first window shown, and the
    CPU seconds the child had used by then (steadier than wall time on a busy machine)."""
    import subprocess

    if cold:
        drop_page_cache()
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, os.path.abspath(__file__), *args],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    for line in out.stdout.splitlines():
        if line.startswith("shown "):
            _word, shown, cpu = line.split()
            return float(shown) - start, float(cpu)
    raise RuntimeError(f"child {args} did not show a window:\n{out.stdout}\n{out.stderr}")


def main(runs: int, cold: bool = False) -> bool:
    import statistics
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="sereno-bench-") as tmp:
        returning = Path(tmp) / "returning"
        import subprocess

        subprocess.run(
            [sys.executable, os.path.abspath(__file__), "--child", "seed", str(returning)],
            check=True,
            env=_env(),
        )
        # One warm-up each, so the bytecode cache and the disk cache are the same for all.
        launch(["--child", "bare"])
        launch(["--child", "app", str(Path(tmp) / "warm")])
        launch(["--child", "floor"])
        times: dict[str, list[tuple[float, float]]] = {
            "bare": [],
            "first": [],
            "returning": [],
            "floor": [],
        }
        for i in range(runs):
            times["bare"].append(launch(["--child", "bare"], cold))
            times["first"].append(launch(["--child", "app", str(Path(tmp) / f"first{i}")], cold))
            times["bare"].append(launch(["--child", "bare"], cold))
            times["returning"].append(launch(["--child", "app", str(returning)], cold))
            times["floor"].append(launch(["--child", "floor"], cold))

    def medians(key: str) -> tuple[float, float]:
        return (
            statistics.median(t[0] for t in times[key]),
            statistics.median(t[1] for t in times[key]),
        )

    bare, bare_cpu = medians("bare")
    if cold:
        print("cold: the page cache was emptied before every launch")
    print(
        f"bare PySide6 window: median {bare * 1000:.0f} ms (CPU {bare_cpu * 1000:.0f} ms) "
        f"over {len(times['bare'])} runs"
    )
    floor, floor_cpu = medians("floor")
    print(
        f"reference, not Sereno (the least a PySide6 app with a database, catalogs and a "
        f"page of cards does): median {floor * 1000:.0f} ms = {floor / bare:.2f}x the bare "
        f"window; CPU {floor_cpu * 1000:.0f} ms = {floor_cpu / bare_cpu:.2f}x"
    )
    ok = True
    for key, label in (("first", "first launch"), ("returning", "returning person")):
        median, cpu = medians(key)
        ratio = median / bare
        verdict = "OK" if ratio <= GOAL else "OVER"
        ok &= verdict == "OK"
        print(
            f"start-up, {label}: median {median * 1000:.0f} ms = {ratio:.2f}x the bare window "
            f"(target <= {GOAL}x) {verdict}; CPU {cpu * 1000:.0f} ms = {cpu / bare_cpu:.2f}x"
        )
    return ok


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        if sys.argv[2] == "seed":
            sys.exit(child_seed(sys.argv[3]))
        if sys.argv[2] == "floor":
            sys.exit(child_floor())
        sys.exit(child_bare() if sys.argv[2] == "bare" else child_app(sys.argv[3]))
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="empty the page cache before every launch (Linux, as root)",
    )
    options = parser.parse_args()
    if options.cold:
        try:
            drop_page_cache()
        except OSError as exc:
            parser.error(f"--cold needs root on Linux ({exc.strerror})")
    sys.exit(0 if main(options.runs, options.cold) else 1)
