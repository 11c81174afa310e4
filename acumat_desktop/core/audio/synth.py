"""Soundscapes as seamless loops, and the bells and breathing cues.

Soundscapes are generated endlessly by ``core/audio/scapes`` (one module each, seeded random
events); the mixer should play them through :class:`~acumat_desktop.core.audio.sequencer.
SoundscapeSource`, which never repeats. :func:`render_soundscape` turns the same material into
a loop for players that can only loop a buffer: its textures are crossfaded tail into head, its
events (drops, waves, strikes) ring out past the end and are wrapped onto the head, so nothing
is cut. Bells and cues are short one-shots from additive partials.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from acumat_desktop.core.audio import SAMPLE_RATE
from acumat_desktop.core.audio.dsp import (
    F32,
    TARGET_LUFS,
    apply_fade,
    db_to_gain,
    integrated_loudness,
    k_weighted_power,
)
from acumat_desktop.core.audio.names import DEFAULT_SECONDS, SOUNDSCAPES, SYNTH_VERSION
from acumat_desktop.core.audio.scapes import KINDS, make_scape
from acumat_desktop.core.audio.sequencer import SoundscapeSource, finish

__all__ = ["DEFAULT_SECONDS", "SOUNDSCAPES", "SYNTH_VERSION", "SoundscapeSource"]

CROSSFADE_SECONDS = 1.5
RING_OUT_SECONDS = 120.0  # the longest an event may ring after the last one starts
RING_OUT_FLOOR = 1e-4  # -80 dB re the loudest event: rung out

F64 = npt.NDArray[np.float64]
Rng = np.random.Generator

BELLS = ("start", "end", "minute")


def _stable_seed(text: str) -> int:
    return sum((i + 1) * ord(c) for i, c in enumerate(text)) * 7919 + SYNTH_VERSION


# --- soundscapes as loops ----------------------------------------------------------------------


def render_soundscape(
    sound_id: str,
    seconds: float = DEFAULT_SECONDS,
    rate: int = SAMPLE_RATE,
    seed: int | None = None,
) -> F32:
    """A seamless stereo loop of ``seconds`` of a soundscape at -27 LUFS, <= -6 dBTP.

    Memory stays at one float32 loop (plus a crossfade): blocks are added in as they come."""
    scape = make_scape(sound_id, seed if seed is not None else _stable_seed(sound_id), rate)
    n = int(seconds * rate)
    fade = int(min(CROSSFADE_SECONDS, seconds / 4) * rate)
    gain = db_to_gain(scape.GAIN_DB)
    loop = np.zeros((n, 2), dtype=np.float32)
    bed_head = np.zeros((fade, 2))
    bed_tail = np.zeros((fade, 2))
    position, loudest, quiet_for = 0, 0.0, 0
    while True:
        if position >= n + fade:
            scape.events_on = False
        bed, events = (part.T for part in scape.block())  # (hop, 2) views
        hop = bed.shape[0]
        if position < n + fade:
            _place(bed, position, n, fade, loop, bed_head, bed_tail)
        _wrap_add(loop, position, events)
        loudest = max(loudest, float(np.max(np.abs(events))))
        position += hop
        if not scape.events_on:
            rung_out = float(np.max(np.abs(events))) <= RING_OUT_FLOOR * loudest
            quiet_for = quiet_for + hop if rung_out else 0
            if quiet_for >= rate or position >= n + fade + RING_OUT_SECONDS * rate:
                break
    t = (np.arange(fade) + 0.5) / max(fade, 1)
    fade_in = np.sin(0.5 * np.pi * t)[:, None]
    loop[:fade] += bed_head * (fade_in - 1.0) + bed_tail * np.cos(0.5 * np.pi * t)[:, None]
    loop *= gain
    loudness = _loudness(loop, rate)  # a short loop may stray from the calibration
    if math.isfinite(loudness):
        loop *= db_to_gain(TARGET_LUFS - loudness)
    return finish(loop)


def _loudness(x: F32, rate: int) -> float:
    """BS.1770 integrated loudness, K-weighted 10 s at a time so memory stays at one chunk
    (the whole-loop helper in dsp needs ~5 float64 copies of a 90 s loop: 400 MB)."""
    hop = rate // 10
    usable = x.shape[0] - x.shape[0] % hop
    if usable < 4 * hop:
        return integrated_loudness(x, rate)
    means = [
        k_weighted_power(x[a : min(a + 100 * hop, usable)], rate).reshape(-1, hop).mean(axis=1)
        for a in range(0, usable, 100 * hop)
    ]
    sub = np.concatenate(means)
    blocks = (sub[:-3] + sub[1:-2] + sub[2:-1] + sub[3:]) / 4  # 400 ms, 75 % overlap
    with np.errstate(divide="ignore"):
        lufs = -0.691 + 10 * np.log10(blocks)
    kept = blocks[lufs > -70.0]
    if kept.size == 0:
        return -math.inf
    gate = -0.691 + 10 * math.log10(float(kept.mean())) - 10.0
    final = kept[-0.691 + 10 * np.log10(kept) > gate]
    return -0.691 + 10 * math.log10(float(final.mean()))


def _place(bed: F32, position: int, n: int, fade: int, loop: F32, head: F64, tail: F64) -> None:
    """Put a bed block into the loop body, keeping its first ``fade`` frames and the ``fade``
    frames after the end aside for the tail-to-head crossfade."""
    a, b = position, position + bed.shape[0]
    if a < n:
        e = min(b, n)
        loop[a:e] += bed[: e - a]
        if a < fade:
            k = min(e, fade)
            head[a:k] = bed[: k - a]
    s0, e0 = max(a, n), min(b, n + fade)
    if e0 > s0:
        tail[s0 - n : e0 - n] = bed[s0 - a : e0 - a]


def _wrap_add(loop: F32, position: int, block: F32) -> None:
    n = loop.shape[0]
    done = 0
    while done < block.shape[0]:
        p = (position + done) % n
        take = min(n - p, block.shape[0] - done)
        loop[p : p + take] += block[done : done + take]
        done += take


def _add_wrapped(buf: F64, start: int, sig: F64) -> None:
    """Add ``sig`` into ``buf`` at ``start``, wrapping past the end (keeps loops periodic)."""
    n = buf.shape[0]
    pos = start % n
    remaining = sig
    while remaining.shape[0]:
        take = min(n - pos, remaining.shape[0])
        buf[pos : pos + take] += remaining[:take]
        remaining = remaining[take:]
        pos = 0


_BOWL_RATIOS = (1.0, 2.71, 5.15, 8.21)
_BOWL_LEVELS = (1.0, 0.45, 0.22, 0.1)


def _strike(rate: int, f0: float, seconds: float, rng: Rng, decay: float) -> F64:
    t = np.arange(int(seconds * rate)) / rate
    sig = np.zeros_like(t)
    for ratio, level in zip(_BOWL_RATIOS, _BOWL_LEVELS, strict=True):
        f = f0 * ratio
        beat = rng.uniform(0.3, 1.6)
        tau = decay / ratio**0.7
        phase = rng.uniform(0, 2 * np.pi)
        sig += (
            level
            * np.exp(-t / tau)
            * (np.sin(2 * np.pi * f * t + phase) + 0.6 * np.sin(2 * np.pi * (f + beat) * t))
        )
    attack = np.minimum(1.0, t / 0.006)
    return sig * attack


# --- one-shots: bells and cues ---------------------------------------------------------------


def render_bell(kind: str, rate: int = SAMPLE_RATE) -> F32:
    """A bowl-like bell: ``start`` (one strike), ``end`` (two, lower), ``minute`` (soft, short)."""
    rng = np.random.default_rng(_stable_seed("bell-" + kind))
    if kind == "start":
        sig = _strike(rate, 293.7, 9.0, rng, decay=4.0)
        level = -9.0
    elif kind == "end":
        sig = _strike(rate, 220.0, 12.0, rng, decay=5.0)
        _add_wrapped(
            sig, int(2.5 * rate), _strike(rate, 220.0, 9.5, rng, decay=5.0)[: sig.shape[0]]
        )
        level = -9.0
    elif kind == "minute":
        sig = _strike(rate, 523.3, 4.0, rng, decay=1.6)
        level = -18.0
    else:
        raise KeyError(f"unknown bell {kind!r}")
    return _finish_oneshot(sig, rate, level, tail=0.5)


def _finish_oneshot(sig: F64, rate: int, peak_db: float, tail: float) -> F32:
    """Fade the last ``tail`` seconds to zero, peak-normalise and make it stereo float32."""
    mono = sig.copy()
    k = min(mono.shape[0], int(tail * rate))
    mono[-k:] = apply_fade(mono[-k:], 1.0, 0.0)
    peak = float(np.max(np.abs(mono))) or 1.0
    mono *= db_to_gain(peak_db) / peak
    return np.repeat(mono[:, None], 2, axis=1).astype(np.float32)


def describe() -> list[tuple[str, str]]:
    """(id, display name) of every built-in soundscape, in catalogue order."""
    return list(SOUNDSCAPES.items())


assert set(SOUNDSCAPES) == set(KINDS), "catalogue and generators disagree"
