"""Breathing patterns as pure functions of elapsed session time.

A pattern is one breath (a cycle of phases) repeated. Everything here answers "where in the breath
are we at time t?", so the dial, the audio cues and the session length all read one source of truth
and nothing counts ticks. An optional :class:`Ramp` starts near a natural pace and slows each cycle
towards the target over the first minutes.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EPS = 1e-9


class Phase(StrEnum):
    INHALE = "inhale"
    HOLD = "hold"
    EXHALE = "exhale"
    REST = "rest"


DEFAULT_CUES: dict[Phase, str] = {
    Phase.INHALE: "Breathe in",
    Phase.HOLD: "Hold",
    Phase.EXHALE: "Breathe out",
    Phase.REST: "Rest",
}
DONE_CUE = "Breathe naturally"


@dataclass(frozen=True)
class PhaseSpec:
    phase: Phase
    seconds: float
    cue: str


@dataclass(frozen=True)
class BreathingPattern:
    id: str
    name: str
    description: str
    phases: tuple[PhaseSpec, ...]
    warning: str | None = None
    max_cycles: int | None = None
    source: str = ""

    @property
    def cycle_seconds(self) -> float:
        return sum(p.seconds for p in self.phases)

    @property
    def breaths_per_minute(self) -> float | None:
        cycle = self.cycle_seconds
        return 60.0 / cycle if cycle > 0 else None

    @property
    def timing(self) -> str:
        """Human summary, e.g. ``4-7-8`` or ``2.5+1-6.5``."""
        return "-".join(f"{p.seconds:g}" for p in self.phases)


@dataclass(frozen=True)
class BreathState:
    phase: Phase
    cue: str
    progress: float  # 0..1 through the current phase
    scale: float  # 0 = empty lungs .. 1 = full
    phase_remaining: float
    cycle: int  # 0-based index of the current breath = breaths completed so far
    count: int  # whole seconds left in the phase, for the "3, 2, 1" text


@dataclass(frozen=True)
class Ramp:
    """Start at ``start_bpm`` breaths a minute and slow linearly to the pattern's own pace over
    ``duration_s``. Each cycle keeps the pace it started with, so phases never jump mid-breath."""

    start_bpm: float = 12.0
    duration_s: float = 120.0

    def __post_init__(self) -> None:
        if not 3.0 <= self.start_bpm <= 30.0:
            raise ValueError("ramp start pace must be between 3 and 30 breaths a minute")
        if not 0.0 <= self.duration_s <= 900.0:
            raise ValueError("ramp duration must be between 0 and 900 seconds")

    def factor(self, cycle_seconds: float, t: float) -> float:
        """How much shorter than the target a cycle starting at ``t`` is (1 = target pace).

        A ramp never speeds a pattern up: patterns faster than ``start_bpm`` are left alone."""
        start = min(1.0, (60.0 / self.start_bpm) / cycle_seconds)
        if self.duration_s <= 0 or t >= self.duration_s:
            return 1.0
        return start + (1.0 - start) * (t / self.duration_s)


class PatternError(ValueError):
    """A user-defined pattern is invalid; the message says which part and why."""


def _spec(phase: Phase, seconds: float, cue: str | None = None) -> PhaseSpec:
    return PhaseSpec(phase, seconds, cue if cue is not None else DEFAULT_CUES[phase])


NONE_PATTERN = BreathingPattern(
    id="none",
    name="No guidance",
    description="Breathe at your own pace; the dial shows only the time.",
    phases=(),
)

BUILTIN_PATTERNS: dict[str, BreathingPattern] = {
    p.id: p
    for p in (
        BreathingPattern(
            id="resonance",
            name="Resonance breathing",
            description="Slow, even breaths at about 5.5 a minute: 5.5 s in, 5.5 s out. "
            "The pace studied for its calming effect on heart-rate variability.",
            phases=(_spec(Phase.INHALE, 5.5), _spec(Phase.EXHALE, 5.5)),
            source="Lehrer, Vaschillo & Vaschillo 2000; Lehrer & Gevirtz 2014; Steffen et al. 2017",
        ),
        BreathingPattern(
            id="relax-4-6",
            name="Longer exhale (4-6)",
            description="4 s in, 6 s out: six breaths a minute with an exhale longer than the "
            "inhale, which people rate as more relaxing.",
            phases=(_spec(Phase.INHALE, 4.0), _spec(Phase.EXHALE, 6.0)),
            source="Van Diest et al. 2014",
        ),
        BreathingPattern(
            id="box",
            name="Box breathing",
            description="4 s in, hold 4 s, 4 s out, hold 4 s. A steady square rhythm for focus "
            "and calm under stress.",
            phases=(
                _spec(Phase.INHALE, 4.0),
                _spec(Phase.HOLD, 4.0),
                _spec(Phase.EXHALE, 4.0),
                _spec(Phase.HOLD, 4.0),
            ),
            source="Common practice; one arm of Balban et al. 2023",
        ),
        BreathingPattern(
            id="4-7-8",
            name="4-7-8 breathing",
            description="In through the nose for 4, hold for 7, out through the mouth for 8. "
            "Often used when falling asleep.",
            phases=(
                _spec(Phase.INHALE, 4.0),
                _spec(Phase.HOLD, 7.0),
                _spec(Phase.EXHALE, 8.0),
            ),
            warning="You may feel light-headed at first. Andrew Weil suggests four breaths at a "
            "time, twice a day, working up to eight after a month. Stop and breathe normally if "
            "you feel dizzy.",
            max_cycles=4,
            source="Andrew Weil",
        ),
        BreathingPattern(
            id="cyclic-sigh",
            name="Cyclic sighing",
            description="A deep breath in through the nose, a short second sip of air to top up, "
            "then a long, slow breath out through the mouth.",
            phases=(
                _spec(Phase.INHALE, 2.5),
                _spec(Phase.INHALE, 1.0, "Top up"),
                _spec(Phase.EXHALE, 6.5),
            ),
            source="Balban et al. 2023, Cell Reports Medicine 4:100895 "
            "(the seconds are the app's choice)",
        ),
        NONE_PATTERN,
    )
}

# The hardest limits a user pattern must respect (slow, gentle breathing; no hyperventilation).
MAX_PHASES = 12
MIN_CYCLE_S = 3.0  # at most 20 breaths a minute
MAX_CYCLE_S = 60.0
PHASE_LIMITS: dict[Phase, tuple[float, float]] = {
    Phase.INHALE: (0.5, 15.0),
    Phase.EXHALE: (1.0, 20.0),
    Phase.HOLD: (0.5, 20.0),
    Phase.REST: (0.5, 20.0),
}


def validate_pattern(
    id: str,
    name: str,
    phases: Sequence[PhaseSpec | tuple[str, float] | tuple[str, float, str]],
    description: str = "",
    *,
    max_cycles: int | None = None,
    warning: str | None = None,
    taken_ids: Collection[str] = (),
) -> BreathingPattern:
    """Build a user-defined pattern, or raise :class:`PatternError` naming what is wrong.

    ``phases`` holds PhaseSpecs or ``(phase, seconds[, cue])`` tuples. A cycle is one breath:
    at least one inhale and one exhale, every inhale before the first exhale."""
    problems = _identity_problems(id, name, max_cycles, taken_ids)
    specs: list[PhaseSpec] = []
    for index, raw in enumerate(phases, start=1):
        spec, phase_problems = _read_phase(f"phase {index}", raw)
        problems += phase_problems
        if spec is not None:
            specs.append(spec)
    problems += _breath_problems(len(phases), specs)
    if problems:
        raise PatternError("; ".join(problems))
    return BreathingPattern(
        id=id,
        name=name.strip(),
        description=description.strip(),
        phases=tuple(specs),
        warning=warning,
        max_cycles=max_cycles,
        source="user",
    )


def _identity_problems(
    id: str, name: str, max_cycles: int | None, taken_ids: Collection[str]
) -> list[str]:
    problems: list[str] = []
    if not _ID.fullmatch(id or ""):
        problems.append(f"id {id!r}: use lower-case letters, digits and single hyphens")
    elif id in taken_ids or id in BUILTIN_PATTERNS:
        problems.append(f"id {id!r}: already used by another pattern")
    if not name.strip():
        problems.append("name: must not be empty")
    if max_cycles is not None and not 1 <= max_cycles <= 1000:
        problems.append("max_cycles: must be between 1 and 1000")
    return problems


def _read_phase(
    where: str, raw: PhaseSpec | tuple[str, float] | tuple[str, float, str]
) -> tuple[PhaseSpec | None, list[str]]:
    """One phase and what is wrong with it; no spec when its kind or seconds cannot be read
    (seconds outside the phase's limits are a problem, but the spec still counts for the rest)."""
    if isinstance(raw, PhaseSpec):
        kind_text, seconds, cue = str(raw.phase), raw.seconds, raw.cue
    else:
        kind_text, seconds = str(raw[0]), raw[1]
        cue = str(raw[2]) if len(raw) > 2 else ""
    try:
        kind = Phase(kind_text)
    except ValueError:
        return None, [f"{where}: {kind_text!r} is not one of inhale, hold, exhale, rest"]
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not math.isfinite(seconds)
    ):
        return None, [f"{where} ({kind}): seconds must be a number"]
    problems: list[str] = []
    low, high = PHASE_LIMITS[kind]
    if not low <= seconds <= high:
        problems.append(f"{where} ({kind}): {seconds:g} s is outside {low:g}–{high:g} s")
    return PhaseSpec(kind, float(seconds), cue.strip() or DEFAULT_CUES[kind]), problems


def _breath_problems(count: int, specs: Sequence[PhaseSpec]) -> list[str]:
    """Whether the phases make one breath: how many, in which order, how long in all."""
    problems: list[str] = []
    if not count:
        problems.append("phases: a pattern needs at least one inhale and one exhale")
    elif count > MAX_PHASES:
        problems.append(f"phases: at most {MAX_PHASES} phases")
    kinds = [s.phase for s in specs]
    if specs and (Phase.INHALE not in kinds or Phase.EXHALE not in kinds):
        problems.append("phases: a pattern needs at least one inhale and one exhale")
    elif specs and kinds.index(Phase.EXHALE) < max(
        i for i, k in enumerate(kinds) if k is Phase.INHALE
    ):
        problems.append("phases: every inhale must come before the first exhale (one breath)")
    cycle = sum(s.seconds for s in specs)
    if specs and not MIN_CYCLE_S <= cycle <= MAX_CYCLE_S:
        problems.append(
            f"phases: one breath lasts {cycle:g} s; keep it between {MIN_CYCLE_S:g} and "
            f"{MAX_CYCLE_S:g} s (3 to 20 breaths a minute)"
        )
    return problems


# --- timing -------------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _levels(pattern: BreathingPattern) -> tuple[tuple[float, float], ...]:
    """Lung level (0..1) at the start and end of each phase. Inhales fill in proportion to their
    length (so a cyclic sigh's top-up adds the last part), exhales empty the same way."""
    inhale = sum(p.seconds for p in pattern.phases if p.phase is Phase.INHALE) or 1.0
    exhale = sum(p.seconds for p in pattern.phases if p.phase is Phase.EXHALE) or 1.0
    level = 0.0
    out = []
    for spec in pattern.phases:
        start = level
        if spec.phase is Phase.INHALE:
            level = min(1.0, level + spec.seconds / inhale)
        elif spec.phase is Phase.EXHALE:
            level = max(0.0, level - spec.seconds / exhale)
        out.append((start, level))
    return tuple(out)


@lru_cache(maxsize=64)
def _ramp_cycles(
    pattern: BreathingPattern, ramp: Ramp | None
) -> tuple[tuple[float, ...], tuple[float, ...], float]:
    """Start times and pace factors of the ramped cycles, and when the steady cycles begin."""
    cycle = pattern.cycle_seconds
    starts: list[float] = []
    factors: list[float] = []
    t = 0.0
    if ramp is not None:
        while True:
            factor = ramp.factor(cycle, t)
            if factor >= 1.0:
                break
            starts.append(t)
            factors.append(factor)
            t += factor * cycle
    return tuple(starts), tuple(factors), t


def _locate(pattern: BreathingPattern, t: float, ramp: Ramp | None) -> tuple[int, float, float]:
    """Index, start time and pace factor of the cycle that contains time ``t``."""
    starts, factors, steady = _ramp_cycles(pattern, ramp)
    if t < steady:
        index = max(0, bisect_right(starts, t) - 1)
        return index, starts[index], factors[index]
    cycle = pattern.cycle_seconds
    n = math.floor((t - steady) / cycle + _EPS)
    return len(starts) + n, steady + n * cycle, 1.0


def _cycle_start(pattern: BreathingPattern, index: int, ramp: Ramp | None) -> float:
    starts, _, steady = _ramp_cycles(pattern, ramp)
    if index < len(starts):
        return starts[index]
    return steady + (index - len(starts)) * pattern.cycle_seconds


def _ease(x: float) -> float:
    return (1.0 - math.cos(math.pi * x)) / 2.0


def _require_phases(pattern: BreathingPattern) -> None:
    if not pattern.phases:
        raise ValueError(f"pattern {pattern.id!r} has no phases to follow")


def guidance_end(pattern: BreathingPattern, ramp: Ramp | None = None) -> float | None:
    """When a pattern with ``max_cycles`` stops guiding; None if it never stops."""
    if pattern.max_cycles is None or not pattern.phases:
        return None
    return _cycle_start(pattern, pattern.max_cycles, ramp)


def phase_at(pattern: BreathingPattern, t: float, ramp: Ramp | None = None) -> BreathState:
    """Where in the breath the session is ``t`` seconds after its breathing started."""
    _require_phases(pattern)
    t = max(0.0, t)
    index, start, factor = _locate(pattern, t, ramp)
    if pattern.max_cycles is not None and index >= pattern.max_cycles:
        return BreathState(Phase.REST, DONE_CUE, 0.0, 0.0, 0.0, pattern.max_cycles, 0)
    offset = t - start
    levels = _levels(pattern)
    for i, spec in enumerate(pattern.phases):
        length = spec.seconds * factor
        if offset < length - _EPS or i == len(pattern.phases) - 1:
            progress = min(1.0, max(0.0, offset / length))
            remaining = max(0.0, length - offset)
            low, high = levels[i]
            scale = low + (high - low) * _ease(progress)
            count = math.ceil(remaining - 1e-6) if remaining > 1e-6 else 0
            return BreathState(spec.phase, spec.cue, progress, scale, remaining, index, count)
        offset -= length
    raise AssertionError("unreachable: the last phase always matches")  # pragma: no cover


def phase_boundaries(
    pattern: BreathingPattern, start: float, end: float, ramp: Ramp | None = None
) -> list[tuple[float, Phase]]:
    """Every phase change at ``start <= time < end`` (for scheduling audio cues). When a pattern
    with ``max_cycles`` runs out, one final ``(time, REST)`` marks the end of guidance."""
    if not pattern.phases or end <= start:
        return []
    out: list[tuple[float, Phase]] = []
    index, cycle_start, _ = _locate(pattern, max(0.0, start), ramp)
    while True:
        if pattern.max_cycles is not None and index >= pattern.max_cycles:
            if start <= cycle_start < end:
                out.append((cycle_start, Phase.REST))
            return out
        _, _, factor = _locate(pattern, cycle_start, ramp)
        t = cycle_start
        for spec in pattern.phases:
            if t >= end:
                return out
            if t >= start - _EPS:
                out.append((t, spec.phase))
            t += spec.seconds * factor
        index += 1
        cycle_start = _cycle_start(pattern, index, ramp)


def end_on_full_exhale(
    pattern: BreathingPattern, planned_seconds: float, ramp: Ramp | None = None
) -> float:
    """The session's real length: ``planned_seconds`` if the lungs are empty then (between
    breaths, or after guidance ended), otherwise the end of the breath's exhale. Never shorter
    than planned and at most one breath longer."""
    if not pattern.phases or planned_seconds <= 0:
        return max(0.0, planned_seconds)
    index, start, factor = _locate(pattern, planned_seconds, ramp)
    if pattern.max_cycles is not None and index >= pattern.max_cycles:
        return planned_seconds
    kinds = [p.phase for p in pattern.phases]
    last_exhale = len(kinds) - 1 - kinds[::-1].index(Phase.EXHALE) if Phase.EXHALE in kinds else -1
    if last_exhale < 0:
        return planned_seconds
    exhale_end = sum(p.seconds for p in pattern.phases[: last_exhale + 1]) * factor
    offset = planned_seconds - start
    if offset <= 1e-6 or offset >= exhale_end - 1e-6:
        return planned_seconds
    return start + exhale_end


def breaths_completed(pattern: BreathingPattern, t: float, ramp: Ramp | None = None) -> int:
    """Whole breaths guided in the first ``t`` seconds (0 for a pattern without phases)."""
    if not pattern.phases or t <= 0:
        return 0
    return phase_at(pattern, t + 1e-6, ramp).cycle


def display_name(pattern: BreathingPattern) -> str:
    """The name with its timing once: ``Box breathing (4-4-4-4)``, ``Longer exhale (4-6)`` (the
    name already says it), ``No guidance`` (nothing to time)."""
    timing = pattern.timing
    if not timing or timing in pattern.name:
        return pattern.name
    return f"{pattern.name} ({timing})"


def describe(patterns: Iterable[BreathingPattern]) -> list[dict[str, object]]:
    """Plain rows for ``acumat patterns --json``; ``label`` is :func:`display_name`."""
    return [
        {
            "id": p.id,
            "name": p.name,
            "label": display_name(p),
            "timing": p.timing,
            "breaths_per_minute": None
            if p.breaths_per_minute is None
            else round(p.breaths_per_minute, 2),
            "phases": [
                {"phase": str(s.phase), "seconds": s.seconds, "cue": s.cue} for s in p.phases
            ],
            "max_cycles": p.max_cycles,
            "warning": p.warning,
            "source": p.source,
        }
        for p in patterns
    ]
