"""Printouts in large type (a plan, a notebook page, a call sheet), to paper or to PDF.

Pages describe what to print with a `Printout` (headings, paragraphs, tick-box items,
blank lines); this module lays it out with the person's name and the date on top.
A PDF is written with QPdfWriter, which never touches the system's printing (CUPS opens
network connections); QtPrintSupport is imported only when the person presses Print.
Each text is cut to what a page or two can hold (a 1 MB note would take many seconds
and hundreds of pages). A journey offers a printout to the print centre with
`register_sheet(Sheet(...))` at the end of its page module.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from app.i18n import _, format_date
from app.ui import dialogs
from app.ui.widgets.labels import clip

PRINT_PT = 16
PDF_DPI = 300
PRINTED_CHARS = 12000  # one text (the details of a task, its note): a few pages at most
PRINTED_LINES = 300
TITLE_CHARS = 300


def _title(text: str) -> str:
    return html.escape(clip(text, TITLE_CHARS, 3))


def _lines(text: str) -> str:
    return "<br>".join(
        html.escape(line) for line in clip(text, PRINTED_CHARS, PRINTED_LINES).splitlines()
    )


class Printout:
    """A document to hand over: built from plain text, escaped, in large type."""

    def __init__(self, title: str, person: str, day):
        self.title = title
        self.parts: list[str] = []
        who = _("For {name}").format(name=person) if person else ""
        line = " — ".join(filter(None, [who, format_date(day)]))
        self.parts.append(f"<h1>{_title(title)}</h1><p>{_title(line)}</p>")

    def heading(self, text: str) -> Printout:
        self.parts.append(f"<h2>{_title(text)}</h2>")
        return self

    def paragraph(self, text: str) -> Printout:
        self.parts.append(f"<p>{_lines(text)}</p>")
        return self

    def item(self, title: str, details: str = "", tick: bool = True) -> Printout:
        """A line with an empty box to tick by hand, and its details below."""
        box = "&#9744; " if tick else ""
        extra = _lines(details)
        self.parts.append(
            f"<p><b>{box}{_title(title)}</b>" + (f"<br>{extra}" if extra else "") + "</p>"
        )
        return self

    def blank_lines(self, count: int, label: str = "") -> Printout:
        if label:
            self.parts.append(f"<p><b>{_title(label)}</b></p>")
        self.parts.extend("<p>" + "_" * 40 + "</p>" for _i in range(count))
        return self

    def to_html(self) -> str:
        style = (
            f"body {{ font-size: {PRINT_PT}pt; }} h1 {{ font-size: {PRINT_PT + 10}pt; }} "
            f"h2 {{ font-size: {PRINT_PT + 4}pt; }}"
        )
        return f"<html><head><style>{style}</style></head><body>{''.join(self.parts)}</body></html>"

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(self.to_html())
        return doc

    def write_pdf(self, path: Path) -> Path:
        """Write the printout as a PDF file (A4) and return its path."""
        from PySide6.QtGui import QPageSize, QPdfWriter

        # QPdfWriter, not QPrinter: a QPrinter loads the system's print plugin, and CUPS then
        # opens TCP connections (port 631, or any print server named in the environment).
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(PDF_DPI)
        writer.setTitle(clip(self.title, TITLE_CHARS, 1))
        writer.setCreator("Sereno")
        self.document().print_(writer)
        del writer  # the file is finished when the writer goes
        return Path(path)

    def print_with_dialog(self, parent: QWidget) -> bool:
        """Ask which printer (the system dialog), then print; False if the person cancels."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        self.document().print_(printer)
        return True

    def save_pdf_with_dialog(self, parent: QWidget, suggested_name: str) -> Path | None:
        """Ask where to save the PDF (the Documents folder by default); None if cancelled."""
        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path = dialogs.save_file(
            parent, _("Save as PDF"), Path(folder) / suggested_name, _("PDF files (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.write_pdf(Path(path))


@dataclass(frozen=True)
class Sheet:
    """A printout the print centre offers; texts marked with N_, translated when shown."""

    key: str
    title: str
    what: str  # what it holds, in one sentence
    build: Callable[..., Printout]  # build(controller)
    file_stem: str  # the PDF's suggested name, without ".pdf"
    order: int  # where the print centre lists it: lowest first


_SHEETS: dict[str, Sheet] = {}


def register_sheet(sheet: Sheet) -> Sheet:
    """Offer a printout in the print centre."""
    _SHEETS[sheet.key] = sheet
    return sheet


def sheets() -> list[Sheet]:
    """The printouts registered so far, in their order."""
    return sorted(_SHEETS.values(), key=lambda s: (s.order, s.key))


def print_paper(page, printout: Printout, message: str) -> bool:
    """Print from a page (the system's printer dialog) and say so; False if cancelled."""
    if printout.print_with_dialog(page):
        page.controller.changed(message)
        return True
    return False


def save_pdf(page, printout: Printout, file_stem: str) -> Path | None:
    """Save a page's printout as a PDF where the person chooses, and say where."""
    path = printout.save_pdf_with_dialog(page, file_stem + ".pdf")
    if path is not None:
        page.controller.changed(_("Saved: {file}").format(file=path.name))
    return path
