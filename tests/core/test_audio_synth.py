"""Synthesised material: loudness, true peak, seamless loops, variety; bells and cues."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from acumat_desktop.core.audio import cues, dsp, sequencer, synth
from acumat_desktop.core.audio.sequencer import SoundscapeSource
from acumat_desktop.services.audio.soundscapes import SoundCatalogue

RATE = 48_000
SECONDS = 6.0  # short renders keep the suite fast; the generators work the same at 45 s


@pytest.fixture(scope="module")
def rendered() -> dict[str, np.ndarray]:
    return {sid: synth.render_soundscape(sid, SECONDS) for sid in synth.SOUNDSCAPES}


def test_catalogue_has_the_required_ids() -> None:
    required = {"rain", "ocean", "brown-noise", "pink-noise", "wind", "singing-bowls"}
    assert required < set(synth.SOUNDSCAPES)


@pytest.mark.parametrize("sound_id", list(synth.SOUNDSCAPES))
def test_soundscape_loudness_and_true_peak(rendered: dict[str, np.ndarray], sound_id: str) -> None:
    x = rendered[sound_id]
    assert x.dtype == np.float32
    assert x.shape == (int(SECONDS * RATE), 2)
    assert dsp.integrated_loudness(x, RATE) == pytest.approx(-27.0, abs=2.0)
    assert dsp.true_peak_db(x) <= -6.0


@pytest.mark.parametrize("sound_id", list(synth.SOUNDSCAPES))
def test_soundscape_loops_without_a_seam(rendered: dict[str, np.ndarray], sound_id: str) -> None:
    x = rendered[sound_id].astype(np.float64)
    across = np.max(np.abs(x[0] - x[-1]))
    inside = np.max(np.abs(np.diff(x, axis=0)))
    assert across <= inside
    # and the seam is not just quiet: the level around it matches the level elsewhere
    around = np.concatenate([x[-RATE // 4 :], x[: RATE // 4]])
    assert np.sqrt(np.mean(around**2)) == pytest.approx(np.sqrt(np.mean(x**2)), rel=0.6)


def test_soundscapes_differ_from_each_other_and_channels_are_not_identical(
    rendered: dict[str, np.ndarray],
) -> None:
    spectra = {}
    for sid, x in rendered.items():
        assert not np.allclose(x[:, 0], x[:, 1])
        spectrum = np.abs(np.fft.rfft(x[: 4 * RATE, 0]))
        bands = np.add.reduceat(spectrum, np.geomspace(1, spectrum.size - 1, 24).astype(int))
        spectra[sid] = bands / bands.sum()
    ids = list(spectra)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            assert np.abs(spectra[a] - spectra[b]).sum() > 0.1, (a, b)


def test_material_does_not_repeat_within_the_loop(rendered: dict[str, np.ndarray]) -> None:
    x = rendered["rain"][:, 0].astype(np.float64)
    first, second = x[: 2 * RATE], x[2 * RATE : 4 * RATE]
    corr = np.dot(first, second) / np.sqrt(np.dot(first, first) * np.dot(second, second))
    assert abs(corr) < 0.2


def test_renders_are_reproducible() -> None:
    a = synth.render_soundscape("pink-noise", 2.0)
    b = synth.render_soundscape("pink-noise", 2.0)
    assert np.array_equal(a, b)


def test_unknown_ids_raise() -> None:
    with pytest.raises(KeyError, match="thunder"):
        synth.render_soundscape("thunder", 2.0)
    with pytest.raises(KeyError):
        synth.render_bell("gong")
    with pytest.raises(KeyError):
        cues.render_cue("sneeze")


@pytest.mark.parametrize("kind", synth.BELLS)
def test_bells_ring_below_the_peak_ceiling_and_end_in_silence(kind: str) -> None:
    x = synth.render_bell(kind)
    assert dsp.true_peak_db(x) <= -6.0
    assert np.max(np.abs(x)) > 0.03
    assert np.max(np.abs(x[-10:])) < 1e-3


def test_minute_bell_is_softer_and_shorter_than_the_end_bell() -> None:
    minute, end = synth.render_bell("minute"), synth.render_bell("end")
    assert dsp.integrated_loudness(minute, RATE) < dsp.integrated_loudness(end, RATE) - 3
    assert minute.shape[0] < end.shape[0]


def test_cues_are_soft_and_distinct() -> None:
    sounds = {k: cues.render_cue(k)[:, 0].astype(np.float64) for k in cues.CUES}
    centroids = {}
    for kind, x in sounds.items():
        assert 0.02 < np.max(np.abs(x)) <= dsp.db_to_gain(-12)
        assert x.shape[0] < RATE  # short
        half = x.shape[0] // 2
        centroids[kind] = [_centroid(x[:half]), _centroid(x[half:])]
    # inhale rises in pitch, exhale falls
    assert centroids["inhale"][1] > centroids["inhale"][0]
    assert centroids["exhale"][1] < centroids["exhale"][0]


def _centroid(x: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(x)) ** 2  # power: amplitude is swamped by a ring's leakage
    f = np.fft.rfftfreq(x.size, 1 / RATE)
    return float(np.sum(f * spectrum) / np.sum(spectrum))


# --- endless sources (issue 10) -----------------------------------------------------------


def test_a_source_gives_the_same_material_whatever_the_block_sizes() -> None:
    whole = SoundscapeSource("stream", seed=5).next_block(3 * RATE)
    source = SoundscapeSource("stream", seed=5)
    sizes = [1, 511, 12_000, 4_800, 33_333, 2]
    parts = [source.next_block(n) for n in sizes]
    parts.append(source.next_block(3 * RATE - sum(sizes)))
    assert np.array_equal(np.concatenate(parts), whole)
    assert whole.dtype == np.float32 and whole.shape == (3 * RATE, 2)


def test_prefetching_changes_nothing_but_where_the_work_is_done() -> None:
    plain = SoundscapeSource("rain", seed=9).next_block(2 * RATE)
    with SoundscapeSource("rain", seed=9, prefetch_seconds=0.5) as ahead:
        blocks = [ahead.next_block(1_024) for _ in range(2 * RATE // 1_024 + 1)]
    assert np.array_equal(np.concatenate(blocks)[: 2 * RATE], plain)


def test_each_new_source_plays_different_material() -> None:
    a = SoundscapeSource("ocean").next_block(RATE)
    b = SoundscapeSource("ocean").next_block(RATE)
    assert not np.allclose(a, b)


def test_a_bowls_loop_wraps_its_ringing_onto_its_head_instead_of_cutting_it() -> None:
    x = synth.render_soundscape("singing-bowls", 20.0, seed=4).astype(np.float64)
    steps = np.abs(np.diff(np.concatenate([x[-RATE:], x[:RATE]]), axis=0))
    assert np.max(steps) <= np.max(np.abs(np.diff(x, axis=0)))
    head = np.sqrt(np.mean(x[: RATE // 2] ** 2))
    assert head > 0.1 * np.sqrt(np.mean(x**2))  # the strikes before the seam still ring


def test_catalogue_streams_built_ins_and_loops_the_rest(tmp_path: Path) -> None:
    catalogue = SoundCatalogue(tmp_path, seconds=2.0)
    source = catalogue.stream("wind", seed=1)
    assert source is not None
    assert source.next_block(100).shape == (100, 2)
    source.close()
    assert catalogue.stream("user-abc") is None
    with pytest.raises(KeyError):
        catalogue.stream("thunder")


def test_catalogue_renders_loops_under_a_new_version_and_drops_stale_ones(
    tmp_path: Path,
) -> None:
    stale = tmp_path / "pink-noise-v1-48000-45000.npy"
    np.save(stale, np.zeros((10, 2), dtype=np.float32))
    catalogue = SoundCatalogue(tmp_path, seconds=2.0)
    assert catalogue.cache_path("pink-noise") != stale
    loop = catalogue.load("pink-noise")
    assert loop.shape == (2 * RATE, 2)
    assert catalogue.is_cached("pink-noise")
    assert not stale.exists()


def test_an_unread_prefetch_thread_leaves_and_comes_back_on_the_next_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sequencer, "IDLE_SECONDS", 0.05)
    source = SoundscapeSource("pink-noise", seed=2, prefetch_seconds=0.3)
    assert _prefetching_after_a_while(source) is False  # nobody read: nothing holds it now
    assert source.next_block(100).shape == (100, 2)
    assert source.prefetching  # the read started it again
    source.close()  # does not block
    assert _prefetching_after_a_while(source) is False


def _prefetching_after_a_while(source: SoundscapeSource) -> bool:
    deadline = time.monotonic() + 5.0
    while source.prefetching and time.monotonic() < deadline:
        time.sleep(0.02)
    return source.prefetching
