"""Example answers for a throw-away profile, so screenshots and audits see every page.

Never used on a person's own profile.
"""
from __future__ import annotations

import datetime as dt

from app.core.tasks import Task
from app.store import Store

COUNTRY_FOR_LANGUAGE = {"es_MX": "MX", "fr_FR": "FR", "en": "OTHER"}


def seed(store: Store, language: str, today: dt.date) -> None:
    """A person who finished the first run and answered "What happened?"."""
    store.settings.set("language", language)
    store.settings.set("first_run_done", True)
    store.settings.set("first_name", {"es_MX": "Carmen", "fr_FR": "Jeanne"}.get(language, "Mary"))
    store.settings.set("country", COUNTRY_FOR_LANGUAGE[language])
    store.answers.set_notice({"es_MX": "imss", "fr_FR": "ameli"}.get(language, "bank"))
    store.answers.set_exposed({"name_address", "birth_date", "social_security", "pension"})
    if not store.answers.accounts():
        store.answers.add_account("email", "Correo" if language == "es_MX" else "Email")
        store.answers.add_account("bank", "Banco" if language == "es_MX" else "Bank", "4821")
        store.answers.add_account("social_security", "IMSS" if language == "es_MX" else "Ameli")
    if not store.tasks.all():
        store.tasks.add(Task(title="Call my daughter about the letter", due=today))
