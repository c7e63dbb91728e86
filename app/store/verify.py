"""Read a whole profile file before it is trusted: header, schema, every row, every value.

`integrity_check` only says the pages hold together. A crafted or bit-flipped file can pass
it and still carry a hidden trigger, a view, an extra table, a 400 KB nested JSON setting
or a date like 2027-01-33 that stops every start. So a file is opened read-only with
`trusted_schema=OFF`, its header must say it is Sereno's (`application_id`, a known
`user_version`), its schema must be exactly the one Sereno's own migrations make for that
version, and every value of every row is checked the way the repositories will read it.
Imports, opens and the backups recovery picks from all go through `verify()`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import stat
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

from app.store import limits
from app.store.migrations import latest_version, migrate

APPLICATION_ID = 0x53524E4F  # "SRNO", written by schema/v006_profiles.sql
APPLICATION_ID_SINCE = 6
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_VALUE_BYTES = 4 * 1024 * 1024  # sqlite refuses to hand back a longer string or blob
MAX_AMOUNT = Decimal(10) ** 12
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_MINUTE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\Z")
_DIGITS = re.compile(r"[0-9]{0,4}\Z")


class Refused(Exception):
    """What is wrong with the file; `reason` is "damaged", "not_sereno" or "too_new"."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason


# Checks for one value. Each raises ValueError (or TypeError) on a bad one. -------------
def _text(limit: int, null: bool = False) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value is None and null:
            return
        if not isinstance(value, str) or len(value) > limit:
            raise ValueError("text")

    return check


def _int(low: int = -(10**12), high: int = 10**12, null: bool = False):
    def check(value: Any) -> None:
        if value is None and null:
            return
        if type(value) is not int or not low <= value <= high:
            raise ValueError("integer")

    return check


def _enum(values: tuple, null: bool = False):
    def check(value: Any) -> None:
        if (value is None and null) or (isinstance(value, str) and value in values):
            return
        raise ValueError("choice")

    return check


def _date(null: bool = False):
    def check(value: Any) -> None:
        if value is None and null:
            return
        if not isinstance(value, str) or not _DATE.match(value):
            raise ValueError("date")
        dt.date.fromisoformat(value)

    return check


def _minute(value: Any) -> None:
    if not isinstance(value, str) or not _MINUTE.match(value):
        raise ValueError("time")
    dt.datetime.fromisoformat(value)


def _amount(value: Any) -> None:
    if not isinstance(value, str) or len(value) > 40:
        raise ValueError("amount")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError("amount") from None
    if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
        raise ValueError("amount")


def _last4(value: Any) -> None:
    if not isinstance(value, str) or not _DIGITS.match(value):
        raise ValueError("digits")


def _json(kind: type | None = None, null: bool = False):
    def check(value: Any) -> None:
        if value is None and null:
            return
        if not isinstance(value, str) or len(value) > limits.JSON_CHARS:
            raise ValueError("json size")
        try:
            parsed = json.loads(value)
        except RecursionError:
            raise ValueError("json depth") from None
        if limits.json_depth(parsed) > limits.JSON_DEPTH:
            raise ValueError("json depth")
        if kind is not None and not isinstance(parsed, kind):
            raise ValueError("json kind")

    return check


def _rules() -> dict[str, dict[str, Callable[[Any], None]]]:
    from app.core.answers import ACCOUNT_KINDS
    from app.core.tasks import REPEATS

    key, ident = _text(limits.KEY), _int(0)
    flag = _int(0, 1)
    kv = {"key": key, "value": _json()}
    return {
        "settings": kv,
        "progress": kv,
        "answers": kv,
        "drafts": {"page": key, "value": _json()},
        "accounts": {
            "id": ident,
            "kind": _enum(ACCOUNT_KINDS),
            "name": _text(limits.NAME),
            "last4": _last4,
            "position": _int(),
            "created": _date(),
        },
        "tasks": {
            "id": ident,
            "rule": _text(limits.KEY, null=True),
            "source": key,
            "title": _text(limits.TITLE),
            "why": _text(limits.NOTE),
            "how": _text(limits.NOTE),
            "note": _text(limits.NOTE),
            "params": _json(dict),
            "priority": _int(-1000, 1000),
            "due": _date(null=True),
            "repeat": _enum(REPEATS),
            "repeat_until": _date(null=True),
            "done_on": _date(null=True),
            "position": _int(),
            "deleted": flag,
            "created": _date(),
        },
        "task_log": {
            "id": ident,
            "task_id": ident,
            "done_on": _date(),
            "previous_due": _date(null=True),
        },
        "activity_checks": {
            "id": ident,
            "account_id": ident,
            "checked_on": _date(),
            "method": _enum(("hand", "file")),
            "result": _enum(("normal", "strange")),
            "note": _text(limits.NOTE),
        },
        "activity_imports": {
            "id": ident,
            "account_id": ident,
            "imported_on": _date(),
            "file_name": _text(limits.FILE_NAME),
            "row_count": _int(0),
            "added_count": _int(0),
        },
        "activity_transactions": {
            "id": ident,
            "account_id": ident,
            "import_id": _int(0, null=True),
            "fingerprint": key,
            "day": _date(),
            "amount": _amount,
            "currency": _text(10),
            "description": _text(limits.DESCRIPTION),
            "flags": _json(list),
            "rank": _int(),
            "verdict": _enum(("mine", "not_mine"), null=True),
            "reviewed_on": _date(null=True),
        },
        "password_changes": {
            "account_id": ident,
            "status": _enum(("changed", "later", "help"), null=True),
            "changed_on": _date(null=True),
            "two_step": _enum(("on", "not_offered", "later"), null=True),
            "updated": _date(),
        },
        "scam_answers": {
            "id": ident,
            "example_id": key,
            "answered_on": _date(),
            "answer": _enum(("genuine", "scam", "unsure")),
            "correct": flag,
        },
        "scam_round": {
            "slot": _int(0, 1000),
            "example_id": key,
            "answer": _enum(("genuine", "scam", "unsure"), null=True),
        },
        "calls": {
            "id": ident,
            "direction": _enum(("made", "received")),
            "at": _minute,
            "organisation": _text(limits.NAME),
            "person": _text(limits.NAME),
            "reference": _text(limits.NAME),
            "notes": _text(limits.NOTE),
            "felt_like_scam": flag,
            "task_id": _int(0, null=True),
        },
    }


RULES = _rules()


def _any_value(value: Any) -> None:
    """A column no rule names yet (a later migration): plain values of bounded size."""
    if isinstance(value, bytes) or (isinstance(value, str) and len(value) > limits.NOTE):
        raise ValueError("value")


# The schema ----------------------------------------------------------------------------
Schema = frozenset[tuple[str, str, str, str | None]]


def schema_of(conn: sqlite3.Connection) -> Schema:
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return frozenset((t, n, tb, s) for t, n, tb, s in rows)


@cache
def expected_schema(version: int) -> Schema:
    """What Sereno's own migrations make at this version, nothing more."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, up_to=version)
        return schema_of(conn)
    finally:
        conn.close()


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that runs nothing the file itself could ask for.

    Only a regular file is opened: sqlite would wait for ever on a named pipe.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise Refused("damaged", "not a regular file")
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA cell_size_check = ON")
        conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def read_all(conn: sqlite3.Connection) -> None:
    """Raise Refused unless the open file is a whole, well-formed Sereno profile."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if version > latest_version():
        raise Refused("too_new", f"version {version}")
    if version < 1 or app_id not in (
        (APPLICATION_ID,) if version >= APPLICATION_ID_SINCE else (0, APPLICATION_ID)
    ):
        raise Refused("not_sereno", f"version {version}, application id {app_id}")
    result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise Refused("damaged", "integrity check")
    actual = schema_of(conn)
    expected = expected_schema(version)
    if actual != expected:
        if not any(t == "table" and n == "settings" for t, n, _tb, _s in actual):
            raise Refused("not_sereno", "no settings table")
        extra = sorted(f"{t} {n}" for t, n, _tb, _s in actual - expected)
        raise Refused("damaged", f"schema differs: {', '.join(extra[:5]) or 'missing parts'}")
    if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise Refused("damaged", "a row points to nothing")
    tables = sorted(n for t, n, _tb, _s in expected if t == "table")
    for table in tables:
        rules = RULES.get(table, {})
        cur = conn.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cur.description]
        checks = [rules.get(name, _any_value) for name in names]
        for number, row in enumerate(cur, 1):
            for name, check, value in zip(names, checks, row, strict=True):
                try:
                    check(value)
                except (ValueError, TypeError, ArithmeticError):
                    # Never the value itself: it may be what the person wrote.
                    raise Refused("damaged", f"{table}.{name}, row {number}") from None


def verify(path: Path) -> None:
    """Raise Refused unless the file at `path` is a whole, well-formed Sereno profile.

    sqlite errors that mean "cannot reach the file now" are left to the caller (they are
    not damage); any other sqlite error is damage.
    """
    conn = open_read_only(path)
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        conn.close()
        raise Refused("damaged", f"{size} bytes")
    try:
        read_all(conn)
    except (RecursionError, MemoryError) as exc:
        raise Refused("damaged", type(exc).__name__) from None
    finally:
        conn.close()
