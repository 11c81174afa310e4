"""Ambience outside sessions: a soundscape or saved mix played for reading or falling asleep, with
an optional sleep timer that fades it out, and its hand-over to a session.

Like the session's score (:mod:`acumat_desktop.core.audio.score`), this is a pure function of a
:class:`~acumat_desktop.core.clock.Clock`: every change answers with the score's actions (set
these layers, fade, release the output), :meth:`Ambience.poll` does what is due and
:meth:`Ambience.next_due_in` tells one single-shot timer when to call it next. Nothing runs
while nothing is due: a sleep timer wakes it once, when its fade-out begins.

- **Sleep timer**: the ambience fades out over the last :data:`SLEEP_FADE_S` seconds (at most
  half the timer) and the output is released when the timer ends: silent at the deadline.
- **Pause** (media keys) fades out and freezes the sleep timer; **resume** fades back in to
  where the timer's fade would be.
- **Hand-over**: a session started while ambience plays takes the sound over. The ambience's
  layers cross-fade into the session's over :data:`HANDOVER_S` (in small steps: the mixer ramps
  each change over 30 ms), never through silence, and the session's own start fade only keeps
  the level up. The cross-fade begins once the session's sounds are loaded (a first render
  takes seconds), or after :data:`LOAD_WAIT_S` whatever happens: until then the ambience plays
  on. A session with no sound of its own (``none``) keeps the ambience as its sound
  (the wiring does that: it hands the same layers over, so nothing changes audibly); either way
  the session owns the sound from then on and its end fade ends it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from acumat_desktop.core.audio.mix import Layers
from acumat_desktop.core.audio.score import Action, FadeIn, FadeOut, FadeTo, Release, SetLayers
from acumat_desktop.core.clock import Clock

FADE_IN_S = 3.0  # ambience comes up from silence
STOP_FADE_S = 2.0  # …and goes when stopped
PAUSE_FADE_S = 1.0
RESUME_FADE_S = 1.5
SLEEP_FADE_S = 60.0  # a sleep timer's fade-out, at most half the timer
RELEASE_MARGIN_S = 0.3  # the output is released this long after a fade has reached silence
HANDOVER_S = 3.0  # the cross-fade from the ambience's layers into a session's
STEP_S = 0.1  # one step of that cross-fade
LOAD_WAIT_S = 10.0  # the longest a cross-fade waits for the session's sounds to load
MAX_MINUTES = 24 * 60
_TOL = 1e-6


class AmbienceState(StrEnum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


@dataclass(frozen=True)
class AmbienceInfo:
    """What the status, the tray, the panel and MPRIS show."""

    state: AmbienceState = AmbienceState.STOPPED
    mix: str | None = None  # what was asked for: a soundscape id, a mix, a saved mix's name
    layers: tuple[tuple[str, float], ...] = ()
    sleep_timer_remaining_s: float | None = None

    @property
    def playing(self) -> bool:
        return self.state is AmbienceState.PLAYING


@dataclass
class _Crossfade:
    asked: float  # monotonic: when the session started
    source: dict[str, float]
    target: dict[str, float]
    start: float | None = None  # monotonic: once the session's sounds are loaded

    def at(self, now: float) -> tuple[Layers, bool]:
        """The layers ``now`` and whether the cross-fade is over. Volumes are slider values:
        the mixer hears them through a cubic curve (``dsp.perceptual_gain``), so the fade is
        reckoned in gain: equal power between different sounds (a linear fade of both sliders
        dipped 15 dB half-way, measured), linear for a sound in both mixes (it adds to itself)."""
        start = now if self.start is None else self.start
        share = min(1.0, max(0.0, (now - start) / HANDOVER_S))
        if share >= 1.0 - _TOL:
            return list(self.target.items()), True
        fading_out, fading_in = math.cos(share * math.pi / 2), math.sin(share * math.pi / 2)
        layers: Layers = []
        for sid in dict.fromkeys([*self.source, *self.target]):
            was, will = self.source.get(sid, 0.0) ** 3, self.target.get(sid, 0.0) ** 3
            if sid in self.source and sid in self.target:
                gain = was + (will - was) * share
            else:
                gain = was * fading_out + will * fading_in
            layers.append((sid, round(gain ** (1 / 3), 4)))
        return layers, False


def sleep_fade_s(total_s: float) -> float:
    """The fade-out of a sleep timer of ``total_s`` seconds."""
    return max(0.0, min(SLEEP_FADE_S, total_s / 2))


class Ambience:
    """Ambience played without a session, on ``clock``."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._state = AmbienceState.STOPPED
        self._mix: str | None = None
        self._layers: Layers = []
        self._deadline: float | None = None  # monotonic end of the sleep timer
        self._timer_s = 0.0  # the sleep timer's whole length
        self._remaining: float | None = None  # the sleep timer's rest while paused
        self._fading = False  # the sleep timer's fade has begun
        self._release_at: float | None = None
        self._crossfade: _Crossfade | None = None

    # --- read ---------------------------------------------------------------------------------
    def info(self) -> AmbienceInfo:
        return AmbienceInfo(self._state, self._mix, tuple(self._layers), self.remaining_s())

    @property
    def state(self) -> AmbienceState:
        return self._state

    @property
    def layers(self) -> Layers:
        return list(self._layers)

    def remaining_s(self) -> float | None:
        """The sleep timer's time left, or None without one."""
        if self._state is AmbienceState.PAUSED:
            return self._remaining
        if self._state is not AmbienceState.PLAYING or self._deadline is None:
            return None
        return max(0.0, self._deadline - self._clock.monotonic())

    # --- changes ------------------------------------------------------------------------------
    def play(self, mix: str, layers: Layers, minutes: float | None = None) -> list[Action]:
        """Play ``layers`` (named ``mix``), for ``minutes`` then fading out, or until stopped.
        Raises ValueError for no layers or minutes out of range. Playing again replaces what
        plays (the layers are ramped, the level comes back up if it was going down)."""
        if not layers:
            raise ValueError("the ambience needs at least one sound")
        if minutes is not None and not (0 < minutes <= MAX_MINUTES and math.isfinite(minutes)):
            raise ValueError(f"the sleep timer must be from 1 to {MAX_MINUTES} minutes")
        was = self._state
        now = self._clock.monotonic()
        self._state, self._mix, self._layers = (
            AmbienceState.PLAYING,
            mix,
            list(dict(layers).items()),
        )
        self._deadline = None if minutes is None else now + minutes * 60
        self._timer_s = 0.0 if minutes is None else minutes * 60
        self._remaining, self._fading, self._release_at = None, False, None
        self._crossfade = None
        fade: Action = FadeTo(1.0, FADE_IN_S) if was is AmbienceState.PLAYING else FadeIn(FADE_IN_S)
        return [SetLayers(tuple(self._layers)), fade]

    def set_layers(self, layers: Layers) -> list[Action]:
        """Change what plays (the sound panel); RuntimeError when nothing does."""
        if self._state is AmbienceState.STOPPED:
            raise RuntimeError("no ambience is playing")
        self._layers = list(dict(layers).items())
        if not self._layers:
            return self.stop()
        return [SetLayers(tuple(self._layers))]

    def stop(self) -> list[Action]:
        """Fade out, then release the output."""
        if self._state is AmbienceState.STOPPED:
            return []
        self._reset()
        self._release_at = self._clock.monotonic() + STOP_FADE_S + RELEASE_MARGIN_S
        return [FadeOut(STOP_FADE_S)]

    def pause(self) -> list[Action]:
        if self._state is not AmbienceState.PLAYING:
            return []
        self._remaining = self.remaining_s()
        self._state = AmbienceState.PAUSED
        return [FadeOut(PAUSE_FADE_S)]

    def resume(self) -> list[Action]:
        if self._state is not AmbienceState.PAUSED:
            return []
        self._state = AmbienceState.PLAYING
        level = 1.0
        if self._remaining is not None:
            self._deadline = self._clock.monotonic() + self._remaining
            fade = sleep_fade_s(self._timer_s)
            if fade > 0 and self._remaining < fade:
                level = self._remaining / fade
        self._remaining, self._fading = None, False
        return [FadeTo(level, RESUME_FADE_S), *self.poll()]

    def hand_over(self, session_layers: Layers) -> list[Action]:
        """A session starts and takes the sound: cross-fade from what plays into
        ``session_layers`` (nothing to do when they are the same); the ambience is over and
        releases nothing (the output is the session's now)."""
        source = dict(self._layers) if self._state is not AmbienceState.STOPPED else {}
        self._reset()
        target = dict(session_layers)
        if not source or source == target:
            return []
        self._crossfade = _Crossfade(self._clock.monotonic(), source, target)
        layers, _ = self._crossfade.at(self._clock.monotonic())
        return [SetLayers(tuple(layers))]  # the session's sounds join silent: they load now

    @property
    def awaited(self) -> list[str]:
        """The sounds a hand-over waits for (to be loaded) before its cross-fade begins."""
        crossfade = self._crossfade
        if crossfade is None or crossfade.start is not None:
            return []
        return [sid for sid in crossfade.target if sid not in crossfade.source]

    def cancel_crossfade(self) -> None:
        """The session changed its layers itself: the hand-over's steps stop."""
        self._crossfade = None

    def _reset(self) -> None:
        self._state, self._mix, self._layers = AmbienceState.STOPPED, None, []
        self._deadline, self._remaining, self._fading = None, None, False
        self._release_at, self._crossfade = None, None

    # --- time ---------------------------------------------------------------------------------
    def poll(self, loaded: bool = True) -> list[Action]:
        """Whatever is due now: a hand-over's next step (``loaded``: the sounds it
        :attr:`awaited` are ready), the sleep timer's fade or end, the release of the output
        after a stop. Safe at any time."""
        now = self._clock.monotonic()
        crossfade = self._crossfade
        if crossfade is not None and crossfade.start is None:
            if not loaded and now < crossfade.asked + LOAD_WAIT_S - _TOL:
                return []
            crossfade.start = now
        if crossfade is not None:
            layers, done = crossfade.at(now)
            if done:
                self._crossfade = None
            return [SetLayers(tuple(layers))]
        if self._release_at is not None and now >= self._release_at - _TOL:
            self._release_at = None
            return [Release()]
        if self._state is not AmbienceState.PLAYING or self._deadline is None:
            return []
        left = self._deadline - now
        if left <= _TOL:
            self._reset()
            return [Release()]
        fade = sleep_fade_s(self._timer_s)
        if not self._fading and fade > 0 and left <= fade + _TOL:
            self._fading = True
            return [FadeOut(left)]
        return []

    def next_due_in(self) -> float | None:
        """Seconds until :meth:`poll` has something to do, or None while nothing is pending."""
        now = self._clock.monotonic()
        if self._crossfade is not None:
            return STEP_S
        if self._release_at is not None:
            return max(0.0, self._release_at - now)
        if self._state is not AmbienceState.PLAYING or self._deadline is None:
            return None
        left = self._deadline - now
        fade = sleep_fade_s(self._timer_s)
        if not self._fading and fade > 0:
            return max(0.0, left - fade)
        return max(0.0, left)
