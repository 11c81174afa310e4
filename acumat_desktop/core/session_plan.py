"""What a session will be: its length, breathing, sound, countdown and timed cues.

A :class:`SessionPlan` is fixed when the session starts (only "+1 min" / "−1 min" replace its
``planned_s``); :func:`plan_from_routine` builds one from a routine with the overrides that
``acumat start`` and the picker offer.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, BreathingPattern, Ramp
from acumat_desktop.core.routines import Routine

MAX_PLANNED_S = 3 * 3600.0  # "+1 min" never plans beyond this
MAX_COUNTDOWN_S = 120.0


@dataclass(frozen=True)
class TimedCue:
    at_s: float  # seconds of session time (pauses excluded)
    text: str


@dataclass(frozen=True)
class SessionPlan:
    routine_id: str
    routine_name: str
    planned_s: float
    pattern: BreathingPattern | None = None
    sound: str | None = None
    countdown_s: float = 0.0
    cues: tuple[TimedCue, ...] = ()
    ramp: Ramp | None = None

    def __post_init__(self) -> None:
        if not math.isfinite(self.planned_s) or not 0 < self.planned_s <= MAX_PLANNED_S:
            raise ValueError(f"planned_s must be between 0 and {MAX_PLANNED_S:g} seconds")
        if not 0 <= self.countdown_s <= MAX_COUNTDOWN_S:
            raise ValueError(f"countdown_s must be between 0 and {MAX_COUNTDOWN_S:g} seconds")

    @property
    def guided(self) -> bool:
        return self.pattern is not None and bool(self.pattern.phases)


def plan_from_routine(
    routine: Routine,
    *,
    minutes: float | None = None,
    breathing: str | None = None,
    sound: str | None = None,
    countdown_s: float = 0.0,
    ramp: Ramp | None = None,
    patterns: Mapping[str, BreathingPattern] = BUILTIN_PATTERNS,
    sounds: Collection[str] | None = None,
) -> SessionPlan:
    """A plan for ``routine`` with optional overrides (what ``acumat start`` and the picker use).

    Raises ValueError naming the problem: minutes outside the routine's range, unknown pattern,
    or (when ``sounds`` is given) an unknown soundscape."""
    chosen = float(routine.minutes if minutes is None else minutes)
    routine.check_minutes(chosen)
    pattern_id = routine.breathing if breathing is None else breathing
    pattern: BreathingPattern | None = None
    if pattern_id != "none":
        if pattern_id not in patterns:
            known = ", ".join(sorted(patterns))
            raise ValueError(f"unknown breathing pattern {pattern_id!r}; use one of {known}")
        pattern = patterns[pattern_id]
    sound_id = routine.sound if sound is None else sound
    if sounds is not None and sound_id != "none" and sound_id not in sounds:
        known = ", ".join(sorted(sounds))
        raise ValueError(f"unknown soundscape {sound_id!r}; use one of {known} or none")
    return SessionPlan(
        routine_id=routine.id,
        routine_name=routine.name,
        planned_s=chosen * 60.0,
        pattern=pattern,
        sound=None if sound_id == "none" else sound_id,
        countdown_s=countdown_s,
        cues=tuple(TimedCue(at, text) for at, text in routine.cue_times(chosen)),
        ramp=ramp,
    )
