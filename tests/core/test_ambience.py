"""Ambience outside sessions on a fake clock: the sleep timer's fade, pause, stop, hand-over."""

from __future__ import annotations

import math
from typing import Any

import pytest

from acumat_desktop.core.audio.ambience import (
    FADE_IN_S,
    HANDOVER_S,
    LOAD_WAIT_S,
    RELEASE_MARGIN_S,
    SLEEP_FADE_S,
    STOP_FADE_S,
    Ambience,
    AmbienceState,
    sleep_fade_s,
)
from acumat_desktop.core.audio.score import FadeIn, FadeOut, FadeTo, Release, SetLayers
from acumat_desktop.core.clock import FakeClock

RAIN = [("rain", 1.0)]


def near(value: float) -> Any:
    """pytest.approx, typed to stand where a float goes."""
    return pytest.approx(value)


def run_until(ambience: Ambience, clock: FakeClock, seconds: float) -> list[tuple[float, object]]:
    """Advance as a single-shot timer would, collecting (time, action)."""
    start = clock.monotonic()
    seen: list[tuple[float, object]] = []
    while True:
        due = ambience.next_due_in()
        if due is None or clock.monotonic() + due > start + seconds:
            return seen
        clock.advance(due)
        seen += [(clock.monotonic() - start, action) for action in ambience.poll()]


def test_play_sets_the_layers_and_fades_in_with_nothing_pending() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    assert ambience.play("rain", RAIN) == [SetLayers((("rain", 1.0),)), FadeIn(FADE_IN_S)]
    assert ambience.next_due_in() is None  # no timer runs for ambience without a sleep timer
    info = ambience.info()
    assert info.playing and info.mix == "rain" and info.sleep_timer_remaining_s is None


def test_sleep_timer_fades_out_over_its_last_minute_and_ends_silent() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN, minutes=30)
    assert ambience.next_due_in() == near(30 * 60 - SLEEP_FADE_S)
    seen = run_until(ambience, clock, 31 * 60)
    assert seen == [
        (near(30 * 60 - SLEEP_FADE_S), FadeOut(near(SLEEP_FADE_S))),
        (near(30 * 60), Release()),
    ]
    assert ambience.state is AmbienceState.STOPPED and ambience.next_due_in() is None


def test_a_short_timer_fades_over_half_of_itself() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN, minutes=1)
    assert sleep_fade_s(60) == 30
    clock.advance(20)
    assert ambience.info().sleep_timer_remaining_s == near(40)
    assert ambience.poll() == []
    clock.advance(10)
    assert ambience.poll() == [FadeOut(near(30))]


def test_stop_fades_then_releases_the_output() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN, minutes=15)
    clock.advance(5)
    assert ambience.stop() == [FadeOut(STOP_FADE_S)]
    assert not ambience.info().playing
    assert ambience.next_due_in() == near(STOP_FADE_S + RELEASE_MARGIN_S)
    assert run_until(ambience, clock, 10) == [(near(2.3), Release())]
    assert ambience.stop() == []


def test_pause_freezes_the_sleep_timer_and_resume_comes_back_part_way_down_its_fade() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN, minutes=10)
    clock.advance(10 * 60 - 30)  # half-way through the 60 s fade
    ambience.poll()
    assert ambience.pause() == [FadeOut(1.0)]
    clock.advance(3600)
    assert ambience.next_due_in() is None
    assert ambience.info().sleep_timer_remaining_s == near(30)
    actions = ambience.resume()
    assert actions[0] == FadeTo(near(0.5), 1.5)
    assert FadeOut(near(30)) in actions
    assert run_until(ambience, clock, 60) == [(near(30), Release())]


def test_hand_over_cross_fades_into_the_session_layers_without_silence() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("Evening", [("rain", 0.8)], minutes=30)
    clock.advance(60)
    first = ambience.hand_over([("ocean", 0.6)])
    assert first == [SetLayers((("rain", 0.8), ("ocean", 0.0)))]
    assert ambience.state is AmbienceState.STOPPED  # the session owns the sound now
    steps = [action for _, action in run_until(ambience, clock, 10)]
    assert all(isinstance(step, SetLayers) for step in steps)
    assert steps[-1] == SetLayers((("ocean", 0.6),))
    assert ambience.next_due_in() is None  # no release: the session keeps the output
    for step in steps:  # equal power (in the mixer's cubic gain): the loudness never dips
        assert isinstance(step, SetLayers)
        power = sum((volume**3) ** 2 for _, volume in step.layers)
        assert power**0.5 >= 0.6**3 - 1e-6
    assert abs(len(steps) - HANDOVER_S / 0.1) <= 1


def test_hand_over_to_the_same_layers_changes_nothing() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN)
    assert ambience.hand_over(RAIN) == []
    assert ambience.next_due_in() is None


def test_a_session_starting_while_the_stop_fades_cancels_the_release() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN)
    ambience.stop()
    clock.advance(1)
    assert ambience.hand_over([("ocean", 1.0)]) == []
    assert ambience.next_due_in() is None  # the session's sound is not released under it


def test_bad_requests_are_refused() -> None:
    ambience = Ambience(FakeClock())
    with pytest.raises(ValueError, match="at least one"):
        ambience.play("none", [])
    with pytest.raises(ValueError, match="minutes"):
        ambience.play("rain", RAIN, minutes=0)
    with pytest.raises(RuntimeError):
        ambience.set_layers(RAIN)


def test_playing_again_replaces_the_mix_without_dropping_the_level() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN, minutes=5)
    assert ambience.play("ocean", [("ocean", 1.0)]) == [
        SetLayers((("ocean", 1.0),)),
        FadeTo(1.0, FADE_IN_S),
    ]
    assert ambience.info().sleep_timer_remaining_s is None


def test_the_cross_fade_waits_for_the_session_sounds_to_load() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN)
    assert ambience.hand_over([("ocean", 1.0)]) == [SetLayers((("rain", 1.0), ("ocean", 0.0)))]
    assert ambience.awaited == ["ocean"]
    clock.advance(2)
    assert ambience.poll(loaded=False) == [], "the ambience plays on while ocean renders"
    clock.advance(1)
    assert ambience.poll(loaded=True) == [SetLayers((("rain", 1.0), ("ocean", 0.0)))]
    assert ambience.awaited == []
    clock.advance(HANDOVER_S / 2)
    half = round(math.cos(math.pi / 4) ** (1 / 3), 4)  # -3 dB each, in gain
    assert ambience.poll() == [SetLayers((("rain", half), ("ocean", half)))]
    clock.advance(HANDOVER_S / 2)
    assert ambience.poll() == [SetLayers((("ocean", 1.0),))]
    assert ambience.next_due_in() is None


def test_a_sound_that_never_loads_holds_the_cross_fade_back_only_so_long() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", RAIN)
    ambience.hand_over([("user-gone", 1.0)])
    clock.advance(LOAD_WAIT_S)
    assert ambience.poll(loaded=False) == [SetLayers((("rain", 1.0), ("user-gone", 0.0)))]
    assert ambience.awaited == []


def test_a_sound_in_both_mixes_moves_straight_to_its_new_volume() -> None:
    clock = FakeClock()
    ambience = Ambience(clock)
    ambience.play("rain", [("rain", 1.0)])
    ambience.hand_over([("rain", 0.5), ("wind", 0.5)])
    ambience.poll(loaded=True)
    clock.advance(HANDOVER_S / 2)
    (step,) = ambience.poll()
    assert isinstance(step, SetLayers)
    rain = dict(step.layers)["rain"]
    assert abs(rain**3 - (1.0 + 0.5**3) / 2) < 1e-3
