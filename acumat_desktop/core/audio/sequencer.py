"""Endless soundscape sources for the mixer: ``next_block(frames)`` instead of a looped buffer.

A :class:`SoundscapeSource` wraps one generated soundscape (``core/audio/scapes``) and hands
out float32 stereo blocks of any size, calibrated to -27 LUFS and held under -6 dBTP by a
soft peak limiter. Material is generated from seeded random events as it is played, so
nothing ever repeats; a fresh seed per source makes every session different.

Generating costs 0.1-0.3 % of one core per layer, in 0.25 s steps of a millisecond or so.
With ``prefetch_seconds`` the source keeps that much audio ready, so the audio thread only
copies; without it, blocks are generated on demand inside ``next_block``. One shared daemon
thread (:class:`Generator`) renders ahead for every prefetching source: a read that leaves a
source under half its target wakes it, and it tops up every source that is short, one source
after the other, so the layers of a session cost one thread and a wake-up every half target,
not one thread each. Rendering several blocks of one layer in a row costs less than
interleaving the layers block by block (each keeps its buffers in the cache), which is why a
longer target is cheaper.
A source nobody reads from for ``IDLE_SECONDS`` is dropped by it (a forgotten source frees
itself; the next read brings it back), and the thread leaves when it serves none;
:meth:`SoundscapeSource.close` drops a source at once without blocking.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from acumat_desktop.core.audio import SAMPLE_RATE
from acumat_desktop.core.audio.dsp import F32, db_to_gain, soft_limit
from acumat_desktop.core.audio.scapes import Scape, make_scape

LIMIT_KNEE = db_to_gain(-12.0)  # peaks above this are bent smoothly...
LIMIT_CEILING = db_to_gain(-7.0)  # ...towards this; true peak stays <= -6 dBTP
IDLE_SECONDS = 10.0  # a source nobody reads from for this long is no longer rendered ahead
FILL_BLOCKS = 4  # a top-up is queued this many blocks (1 s) at a time


def finish(block: np.ndarray) -> F32:
    """Calibrated scape output -> what the mixer plays: peaks bent under the ceiling (float32
    in, float32 out without a copy when nothing needs bending)."""
    limited = soft_limit(block, ceiling=LIMIT_CEILING, knee=LIMIT_KNEE)
    return np.ascontiguousarray(limited, dtype=np.float32)


class Generator:
    """One daemon thread rendering ahead for every prefetching source, in the order they
    joined. It sleeps until a source falls under half its target (or ``IDLE_SECONDS``
    pass), then tops up every source that lacks at least a block; it drops closed sources and
    those nobody read for ``IDLE_SECONDS``, and leaves when none remain."""

    def __init__(self) -> None:
        self.on_thread_start: Callable[[], None] | None = None  # run on the thread: name it
        self._cond = threading.Condition()
        self._sources: list[SoundscapeSource] = []
        self._thread: threading.Thread | None = None

    def attach(self, source: SoundscapeSource) -> None:
        with self._cond:
            if source not in self._sources:
                self._sources.append(source)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="acumat-scapes", daemon=True)
                self._thread.start()
            self._cond.notify()

    def detach(self, source: SoundscapeSource) -> None:
        with self._cond:
            if source in self._sources:
                self._sources.remove(source)
            self._cond.notify()

    def wake(self) -> None:
        with self._cond:
            self._cond.notify()

    def serves(self, source: SoundscapeSource) -> bool:
        with self._cond:
            return source in self._sources

    @property
    def thread(self) -> threading.Thread | None:
        return self._thread

    def _due(self) -> list[SoundscapeSource] | None:
        """(Under the lock.) The sources to top up now, [] to sleep on, None to leave."""
        now = time.monotonic()
        self._sources = [s for s in self._sources if not s.forgotten(now)]
        if not self._sources:
            self._thread = None
            return None
        if not any(s.starving for s in self._sources):
            return []
        return [s for s in self._sources if s.short]

    def _run(self) -> None:
        started: Callable[[], None] | None = None
        while True:
            if self.on_thread_start is not started:  # set after this thread began, too
                started = self.on_thread_start
                if started is not None:
                    started()
            with self._cond:
                due = self._due()
                while due == []:
                    self._cond.wait(timeout=IDLE_SECONDS)
                    due = self._due()
            if due is None:
                return
            for source in due:
                source.fill()


GENERATOR = Generator()


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
        self._state = threading.Lock()  # guards the queue
        self._closed = False
        self._read_at = time.monotonic()
        self._ensure_prefetch()

    def _ensure_prefetch(self) -> None:
        """Have the shared generator render ahead for this source, if wanted."""
        if self._ahead > 0 and not self._closed:
            self._read_at = time.monotonic()
            if not GENERATOR.serves(self):
                GENERATOR.attach(self)

    def _generate(self, frames: int) -> F32:
        return finish(self.scape.render(frames))

    # -- for the generator ------------------------------------------------------------------
    def forgotten(self, now: float) -> bool:
        return self._closed or now - self._read_at > IDLE_SECONDS

    @property
    def starving(self) -> bool:
        """Under half its target: time to wake the generator."""
        return self._ready_frames < self._ahead / 2

    @property
    def short(self) -> bool:
        """Lacks at least one block of its target: worth topping up."""
        return self._ahead - self._ready_frames >= self.scape.hop

    def fill(self) -> None:
        """Render up to the target (whole blocks), queued at most ``FILL_BLOCKS`` at a time: a
        reader that finds the queue empty (a layer just added) waits for one chunk, not for
        the whole target."""
        hop = self.scape.hop
        while True:
            with self._lock:  # generate and queue as one step, so blocks stay in order
                lack = self._ahead - self._ready_frames
                if lack <= 0 or self._closed:
                    return
                self._push(self._generate(min(-(-lack // hop), FILL_BLOCKS) * hop))

    # -- for the reader -----------------------------------------------------------------------
    def _push(self, block: F32) -> None:
        with self._state:
            self._ready.append(block)
            self._ready_frames += block.shape[0]

    def _pop(self) -> F32 | None:
        with self._state:
            if not self._ready:
                return None
            block = self._ready.popleft()
            self._ready_frames -= block.shape[0]
        if self.starving:
            GENERATOR.wake()
        return block

    def _take(self) -> F32:
        self._ensure_prefetch()
        block = self._pop()
        if block is not None:
            return block
        with self._lock:  # generator behind (or off): wait for its block or make one here
            block = self._pop()
            return block if block is not None else self._generate(self.scape.hop)

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
        """Stop rendering ahead (idempotent; never blocks unless ``wait``, so the mixer may
        call it from the audio thread when it drops the layer). ``wait`` also waits for a
        block being rendered for this source to be done."""
        self._closed = True
        GENERATOR.detach(self)
        if wait:
            with self._lock:
                pass

    @property
    def prefetching(self) -> bool:
        return GENERATOR.serves(self)

    def __enter__(self) -> SoundscapeSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(wait=True)
