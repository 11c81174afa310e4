"""Forest stream: babbling water as three bands of noise, each channel and band with its own
quick random swell (no tremolo shared by the whole sound), and bubbles of varied size that
ring and rise in pitch as they pop, coming in clusters. The bubbles' shapes are made once per
stream (a bank across pitch, ring time and rise); each bubble resamples one to its pitch."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F32,
    F64,
    Bank,
    EventBus,
    NoiseBed,
    Scape,
    SlowCurve,
    Upsampler,
    band,
    decaying_sine,
    pan_gains,
    poisson_offsets,
)

BANDS = ((150.0, 650.0), (550.0, 2_200.0), (1_900.0, 6_500.0))
BAND_LEVELS = (0.8, 1.0, 0.45)


class Stream(Scape):
    GAIN_DB = -26.7

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        rng = self.rng
        self.noise = NoiseBed(rng, rate, self.hop, channels=2 * len(BANDS), overlap=0.25)
        shapes = [self.noise.unit(band(lo, hi, 1.5)) for lo, hi in BANDS for _ in range(2)]
        self.shapes = np.stack(shapes, axis=1)
        swell = lambda r: float(r.gamma(3.0, 0.33))  # noqa: E731
        self.swells = [
            SlowCurve(rng, rate, float(rng.uniform(0.12, 0.35)), swell)
            for _ in range(2 * len(BANDS))
        ]
        self.flow = SlowCurve(rng, rate, 6.0, lambda r: float(r.uniform(0.3, 1.0)))
        self.bus = EventBus(self.hop, int(0.45 * rate))
        self._swells = Upsampler(self.swells[0].step)
        self._flow = 1.0

        def bubble(freq: float) -> F64:
            cycles = rng.uniform(8.0, 30.0)  # bigger, lower bubbles ring for longer
            return decaying_sine(rate, freq, cycles / freq / 2, glide=rng.uniform(0.1, 0.45))

        self.bubbles = Bank(np.geomspace(250.0, 4_000.0, 16), 4, bubble)

    def bed(self) -> F32:
        self._flow = self.flow.mean(self.hop)
        noise = self.noise.rows(self.shapes)  # (6, hop): per band, L and R
        levels = np.repeat(BAND_LEVELS, 2)[:, None]
        swells = np.stack([s.values(self.hop, s.step) for s in self.swells]) * levels
        noise *= self._swells(swells.astype(np.float32))
        out = noise[0:2] + noise[2:4]
        out += noise[4:6]
        out *= np.float32(0.3)
        return out

    def events(self) -> F32:
        if self.events_on:
            per_second = 8.0 + 40.0 * self._flow**2
            for offset in poisson_offsets(self.rng, self.hop, self.rate, per_second):
                self._bubble(int(offset))
        return self.bus.take()

    def _bubble(self, offset: int) -> None:
        rng = self.rng
        freq = float(np.clip(rng.lognormal(np.log(950.0), 0.55), 250.0, 4_000.0))
        sig = self.bubbles.get(rng, freq)
        level = 1.6 * rng.lognormal(0.0, 0.5) * (freq / 950.0) ** -0.3
        self.bus.add(offset, level * sig, pan_gains(float(rng.uniform(0.1, 0.9))))
