"""Rain: a soft broadband bed with body below 300 Hz, and distinct drops of varied size,
distance and surface (water plinks, leaf ticks, heavy splats with a low thump).

The drops' shapes are made once per rain (a bank of each kind across its range of pitch and
length); a drop takes one of them, resampled to its own pitch, with its own level, pan and
distance, so 80 drops a second cost no FFT and no oscillator each."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F32,
    Bank,
    EventBus,
    NoiseBed,
    Rng,
    Scape,
    SlowCurve,
    band,
    decaying_sine,
    noise_burst,
    pan_gains,
    poisson_offsets,
    tilt,
)

DROPS_PER_SECOND = 80.0


class Rain(Scape):
    GAIN_DB = -13.6

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        rng = self.rng
        self.intensity = SlowCurve(rng, rate, 18.0, lambda r: float(r.uniform(0.55, 1.0)))
        self.patter = SlowCurve(rng, rate, 0.6, lambda r: float(r.uniform(0.85, 1.15)))
        self.noise = NoiseBed(rng, rate, self.hop)
        body = band(45.0, 320.0, 2.0)
        hiss = tilt(0.45, 120.0, 13_000.0, 1.5)
        self.shape = self.noise.unit(lambda f: np.sqrt(0.25 * body(f) ** 2 + hiss(f) ** 2))
        self.bus = EventBus(self.hop, int(0.3 * rate))
        self._level = 1.0
        self._banks(rng, rate)

    def _banks(self, rng: Rng, rate: int) -> None:
        """Drop shapes across each kind's range (pitches as :meth:`_drop` draws them)."""
        self.plinks = Bank(
            np.geomspace(600, 7_400, 24),
            2,
            lambda f: decaying_sine(rate, f, rng.uniform(0.004, 0.012), glide=0.25),
        )
        self.clicks = Bank(np.array([5_000.0]), 12, lambda f: noise_burst(rng, rate, f, 0.8, 7e-4))
        self.ticks = Bank(
            np.geomspace(1_800, 6_500, 20),
            3,
            lambda f: noise_burst(rng, rate, f, 0.7, rng.uniform(0.002, 0.006)),
        )
        self.thumps = Bank(
            np.geomspace(55, 316, 10), 2, lambda f: decaying_sine(rate, f, rng.uniform(0.01, 0.03))
        )
        self.splashes = Bank(
            np.geomspace(700, 3_500, 12),
            3,
            lambda f: noise_burst(rng, rate, f, 1.2, rng.uniform(0.008, 0.025)),
        )

    def bed(self) -> F32:
        self._level = self.intensity.mean(self.hop)
        env = self.patter.next(self.hop) * np.float32(0.12 * self._level)  # before the noise:
        out = self.noise.rows(self.shape)  # both draw from the rain's dice
        out *= env
        return out

    def events(self) -> F32:
        if self.events_on:
            rate = DROPS_PER_SECOND * self._level**2
            offsets = poisson_offsets(self.rng, self.hop, self.rate, rate)
            for offset, drop in zip(offsets.tolist(), self._draw(offsets.size), strict=True):
                self._drop(offset, drop)
        return self.bus.take()

    def _draw(self, n: int) -> list[Drop]:
        """The dice for ``n`` drops, thrown all at once (in start order)."""
        rng = self.rng
        size = np.clip(rng.lognormal(0.0, 0.45, n), 0.3, 2.2)  # relative drop size
        surface = np.searchsorted((0.35, 0.75), rng.random(n), side="right")  # 35/40/25 %
        columns = (
            size,
            rng.uniform(1.0, 5.0, n),  # distance
            surface,
            rng.random(n),  # pitch within the surface's range
            rng.random(n),  # a splat's splash pitch
            rng.uniform(0.1, 0.9, n),  # pan
            np.where(rng.random(n) < 0.5, 1.0, -1.0),  # polarity
        )
        return [Drop(*d) for d in zip(*(c.tolist() for c in columns), strict=True)]

    def _drop(self, offset: int, d: Drop) -> None:
        rng, size, far = self.rng, d.size, d.distance
        if d.surface == 0:  # into a puddle: a bubble plink, bigger drops lower
            pitch = (900 + 3_100 * d.pitch) / size**0.5
            sig = self.plinks.get(rng, pitch)  # resampled: a fresh array
            sig *= 0.7 * dulled(pitch, far)
            click = self.clicks.get(rng, 5_000.0, exact=False)
            sig[: click.size] += (0.21 * dulled(5_000.0, far)) * click[: sig.size]
        elif d.surface == 1:  # on a leaf: a short bright tick (a shared shape: scaled below)
            pitch = 1_800 + 4_700 * d.pitch
            sig = self.ticks.get(rng, pitch, exact=False)
            size *= dulled(pitch, far)
        else:  # on the ground or wood: a splat with a low thump (the body of heavy rain)
            thump = self.thumps.get(rng, (70 + 150 * d.pitch) / size**0.3)
            pitch = 700 + 2_800 * d.splash
            splash = self.splashes.get(rng, pitch, exact=False)
            sig = np.zeros(max(thump.size, splash.size), dtype=np.float32)
            sig[: thump.size] = 0.4 * size * thump
            sig[: splash.size] += (0.6 * dulled(pitch, far)) * splash
        scale = d.sign * size / far
        left, right = pan_gains(d.pan)
        self.bus.add(offset, sig, (left * scale, right * scale))


@dataclass(frozen=True)
class Drop:
    size: float
    distance: float
    surface: float
    pitch: float  # 0..1 across the surface's range
    splash: float
    pan: float
    sign: float


def dulled(freq: float, distance: float) -> float:
    """Far drops lose their top: the gain of a one-pole low-pass, cutoff falling with
    distance, at the drop's pitch (a drop is a tone or a band an octave wide, so its gain at
    the centre is what the filter does to it; near drops pass untouched)."""
    if distance < 1.5:
        return 1.0
    return 1.0 / math.sqrt(1.0 + (freq * distance / 14_000) ** 2)
