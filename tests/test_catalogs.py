"""Every language complete: each message of the source is translated, nothing fuzzy."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from app.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
PO_FILES = sorted(ROOT.glob("translations/*/LC_MESSAGES/*.po"))


@cache
def source_messages() -> frozenset:
    with open(ROOT / "babel.cfg") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return frozenset(found)


def catalogs(lang: str) -> list:
    files = ROOT.glob(f"translations/{lang}/LC_MESSAGES/*.po")
    return [read_po(p.open("rb"), locale=lang) for p in files]


def test_source_has_messages():
    assert len(source_messages()) > 50


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_message_is_in_the_catalogs(lang):
    known = set()
    for cat in catalogs(lang):
        for m in cat:
            if m.id:
                known.add(m.id if isinstance(m.id, str) else tuple(m.id))
    singular = {k[0] if isinstance(k, tuple) else k for k in known}
    missing = [
        m
        for m in source_messages()
        if (m not in known and (m if isinstance(m, str) else m[0]) not in singular)
    ]
    examples = sorted(map(str, missing))[:5]
    assert not missing, f"{lang}: {len(missing)} messages missing, e.g. {examples}"


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_message_the_source_no_longer_uses(path):
    """A sentence left behind is never shown, and misleads whoever next reviews the words."""
    singular = {m if isinstance(m, str) else m[0] for m in source_messages()}
    stale = [
        m.id
        for m in read_po(path.open("rb"))
        if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in singular
    ]
    assert not stale, f"{path}: {stale[:5]}"


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_no_untranslated_or_fuzzy_message(path):
    cat = read_po(path.open("rb"))
    bad = [
        m.id
        for m in cat
        if m.id and (m.fuzzy or not (all(m.string) if isinstance(m.string, tuple) else m.string))
    ]
    assert not bad, f"{path}: {bad[:5]}"
    assert not cat.fuzzy, f"{path}: the header is marked fuzzy"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) not installed")
@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_msgfmt_check_passes(path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_catalog_per_language(lang):
    """Every message of a language in one file: nobody looks for the right part, and one
    message can never be translated two ways."""
    files = sorted(p.name for p in ROOT.glob(f"translations/{lang}/LC_MESSAGES/*.po"))
    assert files == ["sereno.po"]
