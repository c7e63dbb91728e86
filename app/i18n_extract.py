"""Babel extractor for data files: pulls the translatable strings out of resources/*.toml.

A data file lists its translatable keys at the top, e.g. `translatable = ["title", "why"]`;
every string (or list of strings) under those keys, at any depth, goes into the catalog.
The loaders translate the same keys with `_` when they show them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from typing import Any


def translatable_strings(data: dict[str, Any]) -> Iterator[str]:
    """Every string the file marks as translatable, in file order."""
    keys = set(data.get("translatable", ()))

    def walk(node: Any, key: str | None) -> Iterator[str]:
        if isinstance(node, dict):
            for k, v in node.items():
                if k != "translatable":
                    yield from walk(v, k)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, key)
        elif isinstance(node, str) and key in keys and node:
            yield node

    yield from walk(data, None)


def extract_toml(fileobj, keywords, comment_tags, options):
    """The Babel extraction method named `toml_resource` in babel.cfg."""
    raw = fileobj.read().decode("utf-8")
    data = tomllib.loads(raw)
    lines = raw.splitlines()
    for text in translatable_strings(data):
        first = text.splitlines()[0] if text else text
        lineno = next((i + 1 for i, line in enumerate(lines) if first in line), 1)
        yield lineno, None, text, []
