"""How long the benchmarks watch: the shown session over whole breaths of its routine."""

from __future__ import annotations

from tests.benchmarks.bench_desktop import QUICK, Plan, breath_s, whole_breaths


def test_a_shown_session_is_measured_over_whole_breaths_of_its_routine() -> None:
    breath = breath_s()
    assert breath == 10.0  # the routine (first-time) breathes relax-4-6: 4 s in, 6 s out
    # a quick run's 2 s span saw only the middle of the first inhale, the dial's busiest part
    assert QUICK.shown_s == breath
    assert Plan().shown_s == 2 * breath
    assert "3 shown-session pairs of 20 s (whole breaths)" in Plan().describe()


def test_a_span_rounds_to_the_nearest_whole_breath_and_never_to_none() -> None:
    assert whole_breaths(2.0, 10.0) == 10.0
    assert whole_breaths(14.0, 10.0) == 10.0
    assert whole_breaths(16.0, 10.0) == 20.0
    assert whole_breaths(16.0, 16.0) == 16.0
