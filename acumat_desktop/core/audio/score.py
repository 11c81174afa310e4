"""The session's sound score: what sounds when, as a pure function of the session's clock.

:class:`SessionScore` follows the session engine's events and answers with :data:`Action` values
(play these layers, fade, ring a bell, place these cues, say this…) that a thin driver in
``services/`` hands to the audio engine and the speech engine. Like the session engine, it never
counts ticks: :meth:`SessionScore.poll` does whatever is due and
:meth:`SessionScore.next_due_in` tells one single-shot timer when to call it next.

Breathing cues are placed on the phase boundaries of the session's own clock
(:func:`~acumat_desktop.core.breathing.phase_boundaries`), from t = 0 on, over a rolling window:
each :class:`PlayCues` carries session times, not delays, so the driver places every cue at its
sample position relative to the session's start however late the scheduling itself runs. A cue
that is a little late (under :data:`LATE_CUE_S`) still sounds, at once; only long-past ones are
skipped. Routine prompts ("move the pillow under your neck") are cues of kind
:attr:`CueKind.PROMPT`, said by a speech engine or marked by a soft chime.

No Qt and no numpy here: the score is tested on a fake clock in milliseconds.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from acumat_desktop.core.audio.mix import NO_SOUND, Layers
from acumat_desktop.core.breathing import Phase, phase_boundaries
from acumat_desktop.core.clock import Clock
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

log = logging.getLogger(__name__)

START_FADE_S = 3.0
PAUSE_FADE_S = 1.0
RESUME_FADE_S = 1.5
STOP_FADE_S = 2.0
END_BELL_S = 12.5  # the end bell's length (two strikes, 12 s) before the output is released
QUIET_RELEASE_S = 0.5  # the output is released this soon after a session ending without a bell
CUE_WINDOW_S = 30.0  # cues are placed this far ahead…
CUE_REFRESH_S = 20.0  # …and topped up this often while a session runs
CUE_LEAD_S = CUE_WINDOW_S - CUE_REFRESH_S  # a top-up is due this long before the placed cues end
MAX_END_FADE_SHARE = 0.5  # a short session never spends more than half of itself fading out
LATE_CUE_S = 0.75  # a cue later than this after its boundary is skipped, not sounded late
LATE_PROMPT_S = 5.0  # a routine prompt later than this (the app stalled) is skipped
_TOL = 1e-6


class CueKind(StrEnum):
    """Every kind of cue the score places. The value is the audio engine's and the speech
    engine's key for it."""

    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"
    PROMPT = "prompt"  # a routine's timed prompt: its words, or a soft chime


BREATH_CUES: Final[Mapping[Phase, CueKind]] = {
    Phase.INHALE: CueKind.INHALE,
    Phase.HOLD: CueKind.HOLD,
    Phase.EXHALE: CueKind.EXHALE,
}


class BellKind(StrEnum):
    START = "start"
    MINUTE = "minute"
    END = "end"


class CueMode(enum.Enum):
    """How cues sound: not at all, as tones (and chimes), or spoken."""

    OFF = "off"
    TONES = "tones"
    SPEECH = "speech"


@dataclass(frozen=True)
class ScoreOptions:
    """The sound settings the score follows, read afresh at each step."""

    cue_mode: CueMode = CueMode.TONES
    bells: bool = True
    minute_bell: bool = True
    end_fade_s: float = 60.0


@dataclass(frozen=True)
class Cue:
    at_s: float  # session seconds (pauses excluded), counted from the end of the countdown
    kind: CueKind
    text: str = ""  # a prompt's words


# --- what the score asks for ----------------------------------------------------------------


@dataclass(frozen=True)
class SetLayers:
    layers: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class FadeIn:  # the ambience up from silence
    seconds: float


@dataclass(frozen=True)
class FadeOut:  # the ambience down to silence (bells and cues still sound)
    seconds: float


@dataclass(frozen=True)
class FadeTo:  # the ambience from wherever it is to ``level`` (0..1)
    level: float
    seconds: float


@dataclass(frozen=True)
class RingBell:
    kind: BellKind


@dataclass(frozen=True)
class PlayCues:  # cue tones, each at its session time (one in the past sounds at once)
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class DuckUnder:  # dip the ambience at each cue's time, as under a tone, for spoken words
    cues: tuple[Cue, ...]


@dataclass(frozen=True)
class ClearCues:  # drop every cue still to come (tones, ducks) and hush words being said
    pass


@dataclass(frozen=True)
class Say:  # say a breathing cue's words now
    cue: Cue


@dataclass(frozen=True)
class Prompt:  # a routine prompt now: its words (by the cues' speech engine if ``spoken``, else
    # by the prompt voice where one answered), or a chime
    cue: Cue
    spoken: bool = False


@dataclass(frozen=True)
class FadeOutOneshots:  # fade bells and cues already sounding, over ``seconds``
    seconds: float


@dataclass(frozen=True)
class Release:  # silence everything and release the output
    pass


Action = (
    SetLayers
    | FadeIn
    | FadeOut
    | FadeTo
    | RingBell
    | PlayCues
    | DuckUnder
    | ClearCues
    | Say
    | Prompt
    | FadeOutOneshots
    | Release
)

_LIVE = (SessionState.COUNTDOWN, SessionState.RUNNING, SessionState.PAUSED)
_TICKING = (SessionState.COUNTDOWN, SessionState.RUNNING)


class SessionScore:
    """The score of the session run by ``session``. ``options`` gives the current settings,
    ``resolve`` maps a plan's sound (an id, a mix, a saved mix's name) to layers, ``clock`` is
    the session's clock (it times the release of the output once a session is over)."""

    def __init__(
        self,
        session: SessionEngine,
        clock: Clock,
        options: Callable[[], ScoreOptions],
        resolve: Callable[[str], Layers],
    ) -> None:
        self._session = session
        self._clock = clock
        self._options = options
        self._resolve = resolve
        self._mix: Layers = []
        self._cued_until = 0.0  # session time up to which breathing cues are placed
        self._cue_mode = CueMode.OFF  # how the cues up to _cued_until were placed
        self._words: list[Cue] = []  # spoken breathing cues to come
        self._prompts: list[Cue] = []  # routine prompts to come
        self._ending = False  # the end fade has begun
        self._settle_until = 0.0  # session time before which no end fade starts (a fade runs)
        self._release_at: float | None = None  # monotonic time to release the output

    # --- read by the driver, the panel and the tests ------------------------------------------
    @property
    def mix(self) -> Layers:
        return list(self._mix)

    @property
    def cued_until(self) -> float:
        return self._cued_until

    @property
    def words_due(self) -> list[Cue]:
        """Spoken breathing cues still to come."""
        return list(self._words)

    @property
    def prompts_due(self) -> list[Cue]:
        """Routine prompts still to come."""
        return list(self._prompts)

    @property
    def session_time_s(self) -> float:
        """The session's time now, what cue times are relative to: negative during the
        countdown (t = 0 is when it ends), elapsed session seconds after it."""
        session = self._session
        if session.state is SessionState.COUNTDOWN:
            return -session.countdown_remaining_s
        return session.elapsed_s

    def end_fade_s(self) -> float:
        """The end fade of this session: the setting, at most half the session."""
        fade = self._options().end_fade_s
        return max(0.0, min(fade, self._session.total_s * MAX_END_FADE_SHARE))

    # --- changes from the user ------------------------------------------------------------------
    def set_mix(self, layers: Layers) -> list[Action]:
        """Change the playing layers during a session; RuntimeError when none runs."""
        if self._session.state not in _LIVE:
            raise RuntimeError("no session is running")
        self._mix = list(dict(layers).items())
        return [SetLayers(tuple(self._mix))]

    def options_changed(self) -> list[Action]:
        """Settings changed: cues may have been switched on, off or to speech, the end fade
        changed."""
        if self._session.state not in _TICKING:
            return []
        actions: list[Action] = []
        mode = self._options().cue_mode
        if mode is not self._cue_mode:
            actions += self._clear_cues()
            self._cue_mode = mode
        return actions + self.poll()

    # --- session events -------------------------------------------------------------------------
    def on_event(self, event: SessionEvent) -> list[Action]:
        if isinstance(event, Started):
            return self._start(event)
        if isinstance(event, CountdownOver):
            return self._begin_breathing()
        if isinstance(event, Paused):
            return [*self._clear_cues(), FadeOut(PAUSE_FADE_S)]
        if isinstance(event, Resumed):
            return self._fade_back(RESUME_FADE_S)
        if isinstance(event, Adjusted):
            actions = self._clear_cues()
            return actions + (self._fade_back(RESUME_FADE_S) if self._ending else self.poll())
        if isinstance(event, OneMinuteLeft):
            return [RingBell(BellKind.MINUTE)] if self._options().minute_bell else []
        if isinstance(event, Finished):
            return self._finish()
        if isinstance(event, Stopped):
            return self._stop()
        return []

    def _start(self, event: Started) -> list[Action]:
        self._ending = False
        self._release_at = None
        self._settle_until = START_FADE_S
        self._mix = self._layers_for(event.plan.sound)
        self._prompts = sorted(
            (Cue(c.at_s, CueKind.PROMPT, c.text) for c in event.plan.cues),
            key=lambda cue: cue.at_s,
        )
        actions: list[Action] = [*self._clear_cues(), SetLayers(tuple(self._mix))]
        actions.append(FadeIn(START_FADE_S))
        self._cued_until = 0.0
        self._cue_mode = self._options().cue_mode
        if event.countdown_s <= 0:
            return actions + self._begin_breathing()
        # Cues are placed now, ahead of the session's t = 0 (the countdown's end is a
        # deadline): sound cannot start sooner than the output's latency after it is placed.
        return actions + self._place_cues(self.session_time_s)

    def _layers_for(self, sound: str | None) -> Layers:
        if sound is None or sound.strip().lower() == NO_SOUND:
            return []
        try:
            return self._resolve(sound)
        except (KeyError, ValueError) as exc:
            log.warning("Session sound %r not playable (%s); playing no ambience", sound, exc)
            return []

    def _begin_breathing(self) -> list[Action]:
        """The session's clock starts: cue from t = 0 (if the countdown has not already), then
        ring the start bell (after the cues, so that rendering the bell never delays them)."""
        actions = self.poll()
        if self._options().bells:
            actions.append(RingBell(BellKind.START))
        return actions

    def _clear_cues(self) -> list[Action]:
        """Forget every cue still to come; the next ones are placed from the session's time now."""
        self._cued_until = self._session.elapsed_s
        self._words = []
        return [ClearCues()]

    def _fade_back(self, seconds: float) -> list[Action]:
        """Bring the ambience back to where it belongs now (full, or part-way down the end
        fade), from wherever it is, then let poll() resume the end fade and the cues."""
        fade = self.end_fade_s()
        remaining = self._session.remaining_s
        level = 1.0 if fade <= 0 or remaining >= fade else remaining / fade
        self._ending = False
        self._settle_until = self._session.elapsed_s + seconds
        return [FadeTo(level, seconds), *self.poll()]

    def _finish(self) -> list[Action]:
        actions = [*self._clear_cues(), SetLayers(())]  # already faded out: this releases them
        self._mix = []
        self._prompts = []
        ring = self._options().bells
        if ring:
            actions.append(RingBell(BellKind.END))
        self._release_at = self._clock.monotonic() + (END_BELL_S if ring else QUIET_RELEASE_S)
        return actions

    def _stop(self) -> list[Action]:
        self._mix = []
        self._prompts = []
        # a bell ringing now fades with the rest
        actions = [*self._clear_cues(), FadeOut(STOP_FADE_S), FadeOutOneshots(STOP_FADE_S)]
        self._release_at = self._clock.monotonic() + STOP_FADE_S + 0.3
        return actions

    # --- time -----------------------------------------------------------------------------------
    def poll(self) -> list[Action]:
        """Whatever is due now: top up the cues, say the words and prompts whose time has
        come, start the end fade, release the output after a session. Safe at any time."""
        if self._release_at is not None and self._clock.monotonic() >= self._release_at - _TOL:
            self._release_at = None
            return [Release()]
        if self._session.state is SessionState.COUNTDOWN:
            return self._place_cues(self.session_time_s)
        if self._session.state is not SessionState.RUNNING:
            return []
        elapsed = self._session.elapsed_s
        actions = self._place_cues(elapsed)
        actions += self._say_due(elapsed)
        actions += self._prompt_due(elapsed)
        fade = self.end_fade_s()
        remaining = self._session.remaining_s
        if (
            not self._ending
            and fade > 0
            and remaining <= fade + 0.05
            and elapsed >= self._settle_until - 0.05
        ):
            self._ending = True
            actions.append(FadeOut(remaining))
        return actions

    def next_due_in(self) -> float | None:
        """Seconds until poll() has something to do, or None while nothing is pending."""
        state = self._session.state
        if state is not SessionState.RUNNING:
            if self._release_at is None or state in _LIVE:
                return None
            return max(0.0, self._release_at - self._clock.monotonic())
        elapsed, remaining = self._session.elapsed_s, self._session.remaining_s
        due = [CUE_REFRESH_S]
        if self._wants_breath_cues() and self._cued_until < self._session.total_s - _TOL:
            due.append(self._cued_until - CUE_LEAD_S - elapsed)
        fade = self.end_fade_s()
        if not self._ending and fade > 0:
            due.append(max(remaining - fade, self._settle_until - elapsed))
        for cues in (self._words, self._prompts):
            if cues:
                due.append(cues[0].at_s - elapsed)
        return max(0.0, min(due))

    def _wants_breath_cues(self) -> bool:
        plan = self._session.plan
        return plan is not None and plan.guided and self._options().cue_mode is not CueMode.OFF

    def _place_cues(self, elapsed: float) -> list[Action]:
        """Top up the breathing cues when due: every boundary from where the last batch ended
        (t = 0 for the first) up to the window's end, each at its own session time. ``elapsed``
        is the session's time now (negative during the countdown)."""
        plan = self._session.plan
        if plan is None or plan.pattern is None or not plan.guided:
            return []
        mode = self._options().cue_mode
        if mode is CueMode.OFF:
            return []
        actions: list[Action] = []
        if mode is not self._cue_mode:
            actions += self._clear_cues()
            self._cue_mode = mode
        if elapsed < self._cued_until - CUE_LEAD_S - _TOL:
            return actions  # enough are placed
        horizon = min(max(elapsed, 0.0) + CUE_WINDOW_S, self._session.total_s)
        if horizon <= self._cued_until:
            return actions
        boundaries = phase_boundaries(plan.pattern, self._cued_until, horizon, plan.ramp)
        self._cued_until = horizon
        cues = tuple(
            Cue(t, BREATH_CUES[phase])
            for t, phase in boundaries
            if phase in BREATH_CUES and t >= elapsed - LATE_CUE_S
        )
        skipped = sum(1 for t, phase in boundaries if phase in BREATH_CUES) - len(cues)
        if skipped:
            log.debug("%d breathing cues skipped: more than %.2f s late", skipped, LATE_CUE_S)
        if not cues:
            return actions
        if mode is CueMode.SPEECH:
            self._words.extend(cues)
            return [*actions, DuckUnder(cues)]  # the ambience dips under the words as under tones
        return [*actions, PlayCues(cues)]

    def _say_due(self, elapsed: float) -> list[Action]:
        """Say the cue whose boundary has come (the latest, if the timer woke late)."""
        due = [w for w in self._words if w.at_s <= elapsed + _TOL]
        if not due:
            return []
        self._words = self._words[len(due) :]
        cue = due[-1]
        if elapsed - cue.at_s <= LATE_CUE_S:
            return [Say(cue)]
        log.debug("Spoken cue %s skipped: %.2f s late", cue.kind, elapsed - cue.at_s)
        return []

    def _prompt_due(self, elapsed: float) -> list[Action]:
        """Sound the routine prompt whose time has come (the latest, if several came at once),
        when cues sound at all: ``spoken`` while cues are spoken (by the session's speech
        engine); otherwise the driver has the same engine say it if it answered since the
        session started (asked for then, so no prompt waits on a connection), or chimes. Either
        way a prompt outranks the breathing cues: one whose boundary comes while a prompt is
        said waits for it only briefly, and is dropped rather than said late."""
        due = [p for p in self._prompts if p.at_s <= elapsed + _TOL]
        if not due:
            return []
        self._prompts = self._prompts[len(due) :]
        cue = due[-1]
        mode = self._options().cue_mode
        if mode is CueMode.OFF:
            return []
        if elapsed - cue.at_s > LATE_PROMPT_S:
            log.debug("Prompt %r skipped: %.2f s late", cue.text, elapsed - cue.at_s)
            return []
        return [Prompt(cue, spoken=mode is CueMode.SPEECH)]
