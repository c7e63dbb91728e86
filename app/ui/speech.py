"""Read aloud through QtTextToSpeech, when the computer has a speech engine and a voice.

QtTextToSpeech is imported only when first needed (start-up speed), and any failure to
load it (on Linux it needs libpulse) counts as "no engine": the button then says so.

The engine is first tried on a worker thread: speech-dispatcher takes about 1.5 s to start
and answer, and for ever when it hangs, which froze the window. A request waits for that
at most OPEN_WAIT seconds; once the engine has answered, the window opens its own (quick
now) and says what was asked meanwhile.

The voice is chosen by a fixed preference for each language (es_MX, then Latin-American
Spanish, then Spanish from Spain), never a voice of another language, which would read
Spanish words with English sounds: engines list their voices in no fixed order.

With no sound server, speech-dispatcher starts "speaking" and never finishes. Each reading
is given a generous time for its length; past it, reading stops and the person is told
why, so the button is never stuck on "Stop reading".
"""

from __future__ import annotations

import os
import re
import threading
import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app import i18n
from app.i18n import N_, _

if TYPE_CHECKING:  # QLocale's types take milliseconds to make: only when reading aloud
    from PySide6.QtCore import QLocale

SLOW_RATE = -0.2  # a little slower than the engine's default (-1 slowest, 0 normal, 1 fastest)
TEST_ENGINE = "mock"  # Qt's silent engine for tests: never chosen unless asked for by name
ENGINE_VARIABLE = "SERENO_SPEECH_ENGINE"  # names the engine to use (tests: "mock")
OPEN_WAIT = 0.4  # seconds a request waits for the engine before going on without it
SECONDS_PER_WORD = 1.0  # twice a slow reading pace: the time a reading may take...
SECONDS_SPARE = 15.0  # ...plus this, before it counts as stuck

# The person's language -> the engine locales to speak it in, best first. Any other variant
# of the same language comes after, in name order.
PREFERRED_LOCALES = {
    "es_MX": ("es_MX", "es_419", "es_US", "es_ES"),
    "fr_FR": ("fr_FR", "fr_CA", "fr_BE", "fr_CH"),
    "en": ("en_GB", "en_US"),
}
# Within one locale (speech-dispatcher files "English (Caribbean)" under en_US, and four
# regional accents under en_GB): voices whose name says these come first ("America" also
# finds "Spanish (Latin America)"), these never.
PREFERRED_VOICES = ("Great Britain", "America", "Mexico", "Spain", "France")
AVOIDED_VOICES = ("Caribbean",)

NO_ENGINE = N_(
    "Reading aloud is not available on this computer: it has no speech program. "
    "A helper can install one."
)
NO_VOICE = N_(
    "Reading aloud is not available on this computer: no voice was found for your language."
)
ENGINE_FAILED = N_(
    "Reading aloud is not working: the speech program on this computer did "
    "not start. A helper can check it."
)
NOT_ANSWERING = N_(
    "Reading aloud did not start: the speech program is not answering. "
    "Please try again later, or ask a helper."
)
NO_SOUND = N_(
    "Reading aloud has stopped: no sound seems to come out. Check that the "
    "loudspeakers are on and turned up, or ask a helper."
)


def choose_locale(available: Iterable[QLocale], language: str) -> QLocale | None:
    """The engine locale to speak `language` (es_MX, fr_FR, en) in, or None.

    The preferred variants in their order, then the same language in name order; never
    another language.
    """
    from PySide6.QtCore import QLocale

    locales = list(available)
    by_name = {loc.name(): loc for loc in locales}
    wanted = QLocale(language)
    for name in PREFERRED_LOCALES.get(language, (wanted.name(),)):
        if name in by_name:
            return by_name[name]
    same = sorted(
        (loc for loc in locales if loc.language() == wanted.language()), key=lambda loc: loc.name()
    )
    return same[0] if same else None


def choose_voice(voices: Iterable, current=None):
    """The voice to use among one locale's voices: a preferred name first, never an avoided
    one, else the current voice, else the first by name. None when only avoided ones exist."""
    usable = [v for v in voices if not any(word in v.name() for word in AVOIDED_VOICES)]
    for word in PREFERRED_VOICES:
        for voice in sorted(usable, key=lambda v: v.name()):
            if word in voice.name():
                return voice
    if current is not None and current in usable:
        return current
    return min(usable, key=lambda v: v.name()) if usable else None


def speakable(text: str) -> str:
    """Text with every line ending in a full stop (or its own punctuation), on one line.

    A title, a label and a button's words are separate lines of a page; said one after
    the other without a stop they ran together ("…a Sereno Sereno le acompaña")."""
    parts = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            parts.append(line if re.search(r"[.!?…:;,]$", line) else line + ".")
    return " ".join(parts)


def _verdict(tts) -> str | None:
    """None when the engine can speak, else why not (a message id).

    "Failed to initialize default locale and voice" is a Configuration error of an engine
    that works: the computer's own language has no voice, while the person's may have one.
    A plug-in that did not load (its library, e.g. libspeechd, is not installed) has no
    engine name: that computer has no speech program. One that loaded and failed did not
    start (speech-dispatcher could not be reached)."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if tts.state() != QTextToSpeech.State.Error or (
        tts.errorReason() == QTextToSpeech.ErrorReason.Configuration
        and bool(tts.availableLocales())
    ):
        return None
    return ENGINE_FAILED if tts.engine() else NO_ENGINE


def _find_engine(wanted: str | None) -> tuple[str | None, str | None]:
    """On the worker thread: (the name of an engine that opens and works, None) or
    (None, why not). Never the mock engine unless it is asked for by name.

    Opening an engine the first time is what takes long (speech-dispatcher starts and
    lists its voices); once it answered here, the main thread opens it again quickly."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:  # no libpulse on Linux, or no Addons: like having no engine
        return None, NO_ENGINE
    names = QTextToSpeech.availableEngines()
    if wanted is not None:
        names = [wanted] if wanted in names else []
    else:
        names = [n for n in names if n != TEST_ENGINE]
    problem = NO_ENGINE
    for name in names:
        probe = QTextToSpeech(name)
        why = _verdict(probe)
        del probe  # made and deleted on this thread, which has no event loop
        if why is None:
            return name, None
        if why == ENGINE_FAILED:
            problem = why
    return None, problem


class _Opening:
    """What the worker thread shares with its Speaker. No Qt object: whichever thread lets
    go of it last, nothing of Qt's is deleted there (a Speaker freed on the worker thread
    took its timer with it, from the wrong thread, and crashed)."""

    def __init__(self, wanted: str | None, speaker: Speaker):
        self.wanted = wanted
        self.ready = threading.Event()
        self.result: tuple[str | None, str | None] = (None, None)
        self.speaker = weakref.ref(speaker)

    def run(self) -> None:
        """On the worker thread: find the engine, then tell the main thread."""
        try:
            self.result = _find_engine(self.wanted)
        except Exception:  # noqa: BLE001 - a broken plugin is one more missing engine
            self.result = (None, ENGINE_FAILED)
        self.ready.set()
        _relay.opened.emit(self)


class _Relay(QObject):
    """Lives on the main thread for the whole run: what a worker thread emits through it is
    delivered there, to the Speaker if it still exists."""

    opened = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.opened.connect(self.deliver)

    def deliver(self, opening: _Opening) -> None:
        speaker = opening.speaker()
        if speaker is not None:
            speaker._take_engine()


_relay: _Relay | None = None


class Speaker(QObject):
    """Speaks text in the person's language, or reports why it cannot."""

    state_changed = Signal(bool)  # True while speaking (or about to)
    problem_found = Signal(str)  # a reading failed after it was asked for: why, in words

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._engine_name = engine or os.environ.get(ENGINE_VARIABLE) or None
        self._tts = None
        self._problem: str | None = None  # why there is no engine, once it is known
        self._opening: _Opening | None = None
        self._taken = False
        self._pending: str | None = None  # asked for before the engine was there
        self._busy = False
        self._started = False  # the engine has begun the current reading
        self._told_on_open = False
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._stuck)

    # The engine ----------------------------------------------------------------------------
    def open(self, wait: float | None = None) -> bool:
        """Start opening the engine (once) and wait for it at most `wait` seconds: by
        default OPEN_WAIT when this call starts it, else not at all (the window has waited
        once already). True when it is open (or known to be missing)."""
        global _relay
        if self._opening is None:
            if _relay is None:
                _relay = _Relay()
            self._opening = _Opening(self._engine_name, self)
            threading.Thread(target=self._opening.run, name="sereno-speech", daemon=True).start()
            wait = OPEN_WAIT if wait is None else wait
        if self._opening.ready.wait(wait or 0):
            self._take_engine()
            return True
        return False

    def _take_engine(self) -> None:
        """On the main thread, once: adopt the engine, then say what was asked meanwhile."""
        if self._taken or not self._opening.ready.is_set():
            return
        self._taken = True
        name, self._problem = self._opening.result
        tts = None
        if name is not None:
            from PySide6.QtTextToSpeech import QTextToSpeech

            tts = QTextToSpeech(name, self)
            why = _verdict(tts)
            if why is not None:
                tts.deleteLater()
                tts, self._problem = None, why
        if tts is not None:
            tts.setRate(SLOW_RATE)
            tts.stateChanged.connect(self._engine_state)
            tts.errorOccurred.connect(self._engine_error)
            self._tts = tts
        if self._pending is not None:
            text, self._pending = self._pending, None
            self._finish(None)  # the reading starts again, now with the engine
            if not self._start(text):
                self._finish(self.problem())

    @property
    def tts(self):
        """The QTextToSpeech engine in use, or None when there is none (or not yet)."""
        self.open(wait=5.0)
        return self._tts

    def _voice_ready(self):
        """The engine set to a voice of the person's language, or None."""
        tts = self._tts
        if tts is None:
            return None
        locale = choose_locale(tts.availableLocales(), i18n.language())
        if locale is None:
            return None
        if tts.locale() != locale:
            tts.setLocale(locale)
            if tts.locale() != locale:
                return None
        voice = choose_voice(tts.availableVoices(), tts.voice())
        if voice is None:
            return None
        if voice != tts.voice():
            tts.setVoice(voice)
        return tts

    def problem(self) -> str | None:
        """Why reading aloud cannot work here, in a plain sentence; None when it can, or
        while the engine is still opening (what is asked then is said when it is open)."""
        if not self.open():
            return None
        if self._tts is None:
            return _(self._problem or NO_ENGINE)
        if self._voice_ready() is None:
            return _(NO_VOICE)
        return None

    def available(self) -> bool:
        return self.problem() is None

    def language(self) -> QLocale | None:
        """The locale of the voice that speaks now (for tests and the settings page)."""
        self.open()
        tts = self._voice_ready()
        return tts.locale() if tts is not None else None

    # Speaking -------------------------------------------------------------------------------
    def say(self, text: str) -> bool:
        """Start speaking; False when there is no engine or no voice for the language.

        While the engine is still opening, the text waits for it and True is returned."""
        text = speakable(text)
        if not text:
            return False
        self.stop()
        if not self.open():
            self._pending = text
            self._begin(text)
            return True
        return self._start(text)

    def _start(self, text: str) -> bool:
        tts = self._voice_ready()
        if tts is None:
            return False
        self._begin(text)
        tts.say(text)
        return True

    def _begin(self, text: str) -> None:
        self._started = False
        self._watchdog.start(round(1000 * self.patience(text)))
        if not self._busy:
            self._busy = True
            self.state_changed.emit(True)

    @staticmethod
    def patience(text: str) -> float:
        """Seconds a reading of `text` may take before it counts as stuck."""
        return SECONDS_SPARE + SECONDS_PER_WORD * len(text.split())

    def say_words(self, words: Sequence[str]) -> bool:
        """Say words one at a time, with a pause between them (a passphrase's words)."""
        return self.say(", ".join(w for w in words if w))

    def spell(self, text: str) -> bool:
        """Say a passphrase letter by letter: "capital M, e, s, a, dash, ..." in the language."""
        from app.core.passphrase import spell  # imported only when a password is spelled

        return self.say(", ".join(spell(text, i18n.language())))

    def page_opened(self, text: str) -> None:
        """A new page is on screen and the person asked for pages to be read: read it.
        Why it cannot be read is said once, not on every page."""
        if not self.say(text) and not self._told_on_open:
            self._told_on_open = True
            self.problem_found.emit(self.problem() or _(NO_VOICE))

    def stop(self) -> None:
        self._pending = None
        if self._tts is not None:
            self._tts.stop()
        self._finish(None)

    def speaking(self) -> bool:
        """True from the moment a reading is asked for until it ends or is stopped."""
        return self._busy

    def _engine_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._started = True
        elif state == QTextToSpeech.State.Ready and self._started:
            self._finish(None)

    def _engine_error(self, *_reason) -> None:
        """The engine failed while reading (it could not make the sound, or lost its
        program): stop waiting for it and say so."""
        if self._busy:
            self._tts.stop()
            self._finish(_(ENGINE_FAILED))

    def _stuck(self) -> None:
        """The reading took far longer than its words need: stop it and say why."""
        if self._busy:
            started = self._started
            self.stop()
            self.problem_found.emit(_(NO_SOUND) if started else _(NOT_ANSWERING))

    def _finish(self, problem: str | None) -> None:
        self._watchdog.stop()
        self._started = False
        if self._busy:
            self._busy = False
            self.state_changed.emit(False)
        if problem:
            self.problem_found.emit(problem)


def say_or_explain(page, text: str) -> bool:
    """Read text aloud with the window's speaker, or tell the person plainly why it cannot."""
    speaker = getattr(page.window(), "speaker", None)
    if speaker is not None and speaker.say(text):
        return True
    page.controller.announce.emit((speaker.problem() if speaker else None) or _(NO_VOICE))
    return False
