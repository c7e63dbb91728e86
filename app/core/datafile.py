"""Read a resources/*.toml data file and check it names exactly its translatable keys.

Every data file (plan rules, scam examples, contacts, call scripts) starts the same way;
the loaders then check their own entries and raise their own error type.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def read_data_file(
    path: Path, translatable: Iterable[str], error: type[Exception]
) -> dict[str, Any]:
    """The file's tables; `error` (naming the file) when unreadable or badly declared."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise error(f"{path.name}: {exc}") from exc
    keys = sorted(translatable)
    if sorted(set(data.get("translatable", ()))) != keys:
        raise error(f"{path.name}: translatable must be {keys}")
    return data
