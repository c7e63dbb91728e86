"""Text a person typed or a bank file brought is shown as typed: never a link, an image or markup.

A first name, an account name, a task title and its note, a call in the log and a payee
all hold `<a href=…>`, `<img src=…>` and HTML entities. The tour shows every page with
them: no label shows such text as rich text, none opens links, and each one is seen
literally somewhere. The question before deleting a task (its title inside) and the
help box are plain-text message boxes. A text of a megabyte is cut on screen.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMessageBox

from app.core.flags import flag_transactions
from app.core.statements import Transaction
from app.core.tasks import Task
from app.store.calls import Call
from app.ui import dialogs
from app.ui.tour import iter_pages
from app.ui.widgets.labels import MORE, SHOWN_CHARS, Entries, Text
from tests.conftest import TODAY

LINK = '<a href="https://x.example/v">Verify</a>'
IMAGE = '<img src="file:///etc/hosts">'
ENTITIES = "&amp; &lt;b&gt; &#65;"
HOSTILE = {
    "first name": f"Ana {LINK}",
    "account": f"Banco {IMAGE}",
    "task title": f"Pay {LINK} {ENTITIES}",
    "task note": f"See {IMAGE} and {LINK} {ENTITIES}",
    "organisation": f"IMSS {LINK}",
    "call notes": f"They said {IMAGE} {ENTITIES}",
    "payee": f"SHOP {LINK} {ENTITIES}",
}
MARKUP = re.compile(r"<\s*(a|img)\b|&(amp|lt|gt|#\d+);", re.IGNORECASE)
LINK_FLAGS = (
    Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
)
REAL = {name: getattr(dialogs, name) for name in ("confirm", "choose", "tell")}


def hostile_profile(store) -> None:
    store.settings.set("first_name", HOSTILE["first name"])
    store.answers.add_account("email", "Correo")
    bank = store.answers.add_account("bank", HOSTILE["account"], "4821")
    store.tasks.add(Task(title=HOSTILE["task title"], note=HOSTILE["task note"], due=TODAY))
    at = dt.datetime.combine(TODAY - dt.timedelta(days=1), dt.time(10, 15))
    store.calls.add(Call("made", at, HOSTILE["organisation"], "Luis", "R-1", HOSTILE["call notes"]))
    payments = [
        Transaction(TODAY - dt.timedelta(days=3), Decimal("-389.00"), HOSTILE["payee"], "MXN")
    ]
    store.activity.import_statement(
        bank.id, TODAY, "banco.csv", flag_transactions(payments, []), "MXN"
    )


def bad_labels(window) -> list[str]:
    """Labels that could show markup or open a link, with why."""
    bad = []
    for label in window.findChildren(QLabel):
        text = label.text()
        if label.textFormat() != Qt.TextFormat.PlainText and re.search(r"<\s*(a|img)\b", text):
            bad.append(f"rich text with a link or an image: {text[:80]!r}")
        if label.textFormat() == Qt.TextFormat.AutoText and MARKUP.search(text):
            bad.append(f"automatic format with markup: {text[:80]!r}")
        if label.openExternalLinks() or label.textInteractionFlags() & LINK_FLAGS:
            bad.append(f"opens links: {text[:80]!r}")
    return bad


@pytest.mark.timeout(120)
def test_the_tour_shows_hostile_names_notes_titles_and_payees_as_typed(
    make_window, qtbot, monkeypatch
):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    w = make_window(lang="es_MX", done=True, on_store=hostile_profile)
    bad, shown = [], set()
    for name, _page in iter_pages(w):
        if name == "home":  # the tour's demo profile names the person: put the hostile one back
            w.controller.set_setting("first_name", HOSTILE["first name"])
            w.current.load()
        bad += [f"{name}: {problem}" for problem in bad_labels(w)]
        plain = [
            label
            for label in w.findChildren(QLabel)
            if label.textFormat() == Qt.TextFormat.PlainText and MARKUP.search(label.text())
        ]
        shown |= {label.text() for label in plain}
        for label in plain[:3]:  # a click on shown markup opens nothing
            qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert not bad, "\n".join(bad[:20])
    missing = [what for what, text in HOSTILE.items() if not any(text in s for s in shown)]
    assert not missing, f"never seen as typed: {missing}"
    assert not opened


def test_the_question_before_deleting_a_task_is_plain_text(make_window, qtbot, monkeypatch):
    for name, function in REAL.items():  # the real boxes, not the fake
        monkeypatch.setattr(dialogs, name, function)
    boxes = []

    def shown(box):
        boxes.append(
            (
                box.textFormat(),
                box.text(),
                [(label.textFormat(), label.text()) for label in box.findChildren(QLabel)],
            )
        )
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    w = make_window(lang="en", done=True, on_store=hostile_profile)
    w.controller.start("todo")
    task = next(t for t in w.controller.store.tasks.all() if t.title == HOSTILE["task title"])
    w.current.delete(task.id)  # what its Delete button does
    qtbot.mouseClick(w.help_button, Qt.MouseButton.LeftButton)
    assert len(boxes) == 2
    form, text, labels = boxes[0]
    assert form == Qt.TextFormat.PlainText and HOSTILE["task title"] in text
    assert all(f != Qt.TextFormat.RichText for f, t in labels if HOSTILE["task title"] in t)
    assert boxes[1][0] == Qt.TextFormat.PlainText
    assert any(t.title == HOSTILE["task title"] for t in w.controller.store.tasks.all())


@pytest.mark.parametrize("kind", ["confirm", "tell", "choose"])
def test_every_kind_of_message_box_is_plain_text(qapp, monkeypatch, kind):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    text = f"{HOSTILE['first name']}, {HOSTILE['task title']}"
    if kind == "confirm":
        assert dialogs.confirm(None, text, "Yes", "No") is False  # closed: the safe answer
    elif kind == "tell":
        dialogs.tell(None, text, kind="warning")
    else:
        assert dialogs.choose(None, text, [("a", "A"), ("b", "B")], "a", "b") == "b"
    (box,) = boxes
    assert box.textFormat() == Qt.TextFormat.PlainText and box.text() == text


def test_a_megabyte_of_text_is_cut_on_screen(qapp):
    huge = "Llamar al banco. " * 62_000  # about 1 MB, as a pasted or imported note could be
    label = Text(huge)
    assert len(label.text()) <= SHOWN_CHARS + 1 and label.text().endswith(MORE)
    assert label.accessibleName() == label.text()
    label.setText("\n".join(["line"] * 100_000))
    assert label.text().count("\n") < 200 and label.text().endswith(MORE)
    entries = Entries([huge, "Call my daughter"])
    assert len(entries.text()) < 1000 and entries.text().endswith("Call my daughter")
    assert Text("Short note").text() == "Short note"


def test_an_ampersand_in_a_name_on_a_button_is_shown_and_makes_no_shortcut(qtbot):
    from PySide6.QtGui import QKeySequence

    from app.ui.widgets import BigButton

    button = BigButton("Tom & Jerry")
    qtbot.addWidget(button)
    assert button.accessibleName() == "Tom & Jerry"
    assert button.shortcut() == QKeySequence()  # Qt read "& J" as Alt+J before
    assert button.text().replace("&&", "&") == "Tom & Jerry"
