"""Rain: a soft broadband bed with body below 300 Hz, and distinct drops of varied size,
distance and surface (water plinks, leaf ticks, heavy splats with a low thump).

The drops' shapes are made once per rain (a bank of each kind across its range of pitch and
length); a drop takes one of them, resampled to its own pitch, with its own level, pan and
distance, so 80 drops a second cost no FFT and no oscillator each."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F64,
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
            np.geomspace(1_800, 6_500, 14),
            3,
            lambda f: noise_burst(rng, rate, f, 0.7, rng.uniform(0.002, 0.006)),
        )
        self.thumps = Bank(
            np.geomspace(55, 316, 10), 2, lambda f: decaying_sine(rate, f, rng.uniform(0.01, 0.03))
        )
        self.splashes = Bank(
            np.geomspace(700, 3_500, 10),
            3,
            lambda f: noise_burst(rng, rate, f, 1.2, rng.uniform(0.008, 0.025)),
        )

    def bed(self) -> F64:
        self._level = self.intensity.mean(self.hop)
        env = self.patter.next(self.hop)[:, None] * self._level
        return 0.12 * self.noise.next(self.shape) * env

    def events(self) -> F64:
        if self.events_on:
            rate = DROPS_PER_SECOND * self._level**2
            for offset in poisson_offsets(self.rng, self.hop, self.rate, rate):
                self._drop(int(offset))
        return self.bus.take()

    def _drop(self, offset: int) -> None:
        rng = self.rng
        size = float(np.clip(rng.lognormal(0.0, 0.45), 0.3, 2.2))  # relative drop size
        distance = float(rng.uniform(1.0, 5.0))
        surface = rng.choice(3, p=(0.35, 0.4, 0.25))
        if surface == 0:  # into a puddle: a bubble plink, bigger drops lower
            sig = self.plinks.get(rng, float(rng.uniform(900, 4_000)) / size**0.5)
            click = self.clicks.get(rng, 5_000.0)
            sig[: click.size] += 0.3 * click[: sig.size]
            level = 0.7
        elif surface == 1:  # on a leaf: a short bright tick
            sig = self.ticks.get(rng, float(rng.uniform(1_800, 6_500)))
            level = 1.0
        else:  # on the ground or wood: a splat with a low thump (the body of heavy rain)
            thump = self.thumps.get(rng, float(rng.uniform(70, 220)) / size**0.3)
            splash = self.splashes.get(rng, float(rng.uniform(700, 3_500)))
            sig = np.zeros(max(thump.size, splash.size))
            sig[: thump.size] += 0.4 * size * thump
            sig[: splash.size] += 0.6 * splash
            level = 1.0
        sign = 1.0 if rng.random() < 0.5 else -1.0
        sig = distance_filter(sig, distance, self.rate)
        gains = pan_gains(float(rng.uniform(0.1, 0.9)))
        self.bus.add(offset, sig * (sign * level * size / distance), gains)


def distance_filter(sig: F64, distance: float, rate: int) -> F64:
    """Far drops lose their top: a one-pole low-pass (its impulse response to -60 dB, as a
    short convolution), cutoff falling with distance."""
    if distance < 1.5:
        return sig
    a = float(np.exp(-2 * np.pi * (14_000 / distance) / rate))
    taps = int(np.ceil(np.log(1e-3) / np.log(a)))
    out: F64 = np.convolve(sig, (1 - a) * a ** np.arange(taps))[: sig.size]
    return out
