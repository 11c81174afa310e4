"""Spoken breathing cues through QtTextToSpeech, where the system has a speech engine.

On Linux the engine is ``speechd`` (needs speech-dispatcher); Windows and macOS have their own.
Qt also ships a ``mock`` engine for its own tests: tests pass it in, production never uses it.
The engine is probed once, when first asked for, so a start-up without spoken cues loads nothing.
The speech goes to the speech engine's own output, not through the mixer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

TEST_ONLY_ENGINES = frozenset({"mock"})
NO_ENGINE_NOTICE = str(  # marked for translation; shown with the "SpokenCues" context
    QT_TRANSLATE_NOOP(
        "SpokenCues",
        "Spoken cues need a speech engine, and none was found (on Linux, install "
        "speech-dispatcher). Cue tones play instead.",
    )
)


def production_engines(available: Iterable[str]) -> list[str]:
    """The engines worth trying, in Qt's order, without the ones Qt ships for its tests."""
    return [name for name in available if name not in TEST_ONLY_ENGINES]


class SpokenCues(QObject):
    """Says "Breathe in", "Hold" or "Breathe out". ``engines`` are tried in order (default:
    Qt's available engines but ``mock``); the first that initialises is used."""

    spoken = Signal(str)  # the words handed to the engine

    def __init__(self, parent: QObject | None = None, *, engines: list[str] | None = None) -> None:
        super().__init__(parent)
        self._words = {
            "inhale": self.tr("Breathe in"),
            "hold": self.tr("Hold"),
            "exhale": self.tr("Breathe out"),
        }
        self._volume = 1.0
        self._muted = False
        self._speech: QTextToSpeech | None = None
        candidates = (
            engines if engines is not None else production_engines(QTextToSpeech.availableEngines())
        )
        for name in candidates:
            speech = QTextToSpeech(name, self)
            if speech.state() != QTextToSpeech.State.Error:
                self._speech = speech
                break
            log.info("Speech engine %s unusable: %s", name, speech.errorString())
            speech.deleteLater()
        if self._speech is None:
            log.info("No speech engine among %s", candidates)
        else:
            log.info("Spoken cues through the %s speech engine", self._speech.engine())

    @property
    def available(self) -> bool:
        return self._speech is not None

    @property
    def engine_name(self) -> str | None:
        return self._speech.engine() if self._speech is not None else None

    def describe(self) -> str:
        """One line for the settings dialog."""
        if self._speech is None:
            return self.tr("none — {0}").format(self.tr(NO_ENGINE_NOTICE))
        return self._speech.engine()

    def set_volume(self, volume: float, muted: bool) -> None:
        """Follow the master volume (0..1) and mute."""
        self._volume, self._muted = min(1.0, max(0.0, volume)), muted
        if self._speech is not None:
            self._speech.setVolume(self._volume)

    def say(self, kind: str) -> None:
        """Say the words for ``inhale``, ``hold`` or ``exhale`` now, cutting off any before."""
        words = self._words.get(kind)
        if words is not None:
            self.say_text(words)

    def say_text(self, text: str) -> None:
        """Say a routine's own words ("move the pillow under your neck") now, with the same
        volume and mute as the breathing cues."""
        if self._speech is None or not text.strip() or self._muted or self._volume <= 0.0:
            return
        self._speech.say(text)
        self.spoken.emit(text)

    def stop(self) -> None:
        if self._speech is not None and self._speech.state() in (
            QTextToSpeech.State.Speaking,
            QTextToSpeech.State.Synthesizing,
        ):
            self._speech.stop(QTextToSpeech.BoundaryHint.Immediate)
