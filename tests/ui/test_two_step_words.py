"""The two-step page keeps who never asks for the code in sight, within its sixty words."""

import pytest

from app.core.flow import Step
from app.ui.widgets.more import TellMeMore
from tests.ui.words import MAX_WORDS, explanation, words

KINDS = ("social_security", "bank", "email", "phone", "pension")
NOBODY_ASKS = {
    ("es_MX", "MX"): "Su banco y el IMSS nunca se lo piden.",
    ("fr_FR", "FR"): "Votre banque et l'Assurance Maladie ne le demandent jamais.",
}


def every_kind(store):
    for kind in KINDS:
        store.answers.add_account(kind, {"social_security": "IMSS"}.get(kind, kind.title()))


def two_step(w, kind):
    account = next(a for a in w.controller.store.answers.accounts() if a.kind == kind)
    w.controller.go_to(Step("passwords.two_step", str(account.id)))
    return w.current


@pytest.mark.parametrize("lang, country", sorted(NOBODY_ASKS))
def test_who_never_asks_for_the_code_is_in_sight_before_tell_me_more(make_window, lang, country):
    w = make_window(lang=lang, done=True, on_store=every_kind)
    w.controller.set_setting("country", country)
    w.controller.start("passwords")
    page = two_step(w, "social_security")
    more = page.findChild(TellMeMore)
    assert not more.shown()
    sentence = NOBODY_ASKS[lang, country]
    assert page.nobody_asks.text() == sentence and page.nobody_asks.isVisible()
    assert not more.isAncestorOf(page.nobody_asks)
    assert sentence in explanation(page) and sentence in page.read_aloud_text()


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR", "en"])
def test_the_two_step_page_keeps_to_sixty_words_for_every_account_and_country(make_window, lang):
    """The words change with the account (where to find it) and the country (who never asks)."""
    w = make_window(lang=lang, done=True, on_store=every_kind)
    w.controller.start("passwords")
    for country in ("MX", "FR", "OTHER"):
        w.controller.set_setting("country", country)
        for kind in KINDS:
            texts = explanation(two_step(w, kind))
            assert sum(map(words, texts)) <= MAX_WORDS, f"{country}, {kind}: {texts}"
