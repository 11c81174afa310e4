"""Building blocks for endless soundscapes rendered block by block from seeded random events.

A :class:`Scape` renders consecutive blocks of ``rate // 4`` frames (0.25 s). Each block is the
sum of a *bed* (continuous textures: noise shaped in the frequency domain and overlap-added,
so it never repeats) and *events* (drops, bubbles, strikes: short sounds added into a small
accumulator, long ones evaluated analytically per block). Nothing is precomputed, nothing
loops, and every block costs about the same, so a live stream has no CPU spikes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

F64 = npt.NDArray[np.float64]
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
    return float(np.cos(0.5 * np.pi * pan)), float(np.sin(0.5 * np.pi * pan))


# --- continuous sources ----------------------------------------------------------------------


class NoiseBed:
    """Endless noise, ``hop`` frames at a time, whose spectrum follows a (changeable) gain.

    Independent frames of ``2 * hop`` are drawn directly as complex Gaussian spectra (what the
    FFT of white noise is), shaped, inverse-transformed, windowed by a sine window and
    overlap-added; sin² + cos² = 1 keeps the power steady, and no frame ever recurs. A gain
    given per call lets the colour move (wind brightening with a gust). float32 throughout:
    half the work of float64, far below audible precision."""

    def __init__(self, rng: Rng, rate: int, hop: int, channels: int = 2) -> None:
        self.rng = rng
        self.hop = hop
        self.channels = channels
        n = 2 * hop
        self.window = np.sin(np.pi * (np.arange(n) + 0.5) / n).astype(np.float32)
        self.freqs = np.asarray(np.fft.rfftfreq(n, 1.0 / rate), dtype=np.float64)
        self.freqs[0] = self.freqs[1]
        self._scale = np.float32(np.sqrt(n / 2))  # E|X|² = n, as for the FFT of unit noise
        self._tail: npt.NDArray[np.floating] = np.zeros((channels, hop), dtype=np.float32)
        self._primed = False

    def unit(self, gain: Gain) -> F64:
        """``gain`` at this bed's bins, scaled so the output has unit RMS."""
        g = gain(self.freqs)
        g[0] = 0.0
        return g / (float(np.sqrt(np.mean(g * g))) or 1.0)

    def next(self, gains: F64) -> F64:
        """The next ``hop`` frames ``(hop, channels)``, shaped by ``gains`` (bins,) or
        (bins, channels)."""
        if not self._primed:  # the first frame fades in; start the stream past it
            self._primed = True
            self.next(gains)
        shape = (self.channels, self.freqs.size)
        spectrum = self.rng.standard_normal(shape, dtype=np.float32) + 1j * (
            self.rng.standard_normal(shape, dtype=np.float32)
        )
        g = (gains.T if gains.ndim == 2 else gains).astype(np.float32) * self._scale
        frame = np.fft.irfft(spectrum * g, n=2 * self.hop, axis=-1) * self.window
        out = self._tail + frame[:, : self.hop]
        self._tail = frame[:, self.hop :]
        return out.T.astype(np.float64)


class SlowCurve:
    """An endless smooth random curve: knots drawn every ``period`` s (± ``jitter``), joined by
    raised-cosine segments, so it glides without corners."""

    def __init__(
        self,
        rng: Rng,
        rate: int,
        period: float,
        draw: Callable[[Rng], float] | None = None,
        jitter: float = 0.5,
    ) -> None:
        self.rng = rng
        self.rate = rate
        self.period = period
        self.jitter = jitter
        self.draw = draw or (lambda r: float(r.uniform(0.0, 1.0)))
        self._v0 = self.draw(rng)
        self._v1 = self.draw(rng)
        self._len = self._segment()
        self._pos = int(rng.integers(0, self._len))

    def _segment(self) -> int:
        span = self.period * self.rng.uniform(1 - self.jitter, 1 + self.jitter)
        return max(1, int(span * self.rate))

    def next(self, frames: int) -> F64:
        out = np.empty(frames)
        done = 0
        while done < frames:
            take = min(frames - done, self._len - self._pos)
            t = (self._pos + np.arange(take)) / self._len
            shape = 0.5 - 0.5 * np.cos(np.pi * t)
            out[done : done + take] = self._v0 + (self._v1 - self._v0) * shape
            done += take
            self._pos += take
            if self._pos >= self._len:
                self._v0, self._v1 = self._v1, self.draw(self.rng)
                self._len, self._pos = self._segment(), 0
        return out


class EventBus:
    """Accumulates short stereo events (up to ``longest`` frames) that may spill into later
    blocks; :meth:`take` hands out one block and moves on."""

    def __init__(self, hop: int, longest: int) -> None:
        self.hop = hop
        self.longest = longest
        self._buf = np.zeros((hop + longest, 2))

    def add(self, offset: int, sig: F64, gains: tuple[float, float]) -> None:
        n = min(sig.shape[0], self._buf.shape[0] - offset)
        self._buf[offset : offset + n, 0] += gains[0] * sig[:n]
        self._buf[offset : offset + n, 1] += gains[1] * sig[:n]

    def take(self) -> F64:
        out = self._buf[: self.hop].copy()
        self._buf[: -self.hop] = self._buf[self.hop :]
        self._buf[-self.hop :] = 0.0
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


def poisson_offsets(rng: Rng, hop: int, rate: int, per_second: float) -> npt.NDArray[np.int64]:
    """Sorted start offsets of a Poisson process inside one block."""
    count = rng.poisson(max(0.0, per_second) * hop / rate)
    return np.sort(rng.integers(0, hop, size=count))


class Scape:
    """One soundscape as an endless stream. Subclasses fill :meth:`bed` and :meth:`events`
    for each block; ``events_on`` False stops new events while those sounding ring out."""

    GAIN_DB = 0.0  # measured so the stream sits at -27 LUFS (see tests/core/test_soundscape_…)

    def __init__(self, seed: int, rate: int) -> None:
        self.rate = rate
        self.hop = rate // 4
        self.rng = np.random.default_rng(seed)
        self.events_on = True
        self.block_index = 0
        self._pending = np.zeros((0, 2))

    @property
    def block_start(self) -> int:
        return self.block_index * self.hop

    def bed(self) -> F64:
        return np.zeros((self.hop, 2))

    def events(self) -> F64:
        return np.zeros((self.hop, 2))

    def block(self) -> tuple[F64, F64]:
        """The next block's bed and events, each ``(hop, 2)``, before the calibration gain."""
        parts = self.bed(), self.events()
        self.block_index += 1
        return parts

    def render(self, frames: int) -> F64:
        """The next ``frames`` frames (calibrated gain, no limiting), ``(frames, 2)``."""
        gain = 10 ** (self.GAIN_DB / 20)
        chunks = [self._pending]
        have = self._pending.shape[0]
        while have < frames:
            bed, ev = self.block()
            chunks.append((bed + ev) * gain)
            have += self.hop
        out = np.concatenate(chunks)
        self._pending = out[frames:]
        return out[:frames]
