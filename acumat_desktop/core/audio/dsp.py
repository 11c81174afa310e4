"""Signal helpers: gain ramps, volume curve, limiter, fades, loop seams, loudness, true peak.

Audio is float32/float64 numpy arrays shaped ``(frames, channels)`` with samples in -1..1.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Audio = npt.NDArray[np.floating]
F32 = npt.NDArray[np.float32]

RAMP_SECONDS = 0.030
LIMITER_CEILING = 10 ** (-1.0 / 20)  # -1 dBFS
LIMITER_KNEE = 10 ** (-6.0 / 20)  # soft from -6 dBFS upwards
TARGET_LUFS = -27.0
TRUE_PEAK_CEILING_DB = -6.0


def db_to_gain(db: float) -> float:
    return float(10 ** (db / 20))


def gain_to_db(gain: float) -> float:
    return -math.inf if gain <= 0 else 20 * math.log10(gain)


def perceptual_gain(volume: float) -> float:
    """Map a 0..1 slider to linear gain with a cubic curve (0.5 -> -18 dB, 0.1 -> -60 dB).

    The cubic is close to how loud people hear a slider move and reaches true silence at 0;
    it is the same idea as QtAudio.convertVolume(…, Logarithmic/Cubic, Linear)."""
    v = min(1.0, max(0.0, volume))
    return v * v * v


class GainRamp:
    """A gain that moves linearly to its target over a fixed time, never in one step."""

    def __init__(self, rate: int, gain: float = 0.0, seconds: float = RAMP_SECONDS) -> None:
        self._step_per_sample = 1.0 / max(1, round(rate * seconds))
        self.value = gain
        self.target = gain

    @property
    def max_step(self) -> float:
        """Largest change between two consecutive samples (a full 0->1 ramp)."""
        return self._step_per_sample

    @property
    def settled(self) -> bool:
        return self.value == self.target

    def set_target(self, gain: float) -> None:
        self.target = max(0.0, gain)

    def render(self, frames: int) -> float | npt.NDArray[np.float32]:
        """Gains for the next ``frames`` samples: a scalar when steady, else a per-sample array."""
        if self.value == self.target:
            return self.value
        delta = self.target - self.value
        needed = math.ceil(abs(delta) / self._step_per_sample)
        direction = 1.0 if delta > 0 else -1.0
        steps = np.arange(1, frames + 1, dtype=np.float64) * self._step_per_sample * direction
        gains = self.value + steps
        if needed <= frames:
            gains[needed - 1 :] = self.target
            self.value = self.target
        else:
            self.value = float(gains[-1])
        return gains.astype(np.float32)


class Fade:
    """A slow envelope (seconds long) from its current level to a target, linear in dB-ish
    terms via an equal-power curve, so long session fades sound even."""

    def __init__(self, rate: int, level: float = 1.0) -> None:
        self._rate = rate
        self.level = level
        self._start = level
        self._target = level
        self._total = 0
        self._done = 0

    @property
    def target(self) -> float:
        return self._target

    @property
    def active(self) -> bool:
        return self._done < self._total

    def start(self, target: float, seconds: float, from_level: float | None = None) -> None:
        """Fade from the current level (or ``from_level``) to ``target`` over ``seconds``."""
        if from_level is not None:
            self.level = from_level
        self._start = self.level
        self._target = target
        self._total = max(1, round(seconds * self._rate))
        self._done = 0

    def render(self, frames: int) -> float | npt.NDArray[np.float32]:
        if not self.active:
            self.level = self._target
            return self.level
        idx = np.arange(self._done + 1, self._done + frames + 1, dtype=np.float64)
        t = np.minimum(idx / self._total, 1.0)
        gains = fade_curve(self._start, self._target, t)
        self._done = min(self._total, self._done + frames)
        self.level = float(gains[-1])
        return gains.astype(np.float32)


def fade_curve(start: float, end: float, t: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Interpolate gain from start to end over t in 0..1 with a raised-cosine (smooth ends)."""
    shape = 0.5 - 0.5 * np.cos(np.pi * np.clip(t, 0.0, 1.0))
    return start + (end - start) * shape


def apply_fade(audio: Audio, start: float, end: float) -> Audio:
    """Return audio multiplied by a raised-cosine fade from ``start`` to ``end`` gain."""
    n = audio.shape[0]
    t = np.arange(1, n + 1, dtype=np.float64) / max(1, n)
    g = fade_curve(start, end, t)
    return (audio * g.reshape((n,) + (1,) * (audio.ndim - 1))).astype(audio.dtype)


def soft_limit(audio: Audio, ceiling: float = LIMITER_CEILING, knee: float = LIMITER_KNEE) -> Audio:
    """Leave samples below ``knee`` untouched and bend louder ones smoothly towards ``ceiling``;
    the output never reaches the ceiling."""
    a = np.abs(audio)
    over = a > knee
    if not np.any(over):
        return audio
    out = audio.copy()
    span = ceiling - knee
    bent = knee + span * np.tanh((a[over] - knee) / span)
    out[over] = np.sign(audio[over]) * bent
    return out


def loop_crossfade(audio: Audio, crossfade: int) -> Audio:
    """Make ``audio`` loop seamlessly: its last ``crossfade`` frames are faded into its head.

    The result is ``crossfade`` frames shorter; playing it over and over, the sample after the
    last one continues the original material, so there is no click or gap at the seam.
    Equal-power curves suit uncorrelated material (noise, textures)."""
    n = audio.shape[0]
    if crossfade <= 0:
        return audio.copy()
    if crossfade * 2 > n:
        raise ValueError("crossfade longer than half the material")
    body = audio[: n - crossfade].astype(np.float64)
    tail = audio[n - crossfade :].astype(np.float64)
    t = (np.arange(crossfade, dtype=np.float64) + 0.5) / crossfade
    fade_in = np.sin(0.5 * np.pi * t).reshape((crossfade,) + (1,) * (audio.ndim - 1))
    fade_out = np.cos(0.5 * np.pi * t).reshape(fade_in.shape)
    body[:crossfade] = body[:crossfade] * fade_in + tail * fade_out
    return body.astype(audio.dtype)


# --- loudness (ITU-R BS.1770-4) ------------------------------------------------------------


def _k_weighting_coefficients(rate: int) -> list[tuple[tuple[float, ...], tuple[float, ...]]]:
    """The two BS.1770 biquads (high shelf, then high-pass) for any sample rate."""
    gain_db, q, fc = 3.999843853973347, 0.7071752369554196, 1681.974450955533
    k = math.tan(math.pi * fc / rate)
    vh = 10 ** (gain_db / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf_b = (
        (vh + vb * k / q + k * k) / a0,
        2 * (k * k - vh) / a0,
        (vh - vb * k / q + k * k) / a0,
    )
    shelf_a = (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0)
    q2, fc2 = 0.5003270373238773, 38.13547087602444
    k = math.tan(math.pi * fc2 / rate)
    a0 = 1 + k / q2 + k * k
    hp_b = (1.0, -2.0, 1.0)
    hp_a = (1.0, 2 * (k * k - 1) / a0, (1 - k / q2 + k * k) / a0)
    return [(shelf_b, shelf_a), (hp_b, hp_a)]


def _k_weighting_power(frames: int, rate: int) -> npt.NDArray[np.float64]:
    """|H(f)|² of the K-weighting filter at the rfft bins of a ``frames``-long signal."""
    w = 2 * np.pi * np.fft.rfftfreq(frames, 1.0 / rate) / rate
    z1 = np.exp(-1j * w)
    power = np.ones_like(w)
    for b, a in _k_weighting_coefficients(rate):
        num = b[0] + b[1] * z1 + b[2] * z1 * z1
        den = a[0] + a[1] * z1 + a[2] * z1 * z1
        power *= np.abs(num / den) ** 2
    return power


def k_weighted_power(audio: Audio, rate: int) -> npt.NDArray[np.float64]:
    """Per-sample K-weighted power summed over channels (weights 1.0 for L and R).

    Filtering is done by magnitude in the frequency domain: loudness uses energy only, so
    the filter's phase does not matter; this keeps it fast without scipy."""
    x = np.asarray(audio, dtype=np.float64)
    if x.ndim == 1:
        x = x[:, None]
    n = x.shape[0]
    mag = np.sqrt(_k_weighting_power(n, rate))
    spectrum = np.fft.rfft(x, axis=0) * mag[:, None]
    filtered = np.fft.irfft(spectrum, n=n, axis=0)
    return np.sum(filtered * filtered, axis=1)


def integrated_loudness(audio: Audio, rate: int) -> float:
    """Gated integrated loudness in LUFS (400 ms blocks, 75 % overlap, -70 LUFS absolute gate,
    -10 LU relative gate). Returns -inf for silence or material shorter than one block."""
    power = k_weighted_power(audio, rate)
    hop = rate // 10
    sub = power.shape[0] // hop
    if sub < 4:
        return -math.inf
    sub_means = power[: sub * hop].reshape(sub, hop).mean(axis=1)
    blocks = (sub_means[:-3] + sub_means[1:-2] + sub_means[2:-1] + sub_means[3:]) / 4
    with np.errstate(divide="ignore"):
        block_lufs = -0.691 + 10 * np.log10(blocks)
    kept = blocks[block_lufs > -70.0]
    if kept.size == 0:
        return -math.inf
    relative_gate = -0.691 + 10 * math.log10(float(kept.mean())) - 10.0
    with np.errstate(divide="ignore"):
        kept_lufs = -0.691 + 10 * np.log10(kept)
    final = kept[kept_lufs > relative_gate]
    return -0.691 + 10 * math.log10(float(final.mean()))


def _oversampling_filter(factor: int = 4, taps_per_phase: int = 24) -> npt.NDArray[np.float64]:
    n = np.arange(-factor * taps_per_phase // 2, factor * taps_per_phase // 2 + 1)
    h = np.sinc(n / factor) * np.kaiser(n.size, 8.0)
    return h / h.sum() * factor


def true_peak(audio: Audio, factor: int = 4) -> float:
    """Estimated true peak (linear) by ``factor``× band-limited oversampling (polyphase FIR)."""
    x = np.asarray(audio, dtype=np.float64)
    if x.ndim == 1:
        x = x[:, None]
    h = _oversampling_filter(factor)
    peak = float(np.max(np.abs(x))) if x.size else 0.0
    for ch in range(x.shape[1]):
        for phase in range(factor):
            y = np.convolve(x[:, ch], h[phase::factor], mode="same")
            peak = max(peak, float(np.max(np.abs(y))))
    return peak


def true_peak_db(audio: Audio, factor: int = 4) -> float:
    return gain_to_db(true_peak(audio, factor))


def normalise(
    audio: Audio,
    rate: int,
    target_lufs: float = TARGET_LUFS,
    peak_ceiling_db: float = TRUE_PEAK_CEILING_DB,
) -> F32:
    """Scale to ``target_lufs``; if peaks then pass the ceiling, bend them under it with the
    soft limiter (a few rounds), so loudness stays on target and true peak below the ceiling."""
    x: Audio = np.asarray(audio, dtype=np.float64)
    loudness = integrated_loudness(x, rate)
    if not math.isfinite(loudness):
        return x.astype(np.float32)
    x = x * db_to_gain(target_lufs - loudness)
    ceiling = db_to_gain(peak_ceiling_db - 0.3)
    for _ in range(4):
        if true_peak(x) <= ceiling:
            break
        x = soft_limit(x, ceiling=ceiling * 0.93, knee=ceiling * 0.5)
        x = x * db_to_gain(target_lufs - integrated_loudness(x, rate))
    peak = true_peak(x)
    if peak > ceiling:
        x = x * (ceiling / peak)
    return x.astype(np.float32)
