"""Print the size of a PyInstaller bundle and what dominates it.

    python packaging/bundle_report.py dist/sereno [--max-mb 180]

Groups files by what they are (ICU data, Qt libraries, Qt plugins, Python, system libraries,
Sereno's own data...), prints the groups largest first and the ten largest files. With
--max-mb, exits 1 when the bundle is larger (check-bundle uses it to keep the size honest).
Symbolic links are counted once (PyInstaller links _internal/libQt6*.so to PySide6/Qt/lib).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

GROUPS = [
    ("ICU (Unicode tables Qt needs for text)",
     re.compile(r"(^|/)(lib)?icu\w*[.\d]*\.(so|dll|dylib)")),
    ("Qt plugins (screen, print, speech, images)", re.compile(r"PySide6/Qt/plugins/")),
    ("Qt libraries", re.compile(r"(^|/)(lib)?Qt6\w*|Qt\w+\.framework")),
    ("PySide6 bindings", re.compile(r"PySide6/|shiboken6/|(lib)?pyside6|(lib)?shiboken6")),
    ("Qt translations", re.compile(r"\.qm$")),
    ("Python runtime", re.compile(r"(lib)?python3|base_library\.zip|lib-dynload/|PYZ|\.pyz$")),
    ("Babel locale data", re.compile(r"babel/")),
    ("Sereno data (resources, catalogs)", re.compile(r"app/_data/|app/store/schema/")),
    ("Password checker word lists (zxcvbn)", re.compile(r"zxcvbn")),
    ("Program file", re.compile(r"^(sereno|sereno\.exe)$")),
    ("System libraries", re.compile(r"\.(so[.\d]*|dll|dylib)$")),
]


def classify(rel: str) -> str:
    for name, pattern in GROUPS:
        if pattern.search(rel):
            return name
    return "Other"


def scan(root: Path) -> list[tuple[int, str]]:
    files = []
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            files.append((path.stat().st_size, path.relative_to(root).as_posix()))
    return files


def mb(n: int) -> str:
    return f"{n / 1_000_000:7.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--max-mb", type=float)
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"{args.bundle}: no bundle here", file=sys.stderr)
        return 1
    files = scan(args.bundle)
    total = sum(size for size, _ in files)
    groups: dict[str, int] = defaultdict(int)
    for size, rel in files:
        groups[classify(rel)] += size
    print(f"Bundle {args.bundle}: {mb(total).strip()} unpacked, {len(files)} files")
    for name, size in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(f"  {mb(size)}  {100 * size / total:4.1f} %  {name}")
    print("Largest files:")
    for size, rel in sorted(files, reverse=True)[:10]:
        print(f"  {mb(size)}  {rel}")
    if args.max_mb is not None and total > args.max_mb * 1_000_000:
        print(f"Too big: {mb(total).strip()} > {args.max_mb:g} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
