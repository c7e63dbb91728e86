"""What the profile tests share: no Qt catalogs to install (their messages go to the
`dialogs` fake of tests/conftest.py)."""

from __future__ import annotations


class NoQtTranslations:
    """Stands in for Qt's own catalogs: remembers the language asked for."""

    def apply(self, lang: str) -> None:
        self.lang = lang
