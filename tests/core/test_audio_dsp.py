"""DSP helpers: ramps, curve, limiter, fades, loop seams, loudness and true peak."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acumat_desktop.core.audio import dsp

RATE = 48_000


def _sine(freq: float, seconds: float, amp: float = 1.0, phase: float = 0.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return amp * np.sin(2 * np.pi * freq * t + phase)


def test_perceptual_curve_is_silent_at_zero_full_at_one_and_monotonic() -> None:
    values = [dsp.perceptual_gain(v / 20) for v in range(21)]
    assert values[0] == 0.0
    assert values[-1] == 1.0
    assert all(np.diff(values) > 0)
    # half the slider is far quieter than half the amplitude: about -18 dB
    assert dsp.gain_to_db(dsp.perceptual_gain(0.5)) == pytest.approx(-18.06, abs=0.1)


@given(st.floats(0, 1), st.floats(0, 1), st.integers(1, 5000))
@settings(max_examples=60, deadline=None)
def test_gain_ramp_never_steps_more_than_a_30ms_ramp_allows(
    start: float, target: float, block: int
) -> None:
    ramp = dsp.GainRamp(RATE, start)
    ramp.set_target(target)
    gains = [start]
    for _ in range(4):
        g = ramp.render(block)
        gains.extend(np.broadcast_to(g, (block,)).tolist())
    steps = np.abs(np.diff(gains))
    assert steps.max() <= 1.0 / (0.030 * RATE) + 1e-6  # float32 gains
    if block * 4 >= 0.030 * RATE:
        assert ramp.settled
        assert gains[-1] == pytest.approx(target)


def test_gain_ramp_reaches_target_in_about_30ms() -> None:
    ramp = dsp.GainRamp(RATE, 0.0)
    ramp.set_target(1.0)
    gains = np.asarray(ramp.render(RATE // 10))
    first_full = int(np.argmax(gains >= 1.0))
    assert first_full == pytest.approx(0.030 * RATE, abs=2)


@given(st.lists(st.floats(-20, 20), min_size=1, max_size=200))
def test_limiter_never_exceeds_its_ceiling(samples: list[float]) -> None:
    out = dsp.soft_limit(np.asarray(samples))
    assert np.all(np.abs(out) <= dsp.LIMITER_CEILING)


def test_limiter_leaves_quiet_audio_untouched_and_keeps_sign_and_order() -> None:
    quiet = _sine(440, 0.1, amp=0.4)
    assert np.array_equal(dsp.soft_limit(quiet), quiet)
    loud = np.linspace(-5, 5, 1001)
    out = dsp.soft_limit(loud)
    assert np.all(np.diff(out) > 0)
    assert np.all(np.sign(out) == np.sign(loud))


def test_fade_runs_from_start_to_end_gain_smoothly() -> None:
    x = np.ones((RATE, 2))
    out = dsp.apply_fade(x, 1.0, 0.0)
    assert out[0, 0] == pytest.approx(1.0, abs=1e-4)
    assert out[-1, 0] == pytest.approx(0.0, abs=1e-9)
    assert np.all(np.diff(out[:, 0]) <= 0)


def test_fade_envelope_reaches_target_exactly_after_its_length() -> None:
    fade = dsp.Fade(RATE, 1.0)
    fade.start(0.0, 2.0)
    rendered = np.concatenate([np.broadcast_to(fade.render(1000), (1000,)) for _ in range(96)])
    assert rendered[2 * RATE - 1] == 0.0
    assert rendered[RATE] == pytest.approx(0.5, abs=0.01)
    assert not fade.active


def _seam_step(loop: np.ndarray) -> float:
    return float(np.max(np.abs(loop[0] - loop[-1])))


def _inner_step(loop: np.ndarray) -> float:
    return float(np.max(np.abs(np.diff(loop, axis=0))))


@given(st.integers(0, 2**32 - 1), st.floats(-0.5, 0.5))
@settings(max_examples=25, deadline=None)
def test_loop_crossfade_makes_any_material_seamless(seed: int, drift: float) -> None:
    rng = np.random.default_rng(seed)
    n = 4000
    # smooth noise plus a drift: start and end differ a lot, so a plain loop would click
    x = np.cumsum(rng.standard_normal((n, 2)), axis=0) * 0.01 + np.linspace(0, drift, n)[:, None]
    loop = dsp.loop_crossfade(x, 800)
    assert loop.shape == (n - 800, 2)
    assert _seam_step(loop) <= _inner_step(loop)


def test_loop_crossfade_continues_the_material_after_the_seam() -> None:
    x = np.arange(100, dtype=np.float64)[:, None]
    loop = dsp.loop_crossfade(x, 20)
    # the sample after the seam is (almost entirely) the one that followed the last sample
    assert loop[0, 0] == pytest.approx(80.0, abs=0.1)
    assert loop[-1, 0] == 79.0


def test_loudness_of_full_scale_997hz_sine_in_one_channel_is_minus_3_lufs() -> None:
    x = np.zeros((5 * RATE, 2))
    x[:, 0] = _sine(997, 5)
    assert dsp.integrated_loudness(x, RATE) == pytest.approx(-3.01, abs=0.05)


def test_loudness_scales_with_gain_and_gating_ignores_silence() -> None:
    x = np.stack([_sine(997, 4, 0.1)] * 2, axis=1)
    assert dsp.integrated_loudness(x, RATE) == pytest.approx(-20.0, abs=0.05)
    with_silence = np.concatenate([x, np.zeros_like(x)])
    # ungated this would read -23 LUFS; only the blocks straddling the edge count a little
    assert dsp.integrated_loudness(with_silence, RATE) == pytest.approx(-20.0, abs=0.25)
    assert dsp.integrated_loudness(np.zeros((RATE, 2)), RATE) == -math.inf


def test_k_weighting_makes_low_bass_count_less() -> None:
    low = np.stack([_sine(40, 4, 0.1)] * 2, axis=1)
    mid = np.stack([_sine(997, 4, 0.1)] * 2, axis=1)
    assert dsp.integrated_loudness(low, RATE) < dsp.integrated_loudness(mid, RATE) - 1.5


def test_true_peak_finds_peaks_between_samples() -> None:
    # fs/4 sine with 45° phase: every sample sits at ±0.707 but the wave reaches ±1.0
    x = _sine(RATE / 4, 0.5, phase=math.pi / 4)
    assert np.max(np.abs(x)) == pytest.approx(0.7071, abs=1e-3)
    assert dsp.true_peak(x) == pytest.approx(1.0, abs=0.03)


def test_normalise_hits_target_loudness_and_peak_ceiling() -> None:
    rng = np.random.default_rng(1)
    x = rng.standard_normal((6 * RATE, 2)) * 0.3
    x[RATE : RATE + 100] *= 8  # a spike that would break the ceiling at -27 LUFS
    out = dsp.normalise(x, RATE)
    assert dsp.integrated_loudness(out, RATE) == pytest.approx(-27.0, abs=0.5)
    assert dsp.true_peak_db(out) <= -6.0
