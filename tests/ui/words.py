"""Plain words (issue #19 item 5): what counts as a page's explanation, for the 60-word limit.

What counts, on a page as shown: the words of every visible text label of the page — its
body, notes, hints, section headings and cards of advice. Not counted:

- the page title (the shell's, and any `Title`);
- the answers: a whole answer row (its title and its one-line explanation, one click
  target, which a person needs to answer and which cannot go behind a button) and the
  label of a field to fill in;
- the person's own content, marked with `app.ui.widgets.more.content()`: their tasks,
  calls, months, contacts, accounts, the summary of their answers and what Sereno found;
- the practice scam message itself (`MessageView`);
- what is behind "Tell me more" until it is pressed (it is hidden).

Pages whose words depend on a choice are counted in every state (`states`): each call
script, and the answer to each practice message of the country (genuine, a scam, not sure).
The tour (tests/ui/audit.py) counts them; tests/ui/test_fits.py holds the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QWidget

from app.ui.widgets.choices import ChoiceRow
from app.ui.widgets.fields import TextField
from app.ui.widgets.labels import Text, Title
from app.ui.widgets.message_view import MessageView
from app.ui.widgets.more import CONTENT, WORDS

MAX_WORDS = 60
NOT_COUNTED = (ChoiceRow, TextField, MessageView)


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _counted(label: Text, page: QWidget) -> bool:
    if isinstance(label, Title) or not label.isVisibleTo(page) or not label.text().strip():
        return False
    holder = label
    while holder is not None and holder is not page:
        if isinstance(holder, NOT_COUNTED) or holder.property(WORDS) == CONTENT:
            return False
        holder = holder.parentWidget()
    return True


def explanation(page: QWidget) -> list[str]:
    """The explanation texts a person sees on the page, in the order they were made."""
    return [label.text() for label in page.findChildren(Text) if _counted(label, page)]


def states(name: str, page: QWidget) -> Iterator[tuple[str, list[str]]]:
    """The page as the tour shows it; a call script page with each script chosen in turn,
    and a scam answer page with each practice message of the country, for each answer."""
    from app.core.scams import load_examples
    from app.ui.widgets.page import clear_layout

    yield "", explanation(page)
    if name == "calls.scripts":
        for row in page.choices.rows:
            row.click()
            QApplication.processEvents()
            yield f"[{row.value}]", explanation(page)
    elif name == "scams.answer-1":
        for example in load_examples(page.controller.setting("country")):
            for answer in ("genuine", "scam", "unsure"):
                clear_layout(page.area)
                page.fill(example, answer)
                yield f"[{example.id}, {answer}]", explanation(page)
        page.filled_with = None  # drawn again from the store when next shown


def most_words(name: str, page: QWidget) -> tuple[int, list[str]]:
    """The most words of explanation the page shows in any of its states, with the texts."""
    best: tuple[int, list[str]] = (-1, [])
    for state, texts in states(name, page):
        total = sum(words(t) for t in texts)
        if total >= best[0]:
            best = (total, [state, *texts] if state else texts)
    return best
