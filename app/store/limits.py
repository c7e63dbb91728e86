"""How much one value may hold: written text is cut to these lengths, read text checked.

The same numbers serve both ways, so a profile Sereno wrote itself always passes the full
read (app/store/verify.py), and a crafted file with a 1 MB note or a 400 KB setting never
reaches a page.
"""

from __future__ import annotations

from typing import Any

NAME = 100  # a first name, an account name, an organisation, a person spoken to
TITLE = 300  # a task's title
NOTE = 5000  # a note, a task's "why" and "how", what was agreed on a call
DESCRIPTION = 500  # a payment's description (the payee)
FILE_NAME = 260  # a bank file's name
KEY = 200  # rule names, page keys, fingerprints, example ids
FOLDER = 4096  # the last folder a file was opened from
JSON_CHARS = 256 * 1024  # one JSON value (a setting, a draft, a task's params)
JSON_DEPTH = 16
JSON_ITEMS = 2000  # entries in one list or object
TEXT = NOTE  # any other string inside a JSON value

# Settings whose text is shown as a name; the rest of the strings get TEXT.
SETTING_TEXT = {"first_name": NAME, "trusted_person": NAME, "last_folder": FOLDER}


def clip(text: str, limit: int) -> str:
    """The text, cut to `limit` characters (never in the middle of a surrogate pair)."""
    return text if len(text) <= limit else text[:limit]


def clip_json(value: Any, depth: int = 0) -> Any:
    """A JSON-able value with every string clipped and every list or object bounded."""
    if depth >= JSON_DEPTH - 1:
        return None
    if isinstance(value, str):
        return clip(value, TEXT)
    if isinstance(value, dict):
        return {
            clip(str(k), KEY): clip_json(v, depth + 1) for k, v in list(value.items())[:JSON_ITEMS]
        }
    if isinstance(value, (list, tuple)):
        return [clip_json(v, depth + 1) for v in list(value)[:JSON_ITEMS]]
    return value


def json_depth(value: Any) -> int:
    """How deeply lists and objects nest (without recursion: a crafted value may be deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest
