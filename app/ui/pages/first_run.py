"""First run: language, welcome, text size, colours, reading aloud, name, country.

Each choice is applied and saved the moment it is made, so the person sees the effect at
once (a bigger text, the other language) and nothing is lost if they stop half-way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app.core.settings import TEXT_SIZES
from app.i18n import LANGUAGE_NAMES, LANGUAGES, N_, _
from app.ui.pages.registry import register
from app.ui.widgets import BigButton, ButtonRow, ChoiceGroup, PageBase, SettingField, Text


class SettingChoicePage(PageBase):
    """A page that is one exclusive choice bound to one setting, applied live."""

    setting = ""

    def choices(self) -> list[tuple[str, str, str]]:
        raise NotImplementedError

    def to_value(self, text: str):
        return text

    def build(self, box: QVBoxLayout) -> None:
        self.group = ChoiceGroup(exclusive=True, name=self.page_title())
        self.group.add_all(self.choices())
        self.group.changed.connect(self._apply)
        box.addWidget(self.group)

    def load(self) -> None:
        self._loading = True
        self.group.set_value(str(self.controller.setting(self.setting)))
        self._loading = False

    def _apply(self) -> None:
        if self._loading or not self.group.value():
            return
        self.controller.set_setting(self.setting, self.to_value(self.group.value()))


class LanguagePage(SettingChoicePage):
    """The language first, before anything else is read."""

    title = N_("Which language do you prefer?")
    help = N_("Choose the language you read most easily. You can change it later in Settings.")
    setting = "language"

    def choices(self):
        return [(code, LANGUAGE_NAMES[code], "") for code in LANGUAGES]

    def load(self) -> None:
        self._loading = True
        from app import i18n

        self.group.set_value(self.controller.setting("language") or i18n.language())
        self._loading = False

    def save(self) -> None:
        """Leaving the page confirms the language shown, even if it was not clicked."""
        if not self.controller.setting("language"):
            from app import i18n

            self.controller.set_setting("language", i18n.language())


class WelcomePage(PageBase):
    """What Sereno is, and that it never calls or writes."""

    title = N_("Welcome to Sereno")
    body = N_(
        "Sereno helps you, step by step, after your personal data has leaked. "
        "Your answers stay on this computer: Sereno never goes on the internet."
    )

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Text(_("There is no hurry. You can stop at any time and come back later.")))
        box.addWidget(Text(_("Sereno never calls you or writes to you.")))


class TextSizePage(SettingChoicePage):
    """The text size, changed as soon as it is chosen."""

    title = N_("Which text size is easiest to read?")
    body = N_("The text changes as soon as you choose. Pick the one you read without effort.")
    setting = "text_size"

    def choices(self):
        names = {
            100: N_("Normal"),
            125: N_("Large"),
            150: N_("Larger"),
            175: N_("Largest"),
        }
        return [(str(s), f"{_(names[s])} — {s} %", "") for s in TEXT_SIZES]

    def to_value(self, text: str):
        return int(text)

    def build(self, box: QVBoxLayout) -> None:
        super().build(box)
        box.addWidget(Text(_("Sample: Sereno keeps your answers on this computer.")))


class ContrastPage(SettingChoicePage):
    """Standard colours or high contrast."""

    title = N_("Which colours are easiest for you?")
    setting = "theme"

    def choices(self):
        return [
            ("standard", _("Standard colours"), _("Dark text on a light background.")),
            ("high_contrast", _("High contrast"), _("White and yellow on black, thick borders.")),
        ]

    def load(self) -> None:
        self._loading = True
        self.group.set_value(self.controller.setting("theme") or "standard")
        self._loading = False


class ReadAloudPage(SettingChoicePage):
    """Whether each page is read aloud as it opens."""

    title = N_("Should Sereno read the pages aloud?")
    body = N_(
        "The Read aloud button at the top always works. "
        "Here you choose if each page is also read as it opens."
    )
    setting = "read_aloud"

    def choices(self):
        return [
            ("yes", _("Yes, read each page to me as it opens"), ""),
            ("no", _("No, only when I press Read aloud"), ""),
        ]

    def to_value(self, text: str):
        return text == "yes"

    def load(self) -> None:
        self._loading = True
        self.group.set_value("yes" if self.controller.setting("read_aloud") else "no")
        self._loading = False


class NamePage(PageBase):
    """A first name to greet the person by (optional)."""

    title = N_("What is your first name?")
    body = N_("This is optional. Sereno uses it only to greet you.")

    def build(self, box: QVBoxLayout) -> None:
        self.name = SettingField(_("Your first name (optional)"), self.controller, "first_name")
        box.addWidget(self.name)

    def load(self) -> None:
        self.name.refresh()


class CountryPage(SettingChoicePage):
    """The country, which chooses the organisations and the advice."""

    title = N_("Which country do you live in?")
    body = N_("Sereno then shows the right organisations and steps for your country.")
    setting = "country"

    def choices(self):
        return [
            ("MX", _("Mexico"), ""),
            ("FR", _("France"), ""),
            ("OTHER", _("Another country"), _("Sereno gives general advice.")),
        ]

    def validate(self) -> str | None:
        if not self.controller.setting("country"):
            return _("Please choose your country, or “Another country”.")
        return None


class ReadyPage(PageBase):
    """The end of the settings, and a way out for a person already tricked."""

    title = N_("All set")
    body = N_("You can change these choices at any time: press Home, then Settings.")

    def build(self, box: QVBoxLayout) -> None:
        # For a person who comes to Sereno because a caller already got something from them.
        from app.ui.pages.emergency import ENTRY, ENTRY_WHY

        button = BigButton(_(ENTRY), description=_(ENTRY_WHY))
        button.clicked.connect(self._gave_away)
        box.addWidget(ButtonRow(button))

    def _gave_away(self) -> None:
        from app.ui.pages.emergency import start

        self.save()  # the first run is done: the path and home are open from now on
        start(self.controller)

    def next_text(self) -> str:
        return _("Go to my home page")

    def save(self) -> None:
        self.controller.set_setting("first_run_done", True)


PAGES = register(
    "first_run",
    {
        "language": LanguagePage,
        "welcome": WelcomePage,
        "text_size": TextSizePage,
        "contrast": ContrastPage,
        "read_aloud": ReadAloudPage,
        "name": NamePage,
        "country": CountryPage,
        "ready": ReadyPage,
    },
)
