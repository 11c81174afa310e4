"""Wind: gusts drive everything. A low rushing bed gets louder and brighter with the wind
speed, and aeolian whistles (narrow bands of noise, as wind past an edge makes) glide in pitch
with the speed, as Strouhal's law has it, and only sing when the gust is strong enough."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio.scapes.base import F64, NoiseBed, Scape, SlowCurve, band, tilt

WHISTLES = 3


class Wind(Scape):
    GAIN_DB = -20.5

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        rng = self.rng
        self.storm = SlowCurve(rng, rate, 30.0, lambda r: float(r.uniform(0.72, 1.0)))
        self.gust = SlowCurve(rng, rate, 3.5, lambda r: float(r.beta(2.0, 2.6)))
        self.noise = NoiseBed(rng, rate, self.hop)
        self.whistle_noise = NoiseBed(rng, rate, self.hop, channels=2 * WHISTLES)
        self.whistle_shape = self.whistle_noise.unit(band(0.5, 9.0, 1.0))
        self.base = 360.0 * 1.75 ** np.arange(WHISTLES) * rng.uniform(0.85, 1.15, WHISTLES)
        self.threshold = rng.uniform(0.2, 0.45, WHISTLES)
        self.pans = rng.uniform(0.2, 0.8, WHISTLES)
        self.phase = rng.uniform(0, 2 * np.pi, WHISTLES)
        self.speed = np.zeros(self.hop)

    def bed(self) -> F64:
        self.speed = self.storm.next(self.hop) * (0.25 + 0.75 * self.gust.next(self.hop))
        mean = float(self.speed.mean())
        shape = self.noise.unit(tilt(1.0, 30.0, 250.0 + 1_800.0 * mean**1.5, 1.5))
        return self.noise.next(shape) * (0.1 + self.speed[:, None] ** 1.3) + self._whistles()

    def _whistles(self) -> F64:
        """Narrow bands whose centre follows the wind speed sample by sample."""
        z = self.whistle_noise.next(self.whistle_shape)
        out = np.zeros((self.hop, 2))
        for k in range(WHISTLES):
            freq = self.base[k] * (0.55 + 0.9 * self.speed)
            phase = self.phase[k] + 2 * np.pi * np.cumsum(freq) / self.rate
            self.phase[k] = float(phase[-1] % (2 * np.pi))
            drive = np.clip((self.speed - self.threshold[k]) / (1 - self.threshold[k]), 0, 1)
            tone = z[:, 2 * k] * np.cos(phase) - z[:, 2 * k + 1] * np.sin(phase)
            sig = 0.5 * drive**1.5 * tone
            out[:, 0] += np.cos(0.5 * np.pi * self.pans[k]) * sig
            out[:, 1] += np.sin(0.5 * np.pi * self.pans[k]) * sig
        return out
