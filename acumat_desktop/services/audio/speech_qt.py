"""Spoken cues through QtTextToSpeech, on Windows and macOS (their engines list their voices
cheaply) and in tests (Qt's ``mock`` engine). On Linux :mod:`.ssip` speaks instead: Qt's
``speechd`` engine blocks the calling thread for over a second while it is built."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

TEST_ONLY_ENGINES = frozenset({"mock"})
CUE_TOLERANCE_S = 0.3  # as speech-dispatcher's (.ssip): a cue that waited, this late at most


def production_engines(available: Iterable[str]) -> list[str]:
    """The engines worth trying, in Qt's order, without the ones Qt ships for its tests."""
    return [name for name in available if name not in TEST_ONLY_ENGINES]


_BUSY = (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing)


class QtSpeech(QObject):
    """The first of ``engines`` (default: Qt's available engines but ``mock``) that
    initialises, built at :meth:`prepare`. Cues and prompts keep speech-dispatcher's rules
    (:mod:`.ssip`): a cue cuts off a cue, a prompt cuts off a cue, and prompts are said in
    turn; a cue whose boundary comes while a prompt is said waits for the prompts' end and is
    said then only within :data:`CUE_TOLERANCE_S` (by ``clock``) of its boundary, else
    dropped: never said late. The boundary was ``late_s`` before :meth:`speak` (the session's
    timer may wake late); a cue with no prompt in its way is said at once (the score has
    skipped the ones too late for that)."""

    probed = Signal(bool)
    spoken = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        engines: list[str] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._engines = engines
        self._clock = clock
        self._held: tuple[str, float] | None = None  # the newest cue waiting, its boundary
        self._speech: QTextToSpeech | None = None
        self._prepared = False
        self._volume = 1.0
        self._prompting = False  # the words being said (or queued) are a prompt's

    @property
    def ready(self) -> bool:
        return self._speech is not None

    @property
    def failed(self) -> bool:
        return self._prepared and self._speech is None

    @property
    def engine_name(self) -> str | None:
        return self._speech.engine() if self._speech is not None else None

    def prepare(self) -> None:
        if self._prepared:
            return
        self._prepared = True
        candidates = (
            self._engines
            if self._engines is not None
            else production_engines(QTextToSpeech.availableEngines())
        )
        for name in candidates:
            speech = QTextToSpeech(name, self)
            if speech.state() != QTextToSpeech.State.Error:
                self._speech = speech
                speech.setVolume(self._volume)
                speech.stateChanged.connect(self._state_changed)
                break
            log.info("Speech engine %s unusable: %s", name, speech.errorString())
            speech.deleteLater()
        if self._speech is None:
            log.info("No speech engine among %s", candidates)
        else:
            log.info("Spoken cues through the %s speech engine", self._speech.engine())
        self.probed.emit(self._speech is not None)

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._speech is not None:
            self._speech.setVolume(volume)

    def set_language(self, language: str) -> None:
        """Qt's engines follow the default locale already."""

    def speak(self, text: str, *, prompt: bool = False, late_s: float = 0.0) -> None:
        speech = self._speech
        if speech is None:
            return
        prompting = self._prompting and speech.state() in _BUSY
        if prompt and prompting:
            speech.enqueue(text)  # after the prompt being said
        elif prompting:
            # said at the prompts' end, if that is soon after its boundary
            self._held = (text, self._clock() - max(0.0, late_s))
            return
        else:
            speech.say(text)  # cuts off a cue being said
        self._prompting = prompt or prompting
        self.spoken.emit(text)

    def stop(self) -> None:
        self._prompting, self._held = False, None
        if self._speech is not None and self._speech.state() in _BUSY:
            self._speech.stop(QTextToSpeech.BoundaryHint.Immediate)

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state in _BUSY or not self._prompting:
            return
        self._prompting = False  # the prompts are over
        held, self._held = self._held, None
        if held is None:
            return
        late = self._clock() - held[1]
        if late <= CUE_TOLERANCE_S:
            self.speak(held[0])
        else:
            log.debug("Cue %r dropped: %.2f s past its boundary", held[0], late)

    def release(self) -> None:
        """The engine stays: building it again would cost more than keeping it."""

    def shutdown(self) -> None:
        self.stop()
