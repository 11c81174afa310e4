"""Measured descriptors of a soundscape excerpt: what SOUNDS.md reports and the tests check.

- loudness (LUFS, BS.1770) and true peak (dBTP), from :mod:`acumat_desktop.core.audio.dsp`;
- spectral tilt: slope of the power spectral density over the octave bands 125 Hz-8 kHz,
  dB per octave (pink noise -3, brown -6);
- body: power below 300 Hz relative to the whole, dB;
- transient rate: onsets per second above 700 Hz (5 ms frames rising >= 6 dB above the 0.3 s
  running mean);
- wave attack vs decay: median 10-90 % rise and 90-10 % fall of the prominent swells of the
  0.1 s loudness envelope, seconds;
- self-similarity: the highest correlation of the 0.1 s loudness envelope with itself at a lag
  of 8-100 s, over at least 30 s of overlap (a 45 s loop scores 1.0 at 45 s; fresh material
  stays far below).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from acumat_desktop.core.audio import dsp

F64 = npt.NDArray[np.float64]


def _mono(x: npt.NDArray[np.floating]) -> F64:
    a = np.asarray(x, dtype=np.float64)
    return a.mean(axis=1) if a.ndim == 2 else a


def frame_db(x: npt.NDArray[np.floating], rate: int, seconds: float) -> F64:
    """Power in dB of consecutive frames of ``seconds`` (channels summed)."""
    a = np.asarray(x, dtype=np.float64)
    power = (a * a).sum(axis=1) if a.ndim == 2 else a * a
    hop = max(1, int(seconds * rate))
    n = power.size // hop
    frames = power[: n * hop].reshape(n, hop).mean(axis=1)
    out: F64 = 10 * np.log10(frames + 1e-12)
    return out


def octave_bands(x: npt.NDArray[np.floating], rate: int) -> tuple[F64, F64]:
    """Centre frequencies 31.5 Hz-16 kHz and the power in dB of each octave band."""
    spectrum = np.abs(np.fft.rfft(_mono(x))) ** 2
    f = np.fft.rfftfreq(_mono(x).size, 1.0 / rate)
    centres = np.asarray(1000.0 * 2.0 ** np.arange(-5, 5), dtype=np.float64)
    power = np.array(
        [spectrum[(f >= c / np.sqrt(2)) & (f < c * np.sqrt(2))].sum() for c in centres]
    )
    db: F64 = 10 * np.log10(power + 1e-20)
    return centres, db


def spectral_tilt(x: npt.NDArray[np.floating], rate: int) -> float:
    centres, db = octave_bands(x, rate)
    use = (centres >= 125) & (centres <= 8_000)
    density = db[use] - 10 * np.log10(centres[use])  # per Hz: pink -3, brown -6 dB/oct
    slope = np.polyfit(np.log2(centres[use]), density, 1)[0]
    return float(slope)


def body_db(x: npt.NDArray[np.floating], rate: int) -> float:
    """Power below 300 Hz relative to the total, dB."""
    m = _mono(x)
    spectrum = np.abs(np.fft.rfft(m)) ** 2
    f = np.fft.rfftfreq(m.size, 1.0 / rate)
    return float(10 * np.log10(spectrum[(f > 20) & (f < 300)].sum() / spectrum.sum()))


def high_pass(x: npt.NDArray[np.floating], rate: int, cutoff: float) -> F64:
    m = _mono(x)
    f = np.fft.rfftfreq(m.size, 1.0 / rate)
    out: F64 = np.fft.irfft(np.fft.rfft(m) * (f >= cutoff), n=m.size)
    return out


def transient_rate(x: npt.NDArray[np.floating], rate: int) -> float:
    """Onsets per second above 700 Hz (where a drop, a bubble or a strike is heard; the
    slow swell of low noise is not an onset)."""
    db = frame_db(high_pass(x, rate, 700.0), rate, 0.005)
    k = 60  # 0.3 s running mean, in the power domain
    mean = np.convolve(10 ** (db / 10), np.ones(k) / k, mode="same")
    rise = db - 10 * np.log10(mean + 1e-12)
    local_max = (rise[1:-1] >= rise[:-2]) & (rise[1:-1] > rise[2:])
    onsets = np.count_nonzero(local_max & (rise[1:-1] >= 6.0))
    return onsets / (db.size * 0.005)


def smooth_envelope(x: npt.NDArray[np.floating], rate: int, seconds: float = 0.1) -> F64:
    db = frame_db(x, rate, seconds)
    k = 3
    out: F64 = np.convolve(db, np.ones(k) / k, mode="same")
    return out


def wave_shape(x: npt.NDArray[np.floating], rate: int) -> tuple[float, float]:
    """Median (attack, decay) seconds of the swells that stand 4 dB or more above their
    surrounding troughs (NaN when there are none)."""
    env = 10 ** (smooth_envelope(x, rate, 0.1) / 20)  # amplitude
    dt = 0.1
    attacks, decays = [], []
    order = np.argsort(env)[::-1]
    taken = np.zeros(env.size, dtype=bool)
    for i in order:
        lo, hi = max(0, i - 40), min(env.size, i + 100)
        if taken[lo:hi].any():
            continue
        before, after = env[max(0, i - 80) : i + 1], env[i : i + 150]
        if before.size < 5 or after.size < 5:
            continue
        trough_b, trough_a = before.min(), after.min()
        if 20 * np.log10(env[i] / max(trough_b, trough_a)) < 4.0:
            continue
        taken[i] = True
        span_b, span_a = env[i] - trough_b, env[i] - trough_a
        rise = before[before.argmin() :]
        t10 = np.argmax(rise >= trough_b + 0.1 * span_b)
        t90 = np.argmax(rise >= trough_b + 0.9 * span_b)
        fall = after[: after.argmin() + 1]
        d90 = np.argmax(fall <= trough_a + 0.9 * span_a)
        d10 = np.argmax(fall <= trough_a + 0.1 * span_a)
        attacks.append((t90 - t10) * dt)
        decays.append((d10 - d90) * dt)
    if not attacks:
        return float("nan"), float("nan")
    return float(np.median(attacks)), float(np.median(decays))


def self_similarity(
    x: npt.NDArray[np.floating],
    rate: int,
    min_lag: float = 8.0,
    max_lag: float = 100.0,
    min_overlap: float = 30.0,
) -> tuple[float, float]:
    """(highest r, its lag in s) of the 0.1 s loudness envelope against itself, over lags
    with at least ``min_overlap`` s in common: with less, one chance alignment of two waves
    reaches r = 0.8, while a true repeat scores above 0.95 at any overlap."""
    env = frame_db(x, rate, 0.1)
    best, best_lag = -1.0, 0.0
    longest = min(int(max_lag * 10), env.size - int(min_overlap * 10))
    for lag in range(int(min_lag * 10), longest + 1):
        r = float(np.corrcoef(env[:-lag], env[lag:])[0, 1])
        if r > best:
            best, best_lag = r, lag / 10
    return best, best_lag


@dataclass(frozen=True)
class Descriptors:
    loudness: float
    true_peak: float
    tilt: float
    body: float
    transients: float
    attack: float
    decay: float
    similarity: float
    similarity_lag: float

    def row(self) -> str:
        return (
            f"{self.loudness:6.1f} LUFS | {self.true_peak:6.1f} dBTP | {self.tilt:5.1f} dB/oct | "
            f"{self.body:6.1f} dB | {self.transients:5.2f}/s | {self.attack:4.1f} / "
            f"{self.decay:4.1f} s | r {self.similarity:4.2f} @ {self.similarity_lag:5.1f} s"
        )


def describe(x: npt.NDArray[np.floating], rate: int) -> Descriptors:
    attack, decay = wave_shape(x, rate)
    similarity, lag = self_similarity(x, rate)
    return Descriptors(
        loudness=dsp.integrated_loudness(x, rate),
        true_peak=dsp.true_peak_db(x),
        tilt=spectral_tilt(x, rate),
        body=body_db(x, rate),
        transients=transient_rate(x, rate),
        attack=attack,
        decay=decay,
        similarity=similarity,
        similarity_lag=lag,
    )
