""" "Check a password I chose": a hidden field, rated in words with the reasons.

What is typed lives only in the field while the page is shown: it is never kept as a
draft, and leaving the page empties the field (with no undo history) and the result. The
rating knows what leaked and what Sereno holds (names, accounts, card digits, country, the
birth year if given) and says which one it found.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from app import i18n
from app.core.password_journey import birth_year_from, birth_year_ok
from app.core.passwords import rate_password
from app.i18n import N_, _
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text, TextField
from app.ui.widgets.page import clear_layout

MAX_LENGTH = 200


class _EnterChecks(QObject):
    """Enter in the field checks the password instead of going to the next page."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            event.accept()  # the key goes to the field (returnPressed), not to Next
        return False


class CheckPage(PageBase):
    """A password the person chose, rated in words; forgotten when the page is left."""

    title = N_("Check a password I chose")
    # Under the result rather than above the field: at 175 % the verdict shows right under
    # "Check it", in sight, instead of below the window's edge.
    explained = N_(
        "Type a password to see how hard it is to guess. Sereno forgets it when "
        "you leave this page."
    )
    help = N_(
        "Sereno looks for what makes a password easy to guess: your name, a year, a "
        "common word, keys side by side. Four ordinary words together are strong."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.field = TextField(_("The password to check"), max_length=MAX_LENGTH)
        self.field.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.edit.setAccessibleDescription(
            _("What you type is hidden. Sereno does not keep it.")
        )
        self.field.edit.textChanged.connect(self._clear_result)
        self._enter = _EnterChecks(self)
        self.field.edit.installEventFilter(self._enter)
        self.field.edit.returnPressed.connect(self.check)
        box.addWidget(self.field)
        self.show_button = BigButton(_("Show"), description=_("Shows or hides what you typed."))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle_shown)
        self.check_button = BigButton(_("Check it"), primary=True)
        self.check_button.clicked.connect(self.check)
        box.addWidget(ButtonRow(self.show_button, self.check_button))

        self.result = Card(name=_("Result"))
        self.summary = Heading("")
        self.result.box.addWidget(self.summary)
        self.reasons = QVBoxLayout()
        self.reasons.setSpacing(8)
        self.result.box.addLayout(self.reasons)
        self.result.hide()
        box.addWidget(self.result)
        box.addWidget(Text(_(self.explained)))

    def load(self) -> None:
        self._forget()

    def save(self) -> None:
        """Leaving the page forgets the password and its rating."""
        self._forget()

    def _forget(self) -> None:
        self.field.edit.setText("")  # unlike clear(), leaves no undo history to bring it back
        self.show_button.setChecked(False)
        self._clear_result()

    def _toggle_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.field.edit.setEchoMode(mode)
        self.show_button.setText(_("Hide") if shown else _("Show"))

    def check(self) -> None:
        password = self.field.value()
        facts = self.controller.passwords.leaked_facts()
        rating = rate_password(password, (), i18n.language(), facts=facts)
        self._clear_result()
        self.summary.setText(rating.summary)
        lines = list(rating.advice)
        if password and rating.level >= 3:
            lines.append(
                _(
                    "It is hard to guess. Use it for one account only, and write it "
                    "in your password notebook."
                )
            )
        for line in lines:
            self.reasons.addWidget(Text(f"• {line}"))
        self.result.show()
        self.controller.announce.emit(rating.summary)

    def _clear_result(self, *_args) -> None:
        self.summary.setText("")
        clear_layout(self.reasons)
        self.result.hide()


class YearPage(PageBase):
    """Asked once, optional: the birth year, a leaked fact people put in passwords."""

    title = N_("The year you were born")
    body = N_(
        "People often put their birth year in a password, and it may be among what "
        "leaked. If you give it, Sereno can warn you when a password holds it."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.year = TextField(_("The year you were born (you may leave it empty)"), max_length=4)
        self.year.edit.setAccessibleDescription(_("The year is kept like your other answers."))
        self.year.edit.editingFinished.connect(self.save)
        box.addWidget(self.year)

    def load(self) -> None:
        year = self.controller.passwords.birth_year()
        self.year.edit.setText(str(year) if year else "")

    def validate(self) -> str | None:
        if not birth_year_ok(self.year.value()):
            return _("Please write the year with four digits, for example 1950, or leave it empty.")
        return None

    def save(self) -> None:
        """The year as written, or none when left empty; a wrong one is not kept."""
        if birth_year_ok(self.year.value()):
            self.controller.passwords.set_birth_year(birth_year_from(self.year.value()))
