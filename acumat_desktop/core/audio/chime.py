"""The soft chime that marks a routine prompt when no speech engine can say it.

Distinct from the breathing cues (a rising or falling glide, a double tap) and the bells (a
low bowl strike): two bright, quiet, bell-like notes a fifth apart, the second a little later,
with a slow decay. Pure numpy; deterministic.
"""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE
from acumat_desktop.core.audio.dsp import F32

CHIME_PEAK_DB = -21.0  # about as loud as a cue tone (-20 dB), under the start bell (-9 dB)
CHIME_S = 1.6
NOTES = ((880.0, 0.0), (1318.5, 0.16))  # A5, then E6 160 ms later
PARTIALS = ((1.0, 1.0), (2.76, 0.18), (5.4, 0.05))  # (ratio, level) of a small bell
ATTACK_S = 0.004
TAIL_S = 0.1


def render_chime(rate: int = SAMPLE_RATE, channels: int = CHANNELS) -> F32:
    """The chime as float32 ``(frames, channels)``, peak at :data:`CHIME_PEAK_DB` dBFS, starting
    and ending at silence (no click)."""
    frames = round(CHIME_S * rate)
    t = np.arange(frames, dtype=np.float64) / rate
    sig = np.zeros(frames, dtype=np.float64)
    for freq, delay in NOTES:
        local = t - delay
        on = local >= 0
        note = np.zeros(frames, dtype=np.float64)
        for ratio, level in PARTIALS:
            decay = 2.2 * ratio  # higher partials die sooner, as on a real bell
            note += level * np.sin(2 * np.pi * freq * ratio * local) * np.exp(-decay * local)
        attack = np.clip(local / ATTACK_S, 0.0, 1.0)
        sig += np.where(on, note * attack, 0.0)
    tail = round(TAIL_S * rate)
    sig[-tail:] *= np.linspace(1.0, 0.0, tail)
    peak = float(np.max(np.abs(sig)))
    sig *= 10 ** (CHIME_PEAK_DB / 20) / peak
    return np.repeat(sig.astype(np.float32)[:, None], channels, axis=1)
