"""Breathing patterns: phase tables, scale, ramp, end on a full exhale, validation."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acumat_desktop.core.breathing import (
    BUILTIN_PATTERNS,
    PatternError,
    Phase,
    PhaseSpec,
    Ramp,
    breaths_completed,
    end_on_full_exhale,
    guidance_end,
    phase_at,
    phase_boundaries,
    validate_pattern,
)

IN, H, E = Phase.INHALE, Phase.HOLD, Phase.EXHALE

# The published timings, written out by hand: (phase, seconds, cue).
TABLES = {
    "resonance": [(IN, 5.5, "Breathe in"), (E, 5.5, "Breathe out")],
    "relax-4-6": [(IN, 4.0, "Breathe in"), (E, 6.0, "Breathe out")],
    "box": [(IN, 4.0, "Breathe in"), (H, 4.0, "Hold"), (E, 4.0, "Breathe out"), (H, 4.0, "Hold")],
    "4-7-8": [(IN, 4.0, "Breathe in"), (H, 7.0, "Hold"), (E, 8.0, "Breathe out")],
    "cyclic-sigh": [(IN, 2.5, "Breathe in"), (IN, 1.0, "Top up"), (E, 6.5, "Breathe out")],
}
GUIDED = sorted(TABLES)


def test_builtin_ids() -> None:
    assert set(BUILTIN_PATTERNS) == {*TABLES, "none"}
    assert BUILTIN_PATTERNS["none"].phases == ()


@pytest.mark.parametrize("pid", GUIDED)
def test_phase_table(pid: str) -> None:
    pattern = BUILTIN_PATTERNS[pid]
    assert [(p.phase, p.seconds, p.cue) for p in pattern.phases] == TABLES[pid]
    assert pattern.cycle_seconds == pytest.approx(sum(s for _, s, _ in TABLES[pid]))
    # Walk two cycles and check phase_at agrees with the table at each phase's middle.
    t = 0.0
    for cycle in range(2):
        for phase, seconds, cue in TABLES[pid]:
            state = phase_at(pattern, t + seconds / 2)
            assert (state.phase, state.cue, state.cycle) == (phase, cue, cycle)
            assert state.progress == pytest.approx(0.5)
            assert state.phase_remaining == pytest.approx(seconds / 2)
            t += seconds
    starts = [b for b, _ in phase_boundaries(pattern, 0.0, pattern.cycle_seconds)]
    expected = [sum(s for _, s, _ in TABLES[pid][:i]) for i in range(len(TABLES[pid]))]
    assert starts == pytest.approx(expected)


@pytest.mark.parametrize("pid", GUIDED)
def test_scale_grows_holds_shrinks(pid: str) -> None:
    pattern = BUILTIN_PATTERNS[pid]
    assert phase_at(pattern, 0.0).scale == pytest.approx(0.0)
    previous = phase_at(pattern, 0.0)
    step = 0.05
    for k in range(1, int(pattern.cycle_seconds / step)):
        state = phase_at(pattern, k * step)
        if state.phase is previous.phase is IN:
            assert state.scale >= previous.scale
        elif state.phase is previous.phase is E:
            assert state.scale <= previous.scale
        elif state.phase is previous.phase is H:
            assert state.scale == pytest.approx(previous.scale)
        assert 0.0 <= state.scale <= 1.0
        previous = state
    inhaled = sum(p.seconds for p in pattern.phases if p.phase is IN)
    assert phase_at(pattern, inhaled - 1e-6).scale == pytest.approx(1.0, abs=1e-6)
    assert phase_at(pattern, pattern.cycle_seconds - 1e-6).scale == pytest.approx(0.0, abs=1e-6)


def test_count_down_text() -> None:
    box = BUILTIN_PATTERNS["box"]
    assert [phase_at(box, t).count for t in (0.0, 0.5, 1.0, 2.2, 3.9)] == [4, 4, 3, 2, 1]


def test_cyclic_sigh_top_up_fills_the_last_part() -> None:
    sigh = BUILTIN_PATTERNS["cyclic-sigh"]
    after_first = phase_at(sigh, 2.5)
    assert after_first.cue == "Top up"
    assert 0.6 < after_first.scale < 0.8


def test_478_caps_cycles_and_warns() -> None:
    p = BUILTIN_PATTERNS["4-7-8"]
    assert p.max_cycles == 4
    assert p.warning is not None
    assert "light-headed" in p.warning
    assert "eight" in p.warning
    assert guidance_end(p) == pytest.approx(4 * 19.0)
    done = phase_at(p, 4 * 19.0 + 1)
    assert (done.phase, done.cycle, done.scale) == (Phase.REST, 4, 0.0)
    bounds = phase_boundaries(p, 0.0, 300.0)
    assert bounds[-1][0] == pytest.approx(76.0)
    assert bounds[-1][1] is Phase.REST
    assert len(bounds) == 4 * 3 + 1
    assert breaths_completed(p, 1000.0) == 4
    assert end_on_full_exhale(p, 200.0) == 200.0  # guidance already over


def test_none_pattern() -> None:
    none = BUILTIN_PATTERNS["none"]
    with pytest.raises(ValueError, match="no phases"):
        phase_at(none, 3.0)
    assert phase_boundaries(none, 0.0, 100.0) == []
    assert end_on_full_exhale(none, 123.4) == 123.4


def test_end_on_full_exhale_examples() -> None:
    box = BUILTIN_PATTERNS["box"]
    assert end_on_full_exhale(box, 10.0) == pytest.approx(12.0)  # mid exhale: finish it
    assert end_on_full_exhale(box, 2.0) == pytest.approx(12.0)  # mid inhale: whole breath
    assert end_on_full_exhale(box, 13.0) == 13.0  # lungs already empty
    assert end_on_full_exhale(box, 32.0) == 32.0  # between breaths


@settings(max_examples=200, deadline=None)
@given(
    pid=st.sampled_from(GUIDED),
    planned=st.floats(min_value=1.0, max_value=3600.0),
    ramped=st.booleans(),
)
def test_end_on_full_exhale_property(pid: str, planned: float, ramped: bool) -> None:
    pattern = BUILTIN_PATTERNS[pid]
    ramp = Ramp() if ramped else None
    end = end_on_full_exhale(pattern, planned, ramp)
    assert planned <= end < planned + pattern.cycle_seconds
    guidance = guidance_end(pattern, ramp)
    if guidance is not None and end >= guidance:
        return
    just_before = phase_at(pattern, end - 1e-4, ramp)
    assert just_before.scale < 0.01  # lungs empty: a completed exhale


def test_ramp_starts_near_natural_pace_and_slows_to_target() -> None:
    pattern = BUILTIN_PATTERNS["resonance"]
    ramp = Ramp(start_bpm=12.0, duration_s=120.0)
    inhales = [t for t, ph in phase_boundaries(pattern, 0.0, 400.0, ramp) if ph is IN]
    lengths = [b - a for a, b in itertools.pairwise(inhales)]
    assert lengths[0] == pytest.approx(5.0)  # 12 breaths a minute
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(lengths))
    steady = [n for t, n in zip(inhales, lengths, strict=False) if t >= 120.0]
    assert steady == pytest.approx([11.0] * len(steady))
    # Without a ramp the first breath is the full 11 s.
    assert phase_boundaries(pattern, 0.0, 12.0)[2][0] == pytest.approx(11.0)


def test_ramp_never_speeds_up_a_fast_pattern() -> None:
    fast = validate_pattern("quick", "Quick", [("inhale", 2.0), ("exhale", 2.0)])
    assert phase_boundaries(fast, 0.0, 5.0, Ramp(start_bpm=6.0)) == phase_boundaries(fast, 0.0, 5.0)


@settings(max_examples=100, deadline=None)
@given(
    pid=st.sampled_from(GUIDED),
    start=st.floats(min_value=0.0, max_value=600.0),
    span=st.floats(min_value=1.0, max_value=120.0),
    ramped=st.booleans(),
)
def test_boundaries_agree_with_phase_at(pid: str, start: float, span: float, ramped: bool) -> None:
    pattern = BUILTIN_PATTERNS[pid]
    ramp = Ramp() if ramped else None
    bounds = phase_boundaries(pattern, start, start + span, ramp)
    assert all(start - 1e-6 <= t < start + span for t, _ in bounds)
    assert [t for t, _ in bounds] == sorted(t for t, _ in bounds)
    for t, phase in bounds:
        state = phase_at(pattern, t + 1e-6, ramp)
        assert state.phase is phase
        assert state.progress < 0.01


def test_ramp_bounds() -> None:
    with pytest.raises(ValueError, match="breaths a minute"):
        Ramp(start_bpm=60)
    with pytest.raises(ValueError, match="duration"):
        Ramp(duration_s=-1)


def test_validate_pattern_builds_a_user_pattern() -> None:
    p = validate_pattern(
        "my-calm", "My calm", [PhaseSpec(IN, 5.0, ""), ("hold", 2.0), ("exhale", 7.0, "Sigh")]
    )
    assert [s.cue for s in p.phases] == ["Breathe in", "Hold", "Sigh"]
    assert p.cycle_seconds == 14.0
    assert math.isclose(phase_at(p, 6.0).scale, 1.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": "Bad Id"}, "id 'Bad Id'"),
        ({"id": "box"}, "already used"),
        ({"name": "  "}, "name: must not be empty"),
        ({"phases": []}, "at least one inhale and one exhale"),
        ({"phases": [("inhale", 4.0), ("hold", 4.0)]}, "at least one inhale and one exhale"),
        ({"phases": [("breathe", 4.0), ("exhale", 4.0)]}, "phase 1: 'breathe' is not one of"),
        ({"phases": [("inhale", 40.0), ("exhale", 4.0)]}, "phase 1 (inhale): 40 s is outside"),
        ({"phases": [("inhale", 4.0), ("exhale", "x")]}, "phase 2 (exhale): seconds must be"),
        (
            {"phases": [("inhale", 2.0), ("exhale", 2.0), ("inhale", 2.0), ("exhale", 2.0)]},
            "every inhale must come before",
        ),
        ({"phases": [("inhale", 1.0), ("exhale", 1.0)]}, "one breath lasts 2 s"),
        ({"max_cycles": 0}, "max_cycles"),
    ],
)
def test_validate_pattern_errors(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "id": "mine",
        "name": "Mine",
        "phases": [("inhale", 4.0), ("exhale", 6.0)],
    }
    args.update(kwargs)
    with pytest.raises(PatternError) as info:
        validate_pattern(**args)  # type: ignore[arg-type]
    assert message in str(info.value)


def test_display_names_say_the_timing_once() -> None:
    from acumat_desktop.core.breathing import NONE_PATTERN, describe, display_name

    labels = {row["id"]: row["label"] for row in describe(BUILTIN_PATTERNS.values())}
    assert labels["box"] == "Box breathing (4-4-4-4)"
    assert labels["relax-4-6"] == "Longer exhale (4-6)"
    assert labels["4-7-8"] == "4-7-8 breathing"
    assert labels["none"] == "No guidance"
    assert display_name(NONE_PATTERN) == "No guidance"
    assert all(str(label).count("(") <= 1 for label in labels.values())
