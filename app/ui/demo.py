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
    # What each leak really held: AmeliPro had no pension amount, IMSS had no health rights.
    exposed = {"birth_date", "social_security"}  # the AmeliPro leak held no address
    exposed |= {"fr_FR": {"health_rights"}}.get(language, {"name_address", "curp", "pension"})
    store.answers.set_exposed(exposed)
    if not store.answers.accounts():
        names = {"es_MX": ("Correo", "Banco"), "fr_FR": ("Ma messagerie", "Ma banque")}
        email, bank = names.get(language, ("Email", "Bank"))
        store.answers.add_account("email", email)
        store.answers.add_account("bank", bank, "4821")
        store.answers.add_account("social_security", "IMSS" if language == "es_MX" else "Ameli")
    if not store.tasks.all():
        own = {
            "es_MX": "Llamar a mi hija por la carta del IMSS",
            "fr_FR": "Appeler ma fille au sujet de la lettre",
        }
        title = own.get(language, "Call my daughter about the letter")
        store.tasks.add(Task(title=title, due=today))
