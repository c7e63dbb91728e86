"""Language choice and locale formatting."""

import datetime as dt
import os
from decimal import Decimal

import pytest

from app import i18n
from app.i18n import _


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es_MX"),
        ({"LANG": "fr_CA.UTF-8"}, "fr_FR"),
        ({"LANGUAGE": "de:fr", "LANG": "de_DE.UTF-8"}, "fr_FR"),
        ({"LC_ALL": "de_DE.UTF-8", "LANG": "es_MX.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({}, "en"),
    ],
)
def test_system_language_follows_gettext_order(env, expected):
    assert i18n.system_language(env) == expected


def test_system_language_falls_back_to_the_os_setting():
    assert i18n.system_language({}, os_locale="es_MX") == "es_MX"


def test_switching_language_translates_without_restart():
    i18n.set_language("es_MX")
    assert _("Next") == "Siguiente"
    i18n.set_language("fr_FR")
    assert _("Next") == "Suivant"
    i18n.set_language("en")
    assert _("Next") == "Next"


def test_a_language_chosen_again_is_kept_but_a_changed_catalog_is_read_again(tmp_path, monkeypatch):
    folder = tmp_path / "es_MX" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "sereno.po"

    def write(word: str, mtime: int) -> None:
        po.write_text(
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "Next"\nmsgstr "{word}"\n',
            encoding="utf-8",
        )
        os.utime(po, (mtime, mtime))

    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    write("Adelante", 1_000_000)
    i18n.set_language("es_MX")
    assert _("Next") == "Adelante"
    i18n.set_language("en")
    i18n.set_language("es_MX")
    assert _("Next") == "Adelante"
    write("Continuar", 2_000_000)  # a newer catalog, as after an update
    i18n.set_language("es_MX")
    assert _("Next") == "Continuar"
    monkeypatch.undo()
    i18n.set_language("en")


def test_money_and_dates_in_the_persons_locale():
    day = dt.date(2026, 3, 12)
    i18n.set_language("fr_FR")
    assert i18n.format_money(Decimal("45.00"), "EUR").replace("\u202f", " ") == "45,00\xa0€"
    assert i18n.format_date(day) == "12 mars 2026"
    i18n.set_language("es_MX")
    assert i18n.format_money(Decimal("8450"), "MXN") == "$8,450.00"
    assert i18n.format_date(day) == "12 de marzo de 2026"
    i18n.set_language("en")
    assert i18n.format_date(day) == "March 12, 2026"


def test_due_dates_in_words_with_plurals():
    today = dt.date(2026, 11, 23)
    i18n.set_language("es_MX")
    assert i18n.due_in_words(today, today) == "hoy"
    assert i18n.due_in_words(today + dt.timedelta(days=3), today) == "en 3 días"
    assert i18n.due_in_words(today - dt.timedelta(days=1), today) == "ayer"
    i18n.set_language("fr_FR")
    assert i18n.due_in_words(today + dt.timedelta(days=19), today) == "12 décembre"
    assert i18n.due_in_words(today - dt.timedelta(days=2), today) == "il y a 2 jours"
