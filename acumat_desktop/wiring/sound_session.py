"""What a session sounds like, wired: the sound settings and the speech engine feed the session's
sound score (:mod:`acumat_desktop.core.audio.score`, which decides what sounds when), and one
:class:`~acumat_desktop.services.audio.score_driver.ScoreDriver` performs it on the audio engine.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from acumat_desktop.core.audio.mix import Layers
from acumat_desktop.core.audio.score import (
    CUE_REFRESH_S,
    CUE_WINDOW_S,
    START_FADE_S,
    STOP_FADE_S,
    Cue,
    CueMode,
    ScoreOptions,
    SessionScore,
)
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.core.session import SessionEngine, SessionEvent, Started
from acumat_desktop.services.audio.score_driver import (
    Prompter,
    ScoreDriver,
    SoundOutput,
    Speaker,
)
from acumat_desktop.settings.model import SoundSettings

__all__ = [
    "CUE_REFRESH_S",
    "CUE_WINDOW_S",
    "START_FADE_S",
    "STOP_FADE_S",
    "CueMode",
    "SessionSound",
]

log = logging.getLogger(__name__)


class SessionSound(QObject):
    """Turns session events into sound. ``output`` gives the audio engine (built on first
    use); ``resolve`` maps a plan's sound (a soundscape id, a
    mix such as ``rain:0.7,wind:0.3`` or a saved mix's name) to layers; ``options`` gives the
    current sound settings; ``eyes_closed`` says whether eyes-closed mode is on (cues then
    sound whatever ``cue_sounds`` says); ``speaker`` gives the spoken-cue engine (built on
    first use), which replaces the cue tones while ``spoken_cues`` is on and it works;
    ``prompter`` says a routine's prompts where a speech engine answers (asked when a
    session with prompts starts), else they chime;
    ``clock`` is the session engine's clock (the system clock by default)."""

    noticed = Signal(str)

    def __init__(
        self,
        output: Callable[[], SoundOutput],
        session: SessionEngine,
        options: Callable[[], SoundSettings],
        resolve: Callable[[str], Layers],
        parent: QObject | None = None,
        *,
        eyes_closed: Callable[[], bool] = lambda: False,
        speaker: Callable[[], Speaker | None] = lambda: None,
        prompter: Prompter | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self._options = options
        self._eyes_closed = eyes_closed
        self._speaker = speaker
        self._speech_noticed = False
        self.score = SessionScore(session, clock or SystemClock(), self._score_options, resolve)
        self._prompter = prompter
        self._driver = ScoreDriver(self.score, output, speaker, self, prompter=prompter)

    # --- read by the panel, the status and the tests -------------------------------------------
    @property
    def mix(self) -> Layers:
        return self.score.mix

    @property
    def timer_active(self) -> bool:
        return self._driver.timer_active

    @property
    def timer_remaining_ms(self) -> int:
        return self._driver.timer_remaining_ms

    @property
    def cued_until(self) -> float:
        return self.score.cued_until

    @property
    def words_due(self) -> list[Cue]:
        """Spoken cues still to come."""
        return self.score.words_due

    def cue_mode(self) -> CueMode:
        """How breathing cues sound now: spoken where asked for and possible, else tones when
        cue sounds, eyes-closed mode or (without an engine) spoken cues ask for them."""
        opts = self._options()
        if opts.spoken_cues:
            speaker = self._speaker()
            if speaker is not None and speaker.available:
                return CueMode.SPEECH
            if not self._speech_noticed:
                self._speech_noticed = True
                from acumat_desktop.services.audio.speech import NO_ENGINE_NOTICE

                log.warning(NO_ENGINE_NOTICE)
                self.noticed.emit(QCoreApplication.translate("SpokenCues", NO_ENGINE_NOTICE))
            return CueMode.TONES
        if opts.cue_sounds or self._eyes_closed():
            return CueMode.TONES
        return CueMode.OFF

    def _score_options(self) -> ScoreOptions:
        opts = self._options()
        return ScoreOptions(
            cue_mode=self.cue_mode(),
            bells=opts.bells,
            minute_bell=opts.minute_bell,
            end_fade_s=opts.end_fade.total_seconds(),
        )

    def end_fade_s(self) -> float:
        """The end fade of this session: the setting, at most half the session."""
        return self.score.end_fade_s()

    # --- changes and events ---------------------------------------------------------------------
    def set_mix(self, layers: Layers) -> None:
        """Change the playing layers during a session (ramped by the mixer); RuntimeError when
        no session runs."""
        self._driver.run(self.score.set_mix(layers))

    def options_changed(self) -> None:
        """Settings changed: cues may have been switched on, off or to speech, the end fade
        changed."""
        self._driver.run(self.score.options_changed())

    def on_event(self, event: SessionEvent) -> None:
        if isinstance(event, Started) and event.plan.cues and self._prompter is not None:
            self._prompter.prepare()  # its answer comes long before the first prompt
        self._driver.run(self.score.on_event(event))

    def shutdown(self) -> None:
        """The app quits: the session's sound stops stepping."""
        self._driver.shutdown()

    def poll(self) -> None:
        """Do whatever the score has due now (the timer does this by itself)."""
        self._driver.poll()
