"""Writes through the real Store in a loop until killed; used by test_crash_safety.py.

`python writer.py DB_PATH BACKUP_DIR DAY_OFFSET SEED`. Prints `ready` once the store is
open, then after each write has returned (so is committed) one line:
`task ID TITLE`, `account ID NAME` or `verdict TXN_ID VERDICT`, flushed at once.
A different day each run makes the store take its daily backup, so kills land there too.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.core.flags import Flagged  # noqa: E402
from app.core.statements import Transaction, fingerprint  # noqa: E402
from app.core.tasks import Task  # noqa: E402
from app.store import Store  # noqa: E402

START = dt.date(2026, 1, 1)


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    db_path, backup_dir, offset, seed = (
        Path(sys.argv[1]),
        Path(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    rnd = random.Random(seed)
    today = START + dt.timedelta(days=offset)
    store = Store(db_path, backup_dir, today)
    say("ready")
    account = store.answers.add_account("bank", f"Bank {seed}", "4821")
    say(f"account {account.id} {account.name}")
    n = 0
    while True:
        n += 1
        kind = rnd.randrange(3)
        if kind == 0:
            note = "x" * rnd.randrange(2000)
            task = store.tasks.add(Task(title=f"Task {seed}-{n} é ✓", note=note))
            say(f"task {task.id} {task.title}")
        elif kind == 1:
            added = store.answers.add_account("email", f"Mail {seed}-{n}")
            say(f"account {added.id} {added.name}")
        else:
            txn = Transaction(
                today,
                Decimal(f"-{rnd.randrange(1, 99999)}.{n % 100:02d}"),
                f"SHOP {seed}-{n}",
                "MXN",
            )
            item = Flagged(txn, (), fingerprint(txn))
            store.activity.import_statement(account.id, today, f"file-{n}.csv", [item])
            pending = store.activity.pending(account.id)
            verdict = "mine" if n % 2 else "not_mine"
            store.activity.set_verdict(pending[-1].id, verdict, today)
            say(f"verdict {pending[-1].id} {verdict}")


if __name__ == "__main__":
    main()
