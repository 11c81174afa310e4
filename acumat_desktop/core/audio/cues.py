"""Breathing cues designed to be heard over the ambience without ducking it (issue 10).

The old cues sat at 350-660 Hz, where every soundscape has most of its energy, and the hold
tap was quieter than the rain (-43.8 against -40.3 LUFS in a recording), so the mixer ducked
the ambience 6 dB at every cue and a hold sounded like the rain cutting out. These cues live
an octave and more higher (0.7-3.7 kHz), where the built-in soundscapes, all noise-like and
falling with frequency, are 10-30 dB weaker, with a clean bell-like timbre (a few sparse
partials, quick attack) that the ear separates from noise. :func:`prominence_db` measures
that: how far a cue rises above a bed in the third-octave band where it stands out most.

Pure numpy, no Qt.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from acumat_desktop.core.audio import SAMPLE_RATE
from acumat_desktop.core.audio.dsp import F32, apply_fade, db_to_gain

F64 = npt.NDArray[np.float64]

CUES = ("inhale", "hold", "exhale")
PEAK_DB = {"inhale": -16.0, "exhale": -16.0, "hold": -17.0}
_GLASS = ((1.0, 1.0), (2.0, 0.18), (2.76, 0.22))  # (ratio, level): a soft glass-bowl ring


def render_cue(kind: str, rate: int = SAMPLE_RATE) -> F32:
    """A rising two-note chime (inhale), a falling one (exhale) and a bright double ting
    (hold), as stereo float32 peaking at ``PEAK_DB``."""
    if kind == "inhale":
        sig = _two_notes(rate, 784.0, 1046.5)  # G5 then C6
    elif kind == "exhale":
        sig = _two_notes(rate, 1046.5, 698.5)  # C6 then F5
    elif kind == "hold":
        sig = np.zeros(int(0.75 * rate))
        ting = _ring(rate, 2093.0, 0.4, decay=0.09)  # C7: a bright, short wooden-glass tick
        sig[: ting.shape[0]] += ting
        at = int(0.2 * rate)
        sig[at : at + ting.shape[0]] += 0.8 * ting[: sig.shape[0] - at]
    else:
        raise KeyError(f"unknown cue {kind!r}")
    return _finish(sig, rate, PEAK_DB[kind])


def _ring(rate: int, f0: float, seconds: float, decay: float) -> F64:
    """A struck glass partial set: 4 ms attack, exponential decay (higher partials faster)."""
    t = np.arange(int(seconds * rate)) / rate
    sig = np.zeros_like(t)
    for ratio, level in _GLASS:
        sig += level * np.sin(2 * np.pi * f0 * ratio * t) * np.exp(-t * ratio / decay)
    attack = np.minimum(1.0, t / 0.004)
    return np.asarray(sig * attack, dtype=np.float64)


def _two_notes(rate: int, first: float, second: float) -> F64:
    """Two soft rings 0.22 s apart, the second a little louder (the direction is heard)."""
    sig = np.zeros(int(0.8 * rate))
    a = _ring(rate, first, 0.5, decay=0.22)
    b = _ring(rate, second, 0.58, decay=0.26)
    sig[: a.shape[0]] += 0.8 * a
    at = int(0.22 * rate)
    sig[at : at + b.shape[0]] += b[: sig.shape[0] - at]
    return sig


def _finish(sig: F64, rate: int, peak_db: float) -> F32:
    mono = sig.copy()
    k = min(mono.shape[0], int(0.06 * rate))
    mono[-k:] = apply_fade(mono[-k:], 1.0, 0.0)
    peak = float(np.max(np.abs(mono))) or 1.0
    mono *= db_to_gain(peak_db) / peak
    return np.repeat(mono[:, None], 2, axis=1).astype(np.float32)


# --- measuring audibility over a bed --------------------------------------------------------


def third_octave_centres(lo: float = 100.0, hi: float = 8000.0) -> list[float]:
    """ISO third-octave band centres from ``lo`` to ``hi`` Hz (base-2 series around 1 kHz)."""
    first = math.ceil(3 * math.log2(lo / 1000.0))
    last = math.floor(3 * math.log2(hi / 1000.0))
    return [1000.0 * 2 ** (k / 3) for k in range(first, last + 1)]


def band_powers(audio: npt.NDArray[np.floating], rate: int, centres: list[float]) -> F64:
    """Mean power per sample in each third-octave band (channels averaged)."""
    x = np.asarray(audio, dtype=np.float64)
    mono = x.mean(axis=1) if x.ndim == 2 else x
    spectrum = np.abs(np.fft.rfft(mono)) ** 2 / max(1, mono.shape[0]) ** 2 * 2
    freqs = np.fft.rfftfreq(mono.shape[0], 1.0 / rate)
    out = np.empty(len(centres))
    for i, fc in enumerate(centres):
        band = (freqs >= fc * 2 ** (-1 / 6)) & (freqs < fc * 2 ** (1 / 6))
        out[i] = spectrum[band].sum()
    return out


def prominence_db(
    cue: npt.NDArray[np.floating],
    bed: npt.NDArray[np.floating],
    rate: int = SAMPLE_RATE,
    window_s: float = 0.1,
) -> float:
    """How many dB the cue's loudest ``window_s`` rises above the bed's average in the
    third-octave band where the difference is largest. A tone 0 dB over noise in its band
    is already heard; +10 dB is plain without any dip of the bed."""
    n = max(1, round(window_s * rate))
    c = np.asarray(cue, dtype=np.float64)
    energy = np.convolve((c**2).sum(axis=1) if c.ndim == 2 else c**2, np.ones(n), "valid")
    start = int(np.argmax(energy)) if energy.size else 0
    loudest = c[start : start + n]
    centres = third_octave_centres()
    cue_bands = band_powers(loudest, rate, centres)
    b = np.asarray(bed, dtype=np.float64)
    frames = b.shape[0] // n * n
    chunks = b[:frames].reshape((-1, n, *b.shape[1:]))
    bed_bands = np.mean([band_powers(chunk, rate, centres) for chunk in chunks], axis=0)
    ratio = cue_bands / np.maximum(bed_bands, 1e-20)
    return float(10 * np.log10(np.max(ratio)))
