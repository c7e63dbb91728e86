"""Where to turn: the country's organisations with their source, phones only from the data."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.contacts import load_contacts
from app.i18n import _
from app.ui.speech import NO_VOICE
from app.ui.widgets import BigButton


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def texts(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def read_buttons(widget) -> list[BigButton]:
    return [b for b in widget.findChildren(BigButton) if b.text() == _("Read the number aloud")]


@pytest.mark.parametrize("lang, country", [("es_MX", "MX"), ("fr_FR", "FR")])
def test_the_country_organisations_with_their_checked_date(make_window, lang, country):
    w = make_window(lang=lang, done=True)
    w.controller.start("contacts")
    page = w.current
    assert w.controller.navigator.position.step == "contacts.list"
    contacts = load_contacts(country)
    assert list(page.cards) == [c.id for c in contacts]
    assert _(
        "Use a number you already have: on your bank card, a statement or an official "
        "letter. Never one from a message or a caller."
    ) in texts(page)
    assert contacts[0].id == "your_bank"  # the bank first
    assert page.page_title() == _("Where to turn")
    for contact in contacts:
        card = page.cards[contact.id]
        shown = texts(card)
        assert contact.shown("organisation") in shown
        assert contact.shown("helps_with") in shown
        assert contact.shown_checked() in shown
        # the maintainers' source note (English, file paths) stays in the data file
        assert "DOMAIN.md" not in shown
        if contact.address:
            assert contact.address in shown
            assert _("Type this address yourself: {address}").split("{")[0].strip() in shown
        # A phone, and its button, only where the data file gives one.
        assert bool(read_buttons(card)) == bool(contact.phone)
        assert (_("Phone: {number}").split("{")[0] in shown) == bool(contact.phone)
        if contact.phone:
            assert contact.shown_phone() in shown


def test_phones_only_where_the_data_gives_one(make_window):
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("contacts")
    buttons = read_buttons(w.current)
    assert len(buttons) == len([c for c in load_contacts("FR") if c.phone]) == 4
    assert "36 46" in texts(w.current)
    w = make_window(lang="es_MX", done=True)
    w.controller.start("contacts")
    assert len(read_buttons(w.current)) == 1 and "089" in texts(w.current)


def test_the_number_is_read_digit_by_digit_or_the_status_says_why_not(
    qtbot, make_window, monkeypatch
):
    w = make_window(lang="fr_FR", done=True)
    w.controller.start("contacts")
    said = []
    monkeypatch.setattr(w.speaker, "say", lambda text: said.append(text) or True)
    ameli = w.current.cards["ameli"]
    click(qtbot, read_buttons(ameli)[0])
    assert said and said[0].endswith("3 6 4 6")
    monkeypatch.setattr(w.speaker, "say", lambda text: False)
    click(qtbot, read_buttons(ameli)[0])
    problem = w.speaker.problem() if hasattr(w.speaker, "problem") else None
    assert w.status.text() and w.status.text() == (problem or _(NO_VOICE))


def test_the_trusted_person_is_written_down_and_shown_on_home(qtbot, make_window):
    w = make_window(lang="en", done=True)
    assert "Someone you trust" not in texts(w.current)  # home, nobody written down yet
    w.controller.start("contacts")
    click(qtbot, w.next_button)
    assert w.controller.navigator.position.step == "contacts.trusted"
    qtbot.keyClicks(w.current.person.edit, "Ana, my daughter, 55 0000 1234")
    assert w.controller.setting("trusted_person") == "Ana, my daughter, 55 0000 1234"
    click(qtbot, w.next_button)
    assert w.controller.navigator.journey is None
    home = texts(w.current)
    assert "Someone you trust" in home and "Ana, my daughter, 55 0000 1234" in home
    change = next(b for b in w.current.findChildren(BigButton) if b.text() == "Change")
    click(qtbot, change)
    assert w.controller.navigator.position.step == "contacts.trusted"
    assert w.current.person.value() == "Ana, my daughter, 55 0000 1234"
