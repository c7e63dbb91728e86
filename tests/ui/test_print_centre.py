"""The one Print place: today's summary, the to-do list and the notebook, read back from PDF."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.core.tasks import Task
from app.ui import dialogs, printing
from app.ui.pages import print_centre
from app.ui.printing import Sheet
from app.ui.widgets import Heading
from tests.conftest import TODAY

LEFT = Qt.MouseButton.LeftButton


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def seed(store):
    store.settings.set("first_name", "Carmen")
    store.settings.set("trusted_person", "Lucía, mi hija — 55 0000 1234")
    email = store.answers.add_account("email", "Correo Gmail").id
    bank = store.answers.add_account("bank", "Banco Azteca", "4821").id
    store.answers.add_account("social_security", "IMSS")
    store.activity.record_check(bank, TODAY, "hand", "normal")
    store.activity.record_check(email, TODAY, "hand", "strange")
    store.passwords.set_status(email, "changed", TODAY)
    store.tasks.add(Task(title="Llamar al banco", how="Use el número de su tarjeta.", due=TODAY))
    done = store.tasks.add(Task(title="Tarea terminada"))
    store.tasks.mark_done(done.id, TODAY)


@pytest.fixture
def print_page(make_window):
    def make(lang="en"):
        w = make_window(lang=lang, done=True, on_store=seed)
        w.controller.start("print")
        assert w.current.step.page == "print.centre"
        return w

    return make


def save(qtbot, monkeypatch, w, key, target):
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(target))
    qtbot.mouseClick(w.current.pdf_buttons[key], LEFT)
    return target.with_suffix(".pdf")


def test_todays_summary_in_pdf(qtbot, monkeypatch, tmp_path, print_page):
    w = print_page()
    text = pdf_text(save(qtbot, monkeypatch, w, "summary", tmp_path / "summary"))
    assert "Today's summary" in text and "For Carmen" in text and "November 23, 2026" in text
    assert "Banco Azteca Checked on November 23, 2026: everything looked normal." in text
    assert "Correo Gmail Checked on November 23, 2026: something looked strange." in text
    assert "IMSS Not checked yet." in text
    assert "Correo Gmail Changed on November 23, 2026." in text
    assert "Llamar al banco" in text and "Use el número de su tarjeta." in text
    assert "Tarea terminada" not in text
    assert "Lucía, mi hija — 55 0000 1234" in text
    assert "summary.pdf" in w.status.text()


def test_summary_in_spanish(qtbot, monkeypatch, tmp_path, print_page):
    w = print_page("es_MX")
    text = pdf_text(save(qtbot, monkeypatch, w, "summary", tmp_path / "resumen.pdf"))
    assert "Para Carmen" in text and "23 de noviembre de 2026" in text
    assert "Today" not in text and "Checked" not in text


def test_summary_with_nothing_yet(make_window):
    w = make_window(done=True)
    html = print_centre.summary_printout(w.controller).to_html()
    assert "No account written down yet." in html
    assert "Nobody written down yet." in html


def test_todo_list_and_notebook_reuse_their_journeys(qtbot, monkeypatch, tmp_path, print_page):
    w = print_page()
    todo = pdf_text(save(qtbot, monkeypatch, w, "todo", tmp_path / "todo.pdf"))
    assert "My to-do list" in todo and "Llamar al banco" in todo and "For Carmen" in todo
    notebook = pdf_text(save(qtbot, monkeypatch, w, "notebook", tmp_path / "notebook.pdf"))
    assert "My password notebook" in notebook and "For Carmen" in notebook
    assert "Correo Gmail" in notebook and "Banco Azteca" in notebook


def test_print_asks_the_printer_and_cancel_prints_nothing(qtbot, monkeypatch, print_page):
    w = print_page()
    asked = []

    def dialog(self, parent):
        asked.append(self.title)
        return False

    monkeypatch.setattr(print_centre.Printout, "print_with_dialog", dialog)
    qtbot.mouseClick(w.current.print_buttons["summary"], LEFT)
    assert asked == ["Today's summary"]
    assert w.status.text() == ""


def test_cancelled_pdf_writes_nothing(qtbot, monkeypatch, tmp_path, print_page):
    w = print_page()
    monkeypatch.setattr(dialogs, "save_file", lambda *a: "")
    qtbot.mouseClick(w.current.pdf_buttons["summary"], LEFT)
    assert not list(tmp_path.glob("*.pdf"))


def test_the_summary_never_says_call_back(make_window):
    w = make_window(done=True)
    html = print_centre.summary_printout(w.controller).to_html()
    assert "call back" not in html and "back of your bank card yourself" in html


def test_the_centre_lists_every_registered_printout_in_order(monkeypatch, make_window):
    extra = Sheet(
        "calls", "My calls", "Every call written down.", lambda c: None, "my-calls", order=25
    )
    monkeypatch.setitem(printing._SHEETS, "calls", extra)
    w = make_window(done=True)
    w.controller.start("print")
    assert list(w.current.print_buttons) == ["summary", "todo", "calls", "notebook"]
    headings = [h.text() for h in w.current.findChildren(Heading)]
    assert headings == ["Today's summary", "My to-do list", "My calls", "My password notebook"]
    primary = [k for k, b in w.current.print_buttons.items() if b.property("role") == "primary"]
    assert primary == ["summary"]


def test_showing_and_printing_write_nothing(qtbot, monkeypatch, tmp_path, print_page):
    w = print_page()
    qtbot.wait(10)  # the position is saved once the page is painted
    store = w.controller.store
    before = store.db.commits
    w.current.load()
    for key in w.current.pdf_buttons:
        assert save(qtbot, monkeypatch, w, key, tmp_path / key).exists()
    assert store.db.commits == before
