"""Words a visual review of the Spanish and French pages found wrong, as a reader sees them."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.flow import Step
from app.i18n import _
from app.ui.pages.emergency import ENTRY, WhatPage
from app.ui.pages.passwords import RULES
from app.ui.widgets import BigButton
from app.ui.widgets.more import TellMeMore


def shown_text(page) -> str:
    labels = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    return "\n".join([*labels, page.read_aloud_text()])


def open_emergency(qtbot, w) -> WhatPage:
    entry = next(
        b
        for b in w.current.findChildren(BigButton)
        if b.text() == _(ENTRY) and b.isVisibleTo(w.current)
    )
    qtbot.mouseClick(entry, Qt.MouseButton.LeftButton)
    assert isinstance(w.current, WhatPage)
    return w.current


@pytest.mark.parametrize(
    ("lang", "country", "named", "never"),
    [
        ("es_MX", "MX", "IMSS", "ameli"),
        ("fr_FR", "FR", "ameli", "IMSS"),
        ("fr_FR", "MX", "IMSS", "ameli"),  # a French speaker living in Mexico
        ("en", "", "bank", "IMSS"),
    ],
)
def test_the_password_answer_names_only_the_readers_own_country(
    qtbot, make_window, lang, country, named, never
):
    w = make_window(lang=lang, done=True, on_store=lambda s: s.settings.set("country", country))
    text = shown_text(open_emergency(qtbot, w))
    assert named in text
    assert never not in text and never.lower() not in text.lower()


def _nicknames(store):
    store.answers.add_account("email", "Ma messagerie")
    store.answers.add_account("bank", "Ma banque", "4821")
    store.answers.add_account("pension", "Ma retraite")


QUOTES = [("es_MX", "“", "”"), ("fr_FR", "«\xa0", "\xa0»")]


@pytest.mark.parametrize(("lang", "open_", "close"), QUOTES)
def test_a_nickname_in_a_password_page_is_always_in_quotes(qtbot, make_window, lang, open_, close):
    """ "Que demande Ma messagerie ?" read as a broken sentence."""
    w = make_window(lang=lang, done=True, on_store=_nicknames)
    w.controller.start("passwords")
    seen, titles = 0, []
    while w.controller.navigator.journey is not None and seen < 40:
        seen += 1
        page = w.current
        titles.append(w.header.title.text())
        question = getattr(page, "question", None)
        for text in (titles[-1], question.text() if question is not None else ""):
            for name in ("Ma messagerie", "Ma banque", "Ma retraite"):
                if name in text:
                    assert f"{open_}{name}{close}" in text, text
        qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert sum(f"{open_}Ma retraite{close}" in t for t in titles) == 1  # the pension page
    assert sum(f"{open_}Ma banque{close}" in t for t in titles) >= 4


@pytest.mark.parametrize(
    ("lang", "example", "address"),
    [
        ("es_MX", "Por ejemplo: Mi correo.", "recibe sus correos"),
        ("fr_FR", "Ma messagerie. N'écrivez pas votre adresse.", "recevez vos e-mails"),
    ],
)
def test_the_email_nickname_field_gives_an_example_not_the_address(
    qtbot, make_window, lang, example, address
):
    w = make_window(lang=lang, done=True, on_store=_nicknames)
    email = next(a for a in w.controller.store.answers.accounts() if a.kind == "email")
    w.controller.go_to(Step("what_happened.names", str(email.id)))
    text = shown_text(w.current)
    assert example in text and address not in text


def test_the_notebook_shows_its_first_rule_and_the_others_on_request(qtbot, make_window):
    """The card "Three rules to keep it safe" showed no rule at all, only "Tell me more"."""
    w = make_window(lang="en", done=True, on_store=_nicknames)
    w.controller.start("passwords")
    w.controller.go_to(Step("passwords.notebook"))
    page = w.current
    first, second = (_(rule) for rule in RULES[:2])
    assert first in shown_text(page) and second not in shown_text(page)
    more = page.findChild(TellMeMore)
    qtbot.mouseClick(more.button, Qt.MouseButton.LeftButton)
    assert all(_(rule) in page.read_aloud_text() for rule in RULES)


def test_the_password_examples_follow_a_change_of_country(qtbot, make_window):
    """Jeanne moves from France to Mexico (Profiles): the page kept since says IMSS now."""
    w = make_window(lang="fr_FR", done=True)
    page = open_emergency(qtbot, w)
    assert "ameli" in shown_text(page)
    w.controller.set_setting("country", "MX")
    page.load()
    assert "IMSS" in shown_text(page) and "ameli" not in shown_text(page)
