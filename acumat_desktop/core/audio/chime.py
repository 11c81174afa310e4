"""The soft chime that marks a routine prompt when no speech engine can say it.

Made to be told apart from everything else the session plays: the breathing cues are one or
two notes (a rising or falling pair, a double tick) and the bells single strikes, so the prompt
is **three** notes, a rising A-major arpeggio 130 ms apart, with a warm wooden (marimba-like)
timbre instead of glass or bowl, the last note left to ring. Pure numpy; deterministic.
"""

from __future__ import annotations

import numpy as np

from acumat_desktop.core.audio import CHANNELS, SAMPLE_RATE
from acumat_desktop.core.audio.dsp import F32

CHIME_PEAK_DB = -21.0  # about as loud as a cue, well under the start bell (-9 dB)
CHIME_S = 1.5
NOTE_GAP_S = 0.13
NOTES = (659.3, 880.0, 1108.7)  # E5, A5, C#6
PARTIALS = ((1.0, 1.0), (3.93, 0.12), (9.2, 0.02))  # (ratio, level) of a marimba bar
DECAY_S = (0.22, 0.22, 0.45)  # each note's time constant: the last one rings on
ATTACK_S = 0.003
TAIL_S = 0.1


def render_chime(rate: int = SAMPLE_RATE, channels: int = CHANNELS) -> F32:
    """The chime as float32 ``(frames, channels)``, peak at :data:`CHIME_PEAK_DB` dBFS, starting
    and ending at silence (no click)."""
    frames = round(CHIME_S * rate)
    t = np.arange(frames, dtype=np.float64) / rate
    sig = np.zeros(frames, dtype=np.float64)
    for index, (freq, decay) in enumerate(zip(NOTES, DECAY_S, strict=True)):
        local = t - index * NOTE_GAP_S
        on = local >= 0
        note = np.zeros(frames, dtype=np.float64)
        for ratio, level in PARTIALS:
            # higher partials die sooner, as on a real bar
            note += (
                level * np.sin(2 * np.pi * freq * ratio * local) * np.exp(-local * ratio / decay)
            )
        attack = np.clip(local / ATTACK_S, 0.0, 1.0)
        sig += np.where(on, note * attack, 0.0)
    tail = round(TAIL_S * rate)
    sig[-tail:] *= np.linspace(1.0, 0.0, tail)
    peak = float(np.max(np.abs(sig)))
    sig *= 10 ** (CHIME_PEAK_DB / 20) / peak
    return np.repeat(sig.astype(np.float32)[:, None], channels, axis=1)
