"""Measured descriptors of the endless soundscapes (issue 10): no loop is heard, and each one
sounds like what it is named. 130 s of each (two minutes, plus what lets a 100 s lag keep
30 s of overlap), on a fixed seed, rendered once."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from acumat_desktop.core.audio import dsp
from acumat_desktop.core.audio.names import SOUNDSCAPES
from acumat_desktop.core.audio.scapes import make_scape
from acumat_desktop.core.audio.scapes.bowls import Bowl, SingingBowls, Voice
from acumat_desktop.core.audio.scapes.descriptors import (
    body_db,
    frame_db,
    high_pass,
    self_similarity,
    transient_rate,
    wave_shape,
)
from acumat_desktop.core.audio.scapes.ocean import Ocean
from acumat_desktop.core.audio.sequencer import SoundscapeSource

RATE = 48_000
SECONDS = 130.0
SEED = 11


@pytest.fixture(scope="module")
def two_minutes() -> dict[str, np.ndarray]:
    return {
        sid: SoundscapeSource(sid, seed=SEED).next_block(int(SECONDS * RATE)) for sid in SOUNDSCAPES
    }


@pytest.mark.parametrize("sound_id", list(SOUNDSCAPES))
def test_loudness_and_true_peak_of_the_stream(
    two_minutes: dict[str, np.ndarray], sound_id: str
) -> None:
    x = two_minutes[sound_id]
    assert x.dtype == np.float32
    assert dsp.integrated_loudness(x, RATE) == pytest.approx(-27.0, abs=2.0)
    assert dsp.true_peak_db(x) <= -6.0


@pytest.mark.parametrize("sound_id", list(SOUNDSCAPES))
def test_the_loudness_envelope_never_repeats(
    two_minutes: dict[str, np.ndarray], sound_id: str
) -> None:
    r, lag = self_similarity(two_minutes[sound_id], RATE, 8.0, 100.0)
    assert r < 0.8, f"envelope repeats at {lag} s (r={r:.2f})"


def test_a_loop_is_caught_by_the_self_similarity_measure(
    two_minutes: dict[str, np.ndarray],
) -> None:
    loop = two_minutes["rain"][: 45 * RATE]  # what the app played before: a 45 s loop
    r, lag = self_similarity(np.concatenate([loop, loop, loop])[: int(SECONDS * RATE)], RATE)
    assert r > 0.95
    assert lag in (45.0, 90.0)


def test_rain_has_body_and_distinct_drops(two_minutes: dict[str, np.ndarray]) -> None:
    x = two_minutes["rain"]
    assert body_db(x, RATE) > -12.0  # was -23 dB: a band-pass from 600 Hz
    assert transient_rate(x, RATE) > 2.0  # drops stand out of the bed (was 0.3/s)


def test_rain_drops_ring_at_many_pitches_not_three() -> None:
    """The long-term spectrum of the drops alone has no narrow peaks (the old rain rang at
    900, 1800 and 3200 Hz)."""
    scape = make_scape("rain", SEED, RATE)
    drops = np.concatenate([scape.block()[1].T for _ in range(4 * 30)])
    spectrum = np.abs(np.fft.rfft(drops.mean(axis=1))) ** 2
    f = np.fft.rfftfreq(drops.shape[0], 1 / RATE)
    centres = np.geomspace(700, 5_000, 40)
    fine = np.array([spectrum[(f > c * 0.97) & (f < c * 1.03)].mean() for c in centres])
    broad = np.array([spectrum[(f > c * 0.7) & (f < c * 1.4)].mean() for c in centres])
    assert np.max(10 * np.log10(fine / broad)) < 3.0


def test_ocean_waves_rise_fast_fall_slowly_and_the_wash_stays(
    two_minutes: dict[str, np.ndarray],
) -> None:
    x = two_minutes["ocean"]
    attack, decay = wave_shape(x, RATE)
    assert attack <= 1.2  # a breaking wave crashes (was 2.4 s)
    assert decay >= 3 * attack
    env = frame_db(x, RATE, 0.5)
    assert np.percentile(env, 2) > np.median(env) - 12  # foam and wash between waves


def test_ocean_waves_come_at_irregular_intervals() -> None:
    scape = make_scape("ocean", SEED, RATE)
    assert isinstance(scape, Ocean)
    starts: list[float] = []
    for _ in range(4 * 120):
        scape.block()
        starts += [w.start for w in scape.waves if w.start not in starts]
    gaps = np.diff(sorted(starts))
    assert len(gaps) >= 8
    assert np.std(gaps) / np.mean(gaps) > 0.4


def test_a_bowl_strike_rings_out_to_silence_and_is_never_cut() -> None:
    rng = np.random.default_rng(SEED)
    voice = Voice(rng, Bowl.make(rng, 196.0), 0, 1.0, RATE)
    hop, blocks = RATE // 4, list[np.ndarray]()
    while not voice.done:
        blocks.append(voice.render(len(blocks) * hop, hop))
    x = np.concatenate(blocks)
    peak = np.max(np.abs(x))
    assert x.shape[0] > 40 * RATE  # rings for well over 24 s
    assert np.max(np.abs(x[-hop:])) < 1e-4 * peak  # and has rung out when it stops
    steps = np.abs(np.diff(x))
    assert np.max(steps[RATE:]) < 0.1 * peak  # no step anywhere after the attack


def test_bowls_are_struck_at_varied_times_on_varied_bowls() -> None:
    scape = make_scape("singing-bowls", SEED, RATE)
    assert isinstance(scape, SingingBowls)
    for _ in range(4 * 180):
        scape.block()
    frames, bowls = zip(*scape.strikes, strict=True)
    gaps = np.diff(frames) / RATE
    assert len(bowls) >= 12
    assert len(set(bowls)) >= 4
    assert all(a != b for a, b in itertools.pairwise(bowls))
    assert np.std(gaps) / np.mean(gaps) > 0.4
    melody = bowls[:6]
    later = [bowls[i : i + 6] for i in range(1, len(bowls) - 5)]
    assert melody not in later  # the old loop replayed one six-strike melody every 45 s


def test_wind_whistles_glide_with_the_gusts(two_minutes: dict[str, np.ndarray]) -> None:
    """The pitch of what whistles (the spectrum standing 6 dB over its smoothed self) rises
    with the wind's loudness; the old whistles sat at four fixed pitches (r = 0.19)."""
    m = two_minutes["wind"].mean(axis=1).astype(np.float64)
    n, hop = 8192, RATE // 5
    f = np.fft.rfftfreq(n, 1 / RATE)
    band = (f >= 200) & (f < 2_500)
    pitch, level = [], []
    for i in range(0, m.size - n, hop):
        s = np.abs(np.fft.rfft(m[i : i + n] * np.hanning(n)))[band] ** 2
        tonal = np.maximum(s - 4 * np.convolve(s, np.ones(101) / 101, mode="same"), 0.0)
        if tonal.sum() > 0.02 * s.sum():
            pitch.append(np.sum(f[band] * tonal) / tonal.sum())
            level.append(10 * np.log10(np.mean(m[i : i + n] ** 2)))
    assert len(pitch) > 200
    assert np.corrcoef(pitch, level)[0, 1] > 0.45


def test_stream_bands_swell_independently_and_bubbles_are_heard(
    two_minutes: dict[str, np.ndarray],
) -> None:
    x = two_minutes["stream"]
    spectrum = np.fft.rfft(x.mean(axis=1).astype(np.float64))
    f = np.fft.rfftfreq(x.shape[0], 1 / RATE)
    low = np.fft.irfft(spectrum * ((f >= 150) & (f < 500)), n=x.shape[0])
    high = np.fft.irfft(spectrum * ((f >= 2_500) & (f < 6_000)), n=x.shape[0])
    r = np.corrcoef(frame_db(low, RATE, 0.05), frame_db(high, RATE, 0.05))[0, 1]
    assert r < 0.35  # the old stream shared one tremolo: 0.62
    assert transient_rate(x, RATE) > 2.0
    assert np.std(frame_db(high_pass(x, RATE, 700.0), RATE, 0.05)) > 2.0
