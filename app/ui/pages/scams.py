"""Spot the scam: rounds of three practice messages, "genuine or a scam?", then the clues.

A round is short on purpose (three messages, never a score): the introduction, then for
each message its page and its answer page, then a page that sums up what to remember. The
round is kept with the first answer, so the journey reopens at the message where the
person stopped, and a new round starts with messages not seen yet. The pages only show:
each answer and each new round is one action of `controller.scams`
(app/core/actions/scams.py), which also keeps the monthly reminder to practise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.flow import Step
from app.core.journeys import SCAMS_ROUND as ROUND_SIZE
from app.core.scam_practice import is_right
from app.core.scams import FICTION_NOTE, SENDER_CAN_BE_IMITATED, Example
from app.i18n import N_, _, ngettext
from app.ui import theme
from app.ui.pages.home_contacts import open_trusted
from app.ui.pages.registry import register
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text
from app.ui.widgets.flow import FlowLayout
from app.ui.widgets.message_view import MARKER, MessageView, clue_order
from app.ui.widgets.more import TellMeMore, content
from app.ui.widgets.page import clear_layout

RULES = (
    N_("Never give a code, a password or your card number, to anyone."),
    N_("Never open a link in a message: type the address yourself."),
    N_("When in doubt, hang up. Then call the number on the back of your bank card yourself."),
)


def _colours(controller) -> tuple[str, str]:
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    palette = theme.palette_for(controller.setting("theme"), dark)
    return palette.highlight, palette.highlight_text


def trusted_card(controller, kind: str) -> QWidget:
    """ "Not sure? Hang up and call Ana": the person the helper wrote down, on every answer."""
    person = controller.setting("trusted_person").strip()
    card = Card(name=_("Not sure?"))
    if kind == "call":
        lead = (
            _("Not sure? Hang up and call:")
            if person
            else _("Not sure? Hang up and call someone you trust, on a number you already know.")
        )
    else:
        lead = (
            _("Not sure? Do not reply, and call:")
            if person
            else _(
                "Not sure? Do not reply, and call someone you trust, on a number you already know."
            )
        )
    card.box.addWidget(Text(lead))
    if person:
        card.box.addWidget(content(Heading(person)))  # the person's own contact
    else:
        write = BigButton(_("Write down someone to call"))
        write.clicked.connect(lambda: open_trusted(controller))
        card.box.addWidget(ButtonRow(write))
    return card


class RoundPage(PageBase):
    """A page about one message of the round (`step.arg` is its number, 1 to 3)."""

    def build(self, box: QVBoxLayout) -> None:
        self.message = None
        self.filled_with: tuple | None = None  # what is on screen, see load()
        self.area = QVBoxLayout()
        self.area.setSpacing(theme.GAP_PX)
        box.addLayout(self.area)

    @property
    def slot(self) -> int:
        return int(self.step.arg or 1)

    def round_slot(self):
        return self.controller.scams.slot(self.slot)[0]

    def example(self) -> Example | None:
        return self.controller.scams.slot(self.slot)[1]

    def load(self) -> None:
        """Draw the message again only when the example, the answer or the data (the
        trusted person named on the answer) has changed."""
        slot, example = self.controller.scams.slot(self.slot)
        answer = slot.answer
        shown = (example, answer, self.controller.data_version)
        if shown == self.filled_with:
            return
        clear_layout(self.area)
        self.message = None
        self.filled_with = shown
        if example is not None:
            self.fill(example, answer)

    def fill(self, example: Example, answer: str) -> None:
        raise NotImplementedError

    def read_aloud_text(self) -> str:
        text = super().read_aloud_text()
        if self.message is not None:
            text += "\n" + self.message.example.read_aloud()
        return text


class IntroPage(PageBase):
    """What the practice is, and how far the person has come."""

    title = N_("Spot the scam")
    body = N_(
        "Fraudsters send messages and make calls that look real. Here you practise with "
        "three messages at a time. For each one, you decide: genuine, or a scam?"
    )
    help = N_(
        "There is no score and no time limit. If you are not sure, say so: that is a good "
        "reflex too. After each answer, Sereno shows what to look at."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.progress = content(Text(""))  # how far the person has come
        box.addWidget(self.progress)
        box.addWidget(Text(_(FICTION_NOTE), "muted"))

    def load(self) -> None:
        scams = self.controller.scams
        seen, total = scams.seen(), len(scams.examples())
        if seen:
            self.progress.setText(
                ngettext(
                    "You have already looked at {seen} message out of {total}.",
                    "You have already looked at {seen} messages out of {total}.",
                    seen,
                ).format(seen=seen, total=total)
            )
        else:
            self.progress.setText(
                _("There are {total} messages to practise with.").format(total=total)
            )

    def save(self) -> None:
        """Going on after a finished round starts the next one."""
        self.controller.scams.start_round_if_done()

    def next_text(self) -> str:
        return _("Show me the first message")


class ExamplePage(RoundPage):
    """One message of the round, and the three answers."""

    title = N_("Genuine, or a scam?")
    help = N_(
        "Read the message calmly. Look at who sends it, what it asks you to do, and how fast. "
        "Then press one of the three buttons."
    )

    def page_title(self) -> str:
        return _("Message {number} of {total}: genuine, or a scam?").format(
            number=self.slot, total=ROUND_SIZE
        )

    def fill(self, example: Example, answer: str) -> None:
        self.area.addWidget(Text(_("Read it calmly, then answer under the message.")))
        self.message = MessageView(example, marked=False, colours=_colours(self.controller))
        self.area.addWidget(self.message)
        self.area.addWidget(Heading(_("What do you think?")))
        self.buttons = {
            "genuine": BigButton(_("It is genuine"), answer=True),
            "scam": BigButton(_("It is a scam"), answer=True),
            "unsure": BigButton(_("I am not sure"), answer=True),
        }
        row = QWidget()
        flow = FlowLayout(row, gap=theme.GAP_PX)
        flow.setContentsMargins(0, 0, 0, 0)
        for value, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, v=value: self.choose(v))
            flow.addWidget(button)
        self.area.addWidget(row)
        if answer:  # marked as a chosen answer row is, not drawn as the page's main button
            chosen = self.buttons[answer]
            name = chosen.accessibleName()  # the answer as written, never Qt's escaped text
            self.area.addWidget(Text(_("You answered: {answer}").format(answer=name), "muted"))
            chosen.setText(f"✓ {name}")
            chosen.setAccessibleName(name)  # "You answered" says it; no "check mark" read out

    def choose(self, answer: str) -> None:
        self.controller.scams.answer(self.slot, answer)
        self.controller.go_next()

    def validate(self) -> str | None:
        if not self.round_slot().answer:
            return _("Please press one of the three buttons: genuine, a scam, or not sure.")
        return None

    def next_text(self) -> str:
        return _("See the answer")


class AnswerPage(RoundPage):
    """The answer: the clues marked on the message, and what to do."""

    title = N_("The answer")
    help = N_(
        "The marks on the message show what to look at. Each number matches an explanation "
        "below the message."
    )

    def page_title(self) -> str:
        example = self.example()
        answer = self.round_slot().answer
        if example is None or not answer:
            return _(self.title)
        if answer == "unsure":
            return _("It is wise to stop and think")
        return _("Well spotted") if is_right(example, answer) else _("This one was tricky")

    def fill(self, example: Example, answer: str) -> None:
        self.area.addWidget(Heading(example.shown("answer")))
        comment = self._comment(example, answer)
        if comment:
            self.area.addWidget(Text(comment))
        self.message = MessageView(example, marked=True, colours=_colours(self.controller))
        self.area.addWidget(self.message)
        heading = _("Why it looks genuine") if example.genuine else _("What gives it away")
        self.area.addWidget(Heading(heading))
        # What each numbered mark means, one press away: the marks themselves stay in sight,
        # and "What to do" below says what to do when unsure.
        clues = example.shown_clues()
        explained = [
            f"{MARKER.format(number=number)} {clues[index][1]}"
            for number, index in enumerate(clue_order(example), 1)
        ]
        if example.genuine:  # the clue every genuine message shares, first
            explained.insert(0, _(SENDER_CAN_BE_IMITATED))
        self.area.addWidget(TellMeMore(explained, about=heading))
        self.area.addWidget(Heading(_("What to do")))
        self.area.addWidget(Text(example.shown("do_instead")))
        self.area.addWidget(trusted_card(self.controller, example.kind))
        self.area.addWidget(self._gave_away_button())

    def _gave_away_button(self) -> ButtonRow:
        """For a person who met this message for real and already answered it."""
        from app.ui.pages.emergency import ENTRY, ENTRY_WHY, start

        button = BigButton(_(ENTRY), description=_(ENTRY_WHY))
        button.clicked.connect(lambda: start(self.controller))
        return ButtonRow(button)

    @staticmethod
    def _comment(example: Example, answer: str) -> str:
        if not answer:
            return ""
        if answer == "unsure":
            return _("Being unsure is a good reflex: it makes you check before you act.")
        if is_right(example, answer):
            return (
                _("Yes. Knowing a real message is just as useful.")
                if example.genuine
                else _("Yes. You did not let it fool you.")
            )
        if example.genuine:
            return _("Being careful is good. This one was real: the marks show why.")
        return _("Many people are fooled by this one. The marks show what to look at next time.")


class ResultPage(PageBase):
    """The end of a round: three rules to remember, and another round."""

    title = N_("Three messages practised")
    body = N_("Well done.")
    help = N_("You can practise again at any time from your home page.")

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Heading(_("Three things to remember")))
        for rule in RULES:
            box.addWidget(Text(f"• {_(rule)}"))
        self.progress = content(Text(""))  # how far the person has come
        box.addWidget(self.progress)
        self.reminder = Text("", "muted")
        box.addWidget(self.reminder)
        again = BigButton(_("Practise 3 more now"))
        again.clicked.connect(self.again)
        box.addWidget(ButtonRow(again))

    def load(self) -> None:
        scams = self.controller.scams
        seen = scams.seen()
        self.progress.setText(
            ngettext(
                "So far you have looked at {seen} message out of {total}.",
                "So far you have looked at {seen} messages out of {total}.",
                seen,
            ).format(seen=seen, total=len(scams.examples()))
        )
        self.reminder.setText(
            _("Your to-do list will suggest three new messages next month.")
            if scams.reminder_on_list()
            else ""
        )

    def again(self) -> None:
        self.controller.scams.start_round()
        self.controller.go_to(Step("scams.example", "1"))

    def next_text(self) -> str:
        return _("Finish")


PAGES = register(
    "scams",
    {
        "intro": IntroPage,
        "example": ExamplePage,
        "answer": AnswerPage,
        "result": ResultPage,
    },
)


def demo(profile, today) -> None:
    """A round with one right answer and one missed, and a trusted person to call."""
    from app.core.actions.scams import ScamActions

    language = profile.settings.get("language")
    profile.settings.set(
        "trusted_person",
        {
            "es_MX": "Ana, mi hija — 55 0000 1234",
            "fr_FR": "Anne, ma fille — 06 39 98 12 34",
        }.get(language, "Ann, my daughter — 555 0100"),
    )
    scams = ScamActions(profile, lambda: today, lambda message="": None)
    first, second = scams.start_round()[:2]
    for slot, right in ((first, True), (second, False)):
        example = scams.slot(slot.slot)[1]
        genuine = example.genuine if right else not example.genuine
        scams.answer(slot.slot, "genuine" if genuine else "scam")
