"""What they already know, and calls: the card to keep by the phone, call scripts, the
call log and the check-up calendar.

The card lists, in large type, the facts a caller may already know (from the answers to
"What happened?") and Sereno's rule: hang up, then call a number you already have. The
scripts say what to have at hand, say, ask for and never give, per organisation. The call
log is in calls_log.py. The calendar exports the repeating tasks as an .ics file for a
phone or email calendar, and prints them month by month.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app import i18n
from app.core.calendar_export import build_calendar, months_ahead, repeating, write_file
from app.core.call_scripts import CallScript, load_scripts, script
from app.core.calls import Call
from app.core.flow import Step  # noqa: F401 - tests and callers reach it here
from app.core.known_facts import CARD_INTRO, CARD_RULE, CARD_TITLE, card_lines, known_facts
from app.i18n import N_, _, format_date, ngettext, weekday_name
from app.ui import dialogs
from app.ui.pages.calls_log import LogPage, reset_choices, show_now
from app.ui.pages.home_calls import home_section  # noqa: F401 - kept importable here
from app.ui.pages.registry import register
from app.ui.printing import Printout, print_paper, save_pdf
from app.ui.speech import say_or_explain
from app.ui.widgets import BigButton, Card, ChoiceGroup, Heading, PageBase, Text
from app.ui.widgets.buttons import buttons
from app.ui.widgets.labels import Entries
from app.ui.widgets.more import TellMeMore, content
from app.ui.widgets.page import KeptWidgets, clear_layout

SCRIPT_PARTS: tuple[tuple[str, str], ...] = (
    ("have_at_hand", N_("Have at hand")),
    ("say", N_("What to say")),
    ("ask_for", N_("What to ask for")),
    ("never_give", N_("Never give")),
)
SHOWN_PARTS = ("say",)  # the rest of a script is behind "Tell me more"


def _person(controller) -> str:
    return controller.setting("first_name") or ""


# What they already know ----------------------------------------------------------------
def card_printout(controller) -> Printout:
    """The card to keep by the phone: the facts in large type and the rule."""
    sheet = Printout(_(CARD_TITLE), _person(controller), controller.today())
    lines = card_lines(controller.answers())
    if lines:
        sheet.heading(lines[0])
        sheet.paragraph("\n".join(lines[1:-1]))
        sheet.heading(lines[-1])
    return sheet


class CardPage(PageBase):
    """What a caller may already know: a card to keep by the phone."""

    title = CARD_TITLE
    help = N_(
        "These are facts about you that may be in the leak. A caller who says them is "
        "not proving anything. Keep this card by the phone."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.print_button = BigButton(
            _("Print the card"),
            primary=True,
            description=_("Print this card to keep by the phone."),
        )
        self.print_button.clicked.connect(self.print_card)
        self.pdf_button = BigButton(
            _("Save as PDF"), description=_("Save the card as a file you can print later.")
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        self.read_button = BigButton(_("Read it aloud"))
        self.read_button.clicked.connect(self.read)
        # Printing it is what the page is for: its buttons first, in sight at 175 %.
        self.actions = buttons(self.print_button, self.pdf_button, self.read_button)
        box.addWidget(self.actions)
        self.card = Card(name=_(CARD_TITLE))
        box.addWidget(self.card)
        self.empty = Text(_("Answer “What happened?” first: the card is made from your answers."))
        box.addWidget(self.empty)
        self.answer_button = BigButton(_("What happened?"), primary=True)
        self.answer_button.clicked.connect(lambda: self.controller.start("what_happened"))
        self.answer_row = buttons(self.answer_button)
        box.addWidget(self.answer_row)

    def load(self) -> None:
        clear_layout(self.card.box)
        answers = self.controller.answers()
        facts = known_facts(answers)
        self.card.setVisible(bool(facts))
        self.actions.setVisible(bool(facts))
        self.empty.setVisible(not facts)
        self.answer_row.setVisible(not facts)
        if not facts:
            return
        self.card.box.addWidget(Text(_(CARD_INTRO)))
        for fact in facts:
            # what the leak holds about this person: their own data, not explanation
            self.card.box.addWidget(content(Text(f"• {fact.shown()}", "heading")))
        lines = card_lines(answers)
        if len(lines) > len(facts) + 2:  # the "not sure" line
            self.card.box.addWidget(Text(lines[-2], "muted"))
        self.card.box.addWidget(Text(_(CARD_RULE), "status"))
        show_now(self.card.box)

    def text(self) -> str:
        return "\n".join(card_lines(self.controller.answers()))

    def read(self) -> None:
        say_or_explain(self, self.text())

    def print_card(self) -> None:
        print_paper(self, card_printout(self.controller), _("The card is printing."))

    def save_pdf(self) -> None:
        save_pdf(self, card_printout(self.controller), _("what-they-know"))


# Call scripts ----------------------------------------------------------------------------
def script_printout(controller, entry: CallScript) -> Printout:
    sheet = Printout(entry.shown("organisation"), _person(controller), controller.today())
    sheet.paragraph(entry.shown("call_on"))
    phone = _phone_line(entry, controller.setting("country"))
    if phone:
        sheet.paragraph(phone)
    for field, label in SCRIPT_PARTS:
        sheet.heading(_(label))
        sheet.paragraph("\n".join(f"• {line}" for line in entry.lines(field)))
    sheet.blank_lines(3, _("Notes during the call"))
    return sheet


def _phone_line(entry: CallScript, country: str) -> str:
    contact = entry.contact_for(country)
    if contact is None or not contact.phone:
        return ""
    line = _("Phone: {number}").format(number=contact.shown_phone())
    return f"{line} ({contact.shown('phone_note')})" if contact.phone_note else line


class ScriptsPage(PageBase):
    """What to say when the person calls an organisation themselves."""

    title = N_("What to say on the phone")
    body = N_("Choose whom you are calling.")

    def build(self, box: QVBoxLayout) -> None:
        self.choices = ChoiceGroup(exclusive=True, name=_("Whom are you calling?"))
        self.keep("script", self.choices)
        self.choices.on_change(self.show_script)
        box.addWidget(self.choices)
        self.script_card = Card()
        box.addWidget(self.script_card)
        # The question is whom the person calls; Next stays the main button.
        self.print_button = BigButton(_("Print this script"))
        self.print_button.clicked.connect(self.print_script)
        self.read_button = BigButton(_("Read it aloud"))
        self.read_button.clicked.connect(lambda: say_or_explain(self, self.script_text()))
        self.actions = buttons(self.print_button, self.read_button)
        box.addWidget(self.actions)

    def load(self) -> None:
        reset_choices(
            self.choices,
            [
                (e.id, e.shown("organisation"), "")
                for e in load_scripts(self.controller.setting("country"))
            ],
        )
        super().load()
        self.show_script()

    def chosen(self) -> CallScript | None:
        value = self.choices.value()
        return script(value) if value else None

    def show_script(self) -> None:
        clear_layout(self.script_card.box)
        entry = self.chosen()
        self.script_card.setVisible(entry is not None)
        self.actions.setVisible(entry is not None)
        if entry is None:
            return
        self.script_card.setAccessibleName(entry.shown("organisation"))
        self.script_card.box.addWidget(Heading(entry.shown("organisation")))
        self.script_card.box.addWidget(Text(entry.shown("call_on")))
        phone = _phone_line(entry, self.controller.setting("country"))
        if phone:
            self.script_card.box.addWidget(Text(phone, "status"))
        # In sight: whom to call and what to say; the rest (what to have at hand, to ask
        # for, never to give) on request, and always on paper and read aloud.
        for field in SHOWN_PARTS:
            self.script_card.box.addWidget(self._part(entry, field))
        self.script_card.box.addWidget(
            TellMeMore(
                [
                    self._part(entry, field)
                    for field, _label in SCRIPT_PARTS
                    if field not in SHOWN_PARTS
                ],
                about=entry.shown("organisation"),
            )
        )
        show_now(self.script_card.box)

    @staticmethod
    def _part(entry: CallScript, field: str) -> QWidget:
        """One part of a script under its heading; the lines to say are the script's own
        words, read out on the phone (in bold, and not counted as explanation)."""
        part = QWidget()
        part.setObjectName("buttons")  # transparent: the card's colour shows through
        box = QVBoxLayout(part)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        box.addWidget(Heading(_(dict(SCRIPT_PARTS)[field])))
        for line in entry.lines(field):
            label = Text(f"• {line}", "status" if field == "say" else "")
            box.addWidget(content(label) if field == "say" else label)
        return part

    def script_text(self) -> str:
        entry = self.chosen()
        if entry is None:
            return ""
        parts = [entry.shown("organisation"), entry.shown("call_on")]
        for field, label in SCRIPT_PARTS:
            parts += [_(label), *entry.lines(field)]
        return "\n".join(parts)

    def print_script(self) -> None:
        entry = self.chosen()
        if entry is not None:
            print_paper(self, script_printout(self.controller, entry), _("The script is printing."))


# The check-up calendar -------------------------------------------------------------------
def calendar_printout(controller) -> Printout:
    """The next twelve months of repeating tasks, month by month."""
    sheet = Printout(_("My check-up calendar"), _person(controller), controller.today())
    months = months_ahead(controller.tasks.open(), controller.today())
    if not any(m.items for m in months):
        sheet.paragraph(_("Nothing comes back regularly on your list."))
    for month in months:
        if not month.items:
            continue
        sheet.heading(_month_name(month.first))
        for day, task, every in month.entries():
            sheet.item(task.shown_title(), _when(day, every, with_year=True))
    return sheet


def _when(day: dt.date, every: bool, with_year: bool = False) -> str:
    """A date of the calendar, or its weekday for a task that comes back every week."""
    if every:
        return _("Every {weekday}").format(weekday=weekday_name(day))
    return format_date(day, with_year=with_year)


def _month_name(first: dt.date) -> str:
    from babel.dates import format_skeleton

    from app.i18n import babel_locale

    name = format_skeleton("yMMMM", first, locale=babel_locale())
    return name[:1].upper() + name[1:]


def write_ics(controller, path: Path) -> Path:
    """Write the calendar file whole, or not at all, never through a planted link."""
    return write_file(path, build_calendar(controller.tasks.open()))


class CalendarPage(PageBase):
    """The repeating checks as a calendar file or a month-by-month sheet."""

    title = N_("My check-up calendar")
    body = N_(
        "Some checks come back every month or every year. A helper can put them in "
        "your phone or email calendar with this file, or you can print them."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.count_label = content(Text())
        box.addWidget(self.count_label)
        self.ics_button = BigButton(
            _("Save the calendar file"),
            primary=True,
            description=_("A file for a phone or email calendar."),
        )
        self.ics_button.clicked.connect(self.save_ics)
        self.print_button = BigButton(_("Print month by month"))
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button = BigButton(
            _("Save as PDF"), description=_("Save the months as a file you can print.")
        )
        self.pdf_button.clicked.connect(self.save_pdf)
        self.actions = buttons(self.ics_button, self.print_button, self.pdf_button)
        box.addWidget(self.actions)
        self.months = QVBoxLayout()
        self.months.setSpacing(12)
        self.months_kept = KeptWidgets(self.months)
        self.shown_for: tuple | None = None  # the tasks and day the months were made from
        box.addLayout(self.months)

    def load(self) -> None:
        tasks = repeating(self.controller.tasks.open())
        shown = (tuple(repr(t) for t in tasks), self.controller.today())
        if shown == self.shown_for:
            return  # a year of dates worked out again would give the same months
        self.shown_for = shown
        self.count_label.setText(
            ngettext(
                "{n} check comes back regularly.", "{n} checks come back regularly.", len(tasks)
            ).format(n=len(tasks))
            if tasks
            else _("Nothing comes back regularly on your list.")
        )
        self.actions.setVisible(bool(tasks))
        months = []
        for month in months_ahead(tasks, self.controller.today()):
            if month.items:
                name = _month_name(month.first)
                lines = tuple(
                    _("{date}: {task}").format(date=_when(day, every), task=task.shown_title())
                    for day, task, every in month.entries()
                )
                months.append(((name, lines), lambda n=name, t=lines: self._month_card(n, t)))
        self.months_kept.fill(months)

    @staticmethod
    def _month_card(name: str, lines: tuple[str, ...]) -> Card:
        card = Card(name=name)
        card.box.addWidget(Heading(name))
        card.box.addWidget(Entries(lines))
        return content(card)  # the person's own tasks, month by month

    def save_ics(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = _("check-up-calendar") + ".ics"
        path = dialogs.save_file(
            self, _("Save the calendar file"), Path(folder) / name, _("Calendar files (*.ics)")
        )
        if not path:
            return
        if not path.lower().endswith(".ics"):
            path += ".ics"
        try:
            saved = write_ics(self.controller, Path(path))
        except OSError:
            message = _("The file could not be saved there. Please choose another folder.")
            self.show_error(message)
            self.controller.announce.emit(message)
            return
        self.show_error(None)
        self.controller.changed(_("Saved: {file}").format(file=saved.name))

    def print_sheet(self) -> None:
        print_paper(self, calendar_printout(self.controller), _("Your calendar is printing."))

    def save_pdf(self) -> None:
        save_pdf(self, calendar_printout(self.controller), _("check-up-calendar"))

    def next_text(self) -> str:
        return _("Finish")


# The person's own words are never translated: the demo speaks each language itself.
DEMO_CALLS = {
    "es_MX": (
        (
            "made",
            "Banco",
            "Lic. Ramírez",
            "F-20931",
            "Van a bloquear la tarjeta y mandar una nueva.",
        ),
        ("received", "Decían ser del IMSS", "", "", "Pedían confirmar mi CURP."),
    ),
    "fr_FR": (
        ("made", "Ma banque", "M. Martin", "DOS-4471", "Ils m'envoient une nouvelle carte."),
        ("received", "Soi-disant Ameli", "", "", "Ils voulaient mon code reçu par SMS."),
    ),
    "en": (
        ("made", "My bank", "Mr Smith", "REF-4471", "They will send a new card."),
        ("received", "My bank, or so they said", "", "", "They asked for an SMS code."),
    ),
}


def demo(store, today: dt.date) -> None:
    """Two calls in the log (one that felt like a scam) for screenshots and audits, written
    as a person would, through the calls' own actions."""
    from app.core.actions.calls import CallActions
    from app.core.actions.drafts import DraftActions

    calls = CallActions(store, lambda: today, lambda _message: None)
    if calls.all():
        return
    for i, (direction, org, person, ref, notes) in enumerate(
        DEMO_CALLS.get(i18n.language(), DEMO_CALLS["en"])
    ):
        at = dt.datetime.combine(today - dt.timedelta(days=3 - 2 * i), dt.time(10 + i * 5, 15))
        calls.log(
            Call(direction, at, org, person, ref, notes, felt_like_scam=direction == "received")
        )
    DraftActions(store, lambda: today, lambda _message: None).save(
        "calls.scripts", {"script": ["bank"]}
    )


PAGES = register(
    "calls",
    {
        "card": CardPage,
        "scripts": ScriptsPage,
        "log": LogPage,
        "calendar": CalendarPage,
    },
)
