"""Change passwords, clicked through: order, outcomes, clipboard, notebook, nothing kept."""

import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from app.core.flow import Step
from app.ui import clipboard
from app.ui.clipboard import ClipboardGuard
from app.ui.widgets.more import TellMeMore
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
    found = ids(w.controller.store)
    arg = str(found[kind]) if kind else str(found.get("pension", "")) if page == "pension" else ""
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
    per_account = [
        f"passwords.{p}:{i[k]}"
        for k in ("email", "bank", "social_security")
        for p in ("kind", "suggest", "done", "two_step")
    ]
    assert [key for key, _title in seen] == [
        "passwords.intro",
        *per_account,
        "passwords.year",
        "passwords.check",
        "passwords.notebook",
    ]
    titles = [title for _key, title in seen]
    assert titles[1:5] == [
        "What does Correo ask for?",
        "Change the password of Correo",
        "How did it go with Correo?",
        "Two-step verification for Correo",
    ]
    assert titles[6] == "Change the password of Banorte"
    assert w.controller.navigator.is_finished("passwords")


def test_the_introduction_says_the_order_once(window):
    w = window()
    text = w.current.read_aloud_text()
    assert text.index("1. Correo") < text.index("2. Banorte") < text.index("3. IMSS")
    assert "Email comes first" in text


def test_how_it_went_is_one_commit_said_aloud_and_shown_again_after_back(qtbot, window):
    """The to-dos each answer adds or ticks: tests/core/test_actions_passwords.py."""
    w = window()
    store = w.controller.store
    page = go(w, "done", "bank")
    bank = ids(store)["bank"]
    before = store.db.commits
    click(qtbot, row(page.group, "later"))
    assert store.db.commits == before + 1  # the answer and its to-do: one commit
    assert (
        store.tasks.by_rule(f"passwords.later.{bank}").shown_title()
        == "Change the password of Banorte"
    )
    assert w.status.text() == "Added to your to-do list." and page.when.isHidden()

    click(qtbot, row(page.group, "changed"))
    assert store.db.commits == before + 2
    assert w.status.text() == "Well done. Sereno noted the date."
    assert page.when.text() == "You changed it on November 23, 2026."
    click(qtbot, w.next_button)
    click(qtbot, w.back_button)
    assert w.current.group.value() == "changed"
    assert w.current.when.text() == "You changed it on November 23, 2026."


def test_skip_goes_to_the_next_account_and_leaves_this_one_to_do(qtbot, window):
    w = window()
    page = go(w, "done", "email")
    click(qtbot, page.skip)
    i = ids(w.controller.store)
    assert w.controller.navigator.position.step == f"passwords.kind:{i['bank']}"
    assert w.controller.store.passwords.all() == {}
    notebook = go(w, "notebook")
    names = [b.text() for b in notebook.findChildren(type(notebook.print_button)) if b.isVisible()]
    assert {"Correo", "Banorte", "IMSS"} <= set(names)
    click(
        qtbot,
        next(b for b in notebook.findChildren(type(notebook.print_button)) if b.text() == "Correo"),
    )
    assert w.controller.navigator.position.step == f"passwords.suggest:{i['email']}"


def test_two_step_warns_the_code_is_for_you_alone_and_imss_may_not_have_it(qtbot, window):
    w = window()
    w.controller.set_setting("country", "MX")
    page = go(w, "two_step", "social_security")
    text = page.read_aloud_text()
    assert "This code is for you alone." in text and "hang up" in text
    assert page.nobody_asks.text() == "Nobody from your bank or IMSS will ask for it."
    assert "Never approve anything in your bank's app during a call." in text
    assert "The IMSS site may not have it." in text
    assert "true facts" not in text  # the rest, on request
    more = page.findChild(TellMeMore)
    click(qtbot, more.button)
    assert (
        "Never give it to anyone who calls or writes, even someone who knows true facts "
        "about you." in page.read_aloud_text()
    )
    assert "My account doesn't have it" in page.group.rows[1].accessibleName()


def test_two_step_later_is_a_to_do_and_turned_on_is_noted(qtbot, window):
    w = window()
    page = go(w, "two_step", "email")
    rule = f"passwords.two_step.{ids(w.controller.store)['email']}"
    click(qtbot, row(page.group, "later"))
    assert w.status.text() == "Added to your to-do list."
    assert (
        w.controller.store.tasks.by_rule(rule).shown_title()
        == "Turn on two-step verification for Correo"
    )
    click(qtbot, row(page.group, "on"))
    assert w.status.text() == "Noted." and w.controller.store.tasks.by_rule(rule).done


def test_the_suggestion_leads_the_steps_large_and_unwrapped(qtbot, window):
    w = window()
    page = go(w, "suggest", "email")
    first = page._passphrase
    view = page.suggestion.phrase
    assert view.text() == first and view.accessibleName() == first
    assert not any(c in first for c in "\u200b\u200c\u200d\u2060\ufeff")
    card_texts = [t.text() for t in page.findChildren(type(page.confirm)) if t.isVisible()]
    assert any(t.startswith("1. ") for t in card_texts) and any(
        t.startswith("4. ") for t in card_texts
    )
    assert {"Your new password:", "3. Type the new password shown above."} <= set(card_texts)
    font, lines = view.layout_for(view.width())
    assert lines == [first]  # one line, never wrapped or cut
    assert font.pointSize() > page.suggestion.aid.font().pointSize()
    assert "carmen" not in first.lower()


def test_a_narrow_window_shrinks_the_passphrase_never_below_the_body_size(qtbot, window):
    w = window()
    view = go(w, "suggest", "email").suggestion.phrase
    view.setText("Mesa-perro-cuatro-nube-7")
    font, lines = view.layout_for(10_000)
    assert lines == ["Mesa-perro-cuatro-nube-7"] and font.pointSize() == 40
    font, lines = view.layout_for(300)
    assert font.pointSize() == 18 and lines == ["Mesa-", "perro-", "cuatro-", "nube-", "7"]
    w.controller.set_setting("text_size", 175)
    font, _lines = w.current.suggestion.phrase.layout_for(300)
    assert font.pointSize() == 32
    font, _lines = w.current.suggestion.phrase.layout_for(10_000)
    assert font.pointSize() == 71


def test_the_suggestion_stays_after_back_and_next_and_changes_on_request(qtbot, window):
    w = window()
    page = go(w, "suggest", "email")
    first = page._passphrase
    click(qtbot, w.next_button)
    click(qtbot, w.back_button)
    assert w.current._passphrase == first
    click(qtbot, w.back_button)
    click(qtbot, w.next_button)
    assert w.current._passphrase == first
    click(qtbot, w.current.another)
    second = w.current._passphrase
    assert second != first
    w.controller.go_home()
    go(w, "suggest", "bank")
    assert go(w, "suggest", "email")._passphrase == second


def _explanation_words(page) -> int:
    """Words of explanation in sight (issue #19: at most 60): the page's visible texts, not
    the answers, the title, nor what `content()` marks as the person's own (the suggestion,
    its spelling, their accounts)."""
    from app.ui.widgets.choices import ChoiceRow
    from app.ui.widgets.labels import Text, Title
    from app.ui.widgets.more import CONTENT, WORDS

    def counted(label):
        holder = label
        while holder is not None and holder is not page:
            if isinstance(holder, ChoiceRow) or holder.property(WORDS) == CONTENT:
                return False
            holder = holder.parentWidget()
        return not isinstance(label, Title) and label.isVisibleTo(page)

    return sum(
        len(re.findall(r"\w+", label.text())) for label in page.findChildren(Text) if counted(label)
    )


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_the_change_page_keeps_to_sixty_words_whatever_the_site_asks_for(qtbot, window, lang):
    """Words, a code or both, the shorter words too, for a bank in its own country."""
    w = window(lang)
    w.controller.set_setting("country", {"es_MX": "MX", "fr_FR": "FR"}[lang])
    bank = ids(w.controller.store)["bank"]
    for kind in ("letters", "numbers", "unsure"):
        w.controller.passwords.set_secret_kind(bank, kind)
        page = go(w, "suggest", "bank")
        assert _explanation_words(page) <= 60, kind
        if kind != "numbers":
            if not page.suggestion.short:  # the page is kept: it may still show the shorter
                click(qtbot, page.suggestion.shorter)
            assert page.suggestion.short_note.isVisible()
            assert _explanation_words(page) <= 60, f"{kind}, shorter"
        assert all(step.isVisible() for step in (page.use, page.more.button))


def test_the_shorter_one_has_three_words_and_says_it_is_less_strong(qtbot, window):
    w = window()
    page = go(w, "suggest", "email")
    click(qtbot, page.suggestion.shorter)
    assert len(page._passphrase.split("-")) == 4
    assert page.suggestion.short_note.isVisible()
    assert page.suggestion.shorter.text() == "The longer one"
    click(qtbot, page.suggestion.shorter)
    assert len(page._passphrase.split("-")) == 5


def test_numbers_only_shows_a_code_of_the_length_asked_without_the_card_digits(qtbot, window):
    from app.core.codes import code_is_good

    w = window()
    bank = ids(w.controller.store)["bank"]
    kind = go(w, "kind", "bank")
    click(qtbot, row(kind.kind, "numbers"))
    assert w.controller.store.passwords.secret_kind(bank) == ("numbers", 0)
    page = go(w, "suggest", "bank")
    block = page.suggestion
    assert block.code.isVisible() and not block.phrase.isVisible()
    assert block.keypad.isVisible() and len(block.code.text()) == 6
    click(qtbot, block.lengths[0])  # 4 digits
    assert len(block.code.text()) == 4
    assert w.controller.store.passwords.secret_kind(bank) == ("numbers", 4)
    assert code_is_good(block.code.text(), ["4821"])
    assert "The code: " + " ".join(block.code.text()) + "." in page.read_aloud_text()
    click(qtbot, row(go(w, "kind", "bank").kind, "unsure"))
    page = go(w, "suggest", "bank")
    assert page.suggestion.code.isVisible() and page.suggestion.phrase.isVisible()
    assert page.more.isVisible() and not page.suggestion.tell.isVisible()  # on request
    click(qtbot, page.more.button)
    assert page.suggestion.tell.isVisible()


def test_tell_me_more_holds_what_a_bank_may_ask_and_is_not_offered_with_nothing_more(qtbot, window):
    w = window("es_MX")
    w.controller.set_setting("country", "MX")
    page = go(w, "suggest", "email")
    assert page.more.isHidden()  # the words only, and no bank: nothing more to say
    page = go(w, "suggest", "bank")
    assert page.more.isVisible() and not page.confirm.isVisible()
    assert page.more.button.text() == "Dígame más"
    click(qtbot, page.more.button)
    assert "clave dinámica" in page.confirm.text() and page.confirm.isVisible()
    assert "clave dinámica" in page.read_aloud_text()
    for step in ("1. ", "2. ", "3. ", "4. "):  # the steps themselves are never hidden
        assert step in page.read_aloud_text()


def test_the_spelling_aid_names_the_capital_and_every_dash_and_is_read_aloud(
    qtbot, window, monkeypatch
):
    w = window()
    page = go(w, "suggest", "email")
    said = []
    monkeypatch.setattr(w.speaker, "say", lambda text: said.append(text) or True)
    click(qtbot, page.read)
    words = page._passphrase.split("-")
    aid = page.suggestion.aid.text()
    assert aid.startswith(f"{words[0]}, with a capital {words[0][0]}, a dash, {words[1]}")
    assert aid.count("a dash") == 4 and aid.endswith(f"the number {words[-1]}")
    assert said == [aid]
    assert page.read_aloud_text().count(aid) == 1


def test_the_spelling_aid_is_in_french_words(qtbot, window):
    w = window("fr_FR")
    page = go(w, "suggest", "email")
    aid = page.suggestion.aid.text()
    assert aid.startswith(f"{page._passphrase.split('-')[0]}, avec un ")
    assert " majuscule, un tiret, " in aid and aid.count("un tiret") == 4
    assert "le chiffre" in aid


def _bank_and_pension(store):
    store.answers.add_account("bank", "Banorte", "4821")
    store.answers.add_account("pension", "Pensión")


def test_a_pension_paid_into_the_bank_is_one_question_not_a_second_change(qtbot, make_window):
    w = make_window(lang="en", done=True, on_store=_bank_and_pension)
    w.controller.start("passwords")
    keys = [s.key for s in w.controller.navigator.steps()]
    store = w.controller.store
    pension = ids(store)["pension"]
    assert keys.count(f"passwords.pension:{pension}") == 1
    assert f"passwords.suggest:{pension}" not in keys
    page = go(w, "pension")
    assert page.question.text() == "Is your pension paid into Banorte?"
    assert page.done.isHidden() and page.after.isHidden()
    before = store.db.commits
    click(qtbot, row(page.same, "same"))
    assert store.db.commits == before + 1
    assert page.done.isVisible() and store.passwords.pension_on_bank(pension) == "same"
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "passwords.year"


def test_another_account_leads_to_its_own_pages_and_back_keeps_the_answer(qtbot, make_window):
    """The pension page keeps only its question: the change is on the usual pages."""
    w = make_window(lang="en", done=True, on_store=_bank_and_pension)
    w.controller.start("passwords")
    store = w.controller.store
    pension = ids(store)["pension"]
    page = go(w, "pension")
    assert "Give me another" not in [b.text() for b in page.findChildren(type(w.next_button))]
    before = store.db.commits
    total = len(w.controller.navigator.steps())
    click(qtbot, row(page.same, "other"))
    assert store.db.commits == before + 1 and page.after.isVisible() and page.done.isHidden()
    # four more pages (what it asks, the change, how it went, two-step), counted at once
    assert w.header.step_label.text().endswith(f"of {total + 4}")
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == f"passwords.kind:{pension}"
    assert w.header.title.text() == "What does Pensión ask for?"
    click(qtbot, w.back_button)
    assert w.controller.navigator.position.step == f"passwords.pension:{pension}"
    assert w.current.same.value() == "other" and w.current.after.isVisible()
    click(qtbot, w.next_button)
    for title in (
        "Change the password of Pensión",
        "How did it go with Pensión?",
        "Two-step verification for Pensión",
    ):
        click(qtbot, w.next_button)
        assert w.header.title.text() == title
    click(qtbot, row(go(w, "pension").same, "same"))  # changed their mind: the question alone
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "passwords.year"


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


def test_a_guard_that_copied_nothing_leaves_the_clipboard_alone(qapp):
    QGuiApplication.clipboard().setText("my shopping list")
    guard = ClipboardGuard(clear_after_ms=10)
    assert not guard.holds_ours()
    guard.clear_if_ours()
    assert QGuiApplication.clipboard().text() == "my shopping list"


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
    assert "• It has your first name." in lines and "• It looks like a birth year." in lines
    assert not any(line.strip("• ").isdigit() for line in [page.summary.text(), *lines])
    click(qtbot, page.show_button)
    assert edit.echoMode() == QLineEdit.EchoMode.Normal and page.show_button.text() == "Hide"
    click(qtbot, w.next_button)
    assert edit.text() == "" and page.result.isHidden()
    assert not edit.isUndoAvailable()
    edit.undo()
    assert edit.text() == ""


def test_the_rating_names_what_leaked(qtbot, window):
    w = window()
    w.controller.set_setting("country", "MX")
    w.controller.set_setting("trusted_person", "Lupita")
    page = go(w, "check")

    def reasons(password):
        page.field.edit.setText(password)
        click(qtbot, page.check_button)
        return [page.reasons.itemAt(i).widget().text() for i in range(page.reasons.count())]

    found = reasons("Banorte4821")
    assert "• It has the name of your bank." in found
    assert "• It has the last digits of your card." in found
    assert page.summary.text() in ("Very easy to guess", "Too easy to guess")
    assert not any("year" in line or "your name" in line for line in found)
    found = reasons("Mexico-casa-2024")
    assert "• It has the name of your country." in found
    assert not any("your name" in line for line in found)
    assert "• It has the name of the person you trust." in reasons("Lupita-perro-mesa")
    year = go(w, "year")
    year.year.edit.setText("1950")
    click(qtbot, w.next_button)
    assert w.controller.store.passwords.birth_year() == 1950
    assert w.current is page
    assert "• It has your birth year." in reasons("Nube1950casa")


def test_the_birth_year_is_optional_and_checked(qtbot, window):
    w = window()
    page = go(w, "year")
    assert page.year.value() == ""
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "passwords.check"
    page = go(w, "year")
    page.year.edit.setText("48")
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "passwords.year"
    assert w.controller.store.passwords.birth_year() is None


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
    for expected in (
        "My password notebook",
        "For Carmen",
        "Correo",
        "Banorte",
        "IMSS",
        "Website address:",
        "Password:",
        "Three rules to keep it safe",
        "cross out the old one",
    ):
        assert expected in text
    assert text.index("Correo") < text.index("Banorte") < text.index("IMSS")
    assert shown not in text and shown.split("-")[0] not in text
    assert w.status.text() == "Saved: notebook.pdf"
    # On the page the rules wait behind "Tell me more"; on paper they are always printed.
    assert "cross out the old one" not in page.read_aloud_text()
    click(qtbot, page.findChild(TellMeMore).button)
    assert "cross out the old one" in page.read_aloud_text()


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_nothing_typed_or_suggested_reaches_the_disk(qtbot, window, tmp_path, lang):
    w = window(lang)
    secrets_seen = set()
    typed = "Carmen-Secreto-1948!"
    while w.controller.navigator.journey is not None:
        page = w.current
        step = w.controller.navigator.position.step
        if step.startswith("passwords.kind"):
            click(qtbot, page.kind.rows[2 if len(secrets_seen) == 2 else 0])
        elif step.startswith("passwords.suggest"):
            secrets_seen.add(page._passphrase)
            click(qtbot, page.another)
            secrets_seen.add(page._passphrase)
            click(qtbot, page.copy)
        elif step.startswith("passwords.done"):
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


def test_no_page_of_the_journey_writes_while_it_loads(qtbot, window):
    w = window()
    store = w.controller.store
    store.answers.add_account("pension", "Pensión")
    store.passwords.set_status(ids(store)["email"], "changed", TODAY)
    for step in w.controller.navigator.steps():
        w.controller.go_to(step)
        before = store.db.commits
        w.current.load()
        assert store.db.commits == before, step.key


def _on_screen(w, widget) -> bool:
    """Whole inside the page's visible area (or the window, for Back and Next)."""
    area = w.scroll.viewport() if w.scroll.isAncestorOf(widget) else w
    seen = QRect(0, 0, area.width(), area.height())
    return seen.contains(QRect(widget.mapTo(area, QPoint(0, 0)), widget.size()))


LARGE = [("es_MX", 175), ("fr_FR", 175), ("en", 175), ("fr_FR", 150)]
WINDOW_FOR = {175: (1280, 720), 150: (1366, 768)}  # the window, then the small laptop's


def _shown_at(w, page, kind, size=175):
    """The page at this size (175 %: in a 1280x720 window; 150 %: 1366x768), scrolled to
    its top."""
    w.resize(*WINDOW_FOR[size])
    w.controller.set_setting("text_size", size)
    page = go(w, page, kind)
    QApplication.processEvents()
    w.scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    return page


def _long_names(store):
    """The demo's French names, its longest: most titles about an account take two lines
    at 175 %."""
    store.answers.add_account("email", "Ma messagerie")
    store.answers.add_account("bank", "Ma banque", "4821")


def _suggest_at(make_window, lang, kind, size, length=0):
    w = make_window(lang=lang, done=True, on_store=_long_names)
    w.controller.start("passwords")
    email = ids(w.controller.store)["email"]
    w.controller.passwords.set_secret_kind(email, kind)
    if length:
        w.controller.passwords.set_code_length(email, length)
    return w, _shown_at(w, "suggest", "email", size)


def _biggest_words(w, block):
    """Short words: the passphrase at its biggest size, the tallest it can be."""
    block.phrase.setText("Sol-mar-pan-luz-7")
    QApplication.processEvents()
    w.scroll.verticalScrollBar().setValue(0)
    QApplication.processEvents()


def _one_line_at_least_body_size(view):
    font, lines = view.layout_for(view.width())
    assert lines == [view.text()]  # one line: never wrapped, never cut
    assert font.pointSize() >= QApplication.font().pointSize()


@pytest.mark.parametrize("lang, size", LARGE)
def test_at_150_and_175_the_words_their_buttons_and_next_fit_without_scrolling(
    qtbot, make_window, lang, size
):
    w, page = _suggest_at(make_window, lang, "letters", size)
    block = page.suggestion
    _biggest_words(w, block)
    for widget in (
        block.phrase,
        block.another,
        block.shorter,
        block.read,
        block.copy,
        w.next_button,
    ):
        assert widget.isVisible() and _on_screen(w, widget), widget.text()
    _one_line_at_least_body_size(block.phrase)


@pytest.mark.parametrize("lang, size", LARGE)
def test_at_150_and_175_a_code_its_buttons_and_every_length_fit_on_one_screen(
    qtbot, make_window, lang, size
):
    """Only numbers: "8 digits" four times wrapped below the edge in French (issue #18)."""
    w, page = _suggest_at(make_window, lang, "numbers", size, length=8)  # "✓ 8", the widest
    block = page.suggestion
    assert block.phrase.isHidden() and block.shorter.isHidden()
    for widget in (
        block.code,
        block.another,
        block.read,
        block.copy,
        *block.lengths,
        w.next_button,
    ):
        assert widget.isVisible() and _on_screen(w, widget), widget.accessibleName()
    assert len({b.y() for b in block.lengths}) == 1  # one row
    assert [b.text() for b in block.lengths] == ["4", "5", "6", "✓ 8"]
    assert (
        block.lengths[0].accessibleName()
        == {"es_MX": "4 dígitos", "fr_FR": "4 chiffres", "en": "4 digits"}[lang]
    )
    assert all(b.height() >= 56 for b in block.lengths)
    assert all(b.font().pointSize() >= QApplication.font().pointSize() for b in block.lengths)
    _one_line_at_least_body_size(block.code)
    assert len(block.code.text()) == 8
    click(qtbot, block.lengths[0])
    assert len(block.code.text()) == 4 and block.lengths[0].text() == "✓ 4"


@pytest.mark.parametrize("lang, size", LARGE)
def test_at_150_and_175_i_dont_know_shows_the_words_the_code_and_their_buttons(
    qtbot, make_window, lang, size
):
    """Both: the code was below the edge, under the words' spelling (issue #18)."""
    w, page = _suggest_at(make_window, lang, "unsure", size)
    block = page.suggestion
    _biggest_words(w, block)
    for widget in (
        block.phrase,
        block.code,
        block.another,
        block.read,
        block.copy,
        block.shorter,
        w.next_button,
    ):
        assert widget.isVisible() and _on_screen(w, widget), widget.accessibleName()
    for view in (block.phrase, block.code):
        _one_line_at_least_body_size(view)
    assert block.code_lead.text() in {
        "For a keypad of numbers, this code:",
        "Para un teclado de números, esta clave:",
        "Pour un clavier de chiffres, ce code\u00a0:",
    }
    assert block.lengths_row.isVisible() and page.more.isVisible()  # below, one scroll away


@pytest.mark.parametrize("lang, size", LARGE)
def test_at_150_and_175_what_the_site_asks_for_needs_no_scroll_bar_with_a_long_name(
    qtbot, make_window, lang, size
):
    """ "Que demande Ma messagerie ?" takes two lines: the page was 4 px taller than the
    screen, a scroll bar and a "more below" cue with nothing below (issue #18)."""
    w = make_window(lang=lang, done=True, on_store=_long_names)
    w.controller.start("passwords")
    page = _shown_at(w, "kind", "email", size)
    assert w.scroll.verticalScrollBar().maximum() == 0 and w.more_below.isHidden()
    for row_ in page.kind.rows:
        assert _on_screen(w, row_) and row_.explanation_label.isVisible()  # hints kept
        assert row_.explanation_label.font().pointSize() >= QApplication.font().pointSize()


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_at_175_how_did_it_go_shows_every_answer_and_skip(qtbot, window, lang):
    w = window(lang)
    click(qtbot, row(go(w, "done", "email").group, "changed"))  # the date line shows too
    page = _shown_at(w, "done", "email")
    for widget in (*page.group.rows, page.when, page.skip, w.next_button):
        assert widget.isVisible() and _on_screen(w, widget), widget.accessibleName()
    assert all(r.explanation_label.isHidden() for r in page.group.rows)
    assert all(r.accessibleDescription() for r in page.group.rows)  # still heard
    w.controller.set_setting("text_size", 100)
    assert all(r.explanation_label.isVisible() for r in w.current.group.rows)


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_at_175_two_step_shows_every_answer_as_a_title(qtbot, window, lang):
    w = window(lang)
    page = _shown_at(w, "two_step", "social_security")  # the longest name: IMSS's, in MX
    for widget in (*page.group.rows, w.next_button):
        assert widget.isVisible() and _on_screen(w, widget), widget.accessibleName()
    assert all(
        r.explanation_label is None or r.explanation_label.isHidden() for r in page.group.rows
    )  # titles only: the last answer no longer touches
    # the fold (it ended exactly on it with its explanation)


@pytest.mark.parametrize("lang, size", LARGE)
def test_at_150_and_175_the_verdict_shows_right_under_check_it(qtbot, window, lang, size):
    """What the page explains comes after the result: the verdict was below the edge."""
    w = window(lang)
    page = _shown_at(w, "check", "", size)
    assert _on_screen(w, page.check_button)
    page.field.edit.setText("Carmen1950")
    click(qtbot, page.check_button)
    QApplication.processEvents()
    assert page.summary.text() and _on_screen(w, page.summary)
