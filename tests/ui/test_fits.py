"""Every page as shown, each window toured once: it fits, passes the audit, writes nothing
and keeps its explanation short.

The tour (every page of every journey, tests/ui/touring.py `tour`) runs once per window:
each language at 100 % and 175 %, and French at 175 % in high contrast (the longest words
at the largest size), all in the 1280x720 window Sereno opens in (it fits a 1366x768
screen). Every check reads that one tour:
- the accessibility audit, on every window;
- one screen, one question: at 175 % the answers and the main button need no scroll, each
  page measured scrolled to its top (`fit_problems`);
- a page's load() only reads: showing it changes nothing in the store (no commit, no row);
  a page that has something to write does it in an action, when the person acts;
- plain words (issue #19): at most 60 words of explanation before "Tell me more", counted
  at 100 % in each language (the words do not change with the size; tests/ui/words.py says
  what counts).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from app.core.journeys import JOURNEYS
from tests.conftest import TODAY
from tests.ui.touring import make_window, page_of, report, tour
from tests.ui.words import MAX_WORDS

# (language, text size, theme); the fit is measured at 175 %, the words at 100 %.
WINDOWS = [(lang, size, "standard") for lang in ("es_MX", "fr_FR", "en") for size in (100, 175)]
WINDOWS += [("fr_FR", 175, "high_contrast")]
FIT_WINDOWS = [w for w in WINDOWS if w[1] == 175]
WORD_WINDOWS = [w for w in WINDOWS if w[1] == 100]


def _window_id(window: tuple[str, int, str]) -> str:
    return "-".join(map(str, window))


@pytest.fixture(scope="module")
def toured(qapp, tmp_path_factory):
    """`toured(window)`: the findings of that window's tour, made once for the whole module."""
    done = {}

    def get(window_config: tuple[str, int, str]):
        if window_config not in done:
            lang, size, theme_name = window_config
            folder = tmp_path_factory.mktemp(f"tour-{_window_id(window_config)}")
            window, store = make_window(folder, lang, size, theme_name, TODAY)
            try:
                done[window_config] = tour(
                    window,
                    fits=window_config in FIT_WINDOWS,
                    count_words=window_config in WORD_WINDOWS,
                )
            finally:
                window.close()
                window.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                store.close()
        return done[window_config]

    return get


@pytest.mark.parametrize("window", WINDOWS, ids=_window_id)
def test_every_page_passes_the_audit(toured, window):
    found = toured(window)
    assert "home" in found.names and "first_run.text_size" in found.names
    # every listed journey was reached, so every page of it was audited
    assert {j.key for j in JOURNEYS} <= {name.split(".")[0] for name in found.names}
    assert not found.audit, f"{len(found.audit)} problems:\n{report(found.audit)}"


# Pages whose answers come after something to read first, each with its reason; the page
# says so and "More below" shows. Strict: an entry whose page fits fails the test.
READ_FIRST = {
    "scams.example": "a practice message is read whole before it is judged: the answers "
    'follow it, and the page says "answer under the message"',
}


def _read_first(problem: str) -> bool:
    page = page_of(problem.split(":")[0])
    return page in READ_FIRST and "answer below the fold" in problem


@pytest.mark.parametrize("window", FIT_WINDOWS, ids=_window_id)
def test_every_page_shows_its_answers_and_main_button_without_scrolling(toured, window):
    found = [p for p in toured(window).fits if not _read_first(p)]
    assert not found, f"{len(found)} problems:\n{report(found)}"


def test_the_pages_read_first_still_need_it(toured):
    below = {
        page_of(p.split(":")[0]) for w in FIT_WINDOWS for p in toured(w).fits if _read_first(p)
    }
    assert below == set(READ_FIRST), "take off READ_FIRST the pages that fit now"


@pytest.mark.parametrize("window", WINDOWS, ids=_window_id)
def test_showing_a_page_writes_nothing(toured, window):
    found = toured(window)
    assert not found.writes, (
        f"{len(found.writes)} pages wrote while loading:\n{report(found.writes)}"
    )


@pytest.mark.parametrize("window", WORD_WINDOWS, ids=_window_id)
def test_every_page_shows_at_most_sixty_words_of_explanation(toured, window):
    counted = toured(window).words
    # the pages whose words depend on a choice were counted in every state
    assert {"home", "calls.scripts", "scams.answer"} <= set(counted)
    over = [
        f"{page}: {n} words: " + " / ".join(texts)
        for page, (n, texts) in sorted(counted.items())
        if n > MAX_WORDS
    ]
    assert not over, f"{len(over)} pages over {MAX_WORDS} words:\n" + "\n".join(over)
