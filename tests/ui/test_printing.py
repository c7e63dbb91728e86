"""Printouts come out as PDF files whose text can be read back."""

import datetime as dt
import sys

from pypdf import PdfReader

from app.ui.printing import Printout


def test_pdf_holds_title_name_date_items_and_escapes_text(qapp, tmp_path):
    p = Printout("My plan", "Ana", dt.date(2026, 11, 23))
    p.heading("To do").item("Call the bank <now>", "Use the number on your card")
    p.blank_lines(2, "Notes")
    pdf = p.write_pdf(tmp_path / "plan.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    for expected in (
        "My plan",
        "For Ana",
        "November 23, 2026",
        "Call the bank <now>",
        "Use the number on your card",
        "Notes",
    ):
        assert expected in text


def test_a_pdf_never_loads_the_system_printing(qapp, tmp_path, monkeypatch):
    """QPrinter loads the CUPS plugin, which opens network connections (port 631): a PDF is
    written by QPdfWriter, without QtPrintSupport at all."""
    monkeypatch.setitem(sys.modules, "PySide6.QtPrintSupport", None)  # importing it fails
    pdf = Printout("My plan", "Ana", dt.date(2026, 11, 23)).paragraph("Call the bank.")
    path = pdf.write_pdf(tmp_path / "plan.pdf")
    reader = PdfReader(path)
    assert "Call the bank." in " ".join(reader.pages[0].extract_text().split())
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4


def test_a_megabyte_note_is_cut_on_paper(qapp, tmp_path):
    note = "Llamar al banco y pedir el número de reclamación. " * 20_000  # 1 MB
    p = Printout("My plan", "Ana", dt.date(2026, 11, 23))
    p.item("Call the bank " * 5_000, note).paragraph("\n".join(["line"] * 100_000))
    assert len(p.to_html()) < 60_000
    pages = PdfReader(p.write_pdf(tmp_path / "plan.pdf")).pages
    assert len(pages) <= 20
    assert "\u2026" in " ".join(page.extract_text() for page in pages)
