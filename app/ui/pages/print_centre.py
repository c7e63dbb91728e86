"""One place to print: every printout a journey registered, and today's summary.

Each goes to a printer or to a PDF file, in large type, with the person's name and the
date. The list is what the journeys' page modules registered (app/ui/printing.py), in its
order; the to-do list and the notebook are their own journeys' printouts.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.core.journeys import password_order
from app.i18n import N_, _, format_date
from app.ui import pages
from app.ui.pages.registry import register
from app.ui.pages.todo_paper import due_line
from app.ui.printing import Printout, Sheet, print_paper, register_sheet, save_pdf, sheets
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text


def summary_printout(controller) -> Printout:
    """What was checked, which passwords were changed (dates only), what is left, who to call."""
    c = controller
    today = c.today()
    sheet = Printout(_("Today's summary"), c.setting("first_name") or "", today)
    accounts = password_order(c.answers())
    sheet.heading(_("Accounts I checked"))
    if not accounts:
        sheet.paragraph(_("No account written down yet."))
    for account in accounts:
        last = c.activity.last_check(account.id)
        if last is None:
            line = _("Not checked yet.")
        elif last.result == "strange":
            line = _("Checked on {date}: something looked strange.").format(
                date=format_date(last.day)
            )
        else:
            line = _("Checked on {date}: everything looked normal.").format(
                date=format_date(last.day)
            )
        sheet.item(account.name, line, tick=False)
    sheet.heading(_("Passwords I changed"))
    for account in accounts:
        state = c.passwords.state(account.id)
        if state.status == "changed" and state.changed_on:
            line = _("Changed on {date}.").format(date=format_date(state.changed_on))
        else:
            line = _("Not changed yet.")
        sheet.item(account.name, line, tick=False)
    if not accounts:
        sheet.paragraph(_("No account written down yet."))
    sheet.heading(_("What is left to do"))
    tasks = c.tasks.open()
    if not tasks:
        sheet.paragraph(_("Nothing left to do. Well done."))
    for task in tasks:
        lines = [due_line(task, today)]
        if task.shown_how():
            lines.append(task.shown_how())
        sheet.item(task.shown_title(), "\n".join(lines))
    sheet.heading(_("Someone I trust"))
    person = c.setting("trusted_person").strip()
    sheet.paragraph(person or _("Nobody written down yet."))
    # Never "call back": the caller's own number is what a scammer wants called.
    sheet.paragraph(
        _(
            "Worried by a call? Hang up. Then call the number on the back of your "
            "bank card yourself."
        )
    )
    return sheet


register_sheet(
    Sheet(
        "summary",
        N_("Today's summary"),
        N_(
            "What you checked, the passwords you changed, what is left to do, and "
            "someone you trust."
        ),
        summary_printout,
        N_("todays-summary"),
        order=10,
    )
)


class PrintPage(PageBase):
    """Print or save as PDF each printout registered; the first one listed is the main one."""

    title = N_("Print")

    def build(self, box: QVBoxLayout) -> None:
        pages.load_all()  # every journey's page module: the printouts they register
        self.sheets = {sheet.key: sheet for sheet in sheets()}
        self.print_buttons: dict[str, BigButton] = {}
        self.pdf_buttons: dict[str, BigButton] = {}
        for number, sheet in enumerate(self.sheets.values()):
            title = _(sheet.title)
            card = Card(name=title)
            card.box.addWidget(Heading(title))
            card.box.addWidget(Text(_(sheet.what)))
            printing = BigButton(
                _("Print"), primary=number == 0, description=_("Print: {title}").format(title=title)
            )
            printing.setAccessibleName(_("Print: {title}").format(title=title))
            pdf = BigButton(
                _("Save as PDF"), description=_("Save as PDF: {title}").format(title=title)
            )
            pdf.setAccessibleName(_("Save as PDF: {title}").format(title=title))
            printing.clicked.connect(lambda _c=False, k=sheet.key: self.print_sheet(k))
            pdf.clicked.connect(lambda _c=False, k=sheet.key: self.save_pdf(k))
            self.print_buttons[sheet.key], self.pdf_buttons[sheet.key] = printing, pdf
            card.box.addWidget(ButtonRow(printing, pdf))
            box.addWidget(card)

    def printout(self, key: str) -> Printout:
        return self.sheets[key].build(self.controller)

    def print_sheet(self, key: str) -> bool:
        return print_paper(self, self.printout(key), _("It is printing."))

    def save_pdf(self, key: str):
        return save_pdf(self, self.printout(key), _(self.sheets[key].file_stem))

    def next_text(self) -> str:
        return _("Finish")


PAGES = register("print", {"centre": PrintPage})
