"""Schema versions: app/store/schema/vNNN_name.sql, applied forward on open.

`PRAGMA user_version` holds the highest version applied. Each file runs in its own
transaction with the version bump, so a crash leaves the database at a whole version.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
_NAME = re.compile(r"v(\d{3})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in SCHEMA_DIR.glob("v*.sql"):
        match = _NAME.match(path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def latest_version() -> int:
    return migrations()[-1][0]


def migrate(conn: sqlite3.Connection, up_to: int | None = None) -> int:
    """Apply every migration newer than the database; returns the version reached."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    for version, path in migrations():
        if version <= current or (up_to is not None and version > up_to):
            continue
        script = path.read_text(encoding="utf-8")
        try:
            conn.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
            )
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current = version
    return current
