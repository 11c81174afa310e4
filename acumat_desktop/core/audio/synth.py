"""Soundscape, bell and cue synthesis from filtered noise, modulation and additive partials.

Every soundscape is rendered periodic (noise shaped in the frequency domain, events added
circularly), then its tail is crossfaded into its head and it is normalised to -27 LUFS with
true peak <= -6 dBTP. Seeds are fixed so a render is reproducible; the material is long
(45 s by default) and built from random events, so there is no short repetition.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from acumat_desktop.core.audio import SAMPLE_RATE
from acumat_desktop.core.audio.dsp import F32, apply_fade, db_to_gain, loop_crossfade, normalise
from acumat_desktop.core.audio.names import DEFAULT_SECONDS, SOUNDSCAPES, SYNTH_VERSION

__all__ = ["DEFAULT_SECONDS", "SOUNDSCAPES", "SYNTH_VERSION"]

CROSSFADE_SECONDS = 1.5

F64 = npt.NDArray[np.float64]
Rng = np.random.Generator

BELLS = ("start", "end", "minute")
CUES = ("inhale", "hold", "exhale")


# --- building blocks ---------------------------------------------------------------------------


def _freqs(n: int, rate: int) -> F64:
    f = np.asarray(np.fft.rfftfreq(n, 1.0 / rate), dtype=np.float64)
    f[0] = f[1] if n > 1 else 1.0
    return f


def _shape(rng: Rng, n: int, rate: int, gain: Callable[[F64], F64]) -> F64:
    """Periodic noise of length n whose amplitude spectrum follows ``gain(f)``, unit RMS."""
    spectrum = np.fft.rfft(rng.standard_normal(n)) * gain(_freqs(n, rate))
    spectrum[0] = 0.0
    x = np.fft.irfft(spectrum, n=n)
    rms = float(np.sqrt(np.mean(x * x))) or 1.0
    return x / rms


def _filter(x: F64, rate: int, gain: Callable[[F64], F64]) -> F64:
    """Circular zero-phase filtering by an amplitude response."""
    n = x.shape[0]
    return np.fft.irfft(np.fft.rfft(x) * gain(_freqs(n, rate)), n=n)


def _band(lo: float, hi: float, order: float = 2.0) -> Callable[[F64], F64]:
    def gain(f: F64) -> F64:
        return 1 / np.sqrt(1 + (lo / f) ** (2 * order)) / np.sqrt(1 + (f / hi) ** (2 * order))

    return gain


def _peak(centre: float, width_octaves: float) -> Callable[[F64], F64]:
    def gain(f: F64) -> F64:
        return np.exp(-0.5 * (np.log2(f / centre) / width_octaves) ** 2)

    return gain


def _tilt(power: float, lo: float = 20.0, hi: float = 16_000.0) -> Callable[[F64], F64]:
    """1/f**power noise colour, band-limited to lo..hi."""
    band = _band(lo, hi, 2.0)

    def gain(f: F64) -> F64:
        return band(f) / f**power

    return gain


def _slow(rng: Rng, n: int, rate: int, cutoff_hz: float) -> F64:
    """A smooth periodic random curve in 0..1 with variations slower than ``cutoff_hz``."""
    x = _shape(rng, n, rate, lambda f: np.exp(-0.5 * (f / cutoff_hz) ** 2))
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / ((hi - lo) or 1.0)


def _add_wrapped(buf: F64, start: int, sig: F64) -> None:
    """Add ``sig`` into ``buf`` at ``start``, wrapping past the end (keeps loops periodic)."""
    n = buf.shape[0]
    pos = start % n
    remaining = sig
    while remaining.shape[0]:
        take = min(n - pos, remaining.shape[0])
        buf[pos : pos + take] += remaining[:take]
        remaining = remaining[take:]
        pos = 0


def _event_times(rng: Rng, n: int, rate: int, per_second: float) -> npt.NDArray[np.int64]:
    count = rng.poisson(per_second * n / rate)
    return rng.integers(0, n, size=count)


def _stereo(left: F64, right: F64) -> F64:
    return np.stack([left, right], axis=1)


# --- soundscapes -----------------------------------------------------------------------------


def _noise_colour(power: float) -> Callable[[Rng, int, int], F64]:
    def make(rng: Rng, n: int, rate: int) -> F64:
        channels = [_shape(rng, n, rate, _tilt(power, 20.0, 15_000.0)) for _ in range(2)]
        mid = _shape(rng, n, rate, _tilt(power, 20.0, 15_000.0))
        return _stereo(*(0.6 * mid + 0.8 * c for c in channels))

    return make


def _rain(rng: Rng, n: int, rate: int) -> F64:
    intensity = 0.75 + 0.25 * _slow(rng, n, rate, 0.04)
    out = []
    for _ in range(2):
        hiss = _shape(rng, n, rate, lambda f: _band(600, 9_000, 1.5)(f) / f**0.3) * intensity
        drops = np.zeros(n)
        for centre, per_second, level in ((3_200, 90.0, 1.0), (1_800, 25.0, 1.4), (900, 4.0, 1.8)):
            impulses = np.zeros(n)
            times = _event_times(rng, n, rate, per_second)
            np.add.at(impulses, times, rng.lognormal(0.0, 0.6, times.size))
            kernel_len = int(0.03 * rate)
            t = np.arange(kernel_len) / rate
            kernel = np.sin(2 * np.pi * centre * t * (1 + 0.4 * t / 0.03)) * np.exp(-t / 0.004)
            padded = np.zeros(n)
            padded[:kernel_len] = kernel
            spectrum = np.fft.rfft(impulses) * np.fft.rfft(padded)
            drops += level * np.fft.irfft(spectrum, n=n) * intensity
        drop_rms = float(np.sqrt(np.mean(drops * drops))) or 1.0
        out.append(hiss + 0.45 * drops / drop_rms)
    return _stereo(*out)


def _ocean(rng: Rng, n: int, rate: int) -> F64:
    envs = [np.zeros(n), np.zeros(n)]
    t = 0.0
    while t < n / rate:
        rise, fall = rng.uniform(2.0, 3.5), rng.uniform(4.0, 7.0)
        length = int((rise + fall) * rate)
        x = np.arange(length) / rate
        shape = np.where(
            x < rise, 0.5 - 0.5 * np.cos(np.pi * x / rise), np.exp(-(x - rise) / (fall / 3))
        )
        height = rng.uniform(0.5, 1.0)
        pan = rng.uniform(0.3, 0.7)
        _add_wrapped(envs[0], int(t * rate), shape * height * (1 - pan) * 2)
        _add_wrapped(envs[1], int(t * rate), shape * height * pan * 2)
        t += rng.uniform(6.0, 11.0)
    out = []
    for env in envs:
        rumble = _shape(rng, n, rate, _tilt(1.0, 30.0, 500.0))
        wash = _shape(rng, n, rate, lambda f: _band(500, 7_000, 1.5)(f) / f**0.5)
        out.append(rumble * (0.35 + 0.5 * env) + 0.7 * wash * env**1.5)
    return _stereo(*out)


def _wind(rng: Rng, n: int, rate: int) -> F64:
    out = []
    for _ in range(2):
        bed = _shape(rng, n, rate, _tilt(1.0, 40.0, 2_000.0)) * (
            0.4 + 0.6 * _slow(rng, n, rate, 0.05)
        )
        whistle = np.zeros(n)
        for centre in (260.0, 480.0, 820.0, 1_400.0):
            gust = _slow(rng, n, rate, rng.uniform(0.08, 0.25)) ** 2.5
            whistle += _shape(rng, n, rate, _peak(centre * rng.uniform(0.9, 1.1), 0.18)) * gust
        out.append(bed + 0.6 * whistle)
    return _stereo(*out)


_BOWL_RATIOS = (1.0, 2.71, 5.15, 8.21)
_BOWL_LEVELS = (1.0, 0.45, 0.22, 0.1)


def _strike(rate: int, f0: float, seconds: float, rng: Rng, decay: float) -> F64:
    t = np.arange(int(seconds * rate)) / rate
    sig = np.zeros_like(t)
    for ratio, level in zip(_BOWL_RATIOS, _BOWL_LEVELS, strict=True):
        f = f0 * ratio
        beat = rng.uniform(0.3, 1.6)
        tau = decay / ratio**0.7
        phase = rng.uniform(0, 2 * np.pi)
        sig += (
            level
            * np.exp(-t / tau)
            * (np.sin(2 * np.pi * f * t + phase) + 0.6 * np.sin(2 * np.pi * (f + beat) * t))
        )
    attack = np.minimum(1.0, t / 0.006)
    return sig * attack


def _singing_bowls(rng: Rng, n: int, rate: int) -> F64:
    bowls = (174.6, 220.0, 261.6, 329.6)
    out = [np.zeros(n), np.zeros(n)]
    t = rng.uniform(0.0, 2.0)
    while t < n / rate:
        f0 = bowls[int(rng.integers(0, len(bowls)))] * rng.uniform(0.997, 1.003)
        strike = _strike(rate, f0, min(24.0, n / rate), rng, decay=rng.uniform(6.0, 10.0))
        strike *= rng.uniform(0.5, 1.0)
        pan = rng.uniform(0.25, 0.75)
        _add_wrapped(out[0], int(t * rate), strike * (1 - pan))
        _add_wrapped(out[1], int(t * rate), strike * pan)
        t += rng.uniform(5.0, 11.0)
    drone = _shape(rng, n, rate, _peak(bowls[1], 0.05))
    return _stereo(out[0] + 0.02 * drone, out[1] + 0.02 * drone)


def _stream(rng: Rng, n: int, rate: int) -> F64:
    out = []
    for _ in range(2):
        babble = _shape(rng, n, rate, _band(250, 4_000, 1.5)) * (0.3 + _slow(rng, n, rate, 6.0))
        bubbles = np.zeros(n)
        for start in _event_times(rng, n, rate, 28.0):
            dur = rng.uniform(0.02, 0.06)
            t = np.arange(int(dur * rate)) / rate
            f0 = rng.uniform(500, 1_800)
            freq = f0 * (1 + 1.5 * t / dur)
            phase = 2 * np.pi * np.cumsum(freq) / rate
            bubble = np.sin(phase) * np.exp(-t / (dur / 4)) * np.minimum(1.0, t / 0.002)
            _add_wrapped(bubbles, int(start), bubble * rng.uniform(0.2, 1.0))
        bubble_rms = float(np.sqrt(np.mean(bubbles * bubbles))) or 1.0
        out.append(babble + 0.5 * bubbles / bubble_rms)
    return _stereo(*out)


_GENERATORS: dict[str, Callable[[Rng, int, int], F64]] = {
    "rain": _rain,
    "ocean": _ocean,
    "brown-noise": _noise_colour(1.0),
    "pink-noise": _noise_colour(0.5),
    "wind": _wind,
    "singing-bowls": _singing_bowls,
    "stream": _stream,
}


def render_soundscape(
    sound_id: str,
    seconds: float = DEFAULT_SECONDS,
    rate: int = SAMPLE_RATE,
    seed: int | None = None,
) -> F32:
    """A seamless stereo loop of ``seconds`` of a soundscape at -27 LUFS, <= -6 dBTP."""
    try:
        generator = _GENERATORS[sound_id]
    except KeyError:
        raise KeyError(f"unknown soundscape {sound_id!r}") from None
    crossfade = int(min(CROSSFADE_SECONDS, seconds / 4) * rate)
    n = int(seconds * rate) + crossfade
    rng = np.random.default_rng(seed if seed is not None else _stable_seed(sound_id))
    raw = generator(rng, n, rate)
    return normalise(loop_crossfade(raw, crossfade), rate)


def _stable_seed(text: str) -> int:
    return sum((i + 1) * ord(c) for i, c in enumerate(text)) * 7919 + SYNTH_VERSION


# --- one-shots: bells and cues ---------------------------------------------------------------


def render_bell(kind: str, rate: int = SAMPLE_RATE) -> F32:
    """A bowl-like bell: ``start`` (one strike), ``end`` (two, lower), ``minute`` (soft, short)."""
    rng = np.random.default_rng(_stable_seed("bell-" + kind))
    if kind == "start":
        sig = _strike(rate, 293.7, 9.0, rng, decay=4.0)
        level = -9.0
    elif kind == "end":
        sig = _strike(rate, 220.0, 12.0, rng, decay=5.0)
        _add_wrapped(
            sig, int(2.5 * rate), _strike(rate, 220.0, 9.5, rng, decay=5.0)[: sig.shape[0]]
        )
        level = -9.0
    elif kind == "minute":
        sig = _strike(rate, 523.3, 4.0, rng, decay=1.6)
        level = -18.0
    else:
        raise KeyError(f"unknown bell {kind!r}")
    return _finish_oneshot(sig, rate, level, tail=0.5)


def render_cue(kind: str, rate: int = SAMPLE_RATE) -> F32:
    """Soft, distinct breathing cues: a rising tone (inhale), a falling one (exhale) and a
    quiet double tap (hold)."""
    if kind == "inhale":
        sig = _glide(rate, 392.0, 523.3, 0.55)
        level = -20.0
    elif kind == "exhale":
        sig = _glide(rate, 523.3, 349.2, 0.7)
        level = -20.0
    elif kind == "hold":
        tap = _strike(rate, 659.3, 0.35, np.random.default_rng(3), decay=0.12)
        sig = np.zeros(int(0.6 * rate))
        sig[: tap.shape[0]] += tap
        sig[int(0.18 * rate) : int(0.18 * rate) + tap.shape[0]] += 0.7 * tap
        level = -22.0
    else:
        raise KeyError(f"unknown cue {kind!r}")
    return _finish_oneshot(sig, rate, level, tail=0.08)


def _glide(rate: int, f_from: float, f_to: float, seconds: float) -> F64:
    t = np.arange(int(seconds * rate)) / rate
    freq = f_from * (f_to / f_from) ** (t / seconds)
    phase = 2 * np.pi * np.cumsum(freq) / rate
    env = np.sin(np.pi * t / seconds) ** 2
    return env * (np.sin(phase) + 0.25 * np.sin(2 * phase))


def _finish_oneshot(sig: F64, rate: int, peak_db: float, tail: float) -> F32:
    """Fade the last ``tail`` seconds to zero, peak-normalise and make it stereo float32."""
    mono = sig.copy()
    k = min(mono.shape[0], int(tail * rate))
    mono[-k:] = apply_fade(mono[-k:], 1.0, 0.0)
    peak = float(np.max(np.abs(mono))) or 1.0
    mono *= db_to_gain(peak_db) / peak
    return np.repeat(mono[:, None], 2, axis=1).astype(np.float32)


def describe() -> list[tuple[str, str]]:
    """(id, display name) of every built-in soundscape, in catalogue order."""
    return list(SOUNDSCAPES.items())


assert set(SOUNDSCAPES) == set(_GENERATORS), "catalogue and generators disagree"
