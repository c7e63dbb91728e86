"""Check account activity: by hand, from the bank's file, stopping and resuming."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.tasks import add_months
from app.ui import dialogs
from app.ui.widgets import ChoiceRow
from tests.conftest import TODAY

LEFT = Qt.MouseButton.LeftButton

CSV = (
    "Date;Libellé;Montant\n"
    "02/11/2026;CB SUPERMARCHE CENTRAL;-52,40\n"
    "05/11/2026;PRLV EDF;-61,10\n"
    "08/11/2026;CB PAYPAL VERIFY;-1,00\n"
    "10/11/2026;VIR PENSION CNAV;1 250,00\n"
)


def _bank(store):
    store.answers.add_account("bank", "Ma banque", "4821")


def _bank_and_email(store):
    store.answers.add_account("email", "Mon email")
    store.answers.add_account("bank", "Ma banque", "4821")


def _account_id(w, kind):
    return next(a.id for a in w.controller.store.answers.accounts() if a.kind == kind)


def _words(w) -> str:
    """What Read aloud would say, once the page has shown what it just built."""
    QApplication.processEvents()
    return w.current.read_aloud_text()


def _next(qtbot, w):
    qtbot.mouseClick(w.next_button, LEFT)


def _choose(qtbot, w, value):
    row = next(r for r in w.current.findChildren(ChoiceRow) if r.value == value)
    qtbot.mouseClick(row, LEFT)


def _to_result(qtbot, w, kind, way):
    """From the start of the journey to the result page of the account of this kind."""
    w.controller.start("activity")
    account = str(_account_id(w, kind))
    if w.current.start is not None:  # two accounts or more: start with this one
        _choose(qtbot, w, account)
    while w.controller.navigator.step.key != f"activity.look:{account}":
        _next(qtbot, w)
    _choose(qtbot, w, way)
    _next(qtbot, w)
    assert w.controller.navigator.step.key == f"activity.result:{account}"
    return w.current


def _type(qtbot, field, text):
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)


def _write_payment(qtbot, page, day, amount, payee=None):
    """The form, one field at a time: the date, Next, the amount, Next, then the name and Add."""
    _type(qtbot, page.day, day)
    qtbot.mouseClick(page.window().next_button, LEFT)
    _type(qtbot, page.amount, amount)
    qtbot.mouseClick(page.window().next_button, LEFT)
    if payee is not None:
        _type(qtbot, page.payee, payee)
        qtbot.mouseClick(page.add_button, LEFT)


def _activity_tasks(store, prefix):
    return [t for t in store.tasks.all() if (t.rule or "").startswith(prefix)]


def _offer_file(monkeypatch, path):
    chosen = {}

    def fake(parent, caption, folder, filters):
        chosen["folder"] = folder
        chosen["filters"] = filters
        return str(path)

    monkeypatch.setattr(dialogs, "choose_file", fake)
    return chosen


def _open_bank_file(qtbot, make_window, monkeypatch, path, lang="en"):
    """A person with one bank account chooses this file on the account's result page."""
    _offer_file(monkeypatch, path)
    w = make_window(lang=lang, done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "file")
    qtbot.mouseClick(page.open_button, LEFT)
    return w, page


def test_journey_steps_follow_the_accounts(make_window):
    w = make_window(done=True, on_store=_bank_and_email)
    journey = w.controller.navigator.journeys["activity"]
    steps = [s.key for s in journey.steps(w.controller.answers())]
    email, bank = (str(a.id) for a in w.controller.store.answers.accounts())
    assert steps == [
        "activity.intro",
        f"activity.open:{bank}",
        f"activity.look:{bank}",
        f"activity.result:{bank}",
        f"activity.open:{email}",
        f"activity.look:{email}",
        f"activity.result:{email}",
        "activity.summary",
    ]


def test_only_money_accounts_offer_the_bank_file(qtbot, make_window):
    w = make_window(done=True, on_store=_bank_and_email)
    w.controller.start("activity")
    _choose(qtbot, w, str(_account_id(w, "email")))
    _next(qtbot, w)
    _next(qtbot, w)
    assert {r.value for r in w.current.findChildren(ChoiceRow)} == {"normal", "strange", "help"}
    _next(qtbot, w)  # nothing chosen: blocked with a plain sentence
    assert w.current.error_label.isVisible()
    _choose(qtbot, w, "normal")
    _next(qtbot, w)
    _next(qtbot, w)
    _next(qtbot, w)
    assert {r.value for r in w.current.findChildren(ChoiceRow)} == {
        "normal",
        "strange",
        "help",
        "file",
    }


def test_normal_check_keeps_the_date_and_plans_the_next_one_monthly(qtbot, make_window):
    w = make_window(done=True, on_store=_bank)
    _to_result(qtbot, w, "bank", "normal")
    store, bank = w.controller.store, _account_id(w, "bank")
    checks = store.activity.checks(bank)
    assert [(c.day, c.method, c.result) for c in checks] == [(TODAY, "hand", "normal")]
    task = store.tasks.by_rule(f"activity.next.{bank}")
    assert task.repeat == "monthly"
    assert task.due == add_months(TODAY, 1)
    assert task.repeat_until == add_months(TODAY, 12)
    assert "Ma banque" in task.shown_title()
    _next(qtbot, w)
    assert w.controller.navigator.step.page == "activity.summary"
    assert "Everything looked normal" in _words(w)
    assert len(_activity_tasks(store, "activity.next.")) == 1


def test_strange_payment_by_hand_becomes_a_todo_with_the_amount(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "strange")
    _write_payment(qtbot, page, "12/03/2026", "45,00", "XYZ")
    tasks = _activity_tasks(w.controller.store, "activity.manual.")
    assert len(tasks) == 1
    title = tasks[0].shown_title()
    assert "45,00\u00a0€" in title and "XYZ" in title and "12 mars 2026" in title
    assert tasks[0].params["amount"] == {"money": "45.00", "currency": "EUR"}
    assert page.day.value() == "" and not page.error_label.isVisible()
    assert not any(label.isVisible() for label in page.field_errors.values())
    check = w.controller.store.activity.last_check(_account_id(w, "bank"))
    assert (check.method, check.result) == ("hand", "strange")


@pytest.mark.parametrize(
    "lang, typed, said",
    [
        ("es_MX", "14 de noviembre", "Es decir: 14 de noviembre de 2026"),
        ("es_MX", "14 nov", "Es decir: 14 de noviembre de 2026"),
        ("fr_FR", "14/11", "C'est-à-dire\u00a0: 14 novembre 2026"),
        ("fr_FR", "2 déc.", "C'est-à-dire\u00a0: 2 décembre 2025"),  # after today: last December
        ("en", "Nov 14", "That is: November 14, 2026"),
    ],
)
def test_a_date_typed_as_printed_is_said_back_in_words_and_kept(
    qtbot, make_window, lang, typed, said
):
    w = make_window(lang=lang, done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "strange")
    assert not page.day_words.isVisible()
    if typed.isascii():
        _type(qtbot, page.day, typed)
    else:  # offscreen Qt cannot type "é" key by key: as an input method would give it
        page.day.edit.setText(typed)
    assert page.day_words.isVisible() and page.day_words.text() == said
    assert said in _words(w)  # read aloud says it too
    _next(qtbot, w)
    _type(qtbot, page.amount, "45")
    _next(qtbot, w)
    _type(qtbot, page.payee, "XYZ")
    qtbot.mouseClick(page.add_button, LEFT)
    kept = w.controller.store.activity.all_transactions(_account_id(w, "bank"))
    assert [t.date for t in kept] == [
        dt.date(
            2026 if "2026" in said else 2025,
            11 if "2026" in said else 12,
            14 if "14" in said else 2,
        )
    ]
    assert page.stage() == "payment" and not page.day_words.isVisible()  # ready for the next


@pytest.mark.parametrize(
    "day, amount, field, words",
    [
        ("31/02/2026", "", "day", "n'existe pas"),  # impossible date
        ("12/03/2099", "", "day", "pas encore"),  # later than today
        ("hier", "", "day", "comme sur le relevé"),  # not a date
        ("12/03/2026", "beaucoup", "amount", "45,00"),  # not a number
    ],
)
def test_a_wrong_payment_gets_one_whole_message_beside_its_field_and_saves_nothing(
    qtbot, make_window, day, amount, field, words
):
    w = make_window(lang="fr_FR", done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "strange")
    _type(qtbot, page.day, day)
    _next(qtbot, w)
    if amount:
        _type(qtbot, page.amount, amount)
        _next(qtbot, w)
    assert page.stage() == {"day": "payment", "amount": "payment_amount"}[field]
    shown = [name for name, label in page.field_errors.items() if label.isVisible()]
    assert shown == [field] and words in page.field_errors[field].text()
    assert page.field_errors[field].text().endswith(".")  # whole, never cut
    assert not page.error_label.isVisible()  # one message: beside the field, nowhere else
    edit = getattr(page, field).edit
    assert edit.hasFocus() and edit.accessibleDescription() == page.field_errors[field].text()
    _type(qtbot, getattr(page, field), "1")  # changing the field takes the message away
    assert not page.field_errors[field].isVisible()
    assert _activity_tasks(w.controller.store, "activity.manual.") == []
    assert w.controller.store.activity.all_transactions(_account_id(w, "bank")) == []
    _type(qtbot, getattr(page, field), day if field == "day" else amount)
    _next(qtbot, w)  # wrong again: Next says it again beside the field, and stays
    assert w.controller.navigator.step.page == "activity.result"
    assert page.field_errors[field].isVisible() and not page.error_label.isVisible()
    assert w.controller.store.activity.all_transactions(_account_id(w, "bank")) == []


def test_the_name_is_asked_last_and_the_date_can_be_changed(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "strange")
    _write_payment(qtbot, page, "12/03/2026", "45,00")
    assert page.stage() == "payment_name" and page.payee.edit.hasFocus()
    words = _words(w)
    assert "12 mars 2026" in words and "45,00\u00a0€" in words
    qtbot.mouseClick(page.add_button, LEFT)  # no name yet
    assert page.field_errors["payee"].isVisible() and "nom" in page.field_errors["payee"].text()
    qtbot.mouseClick(page.change_button, LEFT)  # back to the date, as it was typed
    assert page.stage() == "payment" and page.day.value() == "12/03/2026"
    _next(qtbot, w)
    assert page.amount.value() == "45,00"
    assert _activity_tasks(w.controller.store, "activity.manual.") == []


def test_next_goes_field_by_field_adds_the_payment_and_leaves_once_the_box_is_empty(
    qtbot, make_window
):
    w = make_window(lang="en", done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "strange")
    assert "Continue" not in [b.text() for b in page.findChildren(type(w.next_button))]
    assert w.next_button.property("role") == "primary"  # the one forward button
    _write_payment(qtbot, page, "14/11/2026", "45")
    _type(qtbot, page.payee, "XYZ")
    assert _commits(w, lambda: _next(qtbot, w)) == 1  # a name typed: Next adds it
    assert len(_activity_tasks(w.controller.store, "activity.manual.")) == 1
    assert page.stage() == "payment" and w.controller.navigator.step.page == "activity.result"
    _next(qtbot, w)  # nothing more to write: Next leaves
    assert w.controller.navigator.step.page != "activity.result"


def test_file_review_two_no_become_two_todos(qtbot, make_window, monkeypatch, tmp_path):
    path = tmp_path / "releve" / "releve.csv"
    path.parent.mkdir()
    path.write_text(CSV, encoding="cp1252")
    chosen = _offer_file(monkeypatch, path)
    w = make_window(lang="fr_FR", done=True, on_store=_bank)
    page = _to_result(qtbot, w, "bank", "file")
    qtbot.mouseClick(page.open_button, LEFT)
    assert "*.ofx" in chosen["filters"] and "*.csv" in chosen["filters"]
    assert w.controller.setting("last_folder") == str(path.parent)
    store, bank = w.controller.store, _account_id(w, "bank")
    assert len(store.activity.pending(bank)) == 4
    first = store.activity.pending(bank)[0]
    assert "1,00" in page.review.findChildren(type(page.error_label))[2].text()  # tiny first
    assert first.description == "CB PAYPAL VERIFY"
    qtbot.mouseClick(page.review.no, LEFT)
    qtbot.mouseClick(page.review.yes, LEFT)
    qtbot.mouseClick(page.review.no, LEFT)
    qtbot.mouseClick(page.review.yes, LEFT)
    assert store.activity.pending(bank) == []
    tasks = _activity_tasks(store, "activity.txn.")
    assert len(tasks) == 2
    assert any("1,00\u00a0€" in t.shown_title() and "PAYPAL" in t.shown_title() for t in tasks)
    assert page.stage() == "done"
    assert "4 paiements" in _words(w)
    assert store.activity.last_check(bank).result == "strange"
    assert store.tasks.by_rule(f"activity.next.{bank}").repeat == "monthly"
    _next(qtbot, w)
    assert "4 paiements vérifiés, 2" in _words(w)
    # The next file dialog opens in the folder of the last one.
    w.controller.start("activity")
    w.controller.go_to(w.controller.navigator.step.__class__("activity.result", str(bank)))
    qtbot.mouseClick(w.current.open_button, LEFT)
    assert chosen["folder"] == str(path.parent)


def test_a_half_done_review_resumes_after_reopening(qtbot, make_window, monkeypatch, tmp_path):
    path = tmp_path / "releve.csv"
    path.write_text(CSV, encoding="utf-8")
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    qtbot.mouseClick(page.review.yes, LEFT)
    qtbot.mouseClick(page.review.no, LEFT)
    pending = [t.id for t in w.controller.store.activity.pending(_account_id(w, "bank"))]
    qtbot.mouseClick(w.home_button, LEFT)
    w.close()
    again = make_window(done=True)
    again.controller.start("activity")
    page = again.current
    assert again.controller.navigator.step.page == "activity.result"
    assert page.stage() == "review"
    assert "Payment 3 of 4" in _words(again)
    assert pending[0] == again.controller.store.activity.pending(_account_id(again, "bank"))[0].id
    _next(qtbot, again)  # unanswered payments block Next, Home is the way to stop
    assert again.controller.navigator.step.page == "activity.result"


def test_the_same_file_twice_adds_nothing_twice(qtbot, make_window, monkeypatch, tmp_path):
    path = tmp_path / "releve.csv"
    path.write_text(CSV, encoding="utf-8")
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    for _i in range(4):
        qtbot.mouseClick(page.review.yes, LEFT)
    qtbot.mouseClick(page.open_button, LEFT)
    store, bank = w.controller.store, _account_id(w, "bank")
    assert len(store.activity.all_transactions(bank)) == 4
    assert store.activity.pending(bank) == []
    assert "Nothing was added twice" in _words(w)
    assert _activity_tasks(store, "activity.txn.") == []


def test_an_unnamed_payment_is_the_same_payment_in_every_language(
    qtbot, make_window, monkeypatch, tmp_path
):
    """A row the bank left without a name: said in the language on screen, and a file read
    again after a change of language still adds nothing twice."""
    path = tmp_path / "releve.csv"
    path.write_text(
        "Date;Libellé;Montant\n02/11/2026;;-52,40\n05/11/2026;PRLV EDF;-61,10\n", encoding="utf-8"
    )
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path, lang="es_MX")
    assert "PRLV EDF" in _words(w)  # flagged first: a payee never seen
    qtbot.mouseClick(page.review.yes, LEFT)
    assert "Pago sin descripción" in _words(w)
    store, bank = w.controller.store, _account_id(w, "bank")
    w.controller.set_setting("language", "fr_FR")
    assert "Paiement sans description" in _words(w)
    qtbot.mouseClick(w.current.review.no, LEFT)
    (task,) = _activity_tasks(store, "activity.txn.")
    assert "Paiement sans description" in task.shown_title()
    qtbot.mouseClick(w.current.open_button, LEFT)
    assert len(store.activity.all_transactions(bank)) == 2
    assert "Rien n'a été ajouté deux fois" in _words(w) and store.activity.pending(bank) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"\x89PNG\r\n\x1a\n" + bytes(200), "Date;Libellé;Montant\n31/02/2026;X;-3,00\n".encode()],
)
def test_a_broken_file_gets_a_plain_message_and_saves_nothing(
    qtbot, make_window, monkeypatch, tmp_path, content
):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    assert w.current.error_label.isVisible()
    assert "Traceback" not in w.current.error_label.text() and w.current.error_label.text()
    bank = _account_id(w, "bank")
    assert w.controller.store.activity.imports(bank) == []
    assert w.controller.store.activity.all_transactions(bank) == []
    assert w.controller.store.activity.checks(bank) == []


def test_unclear_columns_are_asked_then_the_file_is_read(qtbot, make_window, monkeypatch, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text(
        "X;Y;Z;W\n12/03/2026;ABC SHOP;-12,00;100,00\n"
        "13/03/2026;DEF;-3,00;97,00\n14/03/2026;GHI;-5,00;92,00\n"
    )
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    assert page.stage() == "columns"
    assert w.header.title.text() == "Which column is the amount?"
    qtbot.mouseClick(page.columns.retry, LEFT)  # nothing chosen yet
    assert page.error_label.isVisible()
    _choose(qtbot, w, "2")
    qtbot.mouseClick(page.columns.retry, LEFT)
    assert page.stage() == "review"
    amounts = sorted(t.amount for t in w.controller.store.activity.pending(_account_id(w, "bank")))
    assert [str(a) for a in amounts] == ["-12.00", "-5.00", "-3.00"]


def test_email_strange_puts_a_reminder_and_keeps_the_note(qtbot, make_window):
    w = make_window(done=True, on_store=_bank_and_email)
    page = _to_result(qtbot, w, "email", "strange")
    email = _account_id(w, "email")
    assert len(_activity_tasks(w.controller.store, f"activity.strange.{email}")) == 1
    _type(qtbot, page.note, "A sign-in from Lyon")
    _next(qtbot, w)
    check = w.controller.store.activity.last_check(email)
    assert (check.result, check.note) == ("strange", "A sign-in from Lyon")


def test_demo_reaches_a_review_under_way(store):
    from app.ui.demo import seed
    from app.ui.pages.activity import demo

    seed(store, "fr_FR", TODAY)
    demo(store, TODAY)
    demo(store, TODAY)  # twice: nothing doubled
    bank = next(a for a in store.answers.accounts() if a.kind == "bank")
    assert store.activity.pending(bank.id)
    assert store.activity.history(bank.id)
    assert len(store.activity.imports(bank.id)) == 2
    assert dt.date(2026, 11, 23) == TODAY


def test_a_file_with_no_dates_says_so_and_asks_which_column_is_the_date(
    qtbot, make_window, monkeypatch, tmp_path
):
    path = tmp_path / "no-dates.csv"
    path.write_text("Quand;Libellé;Montant\n20261112;PAIN;-1,10\n20261113;LAIT;-0,90\n")
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    assert page.stage() == "columns"
    assert w.header.title.text() == "Which column is the date?"
    assert "Sereno found no column with dates in this file." in _words(w)
    _choose(qtbot, w, "0")
    qtbot.mouseClick(page.columns.retry, LEFT)
    assert page.error_label.isVisible() and "Line 2" in page.error_label.text()
    assert w.controller.store.activity.all_transactions(_account_id(w, "bank")) == []


def test_time_stamps_with_a_zone_are_read_and_the_currency_is_the_persons(
    qtbot, make_window, monkeypatch, tmp_path
):
    path = tmp_path / "export.csv"
    path.write_text(
        "Completed Date,Description,Amount\n"
        "2026-11-02 12:34:56 +0000,CAFE DE LA GARE,-3.50\n"
        "2026-11-03T08:00:00Z,PHARMACIE DURAND,-12.00\n"
    )
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    assert page.stage() == "review"
    kept = w.controller.store.activity.all_transactions(_account_id(w, "bank"))
    assert sorted(t.date for t in kept) == [dt.date(2026, 11, 2), dt.date(2026, 11, 3)]
    assert {t.currency for t in kept} == {w.controller.activity.home_currency()} == {"EUR"}


def test_money_between_two_accounts_of_the_file_is_shown_last_and_not_as_strange(
    qtbot, make_window, monkeypatch, tmp_path
):
    path = tmp_path / "two-accounts.csv"
    path.write_text(
        '"dateOp";"label";"amount";"accountNum"\n'
        '"2026-11-02";"VIR VERS LIVRET A";"-500,00";"00012345"\n'
        '"2026-11-02";"VIR DEPUIS COMPTE CHEQUES";"500,00";"00067890"\n'
        '"2026-11-03";"CB PHARMACIE DURAND";"-23,00";"00012345"\n'
    )
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    assert "CB PHARMACIE DURAND" in _words(w)  # what could be strange comes first
    qtbot.mouseClick(w.current.review.yes, LEFT)
    words = _words(w)
    assert "Between your own accounts." in words and "VIR" in words
    assert "Why Sereno shows it" not in words


def test_a_person_who_cannot_check_alone_gets_a_task_with_the_trusted_person(qtbot, make_window):
    def setup(store):
        _bank_and_email(store)
        store.settings.set("trusted_person", "Lucía")

    w = make_window(done=True, on_store=setup)
    _to_result(qtbot, w, "email", "help")
    # never congratulated for a check that was not done, and no check written down
    assert "Good news" not in _words(w) and "someone you trust" in _words(w)
    assert w.controller.store.activity.checks(_account_id(w, "email")) == []
    (task,) = _activity_tasks(w.controller.store, "activity.with_someone.")
    assert task.shown_title() == "Check “Mon email” with Lucía"
    assert task.due == TODAY + dt.timedelta(days=7)
    _next(qtbot, w)  # going on does not add it twice
    assert len(_activity_tasks(w.controller.store, "activity.with_someone.")) == 1


def test_back_from_an_answer_keeps_it_but_adds_nothing_until_next(qtbot, make_window):
    w = make_window(done=True, on_store=_bank_and_email)
    w.controller.start("activity")
    account = str(_account_id(w, "email"))
    _choose(qtbot, w, account)
    while w.controller.navigator.step.key != f"activity.look:{account}":
        _next(qtbot, w)
    _choose(qtbot, w, "help")
    qtbot.mouseClick(w.back_button, LEFT)
    assert _activity_tasks(w.controller.store, "activity.with_someone.") == []
    _next(qtbot, w)
    assert w.current.way.value() == "help"  # nothing lost
    _next(qtbot, w)
    assert len(_activity_tasks(w.controller.store, "activity.with_someone.")) == 1


def _commits(w, do):
    before = w.controller.store.db.commits
    do()
    return w.controller.store.db.commits - before


def test_each_page_of_the_check_writes_nothing_while_it_loads(
    qtbot, make_window, monkeypatch, tmp_path
):
    path = tmp_path / "releve.csv"
    path.write_text(CSV, encoding="utf-8")
    _offer_file(monkeypatch, path)
    w = make_window(done=True, on_store=_bank_and_email)
    w.controller.start("activity")
    shown = []

    def loads_quietly():
        assert _commits(w, w.current.load) == 0, w.controller.navigator.step.key
        page = w.current
        shown.append(page.stage() if hasattr(page, "stage") else w.controller.navigator.step.page)

    while True:
        loads_quietly()
        step = w.controller.navigator.step
        if step.page == "activity.intro":
            _choose(qtbot, w, str(_account_id(w, "email")))
        elif step.page == "activity.look":
            _choose(qtbot, w, "file" if step.arg == str(_account_id(w, "bank")) else "strange")
        elif shown[-1] == "file":
            qtbot.mouseClick(w.current.open_button, LEFT)
            loads_quietly()
            for _i in range(4):
                qtbot.mouseClick(w.current.review.yes, LEFT)
            loads_quietly()
        elif step.page == "activity.summary":
            break
        _next(qtbot, w)
    assert shown == [
        "activity.intro",
        "activity.open",
        "activity.look",
        "strange",
        "activity.open",
        "activity.look",
        "file",
        "review",
        "done",
        "activity.summary",
    ]


def test_one_answer_or_one_payment_is_one_commit(qtbot, make_window, monkeypatch, tmp_path):
    path = tmp_path / "releve.csv"
    path.write_text(CSV, encoding="utf-8")
    w, page = _open_bank_file(qtbot, make_window, monkeypatch, path)
    assert _commits(w, lambda: qtbot.mouseClick(page.review.no, LEFT)) == 1
    assert _commits(w, lambda: qtbot.mouseClick(page.review.yes, LEFT)) == 1
    qtbot.mouseClick(w.home_button, LEFT)
    w2 = make_window(lang="fr_FR", done=True)
    page = _to_result(qtbot, w2, "bank", "strange")
    _type(qtbot, page.day, "12/03/2026")
    qtbot.mouseClick(w2.next_button, LEFT)
    _type(qtbot, page.amount, "45,00")
    qtbot.mouseClick(w2.next_button, LEFT)
    _type(qtbot, page.payee, "XYZ")
    assert _commits(w2, lambda: qtbot.mouseClick(page.add_button, LEFT)) == 1


# Start from the worry ---------------------------------------------------------------------
def _three_accounts(store):
    store.answers.add_account("email", "Mon email")
    store.answers.add_account("social_security", "Ameli")
    store.answers.add_account("bank", "Ma banque", "4821")


def _offered(w):
    return [
        (r.title_label.text(), r.accessibleDescription()) for r in w.current.findChildren(ChoiceRow)
    ]


def test_the_check_asks_where_to_start_with_the_bank_first(qtbot, make_window):
    w = make_window(done=True, on_store=_three_accounts)
    w.controller.start("activity")
    assert w.current.page_title() == "Which account do you want to check first?"
    assert _offered(w) == [
        ("Ma banque", "A strange charge on a statement would show here."),
        ("Mon email", "Not checked yet"),
        ("Ameli", "Not checked yet"),
    ]
    _next(qtbot, w)  # nothing chosen: asked again, beside the answers
    assert w.controller.navigator.step.page == "activity.intro"
    assert w.current.error_label.isVisible()
    assert "Please choose where to start." in _words(w)


def test_choosing_the_bank_opens_the_banks_check_first_in_one_commit(qtbot, make_window):
    w = make_window(done=True, on_store=_three_accounts)
    store = w.controller.store
    bank, email = str(_account_id(w, "bank")), str(_account_id(w, "email"))
    w.controller.start("activity")
    assert _commits(w, lambda: _choose(qtbot, w, email)) == 0  # a click alone writes nothing
    _choose(qtbot, w, bank)
    assert _commits(w, w.current.save) == 1
    assert _commits(w, w.current.save) == 0  # the same choice again writes nothing
    _next(qtbot, w)
    assert w.controller.navigator.step.key == f"activity.open:{bank}"
    assert w.current.page_title() == "Open “Ma banque”"
    assert store.answers.start_account() == int(bank)


def test_back_keeps_the_choice_and_another_choice_reorders_the_check(qtbot, make_window):
    w = make_window(done=True, on_store=_three_accounts)
    bank, ameli = str(_account_id(w, "bank")), str(_account_id(w, "social_security"))
    w.controller.start("activity")
    _choose(qtbot, w, bank)
    _next(qtbot, w)
    qtbot.mouseClick(w.back_button, LEFT)
    assert w.controller.navigator.step.page == "activity.intro"
    assert w.current.start.value() == bank
    _choose(qtbot, w, ameli)
    _next(qtbot, w)
    assert w.controller.navigator.step.key == f"activity.open:{ameli}"
    qtbot.mouseClick(w.home_button, LEFT)  # stopping and coming back keeps it too
    w.controller.start("activity")
    qtbot.mouseClick(w.back_button, LEFT)
    assert w.current.start.value() == ameli


def test_with_one_account_the_question_is_not_asked(qtbot, make_window):
    w = make_window(done=True, on_store=_bank)
    w.controller.start("activity")
    assert w.current.start is None and not w.current.findChildren(ChoiceRow)
    assert w.current.page_title() == "Check account activity"
    assert "Ma banque" in _words(w) and "Not checked yet" in _words(w)
    _next(qtbot, w)
    assert w.controller.navigator.step.page == "activity.open"
    _next(qtbot, w)
    _choose(qtbot, w, "normal")
    _next(qtbot, w)
    for _page in range(3):  # back to the start: it shows the check just made
        qtbot.mouseClick(w.back_button, LEFT)
    assert "Last checked: November 23, 2026" in _words(w)
    assert _words(w).count("Ma banque") == 1 and "Not checked yet" not in _words(w)


@pytest.mark.parametrize("kind", ["email", "bank", "social_security", "pension", "phone"])
def test_every_account_kind_offers_i_cannot_do_this_alone(qtbot, make_window, kind):
    w = make_window(done=True, on_store=lambda store: store.answers.add_account(kind, "Mine"))
    w.controller.start("activity")
    _next(qtbot, w)
    _next(qtbot, w)
    assert "help" in {r.value for r in w.current.findChildren(ChoiceRow)}
