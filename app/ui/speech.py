"""Read aloud through QtTextToSpeech, when the computer has a speech engine and a voice.

QtTextToSpeech is imported only when first needed (start-up speed), and any failure to
load it (on Linux it needs libpulse) counts as "no engine": the button then says so.
The voice is chosen by language: the person's own variant when the engine has it (es_MX),
else any voice of the same language (es_ES, es_419), never a voice of another language,
which would read Spanish words with English sounds.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app import i18n
from app.i18n import N_, _

if TYPE_CHECKING:  # QLocale's types take milliseconds to make: only when reading aloud
    from PySide6.QtCore import QLocale

SLOW_RATE = -0.2  # a little slower than the engine's default (-1 slowest, 0 normal, 1 fastest)
TEST_ENGINE = "mock"  # Qt's silent engine for tests: never chosen unless asked for by name

NO_ENGINE = N_("Reading aloud is not available on this computer: it has no speech program. "
               "A helper can install one.")
NO_VOICE = N_("Reading aloud is not available on this computer: no voice was found "
              "for your language.")


def choose_locale(available: Iterable[QLocale], language: str) -> QLocale | None:
    """The engine locale to speak `language` (es_MX, fr_FR, en) in, or None.

    The exact variant first, then the same language in the order the engine lists them;
    never another language.
    """
    from PySide6.QtCore import QLocale

    wanted = QLocale(language)  # "en" is en_US; any English voice will do
    locales = list(available)
    exact = [loc for loc in locales if loc.name() == wanted.name()]
    same = [loc for loc in locales if loc.language() == wanted.language()]
    return (exact or same or [None])[0]


class Speaker(QObject):
    """Speaks text in the person's language, or reports why it cannot."""

    state_changed = Signal(bool)  # True while speaking

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._engine_name = engine
        self._tts = None
        self._tried = False

    # The engine ----------------------------------------------------------------------------
    def _engine(self):
        if not self._tried:
            self._tried = True
            self._tts = self._open_engine()
            if self._tts is not None:
                from PySide6.QtTextToSpeech import QTextToSpeech

                self._tts.setRate(SLOW_RATE)
                self._tts.stateChanged.connect(
                    lambda state: self.state_changed.emit(state == QTextToSpeech.State.Speaking))
        return self._tts

    def _open_engine(self):
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # no libpulse on Linux, or no Addons: like having no engine
            return None
        names = QTextToSpeech.availableEngines()
        if self._engine_name is not None:
            names = [self._engine_name] if self._engine_name in names else []
        else:
            names = [n for n in names if n != TEST_ENGINE]
        for name in names:
            tts = QTextToSpeech(name, self)
            if tts.state() != QTextToSpeech.State.Error:
                return tts
            tts.deleteLater()
        return None

    @property
    def tts(self):
        """The QTextToSpeech engine in use, or None when there is none."""
        return self._engine()

    def _ready(self):
        """The engine set to a voice of the person's language, or None."""
        tts = self._engine()
        if tts is None:
            return None
        locale = choose_locale(tts.availableLocales(), i18n.language())
        if locale is None:
            return None
        if tts.locale() != locale:
            tts.setLocale(locale)
        return tts

    def problem(self) -> str | None:
        """Why reading aloud cannot work here, in a plain sentence; None when it can."""
        if self._engine() is None:
            return _(NO_ENGINE)
        if self._ready() is None:
            return _(NO_VOICE)
        return None

    def available(self) -> bool:
        return self.problem() is None

    def language(self) -> QLocale | None:
        """The locale of the voice that speaks now (for tests and the settings page)."""
        tts = self._ready()
        return tts.locale() if tts is not None else None

    # Speaking -------------------------------------------------------------------------------
    def say(self, text: str) -> bool:
        """Start speaking; False when there is no engine or no voice for the language."""
        tts = self._ready()
        if tts is None:
            return False
        tts.stop()
        tts.say(text)
        return True

    def say_words(self, words: Sequence[str]) -> bool:
        """Say words one at a time, with a pause between them (a passphrase's words)."""
        return self.say(", ".join(w for w in words if w))

    def spell(self, text: str) -> bool:
        """Say a passphrase letter by letter: "capital M, e, s, a, dash, ..." in the language."""
        from app.core.passphrase import spell  # imported only when a password is spelled

        return self.say(", ".join(spell(text, i18n.language())))

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def speaking(self) -> bool:
        if self._tts is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        return self._tts.state() == QTextToSpeech.State.Speaking


def say_or_explain(page, text: str) -> bool:
    """Read text aloud with the window's speaker, or tell the person plainly why it cannot."""
    speaker = getattr(page.window(), "speaker", None)
    if speaker is not None and speaker.say(text):
        return True
    page.controller.announce.emit((speaker.problem() if speaker else None) or _(NO_VOICE))
    return False
