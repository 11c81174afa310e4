"""Building blocks for endless soundscapes rendered block by block from seeded random events.

A :class:`Scape` renders consecutive blocks of ``rate // 4`` frames (0.25 s). Each block is the
sum of a *bed* (continuous textures: noise shaped in the frequency domain and overlap-added,
so it never repeats) and *events* (drops, bubbles, strikes: short sounds added into a small
accumulator, long ones evaluated analytically per block). Nothing is precomputed but a small
bank of event shapes per scape (each use resampled and placed anew), nothing loops, and every
block costs about the same, so a live stream has no CPU spikes. Slow things (envelopes,
curves, modulators) run at a control rate and are interpolated up.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
F32 = npt.NDArray[np.float32]
Rng = np.random.Generator
Gain = Callable[[F64], F64]


# --- spectral shapes (amplitude responses of frequency, f > 0) -------------------------------


def band(lo: float, hi: float, order: float = 2.0) -> Gain:
    def gain(f: F64) -> F64:
        return 1 / np.sqrt((1 + (lo / f) ** (2 * order)) * (1 + (f / hi) ** (2 * order)))

    return gain


def peak(centre: float, width_octaves: float) -> Gain:
    def gain(f: F64) -> F64:
        return np.exp(-0.5 * (np.log2(f / centre) / width_octaves) ** 2)

    return gain


def tilt(power: float, lo: float = 20.0, hi: float = 16_000.0, order: float = 2.0) -> Gain:
    """Amplitude ~ 1/f**power (power 0.5 pink, 1.0 brown), band-limited to lo..hi."""
    edges = band(lo, hi, order)

    def gain(f: F64) -> F64:
        return edges(f) / (f / 1000.0) ** power

    return gain


def pan_gains(pan: float) -> tuple[float, float]:
    """Equal-power gains for ``pan`` in 0 (left) .. 1 (right)."""
    return math.cos(0.5 * math.pi * pan), math.sin(0.5 * math.pi * pan)


# --- control rate ----------------------------------------------------------------------------


def divisor(frames: int, want: int) -> int:
    """The largest divisor of ``frames`` not above ``want`` (a control step or decimation that
    tiles a block exactly)."""
    return next(d for d in range(max(1, min(want, frames)), 0, -1) if frames % d == 0)


SHORT_STEP = 16  # up to this many frames per value, an upsampler repeats and ramps


class Upsampler:
    """A control-rate stream (one value per ``step`` frames) drawn out to audio rate by linear
    interpolation, continuous across calls: value ``j`` of a call lands on the frame after the
    ``j``-th step, so curves sampled at the end of each step come out aligned."""

    def __init__(self, step: int) -> None:
        self.step = step
        self._ramp = np.arange(step) / step
        self._last: npt.NDArray[np.floating] | None = None
        self._tiles: dict[tuple[int, np.dtype[Any]], npt.NDArray[np.floating]] = {}

    def __call__(self, values: npt.NDArray[np.floating]) -> npt.NDArray[np.floating]:
        """``(..., m)`` control values -> ``(..., m * step)`` frames (time on the last axis)."""
        if self.step == 1:
            return values
        last = values[..., :1] if self._last is None else self._last
        start = np.concatenate([last, values[..., :-1]], axis=-1)
        self._last = values[..., -1:].copy()
        if self.step <= SHORT_STEP:  # each value repeated, then one long ramp: fewer passes
            # with a few frames each (a broadcast over a short last axis runs slowly)
            ramp = self._tiled(values.shape[-1], values.dtype)
            out = np.repeat(values - start, self.step, axis=-1)
            out *= ramp
            out += np.repeat(start, self.step, axis=-1)
            return out
        out = np.multiply((values - start)[..., None], self._ramp.astype(values.dtype, copy=False))
        out += start[..., None]
        return out.reshape(*values.shape[:-1], values.shape[-1] * self.step)

    def _tiled(self, count: int, dtype: np.dtype[Any]) -> npt.NDArray[np.floating]:
        """The ramp repeated ``count`` times, made once per length and type."""
        tiled = self._tiles.get((count, dtype))
        if tiled is None:
            tiled = self._tiles[(count, dtype)] = np.tile(self._ramp.astype(dtype), count)
        return tiled


# --- continuous sources ----------------------------------------------------------------------

SPARSE = 1e-6  # a bed skips the bins at either end holding less than this share of its power


class NoiseBed:
    """Endless noise, ``hop`` frames at a time, whose spectrum follows a (changeable) gain.

    Independent frames of ``2 * hop`` are drawn directly as random spectra (real and
    imaginary parts uniform on 128 symmetric levels, one random byte each: white within a
    frame, and Gaussian in time as the sum of thousands of bins), shaped, inverse-transformed,
    windowed by a sine window and overlap-added; sin² + cos² = 1 keeps the power steady, and
    no frame ever recurs. A gain given per call lets the colour move (wind brightening with a
    gust). Only the bins between the first and last that matter (all but ``SPARSE`` of the
    power) are drawn, so band-limited beds cost little. ``decimate`` runs the bed at a lower
    rate and interpolates it up: for slow modulators (crackle, whistle bands), whose content
    lies far below the audio Nyquist. float32 throughout: far below audible precision."""

    def __init__(
        self,
        rng: Rng,
        rate: int,
        hop: int,
        channels: int = 2,
        decimate: int = 1,
        overlap: float = 1.0,
    ) -> None:
        self.rng = rng
        self.channels = channels
        self.decimate = divisor(hop, decimate)
        self.hop = hop // self.decimate
        self.overlap = divisor(self.hop, max(1, round(overlap * self.hop)))
        n = self.hop + self.overlap
        self.window = _overlap_window(self.hop, self.overlap)
        self.freqs = np.asarray(np.fft.rfftfreq(n, self.decimate / rate), dtype=np.float64)
        self.freqs[0] = self.freqs[1]
        # parts (odd bytes) have variance (256² - 1) / 12; E|X|² = n, as for unit noise's FFT
        self._scale = np.float32(np.sqrt(n / 2 / ((256**2 - 1) / 12)))
        self._tail: npt.NDArray[np.float32] = np.zeros((channels, self.overlap), dtype=np.float32)
        self._up = Upsampler(self.decimate)
        self._primed = False
        self._key: F64 | None = None
        self._span = (0, 0)
        self._gain32: npt.NDArray[np.float32] = np.zeros((channels, 0), dtype=np.float32)
        self._spectrum = np.zeros((channels, self.freqs.size), dtype=np.complex64)
        self._drawn = (0, 0)
        self._frame = np.zeros((channels, n), dtype=np.float32)
        self._spare = np.zeros((channels, n), dtype=np.float32)

    def unit(self, gain: Gain) -> F64:
        """``gain`` at this bed's bins, scaled so the output has unit RMS."""
        g = gain(self.freqs)
        g[0] = 0.0
        return g / (float(np.sqrt(np.mean(g * g))) or 1.0)

    def _shape(self, gains: F64) -> tuple[int, int, npt.NDArray[np.float32]]:
        """The bins worth drawing for ``gains`` and their float32 gains for interleaved real
        and imaginary parts ``(channels, 2 * bins)`` (remembered while the same array is
        passed)."""
        if gains is not self._key:
            power = gains * gains if gains.ndim == 1 else np.sum(gains * gains, axis=1)
            cum = np.cumsum(power)
            eps = SPARSE * float(cum[-1])
            lo = int(np.searchsorted(cum, eps, side="right"))
            hi = max(lo + 1, int(np.searchsorted(cum, float(cum[-1]) - eps, side="left")) + 1)
            hi = min(hi, power.size)
            g = gains.T if gains.ndim == 2 else np.broadcast_to(gains, (self.channels, power.size))
            self._key, self._span = gains, (lo, hi)
            self._gain32 = np.repeat(g[:, lo:hi].astype(np.float32) * self._scale, 2, axis=1)
        return self._span[0], self._span[1], self._gain32

    def rows(self, gains: F64) -> npt.NDArray[np.float32]:
        """The next frames, channel-major float32 ``(channels, hop)``, shaped by ``gains``
        (bins,) or (bins, channels)."""
        if not self._primed:  # the first frame fades in; start the stream past it
            self._primed = True
            self.rows(gains)
        lo, hi, g = self._shape(gains)
        spectrum = self._spectrum
        if (lo, hi) != self._drawn:  # bins outside the span stay zero
            spectrum[:] = 0.0
            self._drawn = (lo, hi)
        raw = np.frombuffer(self.rng.bytes(g.size), dtype=np.int8).reshape(g.shape)
        raw = raw | np.int8(1)  # odd -127..127: symmetric, mean zero
        np.multiply(raw, g, out=spectrum[:, lo:hi].view(np.float32))  # re, im, re, ...
        frame, self._spare = self._spare, self._frame  # the tail lives on in the other one
        self._frame = frame
        n = self.hop + self.overlap
        np.fft.irfft(spectrum, n=n, axis=-1, out=frame)  # type: ignore[arg-type]
        frame *= self.window
        if self.overlap == self.hop:
            out = self._tail + frame[:, : self.hop]
        else:
            out = frame[:, : self.hop].copy()
            out[:, : self.overlap] += self._tail
        self._tail = frame[:, self.hop :]
        return np.asarray(self._up(out), dtype=np.float32)


def _overlap_window(hop: int, overlap: int) -> npt.NDArray[np.float32]:
    """A frame's window for frames ``hop + overlap`` long, ``hop`` apart: a quarter sine up
    over the first ``overlap`` frames, flat, a quarter cosine down over the last, so
    sin² + cos² = 1 wherever two frames overlap (``overlap == hop``: a sine window)."""
    n = hop + overlap
    window = np.ones(n)
    taper = np.sin(0.5 * np.pi * (np.arange(overlap) + 0.5) / overlap)
    window[:overlap] = taper
    window[n - overlap :] = taper[::-1]
    return window.astype(np.float32)


class SlowCurve:
    """An endless smooth random curve: knots drawn every ``period`` s (± ``jitter``), joined by
    raised-cosine segments, so it glides without corners. Evaluated every ``step`` frames
    (1 ms) and interpolated: a curve this slow is a straight line over a millisecond."""

    def __init__(
        self,
        rng: Rng,
        rate: int,
        period: float,
        draw: Callable[[Rng], float] | None = None,
        jitter: float = 0.5,
        step: int = 48,
    ) -> None:
        self.rng = rng
        self.rate = rate
        self.period = period
        self.jitter = jitter
        self.step = divisor(rate // 4, step)
        self.draw = draw or (lambda r: float(r.uniform(0.0, 1.0)))
        self._v0 = self.draw(rng)
        self._v1 = self.draw(rng)
        self._len = self._segment()
        self._pos = int(rng.integers(0, self._len))
        self._done = 0  # frames handed out, modulo step
        self._up = Upsampler(self.step)

    def _segment(self) -> int:
        span = self.period * self.rng.uniform(1 - self.jitter, 1 + self.jitter)
        return max(1, int(span * self.rate))

    def values(self, frames: int, step: int) -> F64:
        """Advance ``frames`` and return the curve at the last frame of every ``step``."""
        out = np.empty((self._done + frames) // step)
        done = 0
        while done < frames:
            take = min(frames - done, self._len - self._pos)
            first = (step - 1 - self._done - done) % step  # offsets ending a step
            i = np.arange(first, take, step)
            t = (self._pos + i) / self._len
            shape = 0.5 - 0.5 * np.cos(np.pi * t)
            out[(self._done + done + i) // step] = self._v0 + (self._v1 - self._v0) * shape
            done += take
            self._pos += take
            if self._pos >= self._len:
                self._v0, self._v1 = self._v1, self.draw(self.rng)
                self._len, self._pos = self._segment(), 0
        self._done = (self._done + frames) % step
        return out

    def next(self, frames: int) -> F32:
        """The next ``frames`` values (a multiple of ``step``), float32 like the blocks."""
        return self._up(self.values(frames, self.step).astype(np.float32))

    def mean(self, frames: int) -> float:
        """Advance ``frames`` and return the curve's mean over them (for per-block levels)."""
        return float(self.values(frames, self.step).mean())


class EventBus:
    """Accumulates short stereo events (up to ``longest`` frames) that may spill into later
    blocks; :meth:`take` hands out one block ``(2, hop)`` and moves on."""

    def __init__(self, hop: int, longest: int) -> None:
        self.hop = hop
        self.longest = longest
        # channel-major float32, as the blocks: each add runs contiguous
        self._buf = np.zeros((2, hop + longest), dtype=np.float32)

    def add(self, offset: int, sig: npt.NDArray[np.floating], gains: tuple[float, float]) -> None:
        n = min(sig.shape[0], self._buf.shape[1] - offset)
        self._buf[0, offset : offset + n] += gains[0] * sig[:n]
        self._buf[1, offset : offset + n] += gains[1] * sig[:n]

    def take(self) -> F32:
        out = self._buf[:, : self.hop].copy()
        self._buf[:, : -self.hop] = self._buf[:, self.hop :]
        self._buf[:, -self.hop :] = 0.0
        return out


def decaying_sine(
    rate: int, freq: float, tau: float, glide: float = 0.0, attack: float = 0.0005
) -> F64:
    """A damped sinusoid (a bubble, a thump) lasting ~7 time constants; ``glide`` is the
    relative rise of its frequency per time constant (bubbles rise as they pop)."""
    t = np.arange(max(8, int(7 * tau * rate))) / rate
    f = freq * (1 + glide * t / tau)
    phase = 2 * np.pi * np.cumsum(f) / rate
    return np.sin(phase) * np.exp(-t / tau) * np.minimum(1.0, t / attack)


def noise_burst(rng: Rng, rate: int, centre: float, width: float, tau: float) -> F64:
    """An exponentially decaying burst of noise band-passed around ``centre`` (a tick, a
    splash); ~6 time constants long."""
    n = max(16, int(6 * tau * rate))
    size = 1 << int(np.ceil(np.log2(n)))
    spectrum = np.fft.rfft(rng.standard_normal(size))
    f = np.asarray(np.fft.rfftfreq(size, 1.0 / rate), dtype=np.float64)
    f[0] = f[1]
    burst = np.fft.irfft(spectrum * peak(centre, width)(f), n=size)[:n]
    t = np.arange(n) / rate
    burst *= np.exp(-t / tau) * np.minimum(1.0, t / 0.0003)
    return burst / (float(np.max(np.abs(burst))) or 1.0)


_FRAMES = np.arange(1 << 16, dtype=np.float64)  # sample positions, for resampling


def resample(sig: npt.NDArray[np.floating], ratio: float) -> F64:
    """``sig`` read ``ratio`` times faster (linear interpolation): pitch × ratio, length ÷ it."""
    xp = _FRAMES[: sig.size] if sig.size <= _FRAMES.size else np.arange(sig.size, dtype=float)
    out: F64 = np.interp(np.arange(0.0, sig.size - 1, ratio), xp, sig)
    return out


class Bank:
    """A few variants of one kind of short sound (a drop, a bubble, a tick), made once per
    scape at ``pitches`` by ``make``: a use takes one of the variants nearest the pitch wanted
    and resamples it onto that pitch (at most half a bank step away), so every pitch in the
    range still sounds, with no FFT or oscillator per event. Noise bursts, a band an octave
    wide, need no resampling: ``exact=False`` hands out the nearest variant as it is (shared:
    not to be changed in place)."""

    def __init__(self, pitches: F64, variants: int, make: Callable[[float], F64]) -> None:
        self.pitches = np.sort(np.asarray(pitches, dtype=np.float64))
        self._log = [math.log(p) for p in self.pitches]
        self._mids = [0.5 * (a + b) for a, b in itertools.pairwise(self._log)]
        self.shapes = [
            [make(float(p)).astype(np.float32) for _ in range(variants)] for p in self.pitches
        ]

    def get(self, rng: Rng, pitch: float, exact: bool = True) -> F64:
        k = bisect.bisect_left(self._mids, math.log(pitch))  # the nearest in log pitch
        row = self.shapes[k]
        shape: F64 = row[int(rng.random() * len(row))]  # type: ignore[assignment]
        return resample(shape, pitch / float(self.pitches[k])) if exact else shape

    @property
    def nbytes(self) -> int:
        return sum(s.nbytes for row in self.shapes for s in row)


def poisson_offsets(rng: Rng, hop: int, rate: int, per_second: float) -> npt.NDArray[np.int64]:
    """Sorted start offsets of a Poisson process inside one block."""
    count = rng.poisson(max(0.0, per_second) * hop / rate)
    return np.sort(rng.integers(0, hop, size=count))


class Scape:
    """One soundscape as an endless stream. Subclasses fill :meth:`bed` and :meth:`events`
    for each block, each a fresh float32 array ``(2, hop)`` (channel-major, as the noise beds
    make it: no transposed copies, no float64 passes on the way out); ``events_on`` False stops
    new events while those sounding ring out."""

    GAIN_DB = 0.0  # measured so the stream sits at -27 LUFS (see tests/core/test_soundscape_…)

    def __init__(self, seed: int, rate: int) -> None:
        self.rate = rate
        self.hop = rate // 4
        self.rng = np.random.default_rng(seed)
        self.events_on = True
        self.block_index = 0
        self._pending: F32 = np.zeros((2, 0), dtype=np.float32)

    @property
    def block_start(self) -> int:
        return self.block_index * self.hop

    def bed(self) -> F32:
        return np.zeros((2, self.hop), dtype=np.float32)

    def events(self) -> F32:
        return np.zeros((2, self.hop), dtype=np.float32)

    def block(self) -> tuple[F32, F32]:
        """The next block's bed and events, each ``(2, hop)``, before the calibration gain."""
        parts = self.bed(), self.events()
        self.block_index += 1
        return parts

    def render(self, frames: int) -> npt.NDArray[np.float32]:
        """The next ``frames`` frames (calibrated gain, no limiting), float32 ``(frames, 2)``,
        written block by block into one array."""
        gain = np.float32(10 ** (self.GAIN_DB / 20))
        out = np.empty((frames, 2), dtype=np.float32)
        have = min(frames, self._pending.shape[1])
        out[:have] = self._pending[:, :have].T
        self._pending = self._pending[:, have:]
        while have < frames:
            block, events = self.block()  # fresh arrays: summed in place
            block += events
            block *= gain
            take = min(self.hop, frames - have)
            out[have : have + take] = block[:, :take].T
            self._pending = block[:, take:]
            have += take
        return out
