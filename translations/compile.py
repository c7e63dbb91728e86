"""Compile every gettext catalog (translations/<lang>/LC_MESSAGES/*.po) to .mo.

Run by `make` and by the wheel build hook; .mo files are never committed.
"""
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_catalogs(root: Path) -> int:
    """Compile the catalogs under root/translations; return how many were written."""
    count = 0
    for po in sorted(Path(root, "translations").glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        with mo.open("wb") as f:
            write_mo(f, catalog)
        count += 1
    return count


if __name__ == "__main__":
    compile_catalogs(Path(__file__).resolve().parent.parent)
