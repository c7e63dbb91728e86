"""Read aloud, heard through Qt's silent "mock" speech engine: what was said, in which voice.

The mock engine speaks en_GB, en_US, nb_NO, nn_NO and fi_FI, and reports each word it says
(`sayingWord`), so these tests assert the words a person would hear. It has no Spanish or
French voice, which is exactly the "no voice for your language" case.
"""
from __future__ import annotations

import re
import sys

import pytest
from PySide6.QtCore import QLocale, Qt

from app import i18n
from app.core.journeys import JOURNEYS
from app.core.passphrase import spell
from app.ui.controller import Controller
from app.ui.shell import MainWindow
from app.ui.speech import NO_ENGINE, NO_VOICE, SLOW_RATE, Speaker, choose_locale
from tests.conftest import TODAY

tts_module = pytest.importorskip("PySide6.QtTextToSpeech", exc_type=ImportError,
                                 reason="QtTextToSpeech cannot load here (on Linux it needs "
                                 "libpulse0: .ci/run installs it)")
if "mock" not in tts_module.QTextToSpeech.availableEngines():
    pytest.skip("Qt's mock speech engine is not installed", allow_module_level=True)


class Ear:
    """Listens to the engine: every word it says, in order."""

    def __init__(self, speaker: Speaker):
        self.words: list[str] = []
        self.speaker = speaker
        speaker.tts.sayingWord.connect(lambda word, *_rest: self.words.append(word))

    def heard(self, qtbot) -> list[str]:
        # The mock says one word per timer tick; speed it up rather than wait at the slow rate.
        self.speaker.tts.setRate(1.0)
        qtbot.waitUntil(lambda: not self.speaker.speaking(), timeout=20000)
        return self.words


def words(text: str) -> list[str]:
    """The words of a text as the mock engine reports them: runs of ASCII letters and digits
    (punctuation is a pause, and the mock splits "Español" around its "ñ")."""
    return re.findall(r"[A-Za-z0-9]+", text)


@pytest.fixture
def speaker(qapp):
    s = Speaker("mock")
    yield s
    s.stop()


@pytest.fixture
def window(qtbot, store, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)

    def make(lang="en"):
        store.settings.set("language", lang)
        i18n.set_language(lang)
        w = MainWindow(Controller(store, JOURNEYS, today=lambda: TODAY), speaker=Speaker("mock"))
        qtbot.addWidget(w)
        w.show()
        return w

    return make


def test_voice_is_chosen_by_language_and_never_another_language():
    def names(*codes):
        return [QLocale(c) for c in codes]

    assert choose_locale(names("en_GB", "es_MX", "es_ES"), "es_MX").name() == "es_MX"
    assert choose_locale(names("en_GB", "es_ES", "es_US"), "es_MX").name() == "es_ES"
    assert choose_locale(names("fr_CA", "en_US"), "fr_FR").name() == "fr_CA"
    assert choose_locale(names("en_GB", "de_DE"), "fr_FR") is None
    assert choose_locale(names("en_GB", "en_US"), "en").name() == "en_US"
    assert choose_locale(names("en_GB", "fi_FI"), "en").name() == "en_GB"
    assert choose_locale([], "en") is None


def test_reads_in_an_english_voice_at_a_slower_rate(speaker, qtbot):
    assert speaker.available() and speaker.problem() is None
    assert speaker.language().language() == QLocale.Language.English
    ear = Ear(speaker)
    assert speaker.tts.rate() == pytest.approx(SLOW_RATE) and SLOW_RATE < 0
    assert speaker.say("Your answers stay on this computer.")
    assert ear.heard(qtbot) == words("Your answers stay on this computer.")


def test_passphrase_word_by_word_and_letter_by_letter(speaker, qtbot):
    ear = Ear(speaker)
    assert speaker.say_words(["Garden", "river", "spoon", "cloud", "4"])
    assert ear.heard(qtbot) == ["Garden", "river", "spoon", "cloud", "4"]
    ear.words.clear()
    speaker.tts.setRate(SLOW_RATE)
    assert speaker.spell("Sun-4")
    heard = ear.heard(qtbot)
    assert heard == words(" ".join(spell("Sun-4", "en")))
    assert heard[:4] == ["capital", "S", "u", "n"] and len(spell("Sun-4", "en")) == 5


def test_no_voice_for_spanish_says_so_and_speaks_nothing(speaker):
    i18n.set_language("es_MX")
    assert speaker.problem() == i18n._(NO_VOICE)
    assert not speaker.say("Hola")
    assert not speaker.speaking()


def test_no_engine_at_all_says_so(qapp, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # the import fails
    s = Speaker()
    assert s.problem() == i18n._(NO_ENGINE)
    assert not s.say("Hello") and not s.speaking()
    assert Speaker("no-such-engine").problem() == i18n._(NO_ENGINE)


def test_the_mock_engine_is_never_picked_for_a_person(qapp):
    s = Speaker()
    tts = s.tts
    assert tts is None or tts.engine() != "mock"


def test_read_aloud_button_reads_the_page_then_becomes_stop(window, qtbot):
    w = window("en")
    ear = Ear(w.speaker)
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert w.speaker.speaking()
    assert w.read_button.text() == "Stop reading"
    assert w.read_button.accessibleName() == "Stop reading"
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert not w.speaker.speaking()
    assert w.read_button.text() == "Read aloud"
    ear.words.clear()
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    heard = ear.heard(qtbot)
    title = words(w.header.title.text())
    assert heard[: len(title)] == title  # the title first, then the page
    assert heard == words(w.current.read_aloud_text())
    for row in w.current.group.rows:
        assert " ".join(words(row.title_label.text())) in " ".join(heard)
    assert w.read_button.text() == "Read aloud"


def test_read_aloud_button_explains_when_no_voice_for_the_language(window, qtbot):
    w = window("fr_FR")
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert not w.speaker.speaking()
    assert w.status.text() == i18n._(NO_VOICE)
    assert "voix" in w.status.text()


def test_moving_on_stops_reading(window, qtbot):
    w = window("en")
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert w.speaker.speaking()
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert not w.speaker.speaking()
