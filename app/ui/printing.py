"""Printouts in large type (a plan, a notebook page, a call sheet), to paper or to PDF.

Pages describe what to print with a `Printout` (headings, paragraphs, tick-box items,
blank lines); this module lays it out with the person's name and the date on top.
QtPrintSupport is imported only when something is printed.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QFileDialog, QWidget

from app.i18n import _, format_date

PRINT_PT = 16


class Printout:
    """A document to hand over: built from plain text, escaped, in large type."""

    def __init__(self, title: str, person: str, day):
        self.title = title
        self.parts: list[str] = []
        who = _("For {name}").format(name=person) if person else ""
        line = " — ".join(filter(None, [who, format_date(day)]))
        self.parts.append(f"<h1>{html.escape(title)}</h1><p>{html.escape(line)}</p>")

    def heading(self, text: str) -> Printout:
        self.parts.append(f"<h2>{html.escape(text)}</h2>")
        return self

    def paragraph(self, text: str) -> Printout:
        body = "<br>".join(html.escape(line) for line in text.splitlines())
        self.parts.append(f"<p>{body}</p>")
        return self

    def item(self, title: str, details: str = "", tick: bool = True) -> Printout:
        """A line with an empty box to tick by hand, and its details below."""
        box = "&#9744; " if tick else ""
        extra = "<br>".join(html.escape(line) for line in details.splitlines())
        self.parts.append(
            f"<p><b>{box}{html.escape(title)}</b>" + (f"<br>{extra}" if extra else "") + "</p>"
        )
        return self

    def blank_lines(self, count: int, label: str = "") -> Printout:
        if label:
            self.parts.append(f"<p><b>{html.escape(label)}</b></p>")
        self.parts.extend("<p>" + "_" * 40 + "</p>" for _i in range(count))
        return self

    def to_html(self) -> str:
        style = (f"body {{ font-size: {PRINT_PT}pt; }} h1 {{ font-size: {PRINT_PT + 10}pt; }} "
                 f"h2 {{ font-size: {PRINT_PT + 4}pt; }}")
        return f"<html><head><style>{style}</style></head><body>{''.join(self.parts)}</body></html>"

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        doc.setHtml(self.to_html())
        return doc

    def write_pdf(self, path: Path) -> Path:
        """Write the printout as a PDF file (A4) and return its path."""
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setOutputFileName(str(path))
        self.document().print_(printer)
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
        path, _filter = QFileDialog.getSaveFileName(
            parent, _("Save as PDF"), str(Path(folder) / suggested_name), _("PDF files (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.write_pdf(Path(path))


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
