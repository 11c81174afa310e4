"""The soft chime that marks a routine prompt without a speech engine."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio import SAMPLE_RATE, synth
from acumat_desktop.core.audio.chime import CHIME_PEAK_DB, CHIME_S, render_chime


def _best_match(signal: np.ndarray, template: np.ndarray) -> float:
    """The highest normalised correlation of ``template`` anywhere in ``signal`` (1 = same)."""
    sig, tpl = signal.astype(np.float64), template.astype(np.float64)
    n, m = sig.shape[0], tpl.shape[0]
    size = 1 << (n + m).bit_length()
    dots = np.fft.irfft(np.fft.rfft(sig, size) * np.conj(np.fft.rfft(tpl, size)), size)[: n - m + 1]
    power = np.concatenate(([0.0], np.cumsum(sig**2)))
    energy = np.sqrt(np.maximum(power[m:] - power[:-m], 0.0) * (tpl**2).sum())
    return float((np.abs(dots) / np.maximum(energy, 1e-9)).max())


def test_the_chime_is_soft_stereo_and_starts_and_ends_in_silence() -> None:
    chime = render_chime()
    assert chime.dtype == np.float32 and chime.shape == (round(CHIME_S * SAMPLE_RATE), 2)
    assert abs(20 * np.log10(np.abs(chime).max()) - CHIME_PEAK_DB) < 0.01
    assert np.array_equal(chime[:, 0], chime[:, 1])
    assert chime[0, 0] == 0.0 and abs(chime[-1, 0]) < 1e-6, "no click at either end"
    step = np.abs(np.diff(chime[:, 0])).max()
    assert step < 0.05, "no jump inside it either"


def test_the_chime_is_the_same_every_time_and_follows_the_rate() -> None:
    assert np.array_equal(render_chime(), render_chime())
    assert render_chime(22_050, 1).shape == (round(CHIME_S * 22_050), 1)


def test_the_chime_sounds_unlike_the_breathing_cues() -> None:
    chime = render_chime()[:, 0]
    for kind in ("inhale", "hold", "exhale"):
        cue = synth.render_cue(kind, SAMPLE_RATE)[:, 0]
        assert _best_match(cue, cue) > 0.999  # the measure finds a cue in itself
        assert _best_match(chime, cue) < 0.2, f"the chime could be taken for {kind}"
