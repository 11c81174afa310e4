"""Wind: gusts drive everything. A low rushing bed gets louder and brighter with the wind
speed, and aeolian whistles (narrow bands of noise, as wind past an edge makes) glide in pitch
with the speed, as Strouhal's law has it, and only sing when the gust is strong enough."""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F32,
    F64,
    Gain,
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
        # a whistle is noise in a band a few Hz wide (its core: run at 960 Hz, interpolated)
        # with faint skirts reaching far up, the airy hiss of strong gusts: that goes into the
        # bed's spectrum, block by block, around where each whistle sings
        line = band(0.5, 9.0, 1.0)
        self.whistle_noise = NoiseBed(rng, rate, self.hop, channels=2 * WHISTLES, decimate=50)
        self.whistle_shape = self.whistle_noise.unit(line)
        skirt = _skirt(self.noise, line, rate / self.whistle_noise.decimate) ** 2 / 2
        # at |bin - centre| and, folded back from below 0 Hz, bin + centre: slices of this
        self._skirts = np.concatenate([skirt[::-1], skirt[1:], np.zeros(skirt.size)])
        self._drive = np.zeros(WHISTLES)  # each whistle's mean drive (power over L and R)
        self.base = 360.0 * 1.75 ** np.arange(WHISTLES) * rng.uniform(0.85, 1.15, WHISTLES)
        self.threshold = rng.uniform(0.2, 0.45, WHISTLES)
        self.pans = rng.uniform(0.2, 0.8, WHISTLES)
        self.phase = rng.uniform(0.0, 1.0, WHISTLES)  # in cycles
        self.speed = np.zeros(self.hop)
        self._control = Upsampler(self.gust.step)
        f = self.noise.freqs
        self._below = tilt(1.0, 30.0, np.inf, 1.5)(f)  # the bed's colour under its top edge
        self._below[0] = 0.0
        self._cubed = f**3

    def _shape(self, top: float) -> F64:
        """The bed's unit gain, brown from 30 Hz to ``top`` (order 1.5 edges): the same as
        ``noise.unit(tilt(1.0, 30.0, top, 1.5))``, the parts that do not move computed once."""
        g = self._below / np.sqrt(1 + self._cubed / top**3)
        return g / (float(np.sqrt(np.mean(g * g))) or 1.0)

    def _gains(self, level: float, centres: F64) -> F64:
        """The bed's colour plus the whistles' skirts (the line's far reaches, shifted to each
        whistle's mean pitch ``centres`` and weighted by its mean drive), relative to the
        bed's mean ``level``."""
        bed = self._shape(250.0 + 1_800.0 * float(self.speed.mean()) ** 1.5)
        power = bed * bed
        n, spacing = bed.size, float(self.noise.freqs[2] - self.noise.freqs[1])
        for k, centre in enumerate(centres):
            c = min(n - 1, round(centre / spacing))
            weight = (self._drive[k] / level) ** 2
            power += (
                self._skirts[n - 1 - c : 2 * n - 1 - c] + self._skirts[n - 1 + c : 2 * n - 1 + c]
            ) * weight
        power[0] = 0.0  # no DC
        return np.sqrt(power)

    def bed(self) -> F32:
        storm = self.storm.values(self.hop, self.storm.step)
        gust = self.gust.values(self.hop, self.gust.step)
        speed = storm * (0.25 + 0.75 * gust)  # at the control rate (1 ms), as all that
        # follows from it: a curve this slow is a straight line over a millisecond
        drive = np.clip((speed - self.threshold[:, None]) / (1 - self.threshold[:, None]), 0, 1)
        drive = 0.5 * drive * np.sqrt(drive)  # (WHISTLES, steps)
        # RMS over the block, equal power in L and R
        self._drive = np.sqrt(np.mean(np.square(drive), axis=1) / 2)
        control = np.concatenate([speed[None], 0.1 + speed[None] ** 1.3, drive])
        up = self._control(control.astype(np.float32))  # speed, envelope, drives
        self.speed = up[0].astype(np.float64)
        whistles, centres = self._whistles(up[2:])
        gains = self._gains(float(up[1].mean()), centres)
        out = self.noise.rows(gains)
        out *= up[1]
        out += whistles
        return out

    def _whistles(self, drive: F32) -> tuple[F32, F64]:
        """Narrow bands whose centre follows the wind speed sample by sample (in float32: the
        phase runs in cycles, a few hundred per block; one running sum serves all, their
        pitches being fixed multiples), and their mean pitches. Silent whistles cost no
        oscillator."""
        z = self.whistle_noise.rows(self.whistle_shape)  # (2 * WHISTLES, hop)
        speed = self.speed.astype(np.float32)
        run = np.cumsum(0.55 + 0.9 * speed)  # cycles of a 1 Hz whistle
        rates = self.base / self.rate
        live = np.flatnonzero(self._drive > 0)
        cycles = (rates[live, None].astype(np.float32) * run) + self.phase[live, None].astype(
            np.float32
        )
        cycles -= np.rint(cycles)  # -0.5..0.5 cycles: cos and sin stay fast and exact
        angle = np.float32(2 * np.pi) * cycles
        tone = z[2 * live] * np.cos(angle) - z[2 * live + 1] * np.sin(angle)
        self.phase = (self.phase + rates * float(run[-1])) % 1.0
        pans = 0.5 * np.pi * self.pans[live]
        to_channels = np.stack([np.cos(pans), np.sin(pans)]).astype(np.float32)  # (2, live)
        out: F32 = to_channels @ (drive[live] * tone)  # (2, hop)
        centres = self.base * (0.55 + 0.9 * float(self.speed.mean()))
        return out, centres


def _skirt(bed: NoiseBed, line: Gain, core_rate: float) -> F64:
    """What a whistle band's core, made at ``core_rate`` and interpolated linearly (which
    passes sinc² of the frequency), leaves of the full ``line``: power-complementary."""
    f = bed.freqs
    passed = np.where(f < core_rate, np.sinc(f / core_rate) ** 4, 0.0)
    return bed.unit(line) * np.sqrt(np.clip(1 - passed, 0, 1))
