"""Change passwords, clicked through: order, outcomes, clipboard, notebook, nothing kept."""
import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from app.core.flow import Step
from app.ui import clipboard
from app.ui.clipboard import ClipboardGuard
from tests.conftest import TODAY


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def three_accounts(store):
    """Added out of order: the journey puts email first, then bank, then social security."""
    store.settings.set("first_name", "Carmen")
    store.answers.add_account("social_security", "IMSS")
    store.answers.add_account("bank", "Banorte", "4821")
    store.answers.add_account("email", "Correo")


def ids(store):
    return {a.kind: a.id for a in store.answers.accounts()}


@pytest.fixture
def window(make_window):
    def make(lang="en"):
        w = make_window(lang=lang, done=True, on_store=three_accounts)
        w.controller.start("passwords")
        return w
    return make


def go(w, page, kind=""):
    arg = str(ids(w.controller.store)[kind]) if kind else ""
    w.controller.go_to(Step(f"passwords.{page}", arg))
    return w.current


def row(group, value):
    return next(r for r in group.rows if r.value == value)


def test_the_journey_goes_email_bank_social_security_then_check_and_notebook(qtbot, window):
    w = window()
    i = ids(w.controller.store)
    seen = []
    while w.controller.navigator.journey is not None:
        seen.append((w.controller.navigator.position.step, w.header.title.text()))
        click(qtbot, w.next_button)
    per_account = [f"passwords.{p}:{i[k]}" for k in ("email", "bank", "social_security")
                   for p in ("suggest", "account", "two_step")]
    assert [key for key, _title in seen] == [
        "passwords.intro", *per_account, "passwords.check", "passwords.notebook"]
    titles = [title for _key, title in seen]
    assert titles[1:4] == ["A new password for Correo", "Change the password of Correo",
                           "Two-step verification for Correo"]
    assert titles[4] == "A new password for Banorte"
    assert w.controller.navigator.is_finished("passwords")


def test_the_introduction_says_the_order_once(window):
    w = window()
    text = w.current.read_aloud_text()
    assert text.index("1. Correo") < text.index("2. Banorte") < text.index("3. IMSS")
    assert "Email comes first" in text


def test_later_puts_a_todo_and_done_keeps_only_the_date_and_ticks_it(qtbot, window):
    w = window()
    store = w.controller.store
    page = go(w, "account", "bank")
    bank = ids(store)["bank"]
    click(qtbot, row(page.group, "later"))
    task = store.tasks.by_rule(f"passwords.later.{bank}")
    assert task.shown_title() == "Change the password of Banorte"
    assert task.due == TODAY + dt.timedelta(days=7) and not task.done
    assert store.passwords.get(bank).status == "later"
    assert w.status.text() == "Added to your to-do list."

    click(qtbot, row(page.group, "changed"))
    state = store.passwords.get(bank)
    assert (state.status, state.changed_on) == ("changed", TODAY)
    assert store.tasks.by_rule(f"passwords.later.{bank}").done
    rows = [dict(r) for r in store.db.query("SELECT * FROM password_changes")]
    assert rows == [{"account_id": bank, "status": "changed", "changed_on": "2026-11-23",
                     "two_step": None, "updated": "2026-11-23"}]
    assert page.when.text() == "You changed it on November 23, 2026."
    click(qtbot, w.next_button)
    click(qtbot, w.back_button)
    assert w.current.group.value() == "changed"


def test_help_puts_a_todo_for_the_helper(qtbot, window):
    w = window()
    page = go(w, "account", "email")
    click(qtbot, row(page.group, "help"))
    email = ids(w.controller.store)["email"]
    task = w.controller.store.tasks.by_rule(f"passwords.help.{email}")
    assert task.shown_title() == "Ask someone you trust to help with the password of Correo"
    assert w.controller.store.passwords.get(email).status == "help"


def test_skip_goes_to_the_next_account_and_leaves_this_one_to_do(qtbot, window):
    w = window()
    page = go(w, "account", "email")
    click(qtbot, page.skip)
    i = ids(w.controller.store)
    assert w.controller.navigator.position.step == f"passwords.suggest:{i['bank']}"
    assert w.controller.store.passwords.all() == {}
    notebook = go(w, "notebook")
    names = [b.text() for b in notebook.findChildren(type(notebook.print_button)) if b.isVisible()]
    assert {"Correo", "Banorte", "IMSS"} <= set(names)
    click(qtbot, next(b for b in notebook.findChildren(type(notebook.print_button))
                      if b.text() == "Correo"))
    assert w.controller.navigator.position.step == f"passwords.suggest:{i['email']}"


def test_two_step_later_is_a_todo_and_turned_on_ticks_it(qtbot, window):
    w = window()
    page = go(w, "two_step", "email")
    email = ids(w.controller.store)["email"]
    click(qtbot, row(page.group, "later"))
    rule = f"passwords.two_step.{email}"
    assert w.controller.store.tasks.by_rule(rule).shown_title() == \
        "Turn on two-step verification for Correo"
    click(qtbot, row(page.group, "on"))
    assert w.controller.store.passwords.get(email).two_step == "on"
    assert w.controller.store.tasks.by_rule(rule).done
    click(qtbot, row(page.group, "later"))  # changed their mind: the same to-do comes back
    assert not w.controller.store.tasks.by_rule(rule).done
    assert len([t for t in w.controller.store.tasks.all() if t.rule == rule]) == 1


def test_suggestion_is_large_new_on_request_and_dropped_when_left(qtbot, window):
    w = window()
    page = go(w, "suggest", "email")
    first = page._passphrase
    assert page.phrase.text().replace("\u200b", "") == first
    assert page.phrase.property("role") == "passphrase"
    assert page.phrase.font().pointSize() > page.words.font().pointSize()
    assert "Carmen".lower() not in first.lower()
    click(qtbot, page.another)
    assert page._passphrase != first
    click(qtbot, w.next_button)
    assert page._passphrase is None and page.phrase.text() == ""


def test_read_it_to_me_says_the_words_then_each_letter(qtbot, window, monkeypatch):
    w = window()
    page = go(w, "suggest", "email")
    said = []
    monkeypatch.setattr(w.speaker, "say", lambda text: said.append(text) or True)
    click(qtbot, page.read)
    words, letters = said[0].split("\n")
    *parts, digit = page._passphrase.split("-")
    assert words.startswith("The words: " + ", ".join(parts))
    assert f"capital {parts[0][0]}" in letters and "dash" in letters


def test_read_it_to_me_without_a_voice_says_so(qtbot, window, monkeypatch):
    w = window()
    page = go(w, "suggest", "email")
    monkeypatch.setattr(w.speaker, "say", lambda text: False)
    click(qtbot, page.read)
    assert "not available" in w.status.text()


def test_copy_empties_the_clipboard_after_the_delay(qtbot, window):
    w = window()
    page = go(w, "suggest", "email")
    board = QGuiApplication.clipboard()
    click(qtbot, page.copy)
    guard = clipboard.guard()
    assert board.text() == page._passphrase
    assert guard.timer.isActive() and guard.timer.interval() == 60_000
    assert "one minute" in w.status.text()
    guard.timer.timeout.emit()  # the minute is over
    assert board.text() == ""


def test_the_clipboard_is_left_alone_when_something_else_was_copied(qapp):
    guard = ClipboardGuard(clear_after_ms=10)
    guard.copy("Mesa-perro-cuatro-nube-7")
    QGuiApplication.clipboard().setText("the address of my bank")
    guard.timer.timeout.emit()
    assert QGuiApplication.clipboard().text() == "the address of my bank"


def test_the_clipboard_is_emptied_on_exit_and_after_a_short_delay(qtbot, qapp):
    guard = ClipboardGuard(clear_after_ms=20)
    guard.copy("Mesa-perro-cuatro-nube-7")
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=2000)
    guard.copy("Techo-gato-nube-silla-5")
    QApplication.instance().aboutToQuit.emit()
    assert QGuiApplication.clipboard().text() == ""
    assert not guard.timer.isActive()


def test_check_rates_in_words_with_the_reasons(qtbot, window):
    w = window()
    page = go(w, "check")
    edit = page.field.edit
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(edit, "carmen1948")
    click(qtbot, page.check_button)
    lines = [page.reasons.itemAt(i).widget().text() for i in range(page.reasons.count())]
    assert page.summary.text() in ("Very easy to guess", "Too easy to guess")
    assert "• It contains your name." in lines and "• It contains a year." in lines
    assert not any(line.strip("• ").isdigit() for line in [page.summary.text(), *lines])
    click(qtbot, page.show_button)
    assert edit.echoMode() == QLineEdit.EchoMode.Normal and page.show_button.text() == "Hide"
    click(qtbot, w.next_button)
    assert edit.text() == "" and page.result.isHidden()


def test_a_strong_password_is_said_to_be_strong_and_enter_checks_it(qtbot, window):
    w = window()
    page = go(w, "check")
    qtbot.keyClicks(page.field.edit, "Techo-gato-nube-silla-5")
    qtbot.keyClick(page.field.edit, Qt.Key.Key_Return)
    assert w.controller.navigator.position.step == "passwords.check"
    assert page.summary.text() in ("Strong", "Very strong")


def test_the_password_field_grows_with_the_text_size(qtbot, window):
    w = window()
    page = go(w, "check")
    small = page.field.edit.sizeHint().height()
    w.controller.set_setting("text_size", 175)
    assert page.field.edit.fontInfo().pointSize() == 32
    assert page.field.edit.sizeHint().height() > small * 1.5


def test_notebook_pdf_lists_the_accounts_and_no_password(qtbot, window, tmp_path, dialogs):
    w = window()
    shown = go(w, "suggest", "email")._passphrase
    page = go(w, "notebook")
    target = tmp_path / "out" / "notebook.pdf"
    target.parent.mkdir()
    dialogs.path = target
    click(qtbot, page.pdf_button)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    for expected in ("My password notebook", "For Carmen", "Correo", "Banorte", "IMSS",
                     "Website address:", "Password:", "Three rules to keep it safe",
                     "cross out the old one"):
        assert expected in text
    assert text.index("Correo") < text.index("Banorte") < text.index("IMSS")
    assert shown not in text and shown.split("-")[0] not in text
    assert w.status.text() == "Saved: notebook.pdf"


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_nothing_typed_or_suggested_reaches_the_disk(qtbot, window, tmp_path, lang):
    w = window(lang)
    secrets_seen = set()
    typed = "Carmen-Secreto-1948!"
    while w.controller.navigator.journey is not None:
        page = w.current
        step = w.controller.navigator.position.step
        if step.startswith("passwords.suggest"):
            secrets_seen.add(page._passphrase)
            click(qtbot, page.another)
            secrets_seen.add(page._passphrase)
            click(qtbot, page.copy)
        elif step.startswith("passwords.account"):
            click(qtbot, page.group.rows[len(secrets_seen) % 3])
        elif step.startswith("passwords.two_step"):
            click(qtbot, page.group.rows[2])
        elif step == "passwords.check":
            qtbot.keyClicks(page.field.edit, typed)
            click(qtbot, page.check_button)
            assert page.summary.text()
            w.controller.set_setting("text_size", 125)  # re-render while typed: still nothing kept
            qtbot.keyClicks(page.field.edit, typed)
            click(qtbot, page.check_button)
        click(qtbot, w.next_button)
    clipboard.guard().timer.timeout.emit()
    w.close()
    assert len(secrets_seen) == 6 and None not in secrets_seen
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)
    for path in files:
        data = path.read_bytes()
        for secret in [*secrets_seen, typed]:
            for encoded in (secret.encode("utf-8"), secret.encode("utf-16-le")):
                assert encoded not in data, f"{secret!r} found in {path}"
            assert secret.split("-")[0].encode() + b"-" not in data
