"""Rain: a soft broadband bed with body below 300 Hz, and distinct drops of varied size,
distance and surface (water plinks, leaf ticks, heavy splats with a low thump)."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F64,
    EventBus,
    NoiseBed,
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

    def bed(self) -> F64:
        self._level = float(self.intensity.next(self.hop).mean())
        env = self.patter.next(self.hop)[:, None] * self._level
        return 0.12 * self.noise.next(self.shape) * env

    def events(self) -> F64:
        if self.events_on:
            rate = DROPS_PER_SECOND * self._level**2
            for offset in poisson_offsets(self.rng, self.hop, self.rate, rate):
                self._drop(int(offset))
        return self.bus.take()

    def _drop(self, offset: int) -> None:
        rng, rate = self.rng, self.rate
        size = float(np.clip(rng.lognormal(0.0, 0.45), 0.3, 2.2))  # relative drop size
        distance = float(rng.uniform(1.0, 5.0))
        surface = rng.choice(3, p=(0.35, 0.4, 0.25))
        if surface == 0:  # into a puddle: a bubble plink, bigger drops lower
            freq = float(rng.uniform(900, 4_000)) / size**0.5
            sig = decaying_sine(rate, freq, rng.uniform(0.004, 0.012), glide=0.25)
            click = noise_burst(rng, rate, 5_000, 0.8, 0.0007)
            sig[: click.size] += 0.3 * click[: sig.size]
            level = 0.7
        elif surface == 1:  # on a leaf: a short bright tick
            sig = noise_burst(rng, rate, rng.uniform(1_800, 6_500), 0.7, rng.uniform(0.002, 0.006))
            level = 1.0
        else:  # on the ground or wood: a splat with a low thump (the body of heavy rain)
            thump = decaying_sine(rate, rng.uniform(70, 220) / size**0.3, rng.uniform(0.01, 0.03))
            splash = noise_burst(rng, rate, rng.uniform(700, 3_500), 1.2, rng.uniform(0.008, 0.025))
            sig = np.zeros(max(thump.size, splash.size))
            sig[: thump.size] += 0.4 * size * thump
            sig[: splash.size] += 0.6 * splash
            level = 1.0
        sig = _distance(sig, distance, rate)
        self.bus.add(offset, sig * level * size / distance, pan_gains(float(rng.uniform(0.1, 0.9))))


def _distance(sig: F64, distance: float, rate: int) -> F64:
    """Far drops lose their top: a one-pole low-pass, cutoff falling with distance."""
    if distance < 1.5:
        return sig
    cutoff = 14_000 / distance
    n = 1 << int(np.ceil(np.log2(sig.size)))
    f = np.fft.rfftfreq(n, 1.0 / rate)
    response = 1 / np.sqrt(1 + (f / cutoff) ** 2)
    out: F64 = np.fft.irfft(np.fft.rfft(sig, n=n) * response, n=n)[: sig.size]
    return out
