"""Spot the scam: rounds of three practice messages, "genuine or a scam?", then the clues.

A round is short on purpose (three messages, never a score): the introduction, then for
each message its page and its answer page, then a page that sums up what to remember. The
round is kept in the store, so the journey reopens at the message where the person
stopped, and a new round starts with messages not seen yet. Finishing a round puts a
monthly "practise 3 messages" suggestion on the to-do list (rule "scams.practice"), or
ticks it when it is due.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.core.flow import Step
from app.core.journeys import SCAMS_ROUND as ROUND_SIZE
from app.core.scams import (
    FICTION_NOTE,
    SENDER_CAN_BE_IMITATED,
    Example,
    find_example,
    load_examples,
)
from app.core.tasks import Task, add_months
from app.i18n import N_, _, ngettext
from app.store.scams import ScamAnswer
from app.ui import theme
from app.ui.pages.home_contacts import open_trusted
from app.ui.pages.registry import register
from app.ui.widgets import BigButton, ButtonRow, Card, Heading, PageBase, Text
from app.ui.widgets.flow import FlowLayout
from app.ui.widgets.message_view import MARKER, MessageView, clue_order
from app.ui.widgets.page import clear_layout

TASK_RULE = "scams.practice"
TASK_SOURCE = "scams"
TASK_TITLE = N_("Practise spotting scams: 3 messages")
TASK_WHY = N_("A few minutes of practice make a real scam easier to recognise.")
TASK_HOW = N_("On your home page, press “Spot the scam”.")
RULES = (
    N_("Never give a code, a password or your card number, to anyone."),
    N_("Never open a link in a message: type the address yourself."),
    N_("When in doubt, hang up. Then call the number on the back of your bank card yourself."),
)


def pick_round(examples: list[Example], latest: dict[str, ScamAnswer],
               size: int = ROUND_SIZE) -> list[str]:
    """The next messages to practise: new ones first, then missed ones, then the oldest.

    A round mixes genuine messages and scams whenever both are left, so the practice
    teaches judgement rather than suspicion of everything.
    """
    new = [e for e in examples if e.id not in latest]
    seen = sorted((e for e in examples if e.id in latest),
                  key=lambda e: (latest[e.id].correct, latest[e.id].answered_on))
    ordered = new + seen
    chosen = ordered[:size]
    if len({e.genuine for e in chosen}) == 1:
        other = next((e for e in ordered[size:] if e.genuine != chosen[0].genuine), None)
        if other is not None and chosen:
            chosen[-1] = other
    position = {e.id: i for i, e in enumerate(examples)}
    return sorted((e.id for e in chosen), key=position.__getitem__)


def is_right(example: Example, answer: str) -> bool:
    return answer == ("genuine" if example.genuine else "scam")


def _colours(controller) -> tuple[str, str]:
    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    palette = theme.palette_for(controller.setting("theme"), dark)
    return palette.highlight, palette.highlight_text


def current_round(controller, fresh: bool = False) -> list:
    """The round being practised, starting a new one when there is none (or `fresh`)."""
    repo = controller.store.scams
    examples = load_examples(controller.setting("country"))
    known = {e.id for e in examples}
    slots = repo.round()
    if fresh or not slots or any(s.example_id not in known for s in slots):
        repo.set_round(pick_round(examples, repo.latest()))
        slots = repo.round()
    return slots


def trusted_card(controller, kind: str) -> QWidget:
    """"Not sure? Hang up and call Ana": the person the helper wrote down, on every answer."""
    person = controller.setting("trusted_person").strip()
    card = Card(name=_("Not sure?"))
    if kind == "call":
        lead = _("Not sure? Hang up and call:") if person else _(
            "Not sure? Hang up and call someone you trust, on a number you already know.")
    else:
        lead = _("Not sure? Do not reply, and call:") if person else _(
            "Not sure? Do not reply, and call someone you trust, on a number you already know.")
    card.box.addWidget(Text(lead))
    if person:
        card.box.addWidget(Heading(person))
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
        slots = current_round(self.controller)
        return slots[min(self.slot, len(slots)) - 1]

    def example(self) -> Example | None:
        return find_example(self.round_slot().example_id)

    def load(self) -> None:
        """Draw the message again only when the example, the answer or the data (the
        trusted person named on the answer) has changed."""
        example, answer = self.example(), self.round_slot().answer
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
        self.progress = Text("")
        box.addWidget(self.progress)
        box.addWidget(Text(_(FICTION_NOTE), "muted"))

    def load(self) -> None:
        slots = current_round(self.controller)
        if slots and all(s.answer for s in slots):
            current_round(self.controller, fresh=True)
        examples = load_examples(self.controller.setting("country"))
        latest = self.controller.store.scams.latest()
        seen = sum(1 for e in examples if e.id in latest)
        if seen:
            self.progress.setText(ngettext(
                "You have already looked at {seen} message out of {total}.",
                "You have already looked at {seen} messages out of {total}.", seen,
            ).format(seen=seen, total=len(examples)))
        else:
            self.progress.setText(_("There are {total} messages to practise with.").format(
                total=len(examples)))

    def next_text(self) -> str:
        return _("Show me the first message")


class ExamplePage(RoundPage):
    title = N_("Genuine, or a scam?")
    help = N_(
        "Read the message calmly. Look at who sends it, what it asks you to do, and how fast. "
        "Then press one of the three buttons."
    )

    def page_title(self) -> str:
        return _("Message {number} of {total}: genuine, or a scam?").format(
            number=self.slot, total=ROUND_SIZE)

    def fill(self, example: Example, answer: str) -> None:
        self.area.addWidget(Text(_("Read it calmly, then answer under the message.")))
        self.message = MessageView(example, marked=False, colours=_colours(self.controller))
        self.area.addWidget(self.message)
        self.area.addWidget(Heading(_("What do you think?")))
        self.buttons = {
            "genuine": BigButton(_("It is genuine")),
            "scam": BigButton(_("It is a scam")),
            "unsure": BigButton(_("I am not sure")),
        }
        row = QWidget()
        flow = FlowLayout(row, gap=theme.GAP_PX)
        flow.setContentsMargins(0, 0, 0, 0)
        for value, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, v=value: self.choose(v))
            flow.addWidget(button)
        self.area.addWidget(row)
        if answer:
            self.buttons[answer].setProperty("role", "primary")
            self.area.addWidget(Text(_("You answered: {answer}").format(
                answer=self.buttons[answer].text()), "muted"))

    def choose(self, answer: str) -> None:
        example = self.example()
        self.controller.store.scams.answer(
            self.slot, example.id, answer, is_right(example, answer), self.controller.today())
        self.controller.go_next()

    def validate(self) -> str | None:
        if not self.round_slot().answer:
            return _("Please press one of the three buttons: genuine, a scam, or not sure.")
        return None

    def next_text(self) -> str:
        return _("See the answer")


class AnswerPage(RoundPage):
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
        self.area.addWidget(Heading(_("Why it looks genuine") if example.genuine
                                    else _("What gives it away")))
        clues = example.shown_clues()
        for number, index in enumerate(clue_order(example), 1):
            self.area.addWidget(Text(f"{MARKER.format(number=number)} {clues[index][1]}"))
        if example.genuine:
            self.area.addWidget(Text(_(SENDER_CAN_BE_IMITATED)))
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
            return (_("Yes. Knowing a real message is just as useful.") if example.genuine
                    else _("Yes. You did not let it fool you."))
        if example.genuine:
            return _("Being careful is good. This one was real: the marks show why.")
        return _("Many people are fooled by this one. The marks show what to look at next time.")


class ResultPage(PageBase):
    title = N_("Three messages practised")
    body = N_("Well done. Each message you look at makes a real scam easier to see.")
    help = N_("You can practise again at any time from your home page.")

    def build(self, box: QVBoxLayout) -> None:
        box.addWidget(Heading(_("Three things to remember")))
        for rule in RULES:
            box.addWidget(Text(f"• {_(rule)}"))
        self.progress = Text("")
        box.addWidget(self.progress)
        self.reminder = Text("", "muted")
        box.addWidget(self.reminder)
        again = BigButton(_("Practise 3 more now"))
        again.clicked.connect(self.again)
        box.addWidget(ButtonRow(again))

    def load(self) -> None:
        examples = load_examples(self.controller.setting("country"))
        latest = self.controller.store.scams.latest()
        seen = sum(1 for e in examples if e.id in latest)
        self.progress.setText(ngettext(
            "So far you have looked at {seen} message out of {total}.",
            "So far you have looked at {seen} messages out of {total}.", seen,
        ).format(seen=seen, total=len(examples)))
        self._suggest_next_month()

    def _suggest_next_month(self) -> None:
        today = self.controller.today()
        tasks = self.controller.store.tasks
        task = tasks.by_rule(TASK_RULE)
        if task is None:
            self.controller.add_task(Task(
                title=TASK_TITLE, why=TASK_WHY, how=TASK_HOW, due=add_months(today, 1),
                repeat="monthly", rule=TASK_RULE, source=TASK_SOURCE,
            ))
        elif tasks.get(task.id) is not None and task.is_due(today):
            tasks.mark_done(task.id, today)
            self.controller.changed()
        task = tasks.get(tasks.by_rule(TASK_RULE).id)
        self.reminder.setText(_("Your to-do list will suggest three new messages next month.")
                              if task is not None else "")

    def again(self) -> None:
        current_round(self.controller, fresh=True)
        self.controller.go_to(Step("scams.example", "1"))

    def next_text(self) -> str:
        return _("Finish")


PAGES = register("scams", {
    "intro": IntroPage,
    "example": ExamplePage,
    "answer": AnswerPage,
    "result": ResultPage,
})


def demo(store, today) -> None:
    """A round with one right answer and one missed, and a trusted person to call."""
    language = store.settings.get("language")
    store.settings.set("trusted_person", {
        "es_MX": "Ana, mi hija — 55 0000 1234",
        "fr_FR": "Anne, ma fille — 06 39 98 12 34",
    }.get(language, "Ann, my daughter — 555 0100"))
    examples = load_examples(store.settings.get("country"))
    store.scams.set_round(pick_round(examples, store.scams.latest()))
    first, second = store.scams.round()[:2]
    for slot, right in ((first, True), (second, False)):
        example = find_example(slot.example_id)
        genuine = example.genuine if right else not example.genuine
        answer = "genuine" if genuine else "scam"
        store.scams.answer(slot.slot, example.id, answer, is_right(example, answer), today)
