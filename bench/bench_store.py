"""The store: one committed change, and opening a profile with five years of history.

Run: .venv/bin/python bench/bench_store.py
Goals: p99 of a single committed change (a task ticked) under 10 ms with synchronous=FULL;
opening a profile with 5 years of history (a monthly check of each of 3 accounts, 2,000
reviewed payments, 300 tasks with their ticks) under 100 ms.

The profile is written through the repositories (`store.tasks`, `store.activity`,
`store.answers`), on the same disk as the system's temporary folder: every commit waits for
the disk (fsync), so the figure depends on it.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.flags import Flag, Flagged, FlagKind  # noqa: E402
from app.core.statements import Transaction, fingerprints  # noqa: E402
from app.core.tasks import Task  # noqa: E402
from app.store import Store  # noqa: E402

TICK_GOAL_MS = 10.0
OPEN_GOAL_MS = 100.0
TODAY = dt.date(2026, 11, 23)
YEARS = 5
PAYMENTS = 2_000
TASKS = 300
TICKS = 300


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


def seed(store: Store) -> None:
    """Five years of a careful person's history."""
    store.settings.set("first_run_done", True)
    store.settings.set("country", "MX")
    store.answers.set_exposed({"name_address", "birth_date", "social_security", "pension"})
    accounts = [
        store.answers.add_account("email", "Correo"),
        store.answers.add_account("bank", "Banco", "4821"),
        store.answers.add_account("social_security", "IMSS"),
    ]
    start = TODAY.replace(year=TODAY.year - YEARS)
    months = [
        dt.date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 3)
        for i in range(YEARS * 12)
    ]
    for month in months:
        for account in accounts:
            method = "file" if account.kind == "bank" else "hand"
            store.activity.record_check(account.id, month, method, "normal")
    # The bank account's monthly statements, every payment reviewed.
    bank = accounts[1].id
    per_month = math.ceil(PAYMENTS / len(months))
    made = 0
    for month in months:
        txns = [
            Transaction(
                month + dt.timedelta(days=i % 25),
                Decimal(-(1_000 + 37 * (made + i))) / 100,
                f"CB COMERCIO {(made + i) % 41}",
                "MXN",
            )
            for i in range(min(per_month, PAYMENTS - made))
        ]
        if not txns:
            break
        flagged = [
            Flagged(t, (Flag(FlagKind.NEW_PAYEE),) if i % 9 == 0 else (), fp)
            for i, (t, fp) in enumerate(zip(txns, fingerprints(txns), strict=True))
        ]
        result = store.activity.import_statement(bank, month, f"estado-{month:%Y-%m}.csv", flagged)
        made += result.added
        with store.db.write() as conn:  # the person's answers, one month at a time
            conn.execute(
                "UPDATE activity_transactions SET verdict = 'mine', reviewed_on = ? "
                "WHERE import_id = ?",
                (month.isoformat(), result.import_id),
            )
    for i in range(TASKS):
        task = store.tasks.add(
            Task(
                title=f"Tarea {i}",
                due=TODAY - dt.timedelta(days=i),
                repeat="monthly" if i % 10 == 0 else "",
            )
        )
        if i % 3:
            store.tasks.mark_done(task.id, TODAY - dt.timedelta(days=i // 2))


def open_profile(path: Path, backup_dir: Path) -> tuple[float, Store]:
    """Open, and read what the home page and the journeys' summaries read."""
    start = time.perf_counter()
    store = Store(path, backup_dir, TODAY)
    store.settings.get("language")
    store.progress.position()
    store.answers.snapshot("MX")
    store.tasks.due(TODAY, 3)
    store.tasks.all()
    for account in store.answers.accounts():
        store.activity.last_check(account.id)
        store.activity.pending(account.id)
    return (time.perf_counter() - start) * 1000, store


def main() -> bool:
    with tempfile.TemporaryDirectory(prefix="sereno-bench-store-") as tmp:
        path, backups = Path(tmp) / "profile.sqlite3", Path(tmp) / "backups"
        store = Store(path, backups, TODAY - dt.timedelta(days=1))
        started = time.perf_counter()
        seed(store)
        seeded = time.perf_counter() - started
        sync = store.db.conn.execute("PRAGMA synchronous").fetchone()[0]
        journal = store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        size = path.stat().st_size
        open_ids = [t.id for t in store.tasks.all(include_done=False)]
        ticks = []
        for i in range(TICKS):
            task_id = open_ids[i % len(open_ids)]
            start = time.perf_counter()
            store.tasks.mark_done(task_id, TODAY)
            ticks.append((time.perf_counter() - start) * 1000)
            store.tasks.undo_done(task_id)
        store.close()
        first_open, store = open_profile(path, backups)  # makes today's backup
        store.close()
        opens = []
        for _ in range(15):
            elapsed, store = open_profile(path, backups)
            store.close()
            opens.append(elapsed)
    print(
        f"profile: {size / 1024:.0f} KiB, journal_mode={journal}, synchronous={sync} "
        f"(2 = FULL), written in {seeded:.1f} s"
    )
    tick = p99(ticks)
    print(
        f"task ticked (one committed change): p99 {tick:.1f} ms over {TICKS}, median "
        f"{statistics.median(ticks):.1f} ms (target < {TICK_GOAL_MS:.0f} ms) "
        f"{'OK' if tick < TICK_GOAL_MS and sync == 2 else 'OVER'}"
    )
    typical = statistics.median(opens)
    print(
        f"open a 5-year profile (integrity check, migrations, home reads): median "
        f"{typical:.1f} ms, worst {max(opens):.1f} ms over {len(opens)} (target < "
        f"{OPEN_GOAL_MS:.0f} ms) {'OK' if typical < OPEN_GOAL_MS else 'OVER'}; first open of "
        f"the day, with its backup copy: {first_open:.1f} ms"
    )
    return tick < TICK_GOAL_MS and typical < OPEN_GOAL_MS


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
