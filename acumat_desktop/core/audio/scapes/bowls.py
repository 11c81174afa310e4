"""Singing bowls: five bowls, each with its own inharmonic partials (about 1, 2.7, 5.2, 8.3,
12 × f0), every partial a close pair that beats; strikes of varied strength at irregular times.

A strike is a voice: per partial a frequency, level, decay and phase, evaluated analytically
block by block. A partial is dropped only once it has decayed 100 dB below the strike's peak,
so strikes ring out naturally and are never cut.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from acumat_desktop.core.audio.scapes.base import (
    F32,
    F64,
    EventBus,
    NoiseBed,
    Rng,
    Scape,
    noise_burst,
    pan_gains,
    peak,
)

BASE_RATIOS = (1.0, 2.74, 5.18, 8.3, 12.1)
BASE_LEVELS = (1.0, 0.55, 0.3, 0.16, 0.08)
BOWL_PITCHES = (130.8, 164.8, 196.0, 233.1, 293.7)  # a soft open set; each bowl detuned
SILENT = 1e-5  # -100 dB re the strike's peak: below this a partial is done
ENERGY_SECONDS = 40.0  # the player's memory: after loud strikes, softer ones, and vice versa,
ENERGY_RATE = 0.35  # so velocity² × ring time per second stays near the mean schedule's


@dataclass(frozen=True)
class Bowl:
    ratios: F64
    levels: F64
    beats: F64  # Hz between the two modes of each partial
    tau: float  # decay time constant of the fundamental, seconds

    @staticmethod
    def make(rng: Rng, f0: float) -> Bowl:
        ratios = np.array(BASE_RATIOS) * rng.uniform(0.97, 1.03, len(BASE_RATIOS))
        ratios[0] = 1.0
        return Bowl(
            ratios=ratios * f0 * rng.uniform(0.99, 1.01),
            levels=np.array(BASE_LEVELS) * rng.uniform(0.7, 1.3, len(BASE_LEVELS)),
            beats=rng.uniform(0.25, 1.2, len(BASE_RATIOS)) * np.sqrt(np.arange(1, 6)),
            tau=float(rng.uniform(5.5, 9.0)) * (196.0 / f0) ** 0.4,
        )


class Voice:
    """One strike ringing: two modes per partial, decaying exponentially from ``start``."""

    def __init__(self, rng: Rng, bowl: Bowl, start: int, velocity: float, rate: int) -> None:
        k = bowl.ratios.size
        hardness = rng.uniform(0.6, 1.4)  # harder mallet: brighter strike
        self.start = start
        self.freqs = np.concatenate([bowl.ratios, bowl.ratios + bowl.beats])
        split = rng.uniform(0.35, 0.65, k)
        levels = bowl.levels * np.arange(1, k + 1) ** (hardness - 1.0) * velocity
        self.levels = np.concatenate([levels * split, levels * (1 - split)])
        taus = bowl.tau / (bowl.ratios / bowl.ratios[0]) ** 0.75
        self.taus = np.concatenate([taus, taus * rng.uniform(0.85, 1.15, k)])
        self.phases = rng.uniform(0, 2 * np.pi, 2 * k)
        self.gains = pan_gains(float(rng.uniform(0.2, 0.8)))
        self.rate = rate
        self.floor = SILENT * float(self.levels.sum())
        self._cache: tuple[int, npt.NDArray[np.complex128], F64] | None = None

    def render(self, block_start: int, hop: int) -> F64:
        """This voice's mono samples for ``hop`` frames from ``block_start`` (zeros before it
        starts); drops partials that have rung out.

        Each mode is a decaying complex phasor a·z^n = a·z^(m·j)·z^i (n = m·j + i): the
        steps z^(m·j) and a short run z^0..z^(m-1), the same in every block, so they are
        made once per voice (and trimmed as partials ring out); a block only moves each
        mode's phasor a to its start. The imaginary part of the sum over modes is then one
        small matrix product, [Re A | Im A]ᵀ · [Im R ; Re R]."""
        t0 = (block_start - self.start) / self.rate
        alive = self.levels * np.exp(-max(t0, 0.0) / self.taus) > self.floor
        steps, run = self._grids(hop)
        if not alive.all():
            self.freqs, self.levels = self.freqs[alive], self.levels[alive]
            self.taus, self.phases = self.taus[alive], self.phases[alive]
            steps, run = steps[alive], run[np.concatenate([alive, alive])]
            self._cache = (hop, steps, run)
        s = -1.0 / self.taus + 2j * np.pi * self.freqs  # per second
        a = (self.levels * np.exp(1j * self.phases + s * t0))[:, None] * steps
        out: F64 = (np.concatenate([a.real, a.imag]).T @ run).reshape(hop)
        if t0 < 0.004:  # before the strike: silence; then a 4 ms attack
            t = t0 + np.arange(hop) / self.rate
            out *= np.clip(t / 0.004, 0.0, 1.0)
        return out

    def _grids(self, hop: int) -> tuple[npt.NDArray[np.complex128], F64]:
        """The steps z^(m·j) ``(modes, hop // m)`` and [Im R ; Re R] ``(2 · modes, m)``."""
        if self._cache is None or self._cache[0] != hop:
            s = -1.0 / self.taus + 2j * np.pi * self.freqs
            m = _run_length(hop)
            run = np.exp(np.outer(s, np.arange(m)) / self.rate)
            steps = np.exp(np.outer(s, m * np.arange(hop // m) / self.rate))
            self._cache = (hop, steps, np.concatenate([run.imag, run.real]))
        return self._cache[1], self._cache[2]

    @property
    def done(self) -> bool:
        return self.levels.size == 0


def _run_length(hop: int) -> int:
    return next(
        m for m in (100, 96, 80, 64, 50, 48, 40, 32, 25, 20, 16, 10, 8, 5, 4, 2, 1) if hop % m == 0
    )


class SingingBowls(Scape):
    GAIN_DB = -15.1

    def __init__(self, seed: int, rate: int) -> None:
        super().__init__(seed, rate)
        rng = self.rng
        self.bowls = [Bowl.make(rng, f0 * rng.uniform(0.985, 1.015)) for f0 in BOWL_PITCHES]
        self.voices: list[Voice] = []
        self.bus = EventBus(self.hop, int(0.05 * rate))
        self.room = NoiseBed(rng, rate, self.hop, decimate=4)  # faint: up to 6 kHz will do
        self.room_shape = self.room.unit(peak(400.0, 1.5))
        self._next = int(rng.uniform(0.3, 2.0) * rate)
        self._last_bowl = -1
        self._energy, self._energy_at = ENERGY_RATE * ENERGY_SECONDS, 0.0
        self.strikes: deque[tuple[int, int]] = deque(maxlen=256)  # (frame, bowl), recent

    def bed(self) -> F32:
        out = self.room.rows(self.room_shape)
        out *= np.float32(0.004)  # the faint air of a quiet room
        return out

    def events(self) -> F32:
        end = self.block_start + self.hop
        while self.events_on and self._next < end:
            self._strike(self._next)
        out = self.bus.take()
        for voice in self.voices:
            mono = voice.render(self.block_start, self.hop)
            out[0] += voice.gains[0] * mono
            out[1] += voice.gains[1] * mono
        self.voices = [v for v in self.voices if not v.done]
        return out

    def _strike(self, at: int) -> None:
        rng = self.rng
        choices = [i for i in range(len(self.bowls)) if i != self._last_bowl]
        index = int(rng.choice(choices))
        self._last_bowl = index
        self.strikes.append((at, index))
        balance = self._balance(at / self.rate)
        velocity = min(1.2, float(rng.uniform(0.35, 1.0)) * balance)
        self._energy += velocity**2 * self.bowls[index].tau
        voice = Voice(rng, self.bowls[index], at, velocity, self.rate)
        self.voices.append(voice)
        knock = noise_burst(rng, self.rate, rng.uniform(600, 1_500), 1.0, 0.003)
        self.bus.add(at - self.block_start, 0.05 * velocity * knock, voice.gains)
        quick = rng.random() < 0.2  # a quick answer on another bowl; else mostly 5-20 s apart
        gap = rng.uniform(1.2, 3.0) if quick else (rng.gamma(3.0, 3.2) + 2.5) / balance**0.5
        self._next = at + int(gap * self.rate)

    def _balance(self, now: float) -> float:
        """Scale for the next strike: keeps two minutes near the calibrated loudness whatever
        the dice did, while single strikes still differ a lot."""
        self._energy *= np.exp(-(now - self._energy_at) / ENERGY_SECONDS)
        self._energy_at = now
        return float(np.clip(np.sqrt(ENERGY_RATE * ENERGY_SECONDS / self._energy), 0.6, 1.6))
