"""The suggestion page of "Change passwords": a new passphrase, read aloud, copied, forgotten.

The passphrase lives only in this page object while the page is shown: leaving the page
(save) drops it, and it is never written to drafts, settings, tasks or logs.
"""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from app import i18n
from app.core.answers import Account
from app.core.passwords import passphrase_words, spell, suggest_passphrase
from app.i18n import N_, _
from app.ui import clipboard
from app.ui.speech import say_or_explain
from app.ui.widgets import BigButton, ButtonRow, PageBase, Text


class AccountPage(PageBase):
    """A page about one account (`step.arg` is its id); the title may name it: {account}."""

    def account(self) -> Account | None:
        try:
            return self.controller.store.answers.account(int(self.step.arg))
        except ValueError:
            return None

    def account_name(self) -> str:
        account = self.account()
        return account.name if account else ""

    def page_title(self) -> str:
        return _(self.title).format(account=self.account_name())


def _breakable(passphrase: str) -> str:
    """The passphrase as shown: a line may break after a dash, never inside a word."""
    return passphrase.replace("-", "-\u200b")


class SuggestPage(AccountPage):
    title = N_("A new password for {account}")
    intro = N_("Here is a password you could use. It is four ordinary words: "
               "easy to remember, hard to guess.")
    help = N_("Type it exactly as shown, with the capital letter, the dashes and the number. "
              "Sereno never keeps a password: each time you come back, it shows a new one.")

    def __init__(self, *args, **kwargs):
        self._passphrase: str | None = None
        super().__init__(*args, **kwargs)

    def build(self, box: QVBoxLayout) -> None:
        self.phrase = Text("", "passphrase")  # first, so it is seen without scrolling
        box.addWidget(self.phrase)
        box.addWidget(Text(_(self.intro)))
        self.words = Text("")
        box.addWidget(self.words)
        box.addWidget(Text(_("Write it in your password notebook, or copy it and paste it "
                             "on the website.")))
        self.another = BigButton(_("Another one"), description=_("Show a different password."))
        self.read = BigButton(_("Read it to me"),
                              description=_("Reads the words, then each letter one by one."))
        self.copy = BigButton(_("Copy"), description=_(
            "Copies the password so you can paste it. After one minute Sereno removes it "
            "from the clipboard."))
        self.another.clicked.connect(self.new_passphrase)
        self.read.clicked.connect(self.read_passphrase)
        self.copy.clicked.connect(self.copy_passphrase)
        box.addWidget(ButtonRow(self.another, self.read, self.copy))

    def load(self) -> None:
        if self._passphrase is None:
            self.new_passphrase()
        else:
            self._show()

    def save(self) -> None:
        """Leaving the page forgets the passphrase: it is never kept anywhere."""
        self._passphrase = None
        self.phrase.setText("")
        self.words.setText("")

    def new_passphrase(self) -> None:
        first_name = self.controller.setting("first_name") or ""
        self._passphrase = suggest_passphrase(i18n.language(), avoid=[first_name])
        self._show()

    def _show(self) -> None:
        passphrase = self._passphrase or ""
        self.phrase.setText(_breakable(passphrase))
        self.phrase.setAccessibleName(passphrase)
        *words, digit = passphrase_words(passphrase)
        self.words.setText(_("The words: {words}, then the number {digit}. "
                             "Type a dash (-) between them.").format(
                                 words=", ".join(words), digit=digit))

    def read_passphrase(self) -> None:
        passphrase = self._passphrase or ""
        *words, digit = passphrase_words(passphrase)
        text = "\n".join([
            _("The words: {words}, then the number {digit}.").format(
                words=", ".join(words), digit=digit),
            _("Letter by letter: {letters}.").format(
                letters=", ".join(spell(passphrase, i18n.language()))),
        ])
        say_or_explain(self, text)

    def copy_passphrase(self) -> None:
        if self._passphrase:
            clipboard.guard().copy(self._passphrase)
            self.controller.announce.emit(_("Copied. You can paste it now: in one minute "
                                            "Sereno empties the clipboard again."))
