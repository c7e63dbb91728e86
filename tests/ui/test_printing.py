"""Printouts come out as PDF files whose text can be read back."""
import datetime as dt

from pypdf import PdfReader

from app.ui.printing import Printout


def test_pdf_holds_title_name_date_items_and_escapes_text(qapp, tmp_path):
    p = Printout("My plan", "Ana", dt.date(2026, 11, 23))
    p.heading("To do").item("Call the bank <now>", "Use the number on your card")
    p.blank_lines(2, "Notes")
    pdf = p.write_pdf(tmp_path / "plan.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())
    for expected in ("My plan", "For Ana", "November 23, 2026", "Call the bank <now>",
                     "Use the number on your card", "Notes"):
        assert expected in text
