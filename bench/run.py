"""`make bench`: every benchmark in its own process, then a summary of the verdicts.

Run: .venv/bin/python bench/run.py [name ...]   (names: startup pages store import memory)
These print figures; they are not tests and never fail the build on a slow machine. The
exit status is 1 when a figure is over its target, so a change can be compared by hand.
Figures and the machine they came from are kept in bench/RESULTS.md.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BENCHES = {
    "startup": "bench_startup.py",
    "pages": "bench_pages.py",
    "store": "bench_store.py",
    "import": "bench_import.py",
    "memory": "bench_memory.py",
}
VERDICTS = ("OK", "OVER", "TOO SLOW")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or cpu
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__}, Qt {qVersion()}"
    except ImportError:
        qt = "no PySide6"
    load = ""
    if hasattr(os, "getloadavg"):
        load = f", load average {os.getloadavg()[0]:.1f}"
    return (
        f"{os.cpu_count()} CPU ({cpu}){memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {qt}{load}"
    )


def main(names: list[str]) -> int:
    unknown = [n for n in names if n not in BENCHES]
    if unknown:
        print(f"unknown benchmark: {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
        return 2
    # Compiled catalogs, as installed; a stale .mo would be compiled in memory at start-up.
    subprocess.run([sys.executable, str(ROOT / "translations" / "compile.py")], check=True)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    print(f"machine: {machine()}")
    summary: list[str] = []
    failed = False
    for name in names or list(BENCHES):
        print(f"\n== {name} ({BENCHES[name]})", flush=True)
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(HERE / BENCHES[name])],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        lines = [line for line in out.stdout.splitlines() if line.strip()]
        for line in lines:
            print(line)
        if out.returncode not in (0, 1) or not lines:
            print(out.stderr[-3000:])
            summary.append(f"{name}: did not finish (exit {out.returncode})")
            failed = True
            continue
        for line in lines:
            if (
                any(f" {verdict}" in line for verdict in VERDICTS)
                and "target" in line
                or "goal" in line
            ):
                summary.append(line)
                failed |= " OVER" in line or "TOO SLOW" in line
        print(f"({time.perf_counter() - start:.0f} s)")
    print("\n== summary")
    for line in summary:
        print(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
