"""Brown and pink noise: 1/f² and 1/f power, 20 Hz-15 kHz, wide stereo (a shared mid plus
independent sides), generated endlessly."""

from __future__ import annotations

from acumat_desktop.core.audio.scapes.base import F32, NoiseBed, Scape, tilt


class ColouredNoise(Scape):
    POWER = 0.5

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        self.noise = NoiseBed(self.rng, rate, self.hop, channels=3, overlap=0.25)
        self.shape = self.noise.unit(tilt(self.POWER, 20.0, 15_000.0))

    def bed(self) -> F32:
        x = self.noise.rows(self.shape)  # a shared mid, then the sides
        out: F32 = 0.8 * x[1:3]
        out += 0.6 * x[0]
        return out


class BrownNoise(ColouredNoise):
    POWER = 1.0
    GAIN_DB = -24.9


class PinkNoise(ColouredNoise):
    POWER = 0.5
    GAIN_DB = -30.6
