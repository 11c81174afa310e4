"""Wind: gusts drive everything. A low rushing bed gets louder and brighter with the wind
speed, and aeolian whistles (narrow bands of noise, as wind past an edge makes) glide in pitch
with the speed, as Strouhal's law has it, and only sing when the gust is strong enough."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F64,
    NoiseBed,
    Scape,
    SlowCurve,
    Upsampler,
    band,
    tilt,
)

WHISTLES = 3


class Wind(Scape):
    GAIN_DB = -20.5

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        rng = self.rng
        self.storm = SlowCurve(rng, rate, 30.0, lambda r: float(r.uniform(0.72, 1.0)))
        self.gust = SlowCurve(rng, rate, 3.5, lambda r: float(r.beta(2.0, 2.6)))
        self.noise = NoiseBed(rng, rate, self.hop)
        # the whistles' bands are a few Hz wide: their noise runs at 960 Hz and is interpolated
        self.whistle_noise = NoiseBed(rng, rate, self.hop, channels=2 * WHISTLES, decimate=50)
        self.whistle_shape = self.whistle_noise.unit(band(0.5, 9.0, 1.0))
        self.base = 360.0 * 1.75 ** np.arange(WHISTLES) * rng.uniform(0.85, 1.15, WHISTLES)
        self.threshold = rng.uniform(0.2, 0.45, WHISTLES)
        self.pans = rng.uniform(0.2, 0.8, WHISTLES)
        self.phase = rng.uniform(0.0, 1.0, WHISTLES)  # in cycles
        self.speed = np.zeros(self.hop)
        self._speed = Upsampler(self.gust.step)
        f = self.noise.freqs
        self._below = tilt(1.0, 30.0, np.inf, 1.5)(f)  # the bed's colour under its top edge
        self._below[0] = 0.0
        self._cubed = f**3

    def _shape(self, top: float) -> F64:
        """The bed's unit gain, brown from 30 Hz to ``top`` (order 1.5 edges): the same as
        ``noise.unit(tilt(1.0, 30.0, top, 1.5))``, the parts that do not move computed once."""
        g = self._below / np.sqrt(1 + self._cubed / top**3)
        return g / (float(np.sqrt(np.mean(g * g))) or 1.0)

    def bed(self) -> F64:
        storm = self.storm.values(self.hop, self.storm.step)
        gust = self.gust.values(self.hop, self.gust.step)
        self.speed = np.asarray(self._speed(storm * (0.25 + 0.75 * gust)), dtype=np.float64)
        mean = float(self.speed.mean())
        shape = self._shape(250.0 + 1_800.0 * mean**1.5)
        return self.noise.next(shape) * (0.1 + self.speed[:, None] ** 1.3) + self._whistles()

    def _whistles(self) -> F64:
        """Narrow bands whose centre follows the wind speed sample by sample (all whistles at
        once, in float32: the phase runs in cycles, a few hundred per block)."""
        z = self.whistle_noise.rows(self.whistle_shape)  # (2 * WHISTLES, hop)
        speed = self.speed.astype(np.float32)
        step = (self.base[:, None] / self.rate).astype(np.float32) * (0.55 + 0.9 * speed)
        cycles = np.cumsum(step, axis=1)
        cycles += self.phase[:, None].astype(np.float32)
        cycles -= np.rint(cycles)  # -0.5..0.5 cycles: cos and sin stay fast and exact
        self.phase = cycles[:, -1].astype(np.float64)
        angle = np.float32(2 * np.pi) * cycles
        tone = z[0::2] * np.cos(angle) - z[1::2] * np.sin(angle)
        threshold = self.threshold[:, None].astype(np.float32)
        drive = np.clip((speed - threshold) / (1 - threshold), 0, 1)
        sig = 0.5 * drive * np.sqrt(drive) * tone
        pans = 0.5 * np.pi * self.pans
        out: F64 = (np.stack([np.cos(pans), np.sin(pans)]).astype(np.float32) @ sig).T
        return out.astype(np.float64)
