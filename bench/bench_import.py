"""How long reading and flagging a 10,000-row bank CSV takes (goal: under 0.5 s).

Run: .venv/bin/python bench/bench_import.py
The file is generated in the French style (";", cp1252, decimal comma, separate debit and
credit columns, an account block above the header), the hardest common case.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.flags import flag_transactions  # noqa: E402
from app.core.statements import read_statement  # noqa: E402

ROWS = 10_000
GOAL = 0.5
PAYEES = ["CB SUPERMARCHÉ CENTRAL", "PRLV EDF", "CB PHARMACIE DURAND", "VIR LOYER",
          "CB BOULANGERIE", "PRLV ORANGE", "CB STATION ESSENCE", "RETRAIT DAB"]


def make_csv(path: Path, rows: int = ROWS) -> None:
    rng = random.Random(4)
    lines = ["Compte courant;****1234", "Titulaire;M. DUPONT", "",
             "Date;Libellé;Débit;Crédit;Solde"]
    day = dt.date(2020, 1, 1)
    for i in range(rows):
        day += dt.timedelta(days=rng.random() < 0.2)
        cents = rng.randint(50, 250_000)
        amount = f"{cents // 100:,}".replace(",", "\u00a0") + f",{cents % 100:02d}"
        debit, credit = (f"-{amount}", "") if rng.random() < 0.9 else ("", amount)
        label = f"{rng.choice(PAYEES)} {i % 97}"
        lines.append(f"{day:%d/%m/%Y};{label};{debit};{credit};1\u00a0234,56")
    path.write_bytes("\r\n".join(lines).encode("cp1252"))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "releve.csv"
        make_csv(path)
        best = cpu = float("inf")
        for _ in range(5):
            start, start_cpu = time.perf_counter(), time.process_time()
            statement = read_statement(path)
            flagged = flag_transactions(statement.transactions, history=[])
            best = min(best, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
        assert len(flagged) == ROWS
        verdict = "OK" if best < GOAL else "TOO SLOW"
        # Wall-clock time is the goal; CPU time shows the cost when the machine is busy.
        print(f"read + flag {ROWS} CSV rows: {best:.3f} s (goal < {GOAL} s) {verdict}; "
              f"CPU {cpu:.3f} s")


if __name__ == "__main__":
    main()
