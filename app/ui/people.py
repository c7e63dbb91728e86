"""People on this computer as the window speaks of them: what erasing removes, the question
at closing on a shared computer, and what a file that cannot be read is told.

The session (app/ui/session.py) and the profile pages share these words, and take from here
the few store types they hold (the folder of people, a person, what was erased, the errors
a notes file can raise), so neither a page nor the session's callers import app.store.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.i18n import _, ngettext
from app.store import STORAGE_ERRORS, StoreError
from app.store.profiles import DataDir, Erased, Profile
from app.ui import dialogs

__all__ = [
    "STORAGE_ERRORS",
    "DataDir",
    "Erased",
    "Profile",
    "StoreError",
    "ask_keep_or_erase",
    "describe",
    "erased_text",
    "store_error_text",
]


def ask_keep_or_erase(parent: QWidget | None, name: str) -> str:
    """On a shared computer, at closing: "keep", "erase" or "cancel" (do not close)."""
    who = (
        _("{name}, this computer is shared.").format(name=name)
        if name
        else _("This computer is shared.")
    )
    text = who + " " + _("Do you want to keep your notes here for next time, or erase them now?")
    answers = [
        ("keep", _("Keep my notes")),
        ("erase", _("Erase my notes")),
        ("cancel", _("Do not close")),
    ]
    return dialogs.choose(
        parent, text, answers, default="keep", escape="cancel", destructive="erase"
    )


def describe(folder: DataDir | None, profile_id: str, name: str) -> str:
    """Exactly what erasing this person removes, before it is done."""
    files = folder.files_of(profile_id) if folder else []
    copies = sum(1 for p in files if folder and p.parent == folder.backup_dir)
    damaged = sum(1 for p in files if ".damaged-" in p.name and p.name.endswith(".sqlite3"))
    lines = [
        _(
            "All the notes of {name} on this computer: answers, accounts, to-do list, "
            "checks and settings."
        ).format(name=name)
        if name
        else _(
            "All the notes of this person on this computer: answers, accounts, to-do list, "
            "checks and settings."
        )
    ]
    if copies:
        lines.append(
            ngettext(
                "The safety copy Sereno made.", "The {n} safety copies Sereno made.", copies
            ).format(n=copies)
        )
    if damaged:
        lines.append(
            ngettext(
                "One damaged copy kept aside.", "{n} damaged copies kept aside.", damaged
            ).format(n=damaged)
        )
    lines.append(_("Files saved elsewhere (a PDF, a .sereno file) are not touched."))
    return "\n".join("• " + line for line in lines)


def erased_text(erased: Erased) -> str:
    """What was removed, in the language now set (the erased person's: call it first)."""
    lines = [_("Erased from this computer:")]
    if erased.notes:
        lines.append("• " + _("the notes (answers, accounts, to-do list, checks, settings)"))
    if erased.backups:
        lines.append(
            "• "
            + ngettext("{n} safety copy", "{n} safety copies", erased.backups).format(
                n=erased.backups
            )
        )
    if erased.damaged:
        lines.append(
            "• "
            + ngettext("{n} damaged copy", "{n} damaged copies", erased.damaged).format(
                n=erased.damaged
            )
        )
    if len(lines) == 1:
        lines = [_("There was nothing left to erase.")]
    return "\n".join(lines)


def store_error_text(error: BaseException) -> str:
    """What to say when a notes file cannot be brought in or erased (any storage error)."""
    reason = error.reason if isinstance(error, StoreError) else "unreadable"
    if reason == "too_big":
        return _("This file is too big to be Sereno notes. Nothing was changed.")
    if reason == "not_a_file":
        return _(
            "This is not a file Sereno can bring in. Please choose the .sereno file "
            "itself. Nothing was changed."
        )
    if reason == "in_use":
        return _(
            "These notes are open in another Sereno window. Please close that window "
            "first, then try again."
        )
    if reason == "too_new":
        return _(
            "This file was made by a newer version of Sereno. Please install that version "
            "here first. Nothing was changed."
        )
    return _(
        "This file cannot be read. It may be damaged, or it may not be a Sereno file. "
        "Nothing was changed."
    )
