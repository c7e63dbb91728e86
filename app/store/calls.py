"""The call log: calls made and received, newest first, each one editable and deletable."""

from __future__ import annotations

import datetime as dt
import sqlite3

from app.core.calls import DIRECTIONS, Call
from app.store import limits
from app.store.db import Database

_COLUMNS = "id, direction, at, organisation, person, reference, notes, felt_like_scam, task_id"
_FIELDS = (
    "direction",
    "at",
    "organisation",
    "person",
    "reference",
    "notes",
    "felt_like_scam",
    "task_id",
)


def _call(row: sqlite3.Row) -> Call:
    return Call(
        id=row["id"],
        direction=row["direction"],
        at=dt.datetime.fromisoformat(row["at"]),
        organisation=row["organisation"],
        person=row["person"],
        reference=row["reference"],
        notes=row["notes"],
        felt_like_scam=bool(row["felt_like_scam"]),
        task_id=row["task_id"],
    )


def _values(call: Call) -> tuple:
    if call.direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {DIRECTIONS}: {call.direction!r}")
    at = call.at.replace(second=0, microsecond=0, tzinfo=None)
    name, note = limits.NAME, limits.NOTE
    return (
        call.direction,
        at.isoformat(timespec="minutes"),
        limits.clip(call.organisation.strip(), name),
        limits.clip(call.person.strip(), name),
        limits.clip(call.reference.strip(), name),
        limits.clip(call.notes.strip(), note),
        int(call.felt_like_scam),
        call.task_id,
    )


class CallsRepo:
    """The calls table: each row mapped to a core `Call` and back."""

    def __init__(self, db: Database):
        self.db = db

    def all(self) -> list[Call]:
        """Every call, newest first."""
        rows = self.db.query(f"SELECT {_COLUMNS} FROM calls ORDER BY at DESC, id DESC")
        return [_call(r) for r in rows]

    def get(self, call_id: int) -> Call | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM calls WHERE id = ?", (call_id,))
        return _call(rows[0]) if rows else None

    def add(self, call: Call) -> Call:
        with self.db.write() as conn:
            cur = conn.execute(
                f"INSERT INTO calls ({', '.join(_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                _values(call),
            )
        return self.get(cur.lastrowid)  # type: ignore[return-value]

    def update(self, call: Call) -> Call:
        """Write every field of a stored call (its id says which)."""
        if call.id is None:
            raise ValueError("a call without an id cannot be updated")
        sets = ", ".join(f"{name} = ?" for name in _FIELDS)
        with self.db.write() as conn:
            conn.execute(f"UPDATE calls SET {sets} WHERE id = ?", (*_values(call), call.id))
        return self.get(call.id)  # type: ignore[return-value]

    def delete(self, call_id: int) -> Call | None:
        """Remove a call; returns it, so the page can offer Undo (add it back)."""
        found = self.get(call_id)
        with self.db.write() as conn:
            conn.execute("DELETE FROM calls WHERE id = ?", (call_id,))
        return found

    def restore(self, call: Call) -> Call:
        """Put a deleted call back with its own id."""
        with self.db.write() as conn:
            conn.execute(
                f"INSERT INTO calls (id, {', '.join(_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (call.id, *_values(call)),
            )
        return self.get(call.id)  # type: ignore[arg-type,return-value]

    def for_task(self, task_id: int) -> list[Call]:
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM calls WHERE task_id = ? ORDER BY at DESC, id DESC",
            (task_id,),
        )
        return [_call(r) for r in rows]
