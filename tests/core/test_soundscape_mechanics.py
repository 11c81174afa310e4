"""The mechanics that make the endless soundscapes cheap (issue 10, "Cost"): beds that draw
only the bins that matter, slow curves and envelopes at a control rate, banks of drop shapes,
and one shared thread rendering ahead for every layer. Each must leave the sound as it was."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from acumat_desktop.core.audio.scapes import base
from acumat_desktop.core.audio.scapes.base import (
    Bank,
    NoiseBed,
    SlowCurve,
    Upsampler,
    band,
    decaying_sine,
    tilt,
)
from acumat_desktop.core.audio.scapes.descriptors import spectral_tilt
from acumat_desktop.core.audio.scapes.ocean import Ocean
from acumat_desktop.core.audio.scapes.rain import dulled
from acumat_desktop.core.audio.scapes.wind import Wind
from acumat_desktop.core.audio.sequencer import FILL_BLOCKS, GENERATOR, SoundscapeSource

RATE = 48_000
HOP = RATE // 4


def _bed_output(
    shape: base.Gain, decimate: int = 1, blocks: int = 160, overlap: float = 1.0
) -> tuple[NoiseBed, np.ndarray]:
    bed = NoiseBed(
        np.random.default_rng(3), RATE, HOP, channels=2, decimate=decimate, overlap=overlap
    )
    gains = bed.unit(shape)
    return bed, np.concatenate([bed.rows(gains) for _ in range(blocks)], axis=1)


def _band_db(x: np.ndarray, lo: float, hi: float) -> float:
    """Mean power spectral density (dB) of ``x`` (channels, n) between lo and hi Hz."""
    n = 8192
    frames = x[:, : x.shape[1] // n * n].reshape(x.shape[0], -1, n) * np.hanning(n)
    psd = np.mean(np.abs(np.fft.rfft(frames, axis=-1)) ** 2, axis=(0, 1))
    f = np.fft.rfftfreq(n, 1 / RATE)
    return float(10 * np.log10(np.mean(psd[(f >= lo) & (f < hi)])))


def test_a_band_limited_bed_draws_only_its_band_and_keeps_level_and_spectrum(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rumble = tilt(1.0, 25.0, 600.0)
    sparse_bed, sparse = _bed_output(rumble)
    hi = sparse_bed._span[1]
    assert hi < 0.2 * sparse_bed.freqs.size  # the rumble's bins end below ~5 kHz
    monkeypatch.setattr(base, "SPARSE", 0.0)  # every bin drawn
    full_bed, full = _bed_output(rumble)
    assert full_bed._span[1] == full_bed.freqs.size
    rms = np.sqrt(np.mean(sparse**2, axis=1))
    assert rms == pytest.approx([1.0, 1.0], abs=0.04)
    assert rms == pytest.approx(np.sqrt(np.mean(full**2, axis=1)), abs=0.04)
    for f_lo, f_hi in ((30, 60), (100, 200), (400, 800), (1_000, 2_000)):
        assert _band_db(sparse, f_lo, f_hi) == pytest.approx(_band_db(full, f_lo, f_hi), abs=1.0)
    assert np.mean(sparse[:, :-1] * sparse[:, 1:]) > 0.9  # still a deep rumble, not hiss


def test_a_bed_is_gaussian_noise_with_no_seam_between_blocks() -> None:
    _, x = _bed_output(tilt(0.5, 20.0, 15_000.0), blocks=40)
    kurtosis = np.mean(x**4) / np.mean(x**2) ** 2
    assert kurtosis == pytest.approx(3.0, abs=0.1)
    steps = np.abs(np.diff(x, axis=1))
    seams = steps[:, HOP - 1 :: HOP]
    assert np.max(seams) < 6 * np.std(steps)  # block joins step no more than anywhere else


def test_a_broadband_bed_in_frames_overlapping_by_a_quarter_sounds_the_same() -> None:
    """The ocean's crash, foam and wash in frames 1.25 blocks long instead of 2 (a flat window
    with sine tapers, sin² + cos² = 1 where frames meet): 37 % less FFT and fewer random
    bytes, and still the same level, spectrum and Gaussian noise, with no seam anywhere."""
    crash = tilt(0.35, 150.0, 9_000.0, 1.5)
    bed, x = _bed_output(crash, blocks=80, overlap=0.25)
    _, reference = _bed_output(crash, blocks=80)
    assert bed.overlap == HOP // 4 and bed.window.size == HOP + HOP // 4
    window = bed.window.astype(np.float64)
    assert np.allclose(window[: bed.overlap] ** 2 + window[HOP:] ** 2, 1.0, atol=1e-6)
    assert np.sqrt(np.mean(x**2, axis=1)) == pytest.approx([1.0, 1.0], abs=0.03)
    assert np.mean(x**4) / np.mean(x**2) ** 2 == pytest.approx(3.0, abs=0.1)
    for f_lo, f_hi in ((100, 200), (400, 800), (2_000, 4_000), (8_000, 16_000)):
        assert _band_db(x, f_lo, f_hi) == pytest.approx(_band_db(reference, f_lo, f_hi), abs=0.5)
    # power over each 1/8 s is steady across the frames' joins (a dip would be heard)
    power = np.mean(x.reshape(2, -1, RATE // 8) ** 2, axis=(0, 2))
    assert np.max(np.abs(10 * np.log10(power))) < 1.0
    steps = np.abs(np.diff(x, axis=1))
    assert np.max(steps[:, HOP - 1 :: HOP]) < 6 * np.std(steps)


def test_a_decimated_bed_follows_its_gain_below_its_own_nyquist() -> None:
    """A slow modulator (ocean crackle) run at 4.8 kHz and interpolated up: the same level,
    the same spectrum where it has its energy; above, only the interpolation's faint images
    (well under the full-rate bed's own skirt, itself ~30 dB down)."""
    fizz = band(20.0, 180.0, 1.0)
    bed, x = _bed_output(fizz, decimate=10)
    _, reference = _bed_output(fizz)
    assert bed.hop == HOP // 10 and x.shape[1] == 160 * HOP
    assert np.sqrt(np.mean(x**2)) == pytest.approx(1.0, abs=0.06)
    for f_lo, f_hi in ((30, 60), (100, 200), (300, 600)):
        assert _band_db(x, f_lo, f_hi) == pytest.approx(_band_db(reference, f_lo, f_hi), abs=1.0)
    assert _band_db(x, 5_000, 20_000) < _band_db(reference, 5_000, 20_000) - 12


@pytest.mark.parametrize("step", [4, 16, 17, 48])  # short steps take another way
def test_the_upsampler_joins_control_values_into_one_continuous_line(step: int) -> None:
    up = Upsampler(step)
    ramp = np.arange(1, 1_001, dtype=np.float64)  # the value at the end of each step
    out = np.concatenate([up(part) for part in np.split(ramp, [3, 250, 251, 600])])
    frames = np.arange(out.size)
    assert out.shape == (1_000 * step,)
    assert np.allclose(out[step:], frames[step:] / step)  # exactly the line the values lie on


@pytest.mark.parametrize("step", [4, 48])
def test_the_upsampler_keeps_rows_and_type(step: int) -> None:
    values = np.random.default_rng(1).random((3, 2, 50)).astype(np.float32)
    whole = Upsampler(step)(values)
    per_row = [Upsampler(step)(values[i]) for i in range(3)]
    assert whole.dtype == np.float32 and whole.shape == (3, 2, 50 * step)
    assert np.array_equal(whole, np.stack(per_row))
    assert np.allclose(whole[..., step::step], values[..., :-1])  # on the frame after its step


def test_slow_curves_at_control_rate_match_the_per_sample_curve() -> None:
    fine = SlowCurve(np.random.default_rng(5), RATE, 0.12, step=1)
    coarse = SlowCurve(np.random.default_rng(5), RATE, 0.12)
    assert coarse.step == 48
    a = np.concatenate([fine.next(HOP) for _ in range(40)])
    b = np.concatenate([coarse.next(HOP) for _ in range(40)])
    assert np.max(np.abs(a[48:] - b[48:])) < 1e-3 * np.ptp(a)


def test_ocean_envelopes_at_control_rate_match_the_per_sample_ones() -> None:
    ocean = Ocean(7, RATE)
    for _ in range(4 * 60):
        ocean.block()  # a minute of sea; its last 20 s hold waves in every phase
    t = ocean.block_start / RATE - 20.0 + np.arange(20 * RATE) / RATE
    exact = ocean.wave_envelopes(t)
    up = Upsampler(ocean.step)
    control = t[ocean.step - 1 :: ocean.step] + 1 / RATE  # the end of each step
    approx = up(ocean.wave_envelopes(control))
    peak = np.max(exact)
    assert ocean.step == 240 and peak > 0.3
    error = np.abs(exact - approx)[:, ocean.step :]
    # the foam's one jump (it steps down as the wave crashes) becomes a 5 ms ramp; elsewhere
    # the control-rate envelope is the per-sample one
    jumps = np.abs(np.diff(exact, axis=1, prepend=exact[:, :1])) > 0.01 * peak
    near_jump = np.convolve(jumps.any(axis=0), np.ones(2 * ocean.step + 1), "same") > 0
    assert np.count_nonzero(near_jump) < 0.01 * t.size
    assert np.max(error[:, ~near_jump[ocean.step :]]) < 0.01 * peak


def test_wind_whistles_keep_their_airy_skirts_in_the_bed() -> None:
    """A whistle's band core runs at 960 Hz; its faint skirts, reaching far up, join the
    bed's spectrum where and as loud as the whistles sing (without them the wind's top
    octaves go dark: tilt -10.7 dB/oct against the original -9.2 on this seed)."""
    wind = Wind(11, RATE)
    for _ in range(8):
        wind.block()
    wind._drive = np.zeros(3)
    quiet = wind._gains(0.5, np.array([500.0, 900.0, 1_500.0]))
    wind._drive = np.array([0.2, 0.0, 0.0])
    singing = wind._gains(0.5, np.array([500.0, 900.0, 1_500.0]))
    f = wind.noise.freqs
    added = singing**2 - quiet**2
    assert np.all(added >= 0) and singing[0] == 0.0  # no DC
    near = np.abs(f - 500.0) < 20.0
    assert np.sum(added[near]) < 0.03 * np.sum(added)  # the core is the whistle's own band...
    assert added[np.argmin(np.abs(f - 4_500.0))] > 0.0  # ...the skirt reaches 4 kHz away
    assert np.sum(added) / f.size == pytest.approx(0.029 * (0.2 / 0.5) ** 2, rel=0.1)
    x = SoundscapeSource("wind", seed=11).next_block(130 * RATE)
    assert spectral_tilt(x, RATE) > -9.9


def test_a_bank_plays_every_pitch_it_is_asked_for() -> None:
    rng = np.random.default_rng(1)
    bank = Bank(np.geomspace(600, 7_400, 24), 2, lambda f: decaying_sine(RATE, f, 0.01))
    for pitch in (617.0, 1_000.0, 2_345.0, 6_999.0):
        sig = bank.get(rng, pitch)
        spectrum = np.abs(np.fft.rfft(sig, n=1 << 16))
        found = np.argmax(spectrum) * RATE / (1 << 16)
        assert found == pytest.approx(pitch, rel=0.02)
    assert bank.nbytes < 1_000_000


def test_far_drops_lose_their_top_but_keep_their_body() -> None:
    """A one-pole low-pass (cutoff 14 kHz / distance) applied at each drop's pitch."""
    assert dulled(200.0, 4.0) > 0.99  # a splat's thump keeps its body
    assert 20 * np.log10(dulled(3_500.0, 4.0)) == pytest.approx(-3.0, abs=0.05)
    assert dulled(6_000.0, 4.5) < dulled(6_000.0, 2.0) < dulled(2_000.0, 2.0) < 1.0
    assert dulled(6_000.0, 1.2) == 1.0  # near drops: untouched


def test_one_shared_thread_renders_ahead_for_every_layer_in_order() -> None:
    ids = ("rain", "ocean", "wind", "singing-bowls")
    plain = {sid: SoundscapeSource(sid, seed=4).next_block(2 * RATE) for sid in ids}
    sources = [SoundscapeSource(sid, seed=4, prefetch_seconds=0.5) for sid in ids]
    try:
        served = {sid: [] for sid in ids}  # type: dict[str, list[np.ndarray]]
        for _ in range(2 * RATE // 1_024 + 1):
            for source in sources:
                served[source.sound_id].append(source.next_block(1_024))
        names = [t.name for t in threading.enumerate() if t.name.startswith("acumat-scape")]
        assert names == ["acumat-scapes"]  # one thread, not one per layer
        assert all(s.prefetching for s in sources)
        for sid in ids:
            assert np.array_equal(np.concatenate(served[sid])[: 2 * RATE], plain[sid])
    finally:
        for source in sources:
            source.close(wait=True)
    assert not any(GENERATOR.serves(s) for s in sources)


def test_a_long_target_is_queued_a_chunk_at_a_time_in_order() -> None:
    """A top-up of three seconds is queued a second at a time (a reader finding an empty
    queue waits for one chunk, not three), and the chunks continue one another exactly."""
    plain = SoundscapeSource("rain", seed=6).next_block(3 * RATE)
    source = SoundscapeSource("rain", seed=6)  # no prefetch thread: filled by hand
    source._ahead = 3 * RATE
    source.fill()
    chunks = list(source._ready)
    assert [c.shape[0] for c in chunks] == [FILL_BLOCKS * source.scape.hop] * 3
    assert np.array_equal(np.concatenate(chunks), plain)
