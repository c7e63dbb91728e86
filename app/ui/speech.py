"""Read aloud through QtTextToSpeech, when the computer has a speech engine and a voice.

QtTextToSpeech is imported only when first needed (start-up speed), and any failure to
load it (on Linux it needs libpulse) counts as "no engine": the button then says so.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app import i18n

SLOW_RATE = -0.2  # a little slower than the engine's default


class Speaker(QObject):
    """Speaks text in the person's language, or reports why it cannot."""

    state_changed = Signal(bool)  # True while speaking

    def __init__(self, engine: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._engine_name = engine
        self._tts = None
        self._tried = False

    def _engine(self):
        if not self._tried:
            self._tried = True
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech
            except ImportError:
                return None
            names = QTextToSpeech.availableEngines()
            name = self._engine_name if self._engine_name in names else (names[0] if names else None)
            if name is None:
                return None
            self._tts = QTextToSpeech(name, self)
            self._tts.setRate(SLOW_RATE)
            self._tts.stateChanged.connect(
                lambda state: self.state_changed.emit(state == QTextToSpeech.State.Speaking)
            )
        return self._tts

    def _voice_for_language(self, tts) -> bool:
        """Pick a voice of the person's language (es_MX, else any Spanish); never another one."""
        from PySide6.QtCore import QLocale

        wanted = QLocale(i18n.babel_locale())
        locales = tts.availableLocales()
        exact = [loc for loc in locales if loc.name() == wanted.name()]
        same = [loc for loc in locales if loc.language() == wanted.language()]
        chosen = (exact or same or [None])[0]
        if chosen is None:
            return False
        tts.setLocale(chosen)
        return True

    def available(self) -> bool:
        tts = self._engine()
        return tts is not None and self._voice_for_language(tts)

    def say(self, text: str) -> bool:
        """Start speaking; False when there is no engine or no voice for the language."""
        tts = self._engine()
        if tts is None or not self._voice_for_language(tts):
            return False
        tts.stop()
        tts.say(text)
        return True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def speaking(self) -> bool:
        if self._tts is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        return self._tts.state() == QTextToSpeech.State.Speaking
