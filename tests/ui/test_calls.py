"""Phone calls, clicked through: the card, the scripts, the call log, the calendar file."""

import datetime as dt
import unicodedata
from types import SimpleNamespace

import pytest
from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.core import plan
from app.core.actions.tasks import TaskActions
from app.core.answers import Answers
from app.core.calls import Call
from app.core.known_facts import known_facts
from app.core.tasks import Task
from app.i18n import _
from app.ui.pages import calls as calls_page
from app.ui.pages.calls import CalendarPage, CardPage, ScriptsPage, home_section
from app.ui.pages.calls_log import LogPage, printout, when_line
from app.ui.widgets import BigButton, ChoiceRow
from app.ui.widgets.labels import Entries
from app.ui.widgets.more import TellMeMore
from tests.conftest import TODAY

# The monthly look at the statement (in Mexico, with the pension in it).
STATEMENTS = ("plan.monthly_statements", "plan.mx_pension_check")


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answered(*kinds, notice="imss"):
    def seed(store):
        store.settings.set("first_name", "Carmen")
        store.answers.set_notice(notice)
        store.answers.set_exposed(set(kinds))

    return seed


def open_page(w, page):
    w.controller.start("calls")
    w.controller.go_to(calls_page.Step(f"calls.{page}"))
    return w.current


def pdf_text(path) -> str:
    text = " ".join(p.extract_text() for p in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFC", text).replace("\u2019", "'").split())


def test_the_card_shows_exactly_the_exposed_kinds_answered(make_window):
    w = make_window(
        lang="es_MX", done=True, on_store=answered("curp", "social_security", "pension")
    )
    page = open_page(w, "card")
    assert isinstance(page, CardPage)
    text = page.read_aloud_text()
    facts = known_facts(w.controller.answers())  # which and in what order: test_known_facts
    assert len(facts) == 3
    at = [text.index(fact.shown()) for fact in facts]
    assert at == sorted(at)
    others = known_facts(
        Answers("MX", "imss", frozenset({"name_address", "birth_date", "contact", "bank"}))
    )
    for fact in others:
        assert fact.shown() not in text
    assert "NSS" in text and "CURP" in text
    assert "cuelgue" in text.lower()


def test_without_answers_the_card_sends_to_what_happened(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    page = open_page(w, "card")
    assert not page.card.isVisibleTo(page) and page.empty.isVisibleTo(page)
    assert home_section(w.controller) is None


def test_the_card_prints_and_reads_aloud(qtbot, make_window, tmp_path, monkeypatch, dialogs):
    w = make_window(
        lang="fr_FR",
        done=True,
        on_store=answered("social_security", "health_rights", notice="ameli"),
    )
    page = open_page(w, "card")
    dialogs.path = tmp_path / "carte"
    click(qtbot, page.pdf_button)
    text = pdf_text(tmp_path / "carte.pdf")
    assert "numéro de sécurité sociale" in text
    assert "Carmen" in text
    said = []
    monkeypatch.setattr(w.speaker, "say", lambda t: said.append(t) or True)
    click(qtbot, page.read_button)
    assert said and "carte Vitale" in said[0]


def test_home_shows_the_card_after_what_happened(make_window):
    w = make_window(lang="en", done=True, on_store=answered("pension"))
    found = home_section(w.controller)
    assert found is not None
    _key, make = found
    section = make()
    texts = " ".join(label.text() for label in section.findChildren(calls_page.Text))
    assert "the amount of your pension" in texts
    assert "hang up" in texts


def test_a_script_is_shown_and_printed_for_the_chosen_organisation(qtbot, make_window, monkeypatch):
    w = make_window(lang="fr_FR", done=True, on_store=answered("social_security"))
    page = open_page(w, "scripts")
    assert isinstance(page, ScriptsPage)
    assert not page.script_card.isVisibleTo(page)
    row = next(r for r in page.choices.rows if r.value == "ameli")
    click(qtbot, row)
    text = page.read_aloud_text()
    assert "36 46" in text  # from the contacts file, with its source
    assert _("What to say") in text and _("Never give") not in text
    click(qtbot, page.script_card.findChildren(TellMeMore)[0].button)
    text = page.read_aloud_text()
    assert "carte Vitale" in text
    assert _("Never give") in text
    printed = []
    monkeypatch.setattr(
        calls_page.Printout,
        "print_with_dialog",
        lambda self, parent: printed.append(self.to_html()) or True,
    )
    click(qtbot, page.print_button)
    assert printed and "carte Vitale" in printed[0]


def named(page, name):
    """The button a screen reader calls `name`."""
    return next(b for b in page.findChildren(BigButton) if b.accessibleName() == name)


def fill(form, **values):
    for name, value in values.items():
        getattr(form, name).set_value(value)


def test_log_a_call_edit_it_and_print_the_log(qtbot, make_window, tmp_path, monkeypatch):
    w = make_window(lang="es_MX", done=True, on_store=answered("curp"))
    page = open_page(w, "log")
    assert isinstance(page, LogPage)
    click(qtbot, page.made_button)
    form = page.form
    assert form.isVisibleTo(page)
    assert form.day.value() == "23" and form.year.value() == "2026"  # now, by default
    fill(
        form,
        organisation="Banco del Sur",
        person="Lic. Ramírez",
        reference="F-20931",
        hour="10",
        minute="05",
    )
    form.notes.setPlainText("Bloquean la tarjeta.")
    click(qtbot, form.save_button)
    assert not form.isVisibleTo(page)
    assert w.status.text() == _("Your call is written down.")
    text = page.read_aloud_text()
    assert _("My call to: {organisation}").format(organisation="Banco del Sur") in text
    assert when_line(Call("made", dt.datetime(2026, 11, 23, 10, 5))) in text
    assert _("Reference: {reference}").format(reference="F-20931") in text

    edit = next(
        b
        for b in page.findChildren(BigButton)
        if b.accessibleName().startswith(_("Edit") + ":") and b.isVisibleTo(page)
    )
    click(qtbot, edit)
    assert form.organisation.value() == "Banco del Sur"
    fill(form, day="22", person="Lic. Ana Ramírez")
    click(qtbot, form.save_button)
    text = page.read_aloud_text()
    assert _("Spoke with: {name}").format(name="Lic. Ana Ramírez") in text
    assert when_line(Call("made", dt.datetime(2026, 11, 22, 10, 5))) in text
    assert text.count("Banco del Sur") == 1  # changed, not written twice

    pdf = printout(w.controller).write_pdf(tmp_path / "llamadas.pdf")
    text = pdf_text(pdf)
    assert "Banco del Sur" in text and "F-20931" in text and "Lic. Ana Ramírez" in text
    assert _("My calls") in text


def test_an_impossible_date_is_refused_plainly(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    page = open_page(w, "log")
    click(qtbot, page.received_button)
    fill(page.form, day="31", month="2", organisation="Ameli ?")
    click(qtbot, page.form.save_button)
    assert page.form.error.isVisibleTo(page)
    assert "Rien n" in page.form.error.text()
    fill(page.form, day="12", hour="25")
    click(qtbot, page.form.save_button)
    assert page.form.error.isVisibleTo(page)
    click(qtbot, page.form.cancel_button)
    assert page.count_label.text() == _("No call written down yet.")


def test_delete_a_call_then_undo(qtbot, make_window):
    def seed(store):
        store.calls.add(Call("made", dt.datetime(2026, 11, 20, 9, 0), "Ameli"))

    w = make_window(lang="fr_FR", done=True, on_store=seed)
    page = open_page(w, "log")
    delete = next(
        b
        for b in page.findChildren(BigButton)
        if b.accessibleName().startswith(_("Delete") + ":") and b.isVisibleTo(page)
    )
    click(qtbot, delete)
    assert "Ameli" not in page.read_aloud_text()
    assert _("The call was deleted.") in page.read_aloud_text()
    click(qtbot, page.undo_button)
    assert "Ameli" in page.read_aloud_text()


def test_the_calendar_file_reads_back_with_the_right_dates(qtbot, make_window, tmp_path, dialogs):
    def seed(store):
        answered("curp", "pension")(store)
        plan.apply(store.tasks, Answers("MX", "imss", frozenset({"curp", "pension"})), TODAY)

    w = make_window(lang="es_MX", done=True, on_store=seed)
    page = open_page(w, "calendar")
    assert isinstance(page, CalendarPage)
    dialogs.path = tmp_path / "calendario"
    click(qtbot, page.ics_button)
    cal = Calendar.from_ical((tmp_path / "calendario.ics").read_bytes())
    found = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    # Which dates, how often: tests/core/test_calendar_export.py; here, the file is whole.
    repeating = [t for t in w.controller.tasks.all() if t.repeat]
    assert {t.shown_title() for t in repeating} == set(found)
    statement = next(t for t in repeating if t.rule in STATEMENTS)
    assert found[statement.shown_title()].decoded("DTSTART") == statement.due

    dialogs.path = tmp_path / "meses.pdf"
    click(qtbot, page.pdf_button)
    text = pdf_text(tmp_path / "meses.pdf")
    assert "Noviembre de 2026" in text or "noviembre de 2026" in text.lower()
    assert statement.shown_title() in text


def test_the_months_on_screen_follow_the_list(make_window):
    def seed(store):
        store.tasks.add(Task(title="Call my daughter", due=TODAY, repeat="monthly"))

    w = make_window(lang="en", done=True, on_store=seed)
    page = open_page(w, "calendar")
    text = page.read_aloud_text()
    assert "1 check comes back regularly." in text
    assert "November 23: Call my daughter" in text and "December 23: Call my daughter" in text

    w.controller.store.tasks.add(Task(title="Look at my pension", due=TODAY, repeat="yearly"))
    w.go_home()
    page = open_page(w, "calendar")
    text = page.read_aloud_text()
    assert "2 checks come back regularly." in text
    assert "November 23: Look at my pension" in text
    assert "December 23: Look at my pension" not in text
    assert "December 23: Call my daughter" in text


def test_a_month_has_one_bulleted_line_a_date_and_a_weekly_task_once(make_window):
    title = "Pay <b>rent</b> & tip"  # shown as typed, never as markup

    def seed(store):
        store.tasks.add(Task(title=title, due=TODAY, repeat="weekly"))  # Mondays
        store.tasks.add(
            Task(title="Call my daughter", due=TODAY + dt.timedelta(days=2), repeat="monthly")
        )

    w = make_window(lang="en", done=True, on_store=seed)
    page = open_page(w, "calendar")
    november, december = (
        label
        for label in page.findChildren(Entries)
        if "November 25" in label.accessibleName() or "December 25" in label.accessibleName()
    )
    assert november.accessibleName().splitlines() == [
        f"Every Monday: {title}",
        "November 25: Call my daughter",
    ]
    assert november.text().splitlines() == [
        f"\u2022 Every Monday: {title}",
        "\u2022 November 25: Call my daughter",
    ]
    assert december.accessibleName().splitlines() == [
        f"Every Monday: {title}",
        "December 25: Call my daughter",
    ]
    assert f"Every Monday: {title}" in page.read_aloud_text()

    w.controller.set_setting("language", "es_MX")
    assert "Cada lunes: Pay <b>rent</b> & tip" in w.current.read_aloud_text()


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_every_page_is_in_the_persons_language(make_window, lang):
    w = make_window(lang=lang, done=True, on_store=answered("social_security", "pension"))
    calls_page.demo(w.controller.store, TODAY)
    for page in ("card", "scripts", "log", "calendar"):
        current = open_page(w, page)
        current.load()
        text = current.read_aloud_text()
        assert text.strip()
        if lang != "en":
            for english in (
                "What they already know",
                "My calls",
                "Your bank",
                "Suspicious call",
                "Never give",
                "check-up",
            ):
                assert english not in text, (page, english)


def test_the_calendar_file_is_never_written_through_a_planted_link(store, tmp_path):
    store.tasks.add(Task(title="Call my daughter", due=TODAY, repeat="monthly"))
    controller = SimpleNamespace(tasks=TaskActions(store, lambda: TODAY, lambda _message: None))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "checks.ics"
    (tmp_path / "checks.ics.part").symlink_to(victim)  # the name the old writer used
    calls_page.write_ics(controller, target)
    assert victim.read_text() == "keep me"
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Call my daughter"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part") and not p.is_symlink()]


def test_a_scam_call_about_a_task_is_one_commit_and_the_list_shows_the_report(
    qtbot, make_window, dialogs
):
    """What the call records, ticks and adds: tests/core/test_actions_calls.py."""

    def seed(store):
        answered("social_security", notice="ameli")(store)
        store.settings.set("trusted_person", "Sophie, ma fille")
        store.tasks.add(Task(title="Appeler la banque", due=TODAY))

    w = make_window(lang="fr_FR", done=True, on_store=seed)
    db, task = w.controller.store.db, w.controller.tasks.all()[0]
    page = open_page(w, "log")
    before = db.commits
    page.load()
    assert db.commits == before
    click(qtbot, page.received_button)
    fill(page.form, organisation="Faux conseiller")
    click(qtbot, page.form.scam.rows[0])
    row = next(r for r in page.form.task.rows if r.value == str(task.id))
    assert isinstance(row, ChoiceRow) and "Appeler la banque" in row.title_label.text()
    click(qtbot, row)
    before = db.commits
    page.load()  # the form open, from its draft
    assert db.commits == before and page.form.isVisibleTo(page)
    click(qtbot, page.form.save_button)  # the call, the tick, the report to-do, the draft
    assert db.commits == before + 1
    assert not page.form.isVisibleTo(page)
    text = page.read_aloud_text()
    assert "Appel suspect : Faux conseiller" in text and "Appeler la banque" in text
    ticked = _("“{task}” is ticked on your list.").format(task="Appeler la banque")
    assert ticked in w.status.text()
    assert _("A to-do to report it is on your list.") in w.status.text()
    delete = next(
        b
        for b in page.findChildren(BigButton)
        if b.isVisibleTo(page) and b.accessibleName().startswith(_("Delete") + ":")
    )
    for button in (lambda: delete, lambda: page.undo_button):
        before = db.commits
        click(qtbot, button())
        assert db.commits == before + 1
    assert "Faux conseiller" in page.read_aloud_text()

    w.controller.start("todo")
    shown = [t.shown_title() for t in w.current.open_tasks()]
    assert "Appeler la banque" not in shown
    report = next(title for title in shown if "Faux conseiller" in title)
    click(qtbot, named(w.current, f"{_('How to do it')}: {report}"))
    assert "Sophie, ma fille" in w.current.read_aloud_text()


def test_a_call_that_cannot_be_written_stays_in_the_form_as_typed(qtbot, make_window, monkeypatch):
    w = make_window(lang="fr_FR", done=True)
    page = open_page(w, "log")
    click(qtbot, page.made_button)
    fill(page.form, organisation="Ma banque", reference="DOS-1")

    def full(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(w.controller.store.calls, "add", full)
    with qtbot.capture_exceptions() as raised:
        click(qtbot, page.form.save_button)
    assert raised and isinstance(raised[0][1], OSError)
    assert page.form.isVisibleTo(page) and page.editing == "made"
    assert (page.form.organisation.value(), page.form.reference.value()) == ("Ma banque", "DOS-1")
