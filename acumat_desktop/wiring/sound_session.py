"""What a session sounds like: ambience in and out, bells, and breathing cues on the beat.

:class:`SessionSound` follows the session engine's events and drives the audio engine. It reads
time only from the session engine (itself on an injected clock), so a whole session is tested
with a fake clock. Breathing cues are placed by sample position from
:func:`~acumat_desktop.core.breathing.phase_boundaries` over a rolling window, topped up by one
coarse single-shot timer that runs only while a session runs; the same timer starts the end
fade so that it ends exactly with the session.
"""

from __future__ import annotations

import enum
import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from acumat_desktop.core.audio.mix import NO_SOUND, Layers
from acumat_desktop.core.breathing import Phase, phase_boundaries
from acumat_desktop.core.session import (
    Adjusted,
    CountdownOver,
    Finished,
    OneMinuteLeft,
    Paused,
    Resumed,
    SessionEngine,
    SessionEvent,
    SessionState,
    Started,
    Stopped,
)
from acumat_desktop.settings.model import SoundSettings

if TYPE_CHECKING:  # numpy stays out of start-up
    from acumat_desktop.core.audio.mixer import Mixer

log = logging.getLogger(__name__)

START_FADE_S = 3.0
PAUSE_FADE_S = 1.0
RESUME_FADE_S = 1.5
STOP_FADE_S = 2.0
END_BELL_S = 12.5  # the end bell's length (two strikes, 12 s) before the output is released
CUE_WINDOW_S = 30.0  # cues are scheduled this far ahead…
CUE_REFRESH_S = 20.0  # …and topped up this often while a session runs
MAX_END_FADE_SHARE = 0.5  # a short session never spends more than half of itself fading out
SAY_LATE_S = 0.75  # a spoken cue later than this after its boundary is skipped, not said late
CUE_KINDS = {Phase.INHALE: "inhale", Phase.HOLD: "hold", Phase.EXHALE: "exhale"}


class SoundOutput(Protocol):
    """The part of AudioEngine a session uses."""

    @property
    def mixer(self) -> Mixer: ...

    def set_layers(self, layers: Layers) -> None: ...

    def fade_in(self, seconds: float) -> None: ...

    def fade_out(self, seconds: float) -> None: ...

    def play_bell(self, kind: str) -> None: ...

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None: ...

    def schedule_ducks(self, cues: list[tuple[float, str]]) -> None: ...

    def clear_cues(self) -> None: ...

    def fade_out_oneshots(self, seconds: float) -> None: ...

    def stop(self) -> None: ...


class Speaker(Protocol):
    """The part of SpokenCues a session uses."""

    @property
    def available(self) -> bool: ...

    def say(self, kind: str) -> None: ...

    def stop(self) -> None: ...


class CueMode(enum.Enum):
    OFF = "off"
    TONES = "tones"
    SPEECH = "speech"


class SessionSound(QObject):
    """Turns session events into sound. ``output`` gives the audio engine (built on first
    use); ``resolve`` maps a plan's sound (a soundscape id, a
    mix such as ``rain:0.7,wind:0.3`` or a saved mix's name) to layers; ``options`` gives the
    current sound settings; ``eyes_closed`` says whether eyes-closed mode is on (cues then
    sound whatever ``cue_sounds`` says); ``speaker`` gives the spoken-cue engine (built on
    first use), which replaces the cue tones while ``spoken_cues`` is on and it works."""

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
    ) -> None:
        super().__init__(parent)
        self._output = output
        self._session = session
        self._options = options
        self._resolve = resolve
        self._eyes_closed = eyes_closed
        self._speaker = speaker
        self._speech_noticed = False
        self._mix: Layers = []
        self._cued_until = 0.0  # session time up to which cues are scheduled
        self._cue_mode = CueMode.OFF  # how the cues up to _cued_until were scheduled
        self._words: list[tuple[float, str]] = []  # spoken cues to come (session time, kind)
        self._ending = False  # the end fade has begun
        self._settle_until = 0.0  # session time before which no end fade starts (a fade-in runs)
        self._generation = 0  # bumped by each start, so a late stop cannot end a new session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # wakes rarely; the fade is on time
        self._timer.timeout.connect(self.poll)

    @property
    def _out(self) -> SoundOutput:
        return self._output()

    # --- read by the panel, the status and the tests -------------------------------------------
    @property
    def mix(self) -> Layers:
        return list(self._mix)

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    @property
    def cued_until(self) -> float:
        return self._cued_until

    @property
    def words_due(self) -> list[tuple[float, str]]:
        """Spoken cues still to come, as (session seconds, kind)."""
        return list(self._words)

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
                self.noticed.emit(self.tr(NO_ENGINE_NOTICE))
            return CueMode.TONES
        if opts.cue_sounds or self._eyes_closed():
            return CueMode.TONES
        return CueMode.OFF

    def end_fade_s(self) -> float:
        """The end fade of this session: the setting, at most half the session."""
        fade = self._options().end_fade.total_seconds()
        return max(0.0, min(fade, self._session.total_s * MAX_END_FADE_SHARE))

    # --- changes from the user ------------------------------------------------------------------
    def set_mix(self, layers: Layers) -> None:
        """Change the playing layers during a session (ramped by the mixer)."""
        if self._session.state not in (
            SessionState.COUNTDOWN,
            SessionState.RUNNING,
            SessionState.PAUSED,
        ):
            raise RuntimeError("no session is running")
        self._mix = list(dict(layers).items())
        self._out.set_layers(self._mix)

    def options_changed(self) -> None:
        """Settings changed: cues may have been switched on, off or to speech, the end fade
        changed."""
        if self._session.state is not SessionState.RUNNING:
            return
        mode = self.cue_mode()
        if mode is not self._cue_mode:
            self._clear_cues()
            self._cue_mode = mode
        self.poll()

    def _clear_cues(self) -> None:
        """Forget every cue still to come (tones, ducks and words) and hush the speaker."""
        self._out.clear_cues()
        self._cued_until = 0.0
        self._words = []
        speaker = self._speaker() if self._options().spoken_cues else None
        if speaker is not None:
            speaker.stop()

    # --- session events -------------------------------------------------------------------------
    def on_event(self, event: SessionEvent) -> None:
        if isinstance(event, Started):
            self._start(event)
        elif isinstance(event, CountdownOver):
            self._begin_breathing()
        elif isinstance(event, Paused):
            self._pause()
        elif isinstance(event, Resumed):
            self._fade_back(RESUME_FADE_S)
        elif isinstance(event, Adjusted):
            self._adjusted()
        elif isinstance(event, OneMinuteLeft):
            if self._options().minute_bell:
                self._out.play_bell("minute")
        elif isinstance(event, Finished):
            self._finish()
        elif isinstance(event, Stopped):
            self._stop()

    def _start(self, event: Started) -> None:
        self._generation += 1
        self._ending = False
        self._cued_until = 0.0
        self._settle_until = START_FADE_S
        self._mix = self._layers_for(event.plan.sound)
        self._clear_cues()
        self._out.set_layers(self._mix)
        self._out.fade_in(START_FADE_S)
        if event.countdown_s <= 0:
            self._begin_breathing()

    def _layers_for(self, sound: str | None) -> Layers:
        if sound is None or sound.strip().lower() == NO_SOUND:
            return []
        try:
            return self._resolve(sound)
        except (KeyError, ValueError) as exc:
            log.warning("Session sound %r not playable (%s); playing no ambience", sound, exc)
            return []

    def _begin_breathing(self) -> None:
        if self._options().bells:
            self._out.play_bell("start")
        self._clear_cues()
        self.poll()

    def _pause(self) -> None:
        self._timer.stop()
        self._clear_cues()
        self._out.fade_out(PAUSE_FADE_S)

    def _fade_back(self, seconds: float) -> None:
        """Bring the ambience back to where it belongs now (full, or part-way down the end
        fade), from wherever it is, then let poll() resume the end fade and the cues."""
        fade = self.end_fade_s()
        remaining = self._session.remaining_s
        level = 1.0 if fade <= 0 or remaining >= fade else remaining / fade
        self._ending = False
        self._settle_until = self._session.elapsed_s + seconds
        self._out.mixer.fade_to(level, seconds)
        self.poll()

    def _adjusted(self) -> None:
        self._clear_cues()
        if self._ending:
            self._fade_back(RESUME_FADE_S)
        else:
            self.poll()

    def _finish(self) -> None:
        self._timer.stop()
        self._clear_cues()
        self._mix = []
        self._out.set_layers([])  # already faded out: this only releases them
        ring = self._options().bells
        if ring:
            self._out.play_bell("end")
        self._stop_later(END_BELL_S if ring else 0.5)

    def _stop(self) -> None:
        self._timer.stop()
        self._clear_cues()
        self._mix = []
        self._out.fade_out(STOP_FADE_S)
        self._out.fade_out_oneshots(STOP_FADE_S)  # a bell ringing now fades with the rest
        self._stop_later(STOP_FADE_S + 0.3)

    def _stop_later(self, seconds: float) -> None:
        generation = self._generation

        def stop() -> None:
            if generation == self._generation:
                self._out.stop()

        QTimer.singleShot(round(seconds * 1000), self, stop)

    # --- time -----------------------------------------------------------------------------------
    def poll(self) -> None:
        """Top up the cues, start the end fade when it is due, and arm the timer for next time.
        Reads the session's clock; safe to call at any time."""
        session = self._session
        if session.state is not SessionState.RUNNING:
            self._timer.stop()
            return
        elapsed, remaining = session.elapsed_s, session.remaining_s
        self._schedule_cues(elapsed)
        self._say_due(elapsed)
        fade = self.end_fade_s()
        if (
            not self._ending
            and fade > 0
            and remaining <= fade + 0.05
            and elapsed >= self._settle_until - 0.05
        ):
            self._ending = True
            self._out.fade_out(remaining)
        wait = CUE_REFRESH_S
        if not self._ending and fade > 0:
            wait = min(wait, max(remaining - fade, self._settle_until - elapsed, 0.0))
        if self._words:
            wait = min(wait, max(self._words[0][0] - elapsed, 0.0))
        self._timer.start(max(1, math.ceil(wait * 1000)))

    def _schedule_cues(self, elapsed: float) -> None:
        plan = self._session.plan
        if plan is None or plan.pattern is None or not plan.guided:
            return
        mode = self.cue_mode()
        if mode is CueMode.OFF:
            return
        if mode is not self._cue_mode:
            self._clear_cues()
            self._cue_mode = mode
        start = max(self._cued_until, elapsed)
        horizon = min(elapsed + CUE_WINDOW_S, self._session.total_s)
        if horizon <= start:
            return
        cues = [
            (t - elapsed, CUE_KINDS[phase])
            for t, phase in phase_boundaries(plan.pattern, start, horizon, plan.ramp)
            if phase in CUE_KINDS
        ]
        if mode is CueMode.SPEECH:
            self._out.schedule_ducks(cues)  # the ambience dips under the words as under tones
            self._words.extend((elapsed + seconds, kind) for seconds, kind in cues)
        else:
            self._out.schedule_cues(cues)
        self._cued_until = horizon

    def _say_due(self, elapsed: float) -> None:
        """Say the cue whose boundary has come (the latest, if the timer woke late)."""
        due = [w for w in self._words if w[0] <= elapsed + 0.001]
        if not due:
            return
        self._words = self._words[len(due) :]
        at, kind = due[-1]
        speaker = self._speaker()
        if speaker is None or not speaker.available:
            return
        if elapsed - at <= SAY_LATE_S:
            speaker.say(kind)
        else:
            log.debug("Spoken cue %s skipped: %.2f s late", kind, elapsed - at)
