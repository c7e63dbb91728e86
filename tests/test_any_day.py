"""The suite passes whatever the machine's date: its date-dependent parts run on three days,
each test once on each day, in one child run (tests/conftest.py moves the clock).

Every test works on the fixed TODAY of conftest; a hidden read of the real clock (a backup
named after the machine's day, a due date worked out from it) shows up here as a failure on
one of these days, instead of on the morning after a release.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The modules that work with dates: the store and its backups, plans, tasks, the calendar.
DATED = [
    "tests/store",
    "tests/core/test_plan.py",
    "tests/core/test_tasks.py",
    "tests/core/test_calendar_export.py",
]


# Before TODAY, the last day of its year, and a day in a later February.
DAYS = ["2025-01-01", "2026-12-31", "2031-02-28"]


def test_the_dated_tests_pass_on_other_days():
    env = {**os.environ, "SERENO_TEST_CLOCK": ",".join(DAYS)}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-v",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            *DATED,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    passed = [line for line in run.stdout.splitlines() if " PASSED" in line]
    ran = [sum(f"[{day}" in line for line in passed) for day in DAYS]
    assert ran[0] > 100 and len(set(ran)) == 1, ran  # every test, once on each day
