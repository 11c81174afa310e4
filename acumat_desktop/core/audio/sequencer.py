"""Endless soundscape sources for the mixer: ``next_block(frames)`` instead of a looped buffer.

A :class:`SoundscapeSource` wraps one generated soundscape (``core/audio/scapes``) and hands
out float32 stereo blocks of any size, calibrated to -27 LUFS and held under -6 dBTP by a
soft peak limiter. Material is generated from seeded random events as it is played, so
nothing ever repeats; a fresh seed per source makes every session different.

Generating costs 1-6 % of one core per layer, in 0.25 s steps of a few milliseconds. With
``prefetch_seconds`` a daemon thread keeps that much audio ready, so the audio thread only
copies; without it, blocks are generated on demand inside ``next_block``. A prefetch thread
that nobody reads from for ``IDLE_SECONDS`` leaves (a forgotten source frees itself; the next
read starts it again); :meth:`SoundscapeSource.close` stops it at once without blocking.
"""

from __future__ import annotations

import secrets
import threading
from collections import deque

import numpy as np

from acumat_desktop.core.audio import SAMPLE_RATE
from acumat_desktop.core.audio.dsp import F32, db_to_gain, soft_limit
from acumat_desktop.core.audio.scapes import Scape, make_scape

LIMIT_KNEE = db_to_gain(-12.0)  # peaks above this are bent smoothly...
LIMIT_CEILING = db_to_gain(-7.0)  # ...towards this; true peak stays <= -6 dBTP
IDLE_SECONDS = 10.0  # a prefetch thread nobody reads from for this long leaves


def finish(block: np.ndarray) -> F32:
    """Calibrated scape output -> what the mixer plays: peaks bent under the ceiling."""
    limited = soft_limit(block, ceiling=LIMIT_CEILING, knee=LIMIT_KNEE)
    return np.ascontiguousarray(limited, dtype=np.float32)


class SoundscapeSource:
    """One endless layer. ``next_block(frames)`` is safe to call from the audio thread."""

    def __init__(
        self,
        sound_id: str,
        seed: int | None = None,
        rate: int = SAMPLE_RATE,
        prefetch_seconds: float = 0.0,
    ) -> None:
        self.sound_id = sound_id
        self.seed = seed if seed is not None else secrets.randbits(63)
        self.scape: Scape = make_scape(sound_id, self.seed, rate)
        self.rate = rate
        self._ahead = int(prefetch_seconds * rate)
        self._ready: deque[F32] = deque()
        self._ready_frames = 0
        self._pending = np.zeros((0, 2), dtype=np.float32)
        self._lock = threading.Lock()  # one generator at a time; held while a block is queued
        self._wake = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._ensure_prefetch()

    def _ensure_prefetch(self) -> None:
        """Start the prefetch thread if wanted and not running (it leaves when idle)."""
        with self._wake:
            if self._ahead <= 0 or self._closed or self._thread is not None:
                return
            self._thread = threading.Thread(
                target=self._prefetch, name=f"acumat-scape-{self.sound_id}", daemon=True
            )
            self._thread.start()

    def _generate(self) -> F32:
        return finish(self.scape.render(self.scape.hop))

    def _prefetch(self) -> None:
        while True:
            with self._wake:
                while not self._closed and self._ready_frames >= self._ahead:
                    if not self._wake.wait(timeout=IDLE_SECONDS):  # nobody reads: leave
                        self._thread = None
                        return
                if self._closed:
                    self._thread = None
                    return
            with self._lock:  # generate and queue as one step, so blocks stay in order
                block = self._generate()
                self._push(block)

    def _push(self, block: F32) -> None:
        with self._wake:
            self._ready.append(block)
            self._ready_frames += block.shape[0]

    def _pop(self) -> F32 | None:
        with self._wake:
            if not self._ready:
                return None
            block = self._ready.popleft()
            self._ready_frames -= block.shape[0]
            self._wake.notify()
            return block

    def _take(self) -> F32:
        self._ensure_prefetch()
        block = self._pop()
        if block is not None:
            return block
        with self._lock:  # prefetch behind (or off): wait for its block or make one here
            block = self._pop()
            return block if block is not None else self._generate()

    def next_block(self, frames: int) -> F32:
        """The next ``frames`` frames, float32 ``(frames, 2)``."""
        parts = [self._pending]
        have = self._pending.shape[0]
        while have < frames:
            block = self._take()
            parts.append(block)
            have += block.shape[0]
        out = np.concatenate(parts) if len(parts) > 1 else self._pending
        self._pending = out[frames:]
        return out[:frames]

    def close(self, wait: bool = False) -> None:
        """Stop the prefetch thread (idempotent; never blocks unless ``wait``, so the mixer
        may call it from the audio thread when it drops the layer)."""
        with self._wake:
            self._closed = True
            self._wake.notify_all()
            thread = self._thread
        if wait and thread is not None:
            thread.join(timeout=2.0)

    @property
    def prefetching(self) -> bool:
        return self._thread is not None

    def __enter__(self) -> SoundscapeSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=True)
