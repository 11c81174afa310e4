"""Ocean: breaking waves at irregular intervals that rise fast (the crash) and fall slowly (the
foam fizzing out, then the wash running back), over a surf bed that never goes silent.

Each wave is a handful of numbers (start, height, pan, timings); its envelopes are evaluated
at a control rate (every 5 ms, interpolated in between) and drive four continuous noise beds
(rumble, crash, foam, wash), so waves cost no memory and no CPU spikes however long they ring.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from acumat_desktop.core.audio.scapes.base import (
    F32,
    F64,
    NoiseBed,
    Scape,
    SlowCurve,
    Upsampler,
    band,
    divisor,
    tilt,
)

WAVE_SECONDS = 30.0  # how long after its start a wave still contributes
ENERGY_SECONDS = 45.0  # the sea's memory: after a run of big waves come smaller ones...
ENERGY_RATE = 0.04  # ...so the sum of height² per second stays near this (the mean schedule)
CONTROL_SECONDS = 0.005  # wave envelopes are evaluated this often and interpolated between


@dataclass(frozen=True)
class Wave:
    start: float  # seconds
    height: float
    pan: float
    rise: float  # seconds from the first swell to the crash
    crash_tau: float
    foam_tau: float
    wash_delay: float

    def envelopes(self, t: F64) -> tuple[F64, F64, F64]:
        """Crash, foam and wash envelopes (0..~1) at seconds ``t`` since the wave began."""
        x = t - self.start
        rising = np.clip(x / self.rise, 0.0, 1.0) ** 2.5
        after = np.maximum(x - self.rise, 0.0)
        crash = np.where(x < self.rise, rising, np.exp(-after / self.crash_tau))
        foam_in = np.clip(after / 0.35, 0.0, 1.0)
        foam = np.where(x < self.rise, 0.3 * rising, foam_in * np.exp(-after / self.foam_tau))
        wash_x = np.maximum(after - self.wash_delay, 0.0)
        wash = np.where(after > self.wash_delay, np.sin(np.clip(wash_x / 5.0, 0, 1) * np.pi), 0.0)
        live = (x >= 0) & (x < WAVE_SECONDS)
        h = self.height
        return crash * live * h, foam * live * h, wash * live * h


class Ocean(Scape):
    GAIN_DB = -13.6

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        rng = self.rng
        self.swell = SlowCurve(rng, rate, 50.0, lambda r: float(r.uniform(0.7, 1.0)))
        # crash, foam, wash; L/R each: broadband, so frames overlapping by a quarter will do
        self.noise = NoiseBed(rng, rate, self.hop, channels=6, overlap=0.25)
        shapes = (
            tilt(0.35, 150.0, 9_000.0, 1.5),  # crash
            tilt(0.1, 1_800.0, 14_000.0, 1.5),  # foam
            tilt(0.6, 180.0, 3_500.0, 1.5),  # wash
        )
        self.gains = np.stack([self.noise.unit(s) for s in shapes for _ in range(2)], axis=1)
        # the rumble lies under 3 kHz: a bed at 12 kHz, interpolated up, will do
        self.rumble = NoiseBed(rng, rate, self.hop, channels=2, decimate=4)
        self.rumble_shape = self.rumble.unit(tilt(1.0, 25.0, 600.0))
        self.fizz = NoiseBed(rng, rate, self.hop, channels=2, decimate=10)  # up to 2.4 kHz
        self.fizz_shape = self.fizz.unit(band(20.0, 180.0, 1.0))
        churn = lambda r: float(r.lognormal(0.0, 0.3))  # noqa: E731
        self.churn = [SlowCurve(rng, rate, 0.45, churn) for _ in range(2)]
        self.waves: list[Wave] = []
        self._params: F64 | None = None  # the waves' parameters as rows, for wave_envelopes
        self._next_wave = float(rng.uniform(0.5, 3.0))
        self._swell = 1.0
        self._energy, self._energy_at = ENERGY_RATE * ENERGY_SECONDS, 0.0
        self._waves = np.zeros((2, self.hop), dtype=np.float32)
        self.step = divisor(self.hop, int(CONTROL_SECONDS * rate))
        self._envelopes = Upsampler(self.step)

    def _schedule(self, until: float) -> None:
        rng = self.rng
        while self.events_on and self._next_wave < until:
            big = rng.random() < 0.25  # now and then a bigger wave, now and then a small one
            small = not big and rng.random() < 0.25
            height = self._swell * float(rng.uniform(0.5, 0.85)) * (1.4 if big else 1.0)
            self._add_wave(self._next_wave, height * (0.45 if small else 1.0))
            if not small and rng.random() < 0.3:  # the wave breaks again further along
                self._add_wave(self._next_wave + float(rng.uniform(1.2, 2.8)), 0.6 * height)
            gap = rng.uniform(2.5, 4.5) if small else rng.gamma(2.0, 4.0) + 4.0  # 5-25 s
            self._next_wave += float(gap)

    def _balance(self, start: float) -> float:
        """Scale for a new wave's height: keeps two minutes of sea near the calibrated
        loudness whatever the dice did, while single waves still differ a lot."""
        self._energy *= np.exp(-(start - self._energy_at) / ENERGY_SECONDS)
        self._energy_at = start
        return float(np.clip(np.sqrt(ENERGY_RATE * ENERGY_SECONDS / self._energy), 0.6, 1.5))

    def _add_wave(self, start: float, height: float) -> None:
        rng = self.rng
        height *= self._balance(start)
        self._energy += height**2
        self._params = None
        self.waves.append(
            Wave(
                start=start,
                height=height,
                pan=float(rng.uniform(0.2, 0.8)),
                rise=float(rng.uniform(0.4, 1.3)),
                crash_tau=float(rng.uniform(1.0, 3.0)),
                foam_tau=float(rng.uniform(2.5, 6.0)),
                wash_delay=float(rng.uniform(1.5, 3.0)),
            )
        )

    def wave_envelopes(self, t: F64) -> F64:
        """The waves' drive of the six bed channels ``(6, t.size)`` at seconds ``t``:
        crash (on the crash and, at 0.55, the rumble), foam, wash; each panned. All waves
        at once: one row of parameters each."""
        if not self.waves:
            return np.zeros((6, t.size))
        if self._params is None:
            self._params = np.array([dataclasses.astuple(w) for w in self.waves]).T[:, :, None]
        p = self._params  # (7, W, 1), made again only when a wave comes or goes
        crash, foam, wash = Wave(*p).envelopes(t)  # each (W, T)
        left, right = np.cos(0.5 * np.pi * p[2, :, 0]), np.sin(0.5 * np.pi * p[2, :, 0])
        pans = np.stack([left, right])  # (2, W): equal power, as pan_gains
        return np.concatenate([pans @ crash, 0.8 * (pans @ foam), 0.45 * (pans @ wash)])

    def bed(self) -> F32:
        t0 = self.block_start / self.rate
        self._swell = self.swell.mean(self.hop)
        self._schedule(t0 + (self.hop - 1) / self.rate)
        live = [w for w in self.waves if w.start + WAVE_SECONDS > t0]
        if len(live) != len(self.waves):
            self.waves, self._params = live, None
        control = t0 + self.step * np.arange(1, self.hop // self.step + 1) / self.rate
        drive = self.wave_envelopes(control)
        churn = np.stack([c.values(self.hop, self.step) for c in self.churn])
        drive *= np.tile(churn, (3, 1))  # the surf churns under each wave
        waves = self._envelopes(drive.astype(np.float32))
        rumble = self.rumble.rows(self.rumble_shape)
        noise = self.noise.rows(self.gains)  # (6, hop): crash, foam, wash; L/R each
        fizz = np.tanh(np.abs(self.fizz.rows(self.fizz_shape)))  # foam crackle
        noise[2:4] *= 0.6 + 0.7 * fizz
        surge = (noise[0:2] + 0.55 * rumble) * waves[0:2]
        surge += noise[2:4] * waves[2:4]
        surge += noise[4:6] * waves[4:6]
        surge *= 0.3
        self._waves = surge
        # distant surf: the beds never fall silent
        surf = 0.048 * rumble
        surf += 0.015 * noise[2:4]
        surf += 0.036 * noise[4:6]
        return surf

    def events(self) -> F32:
        """The waves themselves (computed with the bed, from the same noise)."""
        return self._waves
