"""Read aloud, heard through Qt's silent "mock" speech engine: what was said, in which voice.

The mock engine speaks en_GB, en_US, nb_NO, nn_NO and fi_FI, and reports each word it says
(`sayingWord`), so these tests assert the words a person would hear. It has no Spanish or
French voice, which is exactly the "no voice for your language" case. No test here opens a
real engine (speech-dispatcher would be started): the engine is always named, or faked.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from itertools import permutations

import pytest
from PySide6.QtCore import QLocale, Qt

from app import i18n
from app.core.journeys import JOURNEYS
from app.core.passphrase import spell
from app.ui import speech
from app.ui.controller import Controller
from app.ui.shell import MainWindow
from app.ui.speech import (
    ENGINE_FAILED,
    NO_ENGINE,
    NO_SOUND,
    NO_VOICE,
    NOT_ANSWERING,
    SLOW_RATE,
    Speaker,
    choose_locale,
    choose_voice,
    speakable,
)
from tests.conftest import TODAY

tts_module = pytest.importorskip(
    "PySide6.QtTextToSpeech",
    exc_type=ImportError,
    reason="QtTextToSpeech cannot load here (on Linux it needs libpulse0: .ci/run installs it)",
)
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


class Voice:
    """A stand-in for QVoice: only its name matters to the choice."""

    def __init__(self, name: str):
        self._name = name

    def name(self) -> str:
        return self._name


@pytest.fixture
def speaker(qapp):
    s = Speaker("mock")
    yield s
    s.stop()


@pytest.fixture
def window(qtbot, store, dialogs):
    def make(lang="en", speaker=None, read_pages=False):
        store.settings.set("language", lang)
        store.settings.set("read_aloud", read_pages)
        i18n.set_language(lang)
        w = MainWindow(
            Controller(store, JOURNEYS, today=lambda: TODAY), speaker=speaker or Speaker("mock")
        )
        qtbot.addWidget(w)
        w.show()
        return w

    return make


@pytest.fixture
def slow_engine(monkeypatch):
    """Opening the engine takes as long as the test wants (speech-dispatcher starting, or
    hanging): `slow_engine.release()` lets it answer. Records the thread it opened on."""
    gate = threading.Event()
    gate.threads = []
    real = speech._find_engine

    def find(wanted):
        gate.threads.append(threading.current_thread())
        gate.wait(30)
        return real(wanted)

    monkeypatch.setattr(speech, "_find_engine", find)
    yield gate
    gate.set()


# Choosing the voice ------------------------------------------------------------------------
def _first(codes, language):
    """The locale chosen from `codes`, the same whatever order the engine lists them in."""
    chosen = {
        choose_locale([QLocale(c) for c in order], language).name() for order in permutations(codes)
    }
    assert len(chosen) == 1, f"{codes} for {language}: {chosen} depending on the order"
    return chosen.pop()


def test_the_voice_follows_a_fixed_preference_whatever_the_engine_order():
    assert _first(["es_ES", "es_MX", "es_419"], "es_MX") == "es_MX"
    assert _first(["es_ES", "es_US", "es_419"], "es_MX") == "es_419"
    assert _first(["es_ES", "es_US"], "es_MX") == "es_US"
    assert _first(["es_ES", "en_US"], "es_MX") == "es_ES"
    assert _first(["fr_CA", "fr_FR", "fr_CH"], "fr_FR") == "fr_FR"
    assert _first(["fr_CH", "fr_BE", "fr_CA"], "fr_FR") == "fr_CA"
    assert _first(["fr_CH", "fr_BE"], "fr_FR") == "fr_BE"
    assert _first(["en_US", "en_GB", "en_IN"], "en") == "en_GB"
    assert _first(["en_US", "en_IN"], "en") == "en_US"
    assert _first(["en_IN", "en_AU"], "en") == "en_AU"


def test_never_a_voice_of_another_language():
    assert choose_locale([QLocale("en_GB"), QLocale("de_DE")], "fr_FR") is None
    assert choose_locale([QLocale("pt_BR")], "es_MX") is None
    assert choose_locale([], "en") is None


def test_within_a_locale_the_plain_voice_never_the_caribbean_one():
    # speech-dispatcher files espeak-ng's "English (Caribbean)" under en_US, and four
    # regional accents under en_GB; it lists them in hash order.
    for order in permutations(["English (Caribbean)", "English (America)"]):
        assert choose_voice([Voice(n) for n in order]).name() == "English (America)"
    gb = ["English (Scotland)", "English (Lancaster)", "English (Great Britain)"]
    for order in permutations(gb):
        assert choose_voice([Voice(n) for n in order]).name() == "English (Great Britain)"
    assert choose_voice([Voice("English (Caribbean)")]) is None
    assert choose_voice([Voice("Mary"), Voice("Charly")]).name() == "Charly"  # name order


def test_an_english_page_is_read_in_the_british_voice_at_a_slower_rate(speaker, qtbot):
    assert speaker.available() and speaker.problem() is None
    assert speaker.language().name() == "en_GB"
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


# Saying why it cannot ----------------------------------------------------------------------
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


def test_an_engine_that_fails_to_start_is_not_called_missing(qapp, monkeypatch):
    monkeypatch.setattr(speech, "_verdict", lambda tts: ENGINE_FAILED)
    s = Speaker("mock")
    assert s.problem() == i18n._(ENGINE_FAILED)
    assert s.problem() not in (i18n._(NO_ENGINE), i18n._(NO_VOICE))


def test_what_each_engine_failure_is_called():
    """speech-dispatcher on a computer set to German with only Spanish voices reports "Failed
    to initialize default locale and voice" (a Configuration error), yet speaks Spanish; a
    plug-in whose library is missing has no engine name; one that loaded and failed did
    not start."""
    state, reason = tts_module.QTextToSpeech.State, tts_module.QTextToSpeech.ErrorReason

    class Engine:
        def __init__(self, state, reason, locales, name="speechd"):
            self.values = state, reason, locales, name

        def state(self):
            return self.values[0]

        def errorReason(self):  # noqa: N802 - Qt naming
            return self.values[1]

        def availableLocales(self):  # noqa: N802 - Qt naming
            return self.values[2]

        def engine(self):
            return self.values[3]

    spanish = [QLocale("es_ES")]
    assert speech._verdict(Engine(state.Ready, reason.NoError, spanish)) is None
    assert speech._verdict(Engine(state.Error, reason.Configuration, spanish)) is None
    assert speech._verdict(Engine(state.Error, reason.Configuration, [])) == ENGINE_FAILED
    assert speech._verdict(Engine(state.Error, reason.Initialization, [])) == ENGINE_FAILED
    assert speech._verdict(Engine(state.Error, reason.Initialization, [], name="")) == NO_ENGINE


def test_the_mock_engine_is_never_picked_for_a_person(qapp, monkeypatch):
    # Only the mock is installed: a person's Speaker finds no engine rather than the mock.
    monkeypatch.delenv(speech.ENGINE_VARIABLE, raising=False)  # conftest names the mock
    monkeypatch.setattr(
        tts_module.QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"])
    )
    s = Speaker()
    assert s.tts is None and s.problem() == i18n._(NO_ENGINE)


def test_the_engine_can_be_named_from_the_environment(qapp, monkeypatch):
    monkeypatch.setenv(speech.ENGINE_VARIABLE, "mock")
    assert Speaker().tts.engine() == "mock"


# Never freezing, never stuck ---------------------------------------------------------------
def test_the_engine_opens_off_the_window_thread_and_speaks_what_was_asked_meanwhile(
    qapp, slow_engine, qtbot
):
    s = Speaker("mock")
    began = time.monotonic()
    assert s.problem() is None  # as the Read aloud button asks: nothing known against it yet
    asked = time.monotonic()
    assert asked - began < speech.OPEN_WAIT + 0.5  # a short wait, not the engine's time
    assert s.say("Hello there")  # the engine is still opening: the words wait for it
    assert time.monotonic() - asked < 0.25  # and no second wait
    assert s.speaking()
    assert slow_engine.threads and slow_engine.threads[0] is not threading.main_thread()
    slow_engine.set()
    assert s.open(wait=10)
    ear = Ear(s)
    assert ear.heard(qtbot) == ["Hello", "there"]


def test_a_speech_program_that_never_answers_is_explained(window, slow_engine, qtbot, monkeypatch):
    monkeypatch.setattr(Speaker, "patience", staticmethod(lambda text: 0.3))
    w = window("en")
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert w.read_button.text() == "Stop reading"
    qtbot.waitUntil(lambda: w.read_button.text() == "Read aloud", timeout=5000)
    assert not w.speaker.speaking()
    assert w.status.text() == i18n._(NOT_ANSWERING)


def test_a_reading_that_never_ends_stops_and_says_why(window, qtbot, monkeypatch):
    """With no sound server, speech-dispatcher stays "Speaking" for ever: here the mock, at
    its slow pace, outlasts the time the reading is given."""
    monkeypatch.setattr(Speaker, "patience", staticmethod(lambda text: 0.3))
    w = window("en")
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert w.speaker.speaking() and w.read_button.text() == "Stop reading"
    qtbot.waitUntil(lambda: w.read_button.text() == "Read aloud", timeout=5000)
    assert not w.speaker.speaking()
    assert w.status.text() == i18n._(NO_SOUND)
    assert w.speaker.tts.state() != tts_module.QTextToSpeech.State.Speaking


def test_a_reading_is_given_time_for_its_length():
    short, long = Speaker.patience("Hello."), Speaker.patience("word " * 300)
    assert short >= 10 and long > 300 * 0.5  # a slow reader's pace, with room to spare


# What is said ------------------------------------------------------------------------------
def test_each_part_of_a_page_ends_with_a_stop():
    assert (
        speakable("Welcome to Sereno\nSereno helps you\nNext step:\nReady?")
        == "Welcome to Sereno. Sereno helps you. Next step: Ready?"
    )
    assert speakable("  \nOne.\n\n") == "One."
    assert speakable("Garden, river, spoon") == "Garden, river, spoon."


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


def test_the_engine_is_given_every_part_with_a_stop_after_it(window, qtbot, monkeypatch):
    w = window("en")
    said = []
    monkeypatch.setattr(w.speaker.tts, "say", said.append)
    qtbot.mouseClick(w.read_button, Qt.MouseButton.LeftButton)
    assert len(said) == 1
    parts = [p.strip() for p in w.current.read_aloud_text().splitlines() if p.strip()]
    assert len(parts) > 2
    for part in parts:
        ended = part if part[-1] in ".!?…:;," else part + "."
        assert ended in said[0], part


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


# "Should Sereno read the pages aloud?" -----------------------------------------------------
def _listening(monkeypatch, speaker: Speaker) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(speaker, "say", lambda text: said.append(text) or True)
    return said


def test_when_the_person_said_yes_each_page_is_read_as_it_opens(qapp, window, qtbot, monkeypatch):
    s = Speaker("mock")
    said = _listening(monkeypatch, s)
    w = window("en", speaker=s, read_pages=True)
    assert said == [w.current.read_aloud_text()]
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert len(said) == 2 and said[-1] == w.current.read_aloud_text()
    assert said[-1].startswith(w.header.title.text())


def test_when_the_person_said_no_nothing_is_read_by_itself(qapp, window, qtbot, monkeypatch):
    s = Speaker("mock")
    said = _listening(monkeypatch, s)
    w = window("en", speaker=s, read_pages=False)
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert said == []
    w.controller.set_setting("read_aloud", True)  # the first-run answer, changed to yes
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert said == [w.current.read_aloud_text()]


def test_pages_read_by_themselves_say_once_why_they_cannot(window, qtbot):
    w = window("fr_FR", read_pages=True)
    assert w.status.text() == i18n._(NO_VOICE)
    w.announce("")
    qtbot.mouseClick(w.next_button, Qt.MouseButton.LeftButton)
    assert w.status.text() == ""
