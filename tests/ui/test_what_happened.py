"""What happened?, clicked through: the answers are kept and become the to-do list."""

import pytest
from PySide6.QtCore import Qt

from app.core import plan
from app.i18n import _
from app.ui.widgets import BigButton
from app.ui.widgets.more import TellMeMore


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def row(page, value):
    return next(r for r in page.group.rows if r.value == value)


def named(page, name):
    """The button a screen reader calls `name`."""
    return next(b for b in page.findChildren(BigButton) if b.accessibleName() == name)


def step(w):
    return w.controller.navigator.position.step


def tick_only(qtbot, page, wanted):
    """Tick exactly the wanted answers that this page offers."""
    for r in page.group.rows:  # a second run starts from the earlier answers
        if r.isChecked() != (r.value in wanted):
            click(qtbot, r)


def answer(qtbot, w, notice, exposed, accounts):
    """From the notice page to the first name page (or the summary), choosing the answers."""
    assert step(w) == "what_happened.notice"
    click(qtbot, row(w.current, notice))
    click(qtbot, w.next_button)
    for page in ("what_happened.exposed", "what_happened.exposed_more"):
        assert step(w) == page
        tick_only(qtbot, w.current, exposed)
        click(qtbot, w.next_button)
    for kind in accounts:
        if kind not in w.current.group.values():
            click(qtbot, row(w.current, kind))
    click(qtbot, w.next_button)


def test_questionnaire_makes_the_plan_and_shows_the_risks(qtbot, make_window):
    w = make_window(lang="es_MX", done=True)
    w.controller.start("what_happened")
    click(qtbot, w.next_button)  # nothing chosen: blocked, in plain words
    assert step(w) == "what_happened.notice"
    assert w.current.error_label.isVisible()
    assert "IMSS" in " ".join(r.title_label.text() for r in w.current.group.rows)
    assert "ameli" not in [r.value for r in w.current.group.rows]

    # What each answer records, and the list made of them: test_actions_what_happened.py.
    answer(qtbot, w, "imss", ["curp", "pension", "bank"], ["email", "bank"])
    email = step(w)
    assert email.startswith("what_happened.names:")  # one account per page
    assert w.current.digits is None and w.current.name.value() == _("Email")
    click(qtbot, w.next_button)
    bank = step(w)
    assert bank.startswith("what_happened.names:") and bank != email
    name, digits = w.current.name, w.current.digits
    assert name.value() == _("Bank account")
    name.edit.clear()
    qtbot.keyClicks(name.edit, "Banco Azteca")
    qtbot.keyClicks(digits.edit, "12a4")
    click(qtbot, w.next_button)
    assert step(w) == bank  # letters refused, with a message
    assert "4" in w.current.error_label.text()
    click(qtbot, w.back_button)  # Back keeps what was typed, even a wrong number
    click(qtbot, w.next_button)
    assert w.current.digits.value() == "12a4"
    assert w.current.name.value() == "Banco Azteca"
    digits = w.current.digits
    digits.edit.clear()
    qtbot.keyClicks(digits.edit, "4821")
    click(qtbot, w.next_button)
    assert step(w) == "what_happened.summary"
    answers = w.controller.answers()
    wanted = [t.rule for t in plan.build(answers, w.controller.today())]
    risks = [_(risk) for risk in plan.risks(answers)]
    shown = w.current.read_aloud_text()
    assert risks[0] in shown  # the first risk in sight, the others behind "Tell me more"
    more = w.current.findChildren(TellMeMore)
    assert all(risk not in shown for risk in risks[1:]) and len(more) == (len(risks) > 1)
    if more:
        click(qtbot, more[0].button)
        shown = w.current.read_aloud_text()
        assert all(risk in shown for risk in risks)
    assert len(risks) <= 3
    assert str(len(wanted)) in w.current.ready.text()
    assert w.next_button.text() == _("See my to-do list")
    click(qtbot, w.next_button)
    assert step(w) == "todo.list"
    assert wanted and w.current.count_label.text().startswith(str(len(wanted)))


def test_running_again_starts_from_the_answers_and_keeps_the_list(qtbot, make_window):
    """Ticks and notes kept, nothing doubled: tests/core/test_actions_what_happened.py."""
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("what_happened")
    answer(qtbot, w, "ameli", ["social_security", "health_rights"], ["social_security"])
    click(qtbot, w.next_button)  # the name of the one account: the summary
    click(qtbot, w.next_button)  # the list, made from the answers
    ticked, noted = w.current.open_tasks()[:2]
    click(qtbot, named(w.current, f"{_('Done')}: {ticked.shown_title()}"))
    w.controller.tasks.update(noted.id, note="Appelé le 3646")
    w.controller.go_home()

    w.controller.navigator.position.last_steps.pop("what_happened", None)
    w.controller.start("what_happened")
    assert row(w.current, "ameli").isChecked()  # the earlier answers, shown again
    answer(qtbot, w, "ameli", ["social_security", "health_rights", "bank"], ["social_security"])
    click(qtbot, w.next_button)
    assert step(w) == "what_happened.summary"
    click(qtbot, w.next_button)
    shown = [t.shown_title() for t in w.current.open_tasks()]
    assert ticked.shown_title() not in shown and len(shown) == len(set(shown))
    assert _("Note: {note}").format(note="Appelé le 3646") in w.current.read_aloud_text()


def test_french_and_mexican_rows_name_the_social_security_number(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("what_happened")
    click(qtbot, row(w.current, "ameli"))
    click(qtbot, w.next_button)
    values = [r.value for r in w.current.group.rows]
    assert values == ["name_address", "birth_date", "social_security", "contact", "unknown"]
    assert row(w.current, "social_security").title_label.text() == "Numéro de sécurité sociale"
    tick_only(qtbot, w.current, [])  # what the AmeliPro leak held was ticked: untick it
    click(qtbot, w.next_button)  # nothing about identity: fine, money and health come next
    assert step(w) == "what_happened.exposed_more"
    assert [r.value for r in w.current.group.rows] == [
        "bank",
        "pension",
        "health_rights",
        "unknown",
    ]
    tick_only(qtbot, w.current, [])
    click(qtbot, w.next_button)  # nothing chosen on either page: blocked
    assert step(w) == "what_happened.exposed_more"
    assert w.current.error_label.isVisible()
    click(qtbot, row(w.current, "unknown"))
    click(qtbot, w.next_button)
    assert step(w) == "what_happened.accounts"

    w.controller.set_setting("language", "es_MX")
    w.controller.set_setting("country", "MX")
    click(qtbot, w.back_button)
    click(qtbot, w.back_button)
    assert step(w) == "what_happened.exposed"
    assert "curp" in [r.value for r in w.current.group.rows]
    assert row(w.current, "social_security").title_label.text().startswith("NSS")
    assert row(w.current, "unknown").isChecked()  # one answer, on both pages


@pytest.mark.parametrize("confirm", [True, False])
def test_unticking_an_account_asks_before_forgetting_it(qtbot, make_window, dialogs, confirm):
    def seed(store):
        store.answers.add_account("bank", "Mi banco", "1234")

    w = make_window(done=True, on_store=seed)
    w.controller.start("what_happened")
    click(qtbot, row(w.current, "bank"))
    click(qtbot, w.next_button)
    click(qtbot, row(w.current, "unknown"))
    click(qtbot, w.next_button)
    click(qtbot, w.next_button)  # "I don't know" is ticked on the second page too
    dialogs.answer = confirm
    click(qtbot, row(w.current, "bank"))
    asked = dialogs.texts("confirm")
    assert asked and "Mi banco" in asked[0]
    assert row(w.current, "bank").isChecked() is not confirm
    click(qtbot, row(w.current, "phone"))  # added now: taken back without a question
    click(qtbot, row(w.current, "phone"))
    assert len(dialogs.texts("confirm")) == 1
    assert not row(w.current, "phone").isChecked()


@pytest.mark.parametrize(
    "lang, notice, held",
    [
        ("fr_FR", "ameli", {"birth_date", "social_security", "health_rights"}),
        (
            "es_MX",
            "imss",
            {"name_address", "birth_date", "curp", "social_security", "health_rights"},
        ),
    ],
)
def test_what_the_leak_held_is_ticked_and_said(qtbot, make_window, lang, notice, held):
    w = make_window(lang=lang, done=True)
    w.controller.start("what_happened")
    click(qtbot, row(w.current, notice))
    click(qtbot, w.next_button)
    identity = {r.value for r in w.current.group.rows}
    assert set(w.current.group.values()) == held & identity
    assert w.current.leak.isVisible() and "Sereno" in w.current.leak.text()
    click(qtbot, row(w.current, "birth_date"))  # the person can untick
    click(qtbot, w.next_button)
    assert set(w.current.group.values()) == {"health_rights"}
    assert w.current.leak.isVisible()
    click(qtbot, row(w.current, "pension"))  # or add more
    click(qtbot, w.back_button)
    assert not row(w.current, "birth_date").isChecked()
    click(qtbot, w.back_button)
    click(qtbot, row(w.current, notice))  # the same notice again: nothing ticked anew
    click(qtbot, w.next_button)
    assert set(w.current.group.values()) == (held & identity) - {"birth_date"}
    click(qtbot, w.next_button)
    assert set(w.current.group.values()) == {"health_rights", "pension"}


def test_each_answer_is_one_commit_and_showing_a_page_writes_nothing(qtbot, make_window, dialogs):
    w = make_window(lang="es_MX", done=True)
    db = w.controller.store.db

    def commits(do):
        before = db.commits
        do()
        return db.commits - before

    w.controller.start("what_happened")
    assert commits(lambda: click(qtbot, row(w.current, "imss"))) == 1
    assert commits(lambda: click(qtbot, w.next_button)) == 0
    assert commits(lambda: click(qtbot, row(w.current, "contact"))) == 1
    assert commits(lambda: click(qtbot, w.next_button)) == 0
    assert commits(lambda: click(qtbot, row(w.current, "bank"))) == 1
    assert commits(lambda: click(qtbot, w.next_button)) == 0
    assert commits(lambda: click(qtbot, row(w.current, "bank"))) == 1  # an account, added
    assert commits(lambda: click(qtbot, row(w.current, "email"))) == 1
    assert commits(lambda: click(qtbot, w.next_button)) == 0
    assert step(w).startswith("what_happened.names:")
    assert commits(lambda: click(qtbot, w.next_button)) == 0  # the name as it was
    w.current.name.edit.setText("Banorte")  # typing keeps a draft, one commit a change
    assert commits(lambda: click(qtbot, w.next_button)) == 1  # named, draft done with
    assert step(w) == "what_happened.summary"  # shown only: the list is made on leaving
    count = w.current.ready.text()
    assert commits(lambda: click(qtbot, w.next_button)) == 1  # the list, made
    assert step(w) == "todo.list"
    assert w.current.count_label.text().split()[0] in count
