"""One page per account: the suggestion, its buttons and how to use it, never wrapped or cut.

The suggestion is kept in memory for the journey (`controller.passwords`, one per window
and profile): Back and Next show the one the person may have written down, and only
"Give me another" changes it. It is never written to drafts, settings, tasks or logs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.answers import Account
from app.core.password_journey import shown_for
from app.core.passwords import DEFAULT_LENGTH, LENGTHS, spelling_aid
from app.i18n import N_, _
from app.ui import clipboard, theme
from app.ui.speech import say_or_explain
from app.ui.widgets import BigButton, PageBase, Text
from app.ui.widgets.buttons import buttons
from app.ui.widgets.more import content


class PassphraseView(QWidget):
    """A passphrase or code, never wrapped or cut inside: as large as the width allows.

    It starts at the passphrase size and shrinks to fit the width, never below the body
    size of the person's text size; if it still does not fit, one word per line. The text
    has no invisible character, so what is read, spoken or copied is exactly the password.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self.largest = theme.PASSPHRASE_PT  # at 100 %; grows with the text size
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # read, not operated, like the page's text

    def set_largest(self, points: int) -> None:
        """The biggest size at 100 % (a code beside the words is smaller than the words)."""
        if points != self.largest:
            self.largest = points
            self.updateGeometry()
            self.update()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._text = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def _font(self, points: int) -> QFont:
        font = QFont(self.font())
        font.setPointSize(points)
        font.setBold(True)
        return font

    def layout_for(self, width: int) -> tuple[QFont, list[str]]:
        """The font and the lines for this width."""
        smallest = QApplication.font().pointSize()  # the body size of the person's text size
        biggest = max(smallest, round(self.largest * smallest / theme.BODY_PT))
        for points in range(biggest, smallest - 1, -1):
            font = self._font(points)
            if QFontMetrics(font).horizontalAdvance(self._text) <= width:
                return font, [self._text]
        parts = self._text.split("-")
        lines = [p + "-" for p in parts[:-1]] + parts[-1:]
        return self._font(smallest), lines

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        font, lines = self.layout_for(max(width, 1))
        return QFontMetrics(font).lineSpacing() * len(lines) + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        width = max(self.width(), 200)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(100, self.heightForWidth(max(self.width(), 100)))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self.updateGeometry()
            self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        font, lines = self.layout_for(self.width())
        painter.setFont(font)
        painter.setPen(self.palette().windowText().color())
        step = QFontMetrics(font).lineSpacing()
        for i, line in enumerate(lines):
            painter.drawText(
                0,
                4 + i * step,
                self.width(),
                step,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
        painter.end()


class AccountPage(PageBase):
    """A page about one account (`step.arg` is its id); the title may name it: {account}."""

    def account(self) -> Account | None:
        return self.controller.passwords.account(self.step.arg)

    def account_name(self) -> str:
        account = self.account()
        return account.name if account else ""

    def page_title(self) -> str:
        return _(self.title).format(account=self.account_name())


def _row(lead: Text, *items: QWidget) -> QWidget:
    """A line of text followed by what it introduces, centred on one line; the text never
    wraps (it is short: "Your new code:", "How many digits?")."""
    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(theme.GAP_PX)
    lead.setWordWrap(False)
    line.addWidget(lead, 0, Qt.AlignmentFlag.AlignVCenter)
    for item in items:
        line.addWidget(item, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder


WORDS_BESIDE_A_CODE_PT = 30  # at 100 %: still well above the body size (18)
KEYPAD = N_("If the numbers show on the screen, click each one with the mouse.")
HOW_TO_TELL = N_(
    "How to tell: a keypad of numbers on the screen wants the code. A box where "
    "you type wants the words."
)


class SuggestionBlock(QWidget):
    """The suggestion (words, a code, or both) and its buttons, then the spelling, the code's
    length and how to use it: at 175 % the suggestion and its buttons fit under the page's
    title. A code sits on one line with what it is for; beside the words it is smaller.

    The suggestion and its spelling are what the person came for, not explanation (they
    are not counted in the page's words); `tell`, how to tell the words from the code, is
    for the page to put behind its "Tell me more".
    """

    def __init__(self, page: AccountPage):
        super().__init__(page)
        self.page = page
        self.kind = "letters"
        self.short = False
        self.length = DEFAULT_LENGTH
        self.box = box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.GAP_PX)
        self.words_lead = Text("")
        self.phrase = PassphraseView()
        self.aid = Text("")
        self.short_note = Text(_("Three words: easier to type, but less strong."))
        self.code_lead = Text("")
        self.code = PassphraseView()
        self.code_row = _row(self.code_lead, self.code)
        self.keypad = Text(_(KEYPAD))
        self.tell = Text(" ".join((_(HOW_TO_TELL), _(KEYPAD))))  # with both, on request
        self.another = BigButton(
            _("Give me another"), description=_("Shows a different suggestion.")
        )
        self.shorter = BigButton(_("A shorter one"))
        self.read = BigButton(
            _("Read it to me"),
            description=_("Says every capital letter, every dash and the number."),
        )
        self.copy = BigButton(
            _("Copy"),
            description=_(
                "Copies it so you can paste it. After one minute Sereno removes it from the "
                "clipboard."
            ),
        )
        self.another.clicked.connect(self.new_one)
        self.shorter.clicked.connect(self.toggle_short)
        self.read.clicked.connect(self.read_it)
        self.copy.clicked.connect(self.copy_it)
        # "A shorter one" last: when the text is large it is the one that goes to a
        # second line, and the buttons for both the words and a code stay in sight.
        self.actions = buttons(self.another, self.read, self.copy, self.shorter)
        # The lengths as numbers after their question, on one line at every size: "8 digits"
        # four times took two lines at 175 % in French. Each is named in full for readers.
        self.lengths = [BigButton(str(n)) for n in LENGTHS]
        for n, button in zip(LENGTHS, self.lengths, strict=True):
            button.setAccessibleDescription(_("A code of this many digits."))
            button.clicked.connect(lambda _c=False, n=n: self.set_length(n))
        self.lengths_lead = Text(_("How many digits?"))
        self.lengths_row = _row(self.lengths_lead, *self.lengths)
        self.lengths_row.layout().addStretch(1)
        # One order for words, a code or both (what is not used is hidden): the suggestion
        # and its buttons first, then what explains it. The suggestion is one block, tight
        # under its lead, so that with both the words and a code all the buttons show too.
        shown = QWidget()
        shown.setObjectName("buttons")  # transparent in the stylesheet, as a button row
        tight = QVBoxLayout(shown)
        tight.setContentsMargins(0, 0, 0, 0)
        tight.setSpacing(theme.GAP_PX // 4)
        for widget in (self.words_lead, self.phrase, self.code_row):
            tight.addWidget(widget)
        box.addWidget(content(shown))
        for widget in (
            self.actions,
            self.short_note,
            self.lengths_row,
            content(self.aid),
            self.keypad,
        ):
            box.addWidget(widget)

    # What is kept, for this account, in memory only (controller.passwords).
    def passphrase(self) -> str:
        return self.page.controller.passwords.passphrase(
            self.page.step.arg, self.short, i18n.language()
        )

    def code_text(self) -> str:
        return self.page.controller.passwords.code(self.page.step.arg, self.length)

    def uses_words(self) -> bool:
        return shown_for(self.kind).words

    def uses_code(self) -> bool:
        return shown_for(self.kind).code

    def present(self, kind: str, length: int) -> None:
        self.kind, self.length = kind or "letters", length or DEFAULT_LENGTH
        words, code = self.uses_words(), self.uses_code()
        both = words and code
        self.words_lead.setText(
            _("For a box where you type, these words:") if both else _("Your new password:")
        )
        self.code_lead.setText(
            _("For a keypad of numbers, this code:") if both else _("Your new code:")
        )
        for widget in (self.words_lead, self.phrase, self.aid, self.shorter):
            widget.setVisible(words)
        for widget in (self.code_row, self.lengths_row):
            widget.setVisible(code)
        self.keypad.setVisible(code and not both)
        self.tell.setVisible(both)
        # Both at once: the words a little smaller, the code at a heading's size, so that
        # both and all their buttons share the screen at 175 %.
        self.phrase.set_largest(WORDS_BESIDE_A_CODE_PT if both else theme.PASSPHRASE_PT)
        self.code.set_largest(theme.HEADING_PT if both else theme.PASSPHRASE_PT)
        self.short_note.setVisible(words and self.short)
        self.shorter.setText(_("The longer one") if self.short else _("A shorter one"))
        self.shorter.setAccessibleDescription(
            _("Four words: stronger.")
            if self.short
            else _("Three words: easier to type, but less strong.")
        )
        for n, button in zip(LENGTHS, self.lengths, strict=True):
            chosen = "✓ " if n == self.length else ""
            button.setText(f"{chosen}{n}")
            button.setAccessibleName(chosen + _("{count} digits").format(count=n))
        self.refresh()

    def refresh(self) -> None:
        if self.uses_words():
            passphrase = self.passphrase()
            self.phrase.setText(passphrase)
            self.aid.setText(spelling_aid(passphrase, i18n.language()))
        if self.uses_code():
            self.code.setText(self.code_text())

    def new_one(self) -> None:
        kept, account = self.page.controller.passwords, self.page.step.arg
        if self.uses_words():
            kept.another_passphrase(account, self.short, i18n.language())
        if self.uses_code():
            kept.another_code(account, self.length)
        self.refresh()
        self.page.controller.announce.emit(_("Here is another one."))

    def toggle_short(self) -> None:
        self.short = not self.short
        self.present(self.kind, self.length)

    def set_length(self, length: int) -> None:
        self.page.set_length(length)

    def spoken(self) -> str:
        said = []
        if self.uses_words():
            said.append(spelling_aid(self.passphrase(), i18n.language()))
        if self.uses_code():
            said.append(_("The code: {digits}.").format(digits=" ".join(self.code_text())))
        return "\n".join(said)

    def read_it(self) -> None:
        say_or_explain(self.page, self.spoken())

    def copy_it(self) -> None:
        text = self.passphrase() if self.uses_words() else self.code_text()
        clipboard.guard().copy(text)
        self.page.controller.announce.emit(
            _("Copied. You can paste it now: in one minute Sereno empties the clipboard again.")
        )
