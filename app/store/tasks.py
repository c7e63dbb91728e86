"""The to-do list: tasks added by the plan, by the journeys and by the person."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from app.core.tasks import ANCHOR_DAY, HIDDEN_BY, Task
from app.store import limits
from app.store.db import Database

_CAPS = {"title": limits.TITLE, "why": limits.NOTE, "how": limits.NOTE, "note": limits.NOTE}


def _capped(task: Task) -> Task:
    """The task with its texts cut to what the store keeps (app/store/limits.py)."""
    from dataclasses import replace

    long = {
        k: limits.clip(getattr(task, k), n) for k, n in _CAPS.items() if len(getattr(task, k)) > n
    }
    return replace(task, **long) if long else task


_COLUMNS = (
    "id, rule, source, title, why, how, note, params, priority, due, repeat, "
    "repeat_until, done_on, position"
)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _task(row: sqlite3.Row) -> Task:
    return Task(
        id=row["id"],
        rule=row["rule"],
        source=row["source"],
        title=row["title"],
        why=row["why"],
        how=row["how"],
        note=row["note"],
        params=json.loads(row["params"] or "{}"),
        priority=row["priority"],
        due=_date(row["due"]),
        repeat=row["repeat"],
        repeat_until=_date(row["repeat_until"]),
        done_on=_date(row["done_on"]),
        position=row["position"],
    )


class TasksRepo:
    """The to-do list's rows: tasks, their ticks and whoever hid them."""

    def __init__(self, db: Database):
        self.db = db

    def all(self, include_done: bool = True) -> list[Task]:
        where = "deleted = 0" + ("" if include_done else " AND done_on IS NULL")
        rows = self.db.query(f"SELECT {_COLUMNS} FROM tasks WHERE {where} ORDER BY position, id")
        return [_task(r) for r in rows]

    def get(self, task_id: int) -> Task | None:
        rows = self.db.query(
            f"SELECT {_COLUMNS} FROM tasks WHERE id = ? AND deleted = 0", (task_id,)
        )
        return _task(rows[0]) if rows else None

    def by_rule(self, rule: str) -> Task | None:
        rows = self.db.query(f"SELECT {_COLUMNS} FROM tasks WHERE rule = ?", (rule,))
        return _task(rows[0]) if rows else None

    def due(self, today: dt.date, limit: int | None = None) -> list[Task]:
        """Open tasks due today or earlier, most urgent first."""
        tasks = [t for t in self.all(include_done=False) if t.is_due(today)]
        tasks.sort(key=lambda t: (t.due, t.priority, t.position))
        return tasks[:limit] if limit else tasks

    def add(self, task: Task) -> Task:
        """Add a task at the end of the list (a task with a known rule is updated instead)."""
        task = _capped(task)
        if task.rule and self.by_rule(task.rule):
            return self.upsert(task)
        with self.db.write() as conn:
            pos = conn.execute("SELECT COALESCE(MAX(position), 0) + 1 FROM tasks").fetchone()[0]
            cur = conn.execute(
                "INSERT INTO tasks (rule, source, title, why, how, note, params, priority, due, "
                "repeat, repeat_until, position, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    task.rule,
                    task.source,
                    task.title,
                    task.why,
                    task.how,
                    task.note,
                    json.dumps(task.params, ensure_ascii=False),
                    task.priority,
                    _iso(task.due),
                    task.repeat,
                    _iso(task.repeat_until),
                    pos,
                    dt.date.today().isoformat(),
                ),
            )
        return self.get(cur.lastrowid)  # type: ignore[return-value]

    def upsert(self, task: Task) -> Task:
        """Refresh a rule's wording without touching the person's tick, note, date or order.

        The end of a repetition is kept while the repetition itself is unchanged; a hidden
        task is shown again.
        """
        task = _capped(task)
        stored = self.by_rule(task.rule)  # type: ignore[arg-type]
        params = dict(task.params)
        if stored and ANCHOR_DAY in stored.params:
            params[ANCHOR_DAY] = stored.params[ANCHOR_DAY]
        params.pop(HIDDEN_BY, None)
        wanted = (task.source, task.title, task.why, task.how, params, task.priority, task.repeat)
        if (
            stored
            and stored.id is not None
            and self.hidden_by(stored.id) is None
            and (
                stored.source,
                stored.title,
                stored.why,
                stored.how,
                stored.params,
                stored.priority,
                stored.repeat,
            )
            == wanted
        ):
            return stored  # already so: no write (each is a commit, and re-runs are frequent)
        with self.db.write() as conn:
            conn.execute(
                "UPDATE tasks SET source = ?, title = ?, why = ?, how = ?, params = ?, "
                "priority = ?, repeat_until = CASE WHEN repeat = ? THEN repeat_until ELSE ? END, "
                "repeat = ?, deleted = 0 WHERE rule = ?",
                (
                    task.source,
                    task.title,
                    task.why,
                    task.how,
                    json.dumps(params, ensure_ascii=False),
                    task.priority,
                    task.repeat,
                    _iso(task.repeat_until),
                    task.repeat,
                    task.rule,
                ),
            )
        return self.by_rule(task.rule)  # type: ignore[arg-type,return-value]

    def update(self, task_id: int, **fields) -> None:
        """Change the person-editable fields: title, note, due, repeat (own tasks: why, how)."""
        allowed = {"title", "why", "how", "note", "due", "repeat", "repeat_until", "priority"}
        if set(fields) - allowed:
            raise ValueError(sorted(set(fields) - allowed))
        values = {
            k: (
                _iso(v)
                if isinstance(v, dt.date)
                else limits.clip(v, _CAPS[k])
                if k in _CAPS and isinstance(v, str)
                else v
            )
            for k, v in fields.items()
        }
        if "due" in fields:
            # A new date starts the repetition again from its own day of the month.
            task = self._any(task_id)
            if task is not None and ANCHOR_DAY in task.params:
                params = {k: v for k, v in task.params.items() if k != ANCHOR_DAY}
                values["params"] = json.dumps(params, ensure_ascii=False)
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.db.write() as conn:
            conn.execute(f"UPDATE tasks SET {sets} WHERE id = ?", (*values.values(), task_id))

    def _any(self, task_id: int) -> Task | None:
        """A task, hidden or not."""
        rows = self.db.query(f"SELECT {_COLUMNS} FROM tasks WHERE id = ?", (task_id,))
        return _task(rows[0]) if rows else None

    def _set_params(self, conn: sqlite3.Connection, task_id: int, params: dict) -> None:
        conn.execute(
            "UPDATE tasks SET params = ? WHERE id = ?",
            (json.dumps(params, ensure_ascii=False), task_id),
        )

    def mark_done(self, task_id: int, today: dt.date) -> None:
        """Tick a task; a repeating one moves to its next date instead of closing."""
        task = self.get(task_id)
        if task is None or task.done:
            return
        nxt = task.after_done(today)
        with self.db.write() as conn:
            conn.execute(
                "INSERT INTO task_log (task_id, done_on, previous_due) VALUES (?, ?, ?)",
                (task_id, today.isoformat(), _iso(task.due)),
            )
            if nxt:
                if ANCHOR_DAY not in task.params and task.repeat in ("monthly", "yearly"):
                    # Remember the starting day, so the 31st survives February.
                    anchor = task.anchor_day or (task.due or today).day
                    self._set_params(conn, task_id, {**task.params, ANCHOR_DAY: anchor})
                conn.execute("UPDATE tasks SET due = ? WHERE id = ?", (nxt.isoformat(), task_id))
            else:
                conn.execute(
                    "UPDATE tasks SET done_on = ? WHERE id = ?", (today.isoformat(), task_id)
                )

    def undo_done(self, task_id: int) -> None:
        """Take back the last tick: the task is open again with the date it had."""
        rows = self.db.query(
            "SELECT id, previous_due FROM task_log WHERE task_id = ? ORDER BY id DESC LIMIT 1",
            (task_id,),
        )
        if not rows:
            return
        with self.db.write() as conn:
            conn.execute(
                "UPDATE tasks SET done_on = NULL, due = ? WHERE id = ?",
                (rows[0]["previous_due"], task_id),
            )
            conn.execute("DELETE FROM task_log WHERE id = ?", (rows[0]["id"],))

    def history(self, task_id: int) -> list[dt.date]:
        rows = self.db.query(
            "SELECT done_on FROM task_log WHERE task_id = ? ORDER BY id", (task_id,)
        )
        return [dt.date.fromisoformat(r["done_on"]) for r in rows]

    def move(self, task_id: int, offset: int) -> None:
        """Move a task up (-1) or down (+1) among the visible ones."""
        ids = [t.id for t in self.all()]
        if task_id not in ids:
            return
        i = ids.index(task_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        with self.db.write() as conn:
            conn.executemany("UPDATE tasks SET position = ? WHERE id = ?", list(enumerate(ids, 1)))

    def delete(self, task_id: int, by: str = "") -> None:
        """Hide a task (it can be brought back with restore, so Delete can be undone).

        `by` says who hid it when it was not the person (the plan, when its rule no longer
        applies), so the plan brings back only what it hid itself.
        """
        task = self._any(task_id)
        if task is None:
            return
        with self.db.write() as conn:
            if by or HIDDEN_BY in task.params:
                params = {k: v for k, v in task.params.items() if k != HIDDEN_BY}
                if by:
                    params[HIDDEN_BY] = by
                self._set_params(conn, task_id, params)
            conn.execute("UPDATE tasks SET deleted = 1 WHERE id = ?", (task_id,))

    def hidden_by(self, task_id: int) -> str | None:
        """None for a task on the list; for a hidden one, who hid it ("" for the person)."""
        rows = self.db.query("SELECT deleted, params FROM tasks WHERE id = ?", (task_id,))
        if not rows or not rows[0]["deleted"]:
            return None
        return str(json.loads(rows[0]["params"] or "{}").get(HIDDEN_BY, ""))

    def restore(self, task_id: int) -> None:
        task = self._any(task_id)
        if task is None:
            return
        with self.db.write() as conn:
            if HIDDEN_BY in task.params:
                params = {k: v for k, v in task.params.items() if k != HIDDEN_BY}
                self._set_params(conn, task_id, params)
            conn.execute("UPDATE tasks SET deleted = 0 WHERE id = ?", (task_id,))
