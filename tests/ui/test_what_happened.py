"""What happened?, clicked through: the answers are kept and become the to-do list."""
import pytest
from PySide6.QtCore import Qt

from app.core import plan
from app.i18n import _


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def row(page, value):
    return next(r for r in page.group.rows if r.value == value)


def step(w):
    return w.controller.navigator.position.step


def answer(qtbot, w, notice, exposed, accounts):
    """From the notice page to the summary, choosing the given answers."""
    assert step(w) == "what_happened.notice"
    click(qtbot, row(w.current, notice))
    click(qtbot, w.next_button)
    for value in w.current.group.values():  # a second run starts from the earlier answers
        if value not in exposed:
            click(qtbot, row(w.current, value))
    for value in exposed:
        if value not in w.current.group.values():
            click(qtbot, row(w.current, value))
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

    answer(qtbot, w, "imss", ["curp", "pension", "bank"], ["email", "bank"])
    store = w.controller.store
    assert store.answers.notice() == "imss"
    assert store.answers.exposed() == {"curp", "pension", "bank"}
    assert [a.kind for a in store.answers.accounts()] == ["email", "bank"]

    assert step(w) == "what_happened.names"
    bank = next(a for a in store.answers.accounts() if a.kind == "bank")
    name, digits = w.current.names[bank.id], w.current.digits[bank.id]
    assert name.value() == _("Bank account")
    name.edit.clear()
    qtbot.keyClicks(name.edit, "Banco Azteca")
    qtbot.keyClicks(digits.edit, "12a4")
    click(qtbot, w.next_button)
    assert step(w) == "what_happened.names"  # letters refused, with a message
    assert "4" in w.current.error_label.text()
    click(qtbot, w.back_button)  # Back keeps what was typed, even a wrong number
    click(qtbot, w.next_button)
    assert digits.value() == "12a4"
    digits.edit.clear()
    qtbot.keyClicks(digits.edit, "4821")
    click(qtbot, w.next_button)
    assert store.answers.account(bank.id).name == "Banco Azteca"
    assert store.answers.account(bank.id).last4 == "4821"

    assert step(w) == "what_happened.summary"
    answers = w.controller.answers()
    wanted = [t.rule for t in plan.build(answers, w.controller.today())]
    stored = [t.rule for t in store.tasks.all() if t.rule]
    assert wanted and sorted(stored) == sorted(wanted)
    shown = w.current.read_aloud_text()
    for risk in plan.risks(answers):
        assert _(risk) in shown
    assert len(plan.risks(answers)) <= 3
    assert str(len(wanted)) in w.current.ready.text()
    assert w.next_button.text() == _("See my to-do list")
    click(qtbot, w.next_button)
    assert step(w) == "todo.list"
    assert w.current.count_label.text().startswith(str(len(wanted)))


def test_running_again_keeps_ticks_and_notes_without_doubles(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("what_happened")
    answer(qtbot, w, "ameli", ["social_security", "health_rights"], ["social_security"])
    click(qtbot, w.next_button)  # names
    click(qtbot, w.next_button)  # summary
    tasks = w.controller.store.tasks
    first = tasks.all()
    ticked, noted = first[0], first[1]
    tasks.mark_done(ticked.id, w.controller.today())
    tasks.update(noted.id, note="Appelé le 3646")
    w.controller.go_home()

    w.controller.navigator.position.last_steps.pop("what_happened", None)
    w.controller.start("what_happened")
    answer(qtbot, w, "ameli", ["social_security", "health_rights", "bank"], ["social_security"])
    click(qtbot, w.next_button)
    assert step(w) == "what_happened.summary"
    rules = [t.rule for t in tasks.all() if t.rule]
    assert len(rules) == len(set(rules))
    assert tasks.get(ticked.id).done
    assert tasks.get(noted.id).note == "Appelé le 3646"
    answers = w.controller.answers()
    assert {t.rule for t in plan.build(answers, w.controller.today())} <= set(rules)


def test_french_and_mexican_rows_name_the_social_security_number(qtbot, make_window):
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("what_happened")
    click(qtbot, row(w.current, "ameli"))
    click(qtbot, w.next_button)
    values = [r.value for r in w.current.group.rows]
    assert "curp" not in values and "health_rights" in values
    assert row(w.current, "social_security").title_label.text() == "Numéro de sécurité sociale"
    for value in list(w.current.group.values()):  # what the AmeliPro leak held, pre-ticked
        click(qtbot, row(w.current, value))
    click(qtbot, w.next_button)  # nothing chosen: blocked
    assert step(w) == "what_happened.exposed"
    click(qtbot, row(w.current, "unknown"))
    click(qtbot, w.next_button)
    assert step(w) == "what_happened.accounts"
    assert w.controller.store.answers.exposed() == {"unknown"}

    w.controller.set_setting("language", "es_MX")
    w.controller.set_setting("country", "MX")
    click(qtbot, w.back_button)
    assert "curp" in [r.value for r in w.current.group.rows]
    assert row(w.current, "social_security").title_label.text().startswith("NSS")


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
    dialogs.answer = confirm
    click(qtbot, row(w.current, "bank"))
    asked = dialogs.texts("confirm")
    assert asked and "Mi banco" in asked[0]
    kinds = [a.kind for a in w.controller.store.answers.accounts()]
    assert kinds == ([] if confirm else ["bank"])
    assert row(w.current, "bank").isChecked() is not confirm
    click(qtbot, row(w.current, "phone"))  # added now: taken back without a question
    click(qtbot, row(w.current, "phone"))
    assert len(dialogs.texts("confirm")) == 1
    assert "phone" not in [a.kind for a in w.controller.store.answers.accounts()]


@pytest.mark.parametrize("lang, notice, held", [
    ("fr_FR", "ameli", {"birth_date", "social_security", "health_rights"}),
    ("es_MX", "imss", {"name_address", "birth_date", "curp", "social_security", "health_rights"}),
])
def test_what_the_leak_held_is_ticked_and_said(qtbot, make_window, lang, notice, held):
    w = make_window(lang=lang, done=True)
    w.controller.start("what_happened")
    click(qtbot, row(w.current, notice))
    click(qtbot, w.next_button)
    assert set(w.current.group.values()) == held == w.controller.store.answers.exposed()
    assert w.current.leak.isVisible() and "Sereno" in w.current.leak.text()
    if notice == "ameli":  # AmeliPro took no address, phone or bank details
        assert not {"name_address", "contact", "bank"} & held
    click(qtbot, row(w.current, "pension"))  # the person can still add more
    click(qtbot, row(w.current, "birth_date"))  # or untick
    click(qtbot, w.back_button)
    click(qtbot, w.next_button)
    assert w.controller.store.answers.exposed() == (held - {"birth_date"}) | {"pension"}
