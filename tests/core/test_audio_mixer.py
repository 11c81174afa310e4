"""The mixer: layers ramp, fades, ducking, limiter and one-shots at exact sample positions."""

from __future__ import annotations

import numpy as np
import pytest

from acumat_desktop.core.audio import cues, dsp, synth
from acumat_desktop.core.audio.mixer import (
    DUCK_DB,
    DUCK_GAIN,
    Mixer,
    OneShot,
    seconds_to_position,
)

RATE = 48_000


def _dc(level: float, frames: int = RATE) -> np.ndarray:
    return np.full((frames, 2), level, dtype=np.float32)


def _render(mixer: Mixer, frames: int, block: int = 941) -> np.ndarray:
    parts = []
    left = frames
    while left > 0:
        n = min(block, left)
        parts.append(mixer.render(n))
        left -= n
    return np.concatenate(parts)


def _click(level: float = 0.25) -> np.ndarray:
    s = np.zeros((10, 2), dtype=np.float32)
    s[0] = level
    return s


def test_nothing_playing_is_exact_silence() -> None:
    out = _render(Mixer(RATE), RATE // 2)
    assert not np.any(out)


def test_cues_land_on_the_given_phase_boundaries_whatever_the_block_size() -> None:
    boundaries = [(0.0, "inhale"), (5.5, "exhale"), (11.0, "inhale"), (15.0, "hold"), (19.5, "x")]
    mixer = Mixer(RATE)
    _render(mixer, 12_345)  # the mix has already been running for a while
    start = mixer.position
    for seconds, kind in boundaries:
        mixer.schedule(OneShot(seconds_to_position(start, seconds), _click(), kind))
    out = _render(mixer, 20 * RATE, block=1_777)
    onsets = [start + int(i) for i in np.flatnonzero(out[:, 0])]
    assert onsets == [start + round(s * RATE) for s, _ in boundaries]


def test_one_shot_scheduled_in_the_past_plays_at_once_and_clear_drops_pending_ones() -> None:
    mixer = Mixer(RATE)
    _render(mixer, 1000)
    mixer.schedule(OneShot(5000, _click(), "exhale"))
    mixer.schedule(OneShot(6000, _click(), "start"))
    mixer.clear({"inhale", "exhale", "hold"})
    mixer.schedule(OneShot(10, _click(), "inhale"))  # already rendered: plays now (frame 1000)
    out = _render(mixer, 8000)
    assert [int(i) for i in np.flatnonzero(out[:, 0])] == [0, 5000]


def test_new_layer_ramps_in_without_a_click_and_settles_at_its_perceptual_volume() -> None:
    mixer = Mixer(RATE)
    mixer.set_layer("hum", _dc(0.4), 0.8)
    out = _render(mixer, RATE // 10, block=480)
    steps = np.abs(np.diff(out[:, 0]))
    assert steps.max() <= 0.4 / (0.030 * RATE) + 1e-6
    assert out[-1, 0] == pytest.approx(0.4 * dsp.perceptual_gain(0.8), rel=1e-4)


def test_volume_change_and_removal_are_ramped() -> None:
    mixer = Mixer(RATE)
    mixer.set_layer("hum", _dc(0.4), 1.0)
    _render(mixer, RATE // 10)
    mixer.set_layer_volume("hum", 0.5)
    mixer.remove_layer("other-that-is-not-there")
    out = _render(mixer, RATE // 10)
    assert np.abs(np.diff(out[:, 0])).max() <= 0.4 / (0.030 * RATE) + 1e-6
    assert out[-1, 0] == pytest.approx(0.4 * 0.125, rel=1e-4)
    mixer.remove_layer("hum")
    out = _render(mixer, RATE // 10)
    assert np.abs(np.diff(out[:, 0])).max() <= 0.4 / (0.030 * RATE) + 1e-6
    assert out[-1, 0] == 0.0
    assert mixer.layers() == []
    assert mixer.is_silent()


def test_layers_loop_across_their_end() -> None:
    ramp = np.linspace(-0.3, 0.3, 1000, dtype=np.float32)
    mixer = Mixer(RATE)
    mixer.set_layer("saw", np.stack([ramp, ramp], axis=1), 1.0)
    _render(mixer, 2000)  # past the gain ramp
    out = _render(mixer, 2500, block=333)
    # int16 storage: within half a step of 0.3/32767
    assert np.allclose(out[:, 0], np.tile(ramp, 3)[:2500], atol=0.3 / 32767)


def test_master_volume_and_mute_scale_everything() -> None:
    mixer = Mixer(RATE)
    mixer.set_layer("hum", _dc(0.4), 1.0)
    mixer.set_master_volume(0.5)
    out = _render(mixer, RATE // 10)
    assert out[-1, 0] == pytest.approx(0.4 * 0.125, rel=1e-4)
    mixer.set_muted(True)
    out = _render(mixer, RATE // 10)
    assert out[-1, 0] == 0.0
    assert np.abs(np.diff(out[:, 0])).max() <= 0.4 / (0.030 * RATE) + 1e-6


def test_fade_out_reaches_silence_within_the_fade_time_but_bells_still_ring() -> None:
    mixer = Mixer(RATE)
    mixer.set_layer("hum", _dc(0.4), 1.0)
    _render(mixer, RATE // 10)
    mixer.fade_to(0.0, 2.0)
    out = _render(mixer, 2 * RATE)
    assert out[RATE, 0] == pytest.approx(0.2, abs=0.01)
    assert out[-1, 0] == 0.0
    mixer.schedule(OneShot(mixer.position, _click(), "end"))
    out = _render(mixer, 100)
    assert out[0, 0] == pytest.approx(0.25)


def test_ambience_ducks_under_a_cue_and_comes_back() -> None:
    mixer = Mixer(RATE)
    mixer.set_layer("hum", _dc(0.4), 1.0)
    _render(mixer, RATE // 10)
    cue = np.zeros((RATE // 2, 2), dtype=np.float32)
    at = mixer.position + RATE // 2
    mixer.schedule(OneShot(at, cue, "inhale", ducks=True))
    out = _render(mixer, 2 * RATE, block=480)
    assert out[RATE // 2 - 8000, 0] == pytest.approx(0.4, rel=1e-3)  # not yet
    assert out[RATE // 2 + RATE // 4, 0] == pytest.approx(0.4 * DUCK_GAIN, rel=1e-3)  # under
    assert out[-1, 0] == pytest.approx(0.4, rel=1e-3)  # back
    assert np.abs(np.diff(out[:, 0])).max() < 0.001


def test_a_loud_sum_is_limited_below_full_scale() -> None:
    rng = np.random.default_rng(0)
    mixer = Mixer(RATE)
    for i in range(6):
        mixer.set_layer(f"l{i}", rng.uniform(-0.9, 0.9, (RATE, 2)).astype(np.float32), 1.0)
    out = _render(mixer, RATE)
    assert np.abs(out).max() <= dsp.LIMITER_CEILING
    assert np.abs(out).max() > 0.8


def test_a_ramped_clear_fades_a_ringing_bell_within_the_fade_and_drops_pending_shots() -> None:
    mixer = Mixer(RATE)
    bell = _dc(0.3, 9 * RATE)  # rings for 9 s
    mixer.schedule(OneShot(0, bell, "end"))
    mixer.schedule(OneShot(3 * RATE, _click(), "inhale"))  # not started yet
    _render(mixer, RATE)  # one second into the bell
    mixer.clear(fade_s=0.5)
    out = _render(mixer, RATE, block=480)
    assert out[0, 0] == pytest.approx(0.3, rel=1e-3), "the fade starts from where the bell is"
    assert out[RATE // 4, 0] == pytest.approx(0.15, rel=0.02), "half-way down at half the fade"
    assert not np.any(out[RATE // 2 :]), "silent from the end of the fade on"
    assert np.abs(np.diff(out[:, 0])).max() < 0.3 / (0.5 * RATE) * 2, "no click on the way"
    assert mixer.is_silent()
    assert not np.any(_render(mixer, 3 * RATE)), "the pending cue was dropped"


def test_a_ramped_clear_of_cues_leaves_bells_and_later_shots_alone() -> None:
    mixer = Mixer(RATE)
    mixer.schedule(OneShot(0, _dc(0.2, 2 * RATE), "start"))
    mixer.schedule(OneShot(0, _dc(0.1, 2 * RATE), "inhale"))
    _render(mixer, RATE // 2)
    mixer.clear({"inhale", "hold", "exhale"}, fade_s=0.1)
    mixer.schedule(OneShot(mixer.position + RATE // 4, _dc(0.05, 100), "exhale"))  # after the clear
    out = _render(mixer, RATE)
    assert out[RATE // 5, 0] == pytest.approx(0.2, rel=1e-3), "the bell rings on, the cue is out"
    assert out[RATE // 4 + 10, 0] == pytest.approx(0.25, rel=1e-3), "a cue scheduled later plays"


def test_without_a_fade_a_clear_lets_sounding_shots_ring_out() -> None:
    mixer = Mixer(RATE)
    mixer.schedule(OneShot(0, _dc(0.3, RATE), "end"))
    _render(mixer, RATE // 2)
    mixer.clear()
    out = _render(mixer, RATE // 2)
    assert np.all(out[:, 0] == pytest.approx(0.3, rel=1e-3))


def test_a_duck_is_a_gentle_dip_of_at_most_3_db() -> None:
    assert -3.0 <= DUCK_DB < 0
    assert dsp.gain_to_db(DUCK_GAIN) == pytest.approx(DUCK_DB)


def test_a_cue_that_does_not_duck_leaves_the_ambience_untouched() -> None:
    noise = np.random.default_rng(1).uniform(-0.2, 0.2, (RATE, 2)).astype(np.float32)
    plain, cued = Mixer(RATE), Mixer(RATE)
    for mixer in (plain, cued):
        mixer.set_layer("noise", noise, 1.0)
        _render(mixer, RATE // 10)
    cue = cues.render_cue("hold", RATE)
    cued.schedule(OneShot(cued.position + 100, cue, "hold"))
    difference = _render(cued, RATE) - _render(plain, RATE)
    assert np.allclose(difference[100 : 100 + cue.shape[0]], cue, atol=1e-6)


def test_a_layer_is_stored_in_half_the_memory_of_float32() -> None:
    material = synth.render_soundscape("rain", 4.0)
    mixer = Mixer(RATE)
    mixer.set_layer("rain", material, 1.0)
    stored = mixer._layers["rain"].samples
    assert stored.nbytes == material.nbytes // 2
    error = stored * mixer._layers["rain"].scale - material
    noise_db = 10 * np.log10(np.mean(error**2) / np.mean(material**2))
    # peak-scaled int16: ~98 dB under the peak, ~78 dB under rain's RMS (-27 LUFS): ~-105 dBFS
    assert noise_db < -72, noise_db


@pytest.fixture(scope="module")
def beds() -> dict[str, np.ndarray]:
    return {sid: synth.render_soundscape(sid, 4.0) for sid in synth.SOUNDSCAPES}


@pytest.mark.parametrize("kind", cues.CUES)
def test_every_cue_stands_out_over_every_soundscape_at_full_volume(
    kind: str, beds: dict[str, np.ndarray]
) -> None:
    """Heard without a dip: each cue rises >= 15 dB over each bed in its best third-octave
    band, and its momentary loudness is 2-8 LU over the bed's (-27 LUFS): plain, not a jolt."""
    cue = cues.render_cue(kind, RATE)
    padded = np.concatenate([np.zeros((RATE // 2, 2)), cue, np.zeros((RATE // 2, 2))])
    power = dsp.k_weighted_power(padded, RATE)
    window = int(0.4 * RATE)
    momentary = -0.691 + 10 * np.log10(np.convolve(power, np.ones(window) / window).max())
    assert dsp.TARGET_LUFS + 2 <= momentary <= dsp.TARGET_LUFS + 8, momentary
    for sid, bed in beds.items():
        assert cues.prominence_db(cue, bed, RATE) >= 15, (kind, sid)


class _CountingSource:
    """Endless material that counts what it was asked for."""

    def __init__(self, level: float = 0.1) -> None:
        self.level = level
        self.asked = 0
        self.closed = False

    def next_block(self, frames: int) -> np.ndarray:
        self.asked += frames
        return np.full((frames, 2), self.level, dtype=np.float32)

    def close(self, wait: bool = False) -> None:
        self.closed = True


def test_an_endless_source_plays_as_a_layer_and_is_closed_when_dropped() -> None:
    mixer = Mixer()
    source = _CountingSource()
    mixer.set_source("rain", source, 1.0)
    for _ in range(40):
        block = mixer.render(1024)
    assert source.asked == 40 * 1024, "asked for every block, never looped"
    assert float(np.abs(block).max()) > 0.05
    mixer.remove_layer("rain")
    for _ in range(40):
        mixer.render(1024)
    assert not mixer.has_layer("rain") and source.closed


def test_closing_the_sources_lets_their_threads_go() -> None:
    mixer = Mixer()
    source = _CountingSource()
    mixer.set_source("ocean", source, 0.5)
    mixer.close_sources()
    assert source.closed


def test_a_silent_stretch_hands_out_the_same_zeros_without_mixing() -> None:
    mixer = Mixer(RATE)
    mixer.schedule(OneShot(10 * 480 + 7, _click(), "inhale"))  # far beyond these blocks
    first = mixer.render(480)
    assert mixer.render(480) is first, "a silent block is the one ready-made buffer"
    assert not first.flags.writeable and not np.any(first)
    assert mixer.position == 960


def test_the_first_sound_after_a_silent_stretch_is_sample_exact_and_at_the_new_volume() -> None:
    mixer = Mixer(RATE)
    mixer.set_master_volume(1.0)
    at = 10 * 480 + 7
    mixer.schedule(OneShot(at, _click(0.25), "inhale"))
    _render(mixer, 480, block=480)
    mixer.set_master_volume(0.5)  # moved while nothing sounds: the ramp still runs its course
    out = _render(mixer, 20 * 480, block=480)
    heard = np.flatnonzero(np.abs(out[:, 0]) > 0)
    assert heard[0] + 480 == at, "the one-shot starts on its sample"
    assert out[at - 480, 0] == pytest.approx(0.25 * dsp.perceptual_gain(0.5), rel=1e-5)


def test_a_block_with_a_layer_is_mixed_into_a_fresh_buffer() -> None:
    mixer = Mixer(RATE)
    mixer.set_layer("tone", _dc(0.1), 1.0)
    a = mixer.render(480)
    b = mixer.render(480)
    assert a is not b and not np.shares_memory(a, b), "a caller may keep what it was given"
