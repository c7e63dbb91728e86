"""Peak resident memory after visiting every page (goal: under 150 MB).

Run: .venv/bin/python bench/bench_memory.py
A child process opens a throw-away profile, shows the window and visits every page of
every journey with `app.ui.tour.iter_pages` (the tour behind `--screenshots`, which also
seeds each journey's demo data), letting the event loop run between pages; then it reports
its peak resident set size (`ru_maxrss`). The child is fresh so nothing else is counted.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MB = 150.0


def child(data_dir: str) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent

    from app.ui.application import QtTranslations, build_window, make_app, open_store
    from app.ui.tour import iter_pages

    app = make_app()
    store = open_store(Path(data_dir))
    window = build_window(store, QtTranslations(app), "es_MX", 100)
    window.show()
    start_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = 0
    for _name, _page in iter_pages(window):
        count += 1
        window.repaint()
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{count} {start_mb:.1f} {peak_mb:.1f}")
    window.close()
    store.close()
    return 0


def main() -> bool:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory(prefix="sereno-bench-memory-") as tmp:
        out = subprocess.run(
            [sys.executable, __file__, "--child", tmp],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
    pages, start_mb, peak_mb = out.stdout.strip().splitlines()[-1].split()
    peak = float(peak_mb)
    print(
        f"peak resident memory after {pages} pages: {peak:.0f} MB (first window: "
        f"{float(start_mb):.0f} MB) (target < {GOAL_MB:.0f} MB) "
        f"{'OK' if peak < GOAL_MB else 'OVER'}"
    )
    return peak < GOAL_MB


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2]))
    sys.exit(0 if main() else 1)
