"""The real question windows: each button gives its own answer, closing gives the safe one."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.ui import dialogs


def clicking(label: str):
    """In place of the window's event loop: press the button showing `label`."""

    def run(box) -> int:
        button = next(b for b in box.buttons() if b.text() == label)
        button.click()
        return 0

    return run


@pytest.mark.parametrize(
    "label, expected",
    [("Keep my notes", "keep"), ("Erase my notes", "erase"), ("Do not close", "cancel")],
)
def test_choose_answers_the_key_of_the_button_pressed(qapp, monkeypatch, label, expected):
    monkeypatch.setattr(QMessageBox, "exec", clicking(label))
    answers = [("keep", "Keep my notes"), ("erase", "Erase my notes"), ("cancel", "Do not close")]
    assert (
        dialogs.choose(
            None, "Keep or erase?", answers, default="keep", escape="cancel", destructive="erase"
        )
        == expected
    )


def test_confirm_is_yes_only_when_yes_is_pressed(qapp, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", clicking("Yes, delete"))
    assert dialogs.confirm(None, "Delete?", "Yes, delete", "No, keep") is True
    monkeypatch.setattr(QMessageBox, "exec", clicking("No, keep"))
    assert dialogs.confirm(None, "Delete?", "Yes, delete", "No, keep") is False
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # closed with Escape
    assert dialogs.confirm(None, "Delete?", "Yes, delete", "No, keep") is False
