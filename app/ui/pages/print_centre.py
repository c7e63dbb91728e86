"""One place to print: today's summary, the to-do list and the password notebook.

Each goes to a printer or to a PDF file, in large type, with the person's name and the
date. The to-do list and the notebook reuse the printouts of their own journeys.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout

from app.core.journeys import password_order
from app.i18n import N_, _, format_date
from app.ui.pages import todo
from app.ui.pages.passwords import notebook_printout
from app.ui.printing import Printout, print_paper, save_pdf
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text


def summary_printout(controller) -> Printout:
    """What was checked, which passwords were changed (dates only), what is left, who to call."""
    c = controller
    store, today = c.store, c.today()
    sheet = Printout(_("Today's summary"), c.setting("first_name") or "", today)
    accounts = password_order(c.answers())
    sheet.heading(_("Accounts I checked"))
    if not accounts:
        sheet.paragraph(_("No account written down yet."))
    for account in accounts:
        last = store.activity.last_check(account.id)
        if last is None:
            line = _("Not checked yet.")
        elif last.result == "strange":
            line = _("Checked on {date}: something looked strange.").format(
                date=format_date(last.day))
        else:
            line = _("Checked on {date}: everything looked normal.").format(
                date=format_date(last.day))
        sheet.item(account.name, line, tick=False)
    sheet.heading(_("Passwords I changed"))
    states = store.passwords.all()
    for account in accounts:
        state = states.get(account.id)
        if state is not None and state.status == "changed" and state.changed_on:
            line = _("Changed on {date}.").format(date=format_date(state.changed_on))
        else:
            line = _("Not changed yet.")
        sheet.item(account.name, line, tick=False)
    if not accounts:
        sheet.paragraph(_("No account written down yet."))
    sheet.heading(_("What is left to do"))
    tasks = store.tasks.all(include_done=False)
    if not tasks:
        sheet.paragraph(_("Nothing left to do. Well done."))
    for task in tasks:
        lines = [todo.due_line(task, today)]
        if task.shown_how():
            lines.append(task.shown_how())
        sheet.item(task.shown_title(), "\n".join(lines))
    sheet.heading(_("Someone I trust"))
    person = c.setting("trusted_person").strip()
    sheet.paragraph(person or _("Nobody written down yet."))
    # Never "call back": the caller's own number is what a scammer wants called.
    sheet.paragraph(_("Worried by a call? Hang up. Then call the number on the back of your "
                      "bank card yourself."))
    return sheet


# What can be printed: (key, title, what it holds, builder, PDF file name).
SHEETS: list[tuple[str, str, str, Callable, str]] = [
    ("summary", N_("Today's summary"),
     N_("What you checked, the passwords you changed, what is left to do, and someone you "
        "trust."), summary_printout, N_("todays-summary")),
    ("todo", N_("My to-do list"), N_("What is left to do, with how to do it."),
     todo.printout, N_("my-to-do-list")),
    ("notebook", N_("My password notebook"), N_("A page to write your passwords on by hand."),
     notebook_printout, N_("password-notebook")),
]


class PrintPage(PageBase):
    title = N_("Print")
    body = N_("Print a page to keep, or to give to someone who helps you. You can also save "
              "it as a PDF file.")

    def build(self, box: QVBoxLayout) -> None:
        self.print_buttons: dict[str, BigButton] = {}
        self.pdf_buttons: dict[str, BigButton] = {}
        for key, title, what, _build, _file in SHEETS:
            card = Card(name=_(title))
            card.box.addWidget(Heading(_(title)))
            card.box.addWidget(Text(_(what)))
            printing = BigButton(_("Print"), primary=key == "summary",
                                 description=_("Print: {title}").format(title=_(title)))
            printing.setAccessibleName(_("Print: {title}").format(title=_(title)))
            pdf = BigButton(_("Save as PDF"),
                            description=_("Save as PDF: {title}").format(title=_(title)))
            pdf.setAccessibleName(_("Save as PDF: {title}").format(title=_(title)))
            printing.clicked.connect(lambda _c=False, k=key: self.print_sheet(k))
            pdf.clicked.connect(lambda _c=False, k=key: self.save_pdf(k))
            self.print_buttons[key], self.pdf_buttons[key] = printing, pdf
            card.box.addWidget(ButtonRow(printing, pdf))
            box.addWidget(card)

    def printout(self, key: str) -> Printout:
        build = next(s[3] for s in SHEETS if s[0] == key)
        return build(self.controller)

    def print_sheet(self, key: str) -> bool:
        return print_paper(self, self.printout(key), _("It is printing."))

    def save_pdf(self, key: str):
        return save_pdf(self, self.printout(key), _(next(s[4] for s in SHEETS if s[0] == key)))

    def next_text(self) -> str:
        return _("Finish")


PAGES = {"centre": PrintPage}
