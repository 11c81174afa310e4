"""A playback stream on PulseAudio (or pipewire-pulse) through libpulse, by ctypes.

Why not Qt's QAudioSink on Linux (Qt 6.11, measured and read in its source):

* Its PulseAudio backend connects every stream with ``maxlength`` = 1024 frames (21 ms at
  48 kHz) and ``PA_STREAM_ADJUST_LATENCY``, so the server holds 10-16 ms of our audio
  whatever ``setBufferSize`` asks (that only sizes Qt's own ring); a 20 ms hiccup of Qt's
  pulse thread is then a gap of digital silence (issue 10).
* It keeps one process-wide ``QPulseAudioContextManager``. When the server dies it retries
  3 s later; if the server is still away, ``pa_context_connect`` fails at once, the manager
  drops its context and never retries. The next ``QAudioSink.start()`` asks that null context
  its state and libpulse aborts the process (``Assertion 'c' failed ... pa_context_get_state``,
  issue 9). No rebuild strategy can revive that manager from outside.

Each :class:`PulseStream` has its own context and main loop: a dead server costs this stream
only, and a new one is a plain reconnect. We ask for ``TARGET_S`` of latency in ``MINREQ_S``
requests; the server grants its own figures (:attr:`PulseStream.granted`), then holds
``tlength`` after a write and asks for ``minreq`` more when a request's worth has played.

Why not libpulse-simple (used until 2026-11-30): its threaded main loop adds a thread that
woke ~25 times a second, and it hides the granted request size, so the audio thread guessed
when the server would ask, woke early, split its write and waited inside it: 10-14 wake-ups
a second where the server asks 6.7 times. Here the audio thread turns the main loop itself
(:meth:`PulseStream.wait`): it sleeps in ``poll`` until the server says something, and
nothing else runs for the stream.
"""

from __future__ import annotations

import ctypes
import logging
import time
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from acumat_desktop.services.audio import _libpulse
from acumat_desktop.services.audio._libpulse import (
    PA_CONTEXT_NOAUTOSPAWN,
    PA_CONTEXT_READY,
    BufferAttr,
    SampleSpec,
)

log = logging.getLogger(__name__)

PA_SAMPLE_FLOAT32LE = 5
PA_STREAM_READY = 2
PA_OPERATION_RUNNING = 0
# what libpulse-simple asked: the server sizes its sink's buffer to meet our total latency,
# and the client keeps an interpolated clock, refreshed by itself every 1.5 s at most
PA_STREAM_INTERPOLATE_TIMING = 0x0002
PA_STREAM_AUTO_TIMING_UPDATE = 0x0008
PA_STREAM_ADJUST_LATENCY = 0x2000
STREAM_FLAGS = (
    PA_STREAM_INTERPOLATE_TIMING | PA_STREAM_AUTO_TIMING_UPDATE | PA_STREAM_ADJUST_LATENCY
)
PA_SEEK_RELATIVE = 0
TARGET_S = 0.35  # total latency asked of the server (its queue + the sink's own buffer)
MINREQ_S = 0.15  # the server asks for more in steps of this: our write block
CONNECT_TIMEOUT_S = 3.0  # a server that accepts the socket but does not answer
_UNSET = 0xFFFFFFFF
_SIZE_ERROR = ctypes.c_size_t(-1).value


class PulseError(OSError):
    """A libpulse call failed (server gone, device gone, refused)."""


class Granted(NamedTuple):
    """What the server granted the stream, in frames."""

    tlength: int  # held after a write
    minreq: int  # the least it asks for at a time
    prebuf: int  # held before it starts playing


def available() -> bool:
    """Whether this process can talk to PulseAudio natively (the library is there)."""
    return _libpulse.available()


def buffer_attr(rate: int, frame_bytes: int, target_s: float, minreq_s: float) -> BufferAttr:
    """What a stream asks of the server: ``target_s`` held (tlength) in requests of
    ``minreq_s`` (minreq), playing from the first request's worth (prebuf), whole frames;
    the rest left to the server."""
    minreq = round(minreq_s * rate) * frame_bytes
    return BufferAttr(_UNSET, round(target_s * rate) * frame_bytes, minreq, minreq, _UNSET)


class PulseStream:
    """One float32 interleaved playback stream with its own main loop. One thread uses it
    (the one that connected it), except :meth:`wakeup`, which any thread may call while the
    stream is open."""

    def __init__(self, lib: Any, loop: int, context: int, rate: int, frame_bytes: int) -> None:
        self._lib = lib
        self._loop: int | None = loop
        self._context = context
        self._stream: int | None = None
        self.rate = rate
        self.frame_bytes = frame_bytes
        self.granted = Granted(0, 0, 0)

    @classmethod
    def connect(
        cls,
        device: bytes | None,
        rate: int,
        channels: int,
        app_name: str = "AcuMat",
        target_s: float = TARGET_S,
        minreq_s: float = MINREQ_S,
    ) -> PulseStream:
        """Open a stream on the sink named ``device`` (None: the server's default). Fails
        at once when the server or the sink is not there."""
        lib = _libpulse.load()
        if lib is None:
            raise PulseError("libpulse is not available")
        loop = lib.pa_mainloop_new()
        props = lib.pa_proplist_new()
        # no shared memory: the server would tell us each written block's release some
        # 100 ms later, a wake-up a block (15 a second instead of 8); copying 57 kB through
        # the socket instead costs microseconds
        lib.pa_proplist_sets(props, b"context.force.disable.shm", b"yes")
        api = lib.pa_mainloop_get_api(loop)
        context = lib.pa_context_new_with_proplist(api, app_name.encode(), props)
        lib.pa_proplist_free(props)
        self = cls(lib, loop, context, rate, 4 * channels)
        try:
            self._open(device, channels, buffer_attr(rate, self.frame_bytes, target_s, minreq_s))
        except PulseError:
            self.close()
            raise
        return self

    def _open(self, device: bytes | None, channels: int, attr: BufferAttr) -> None:
        lib, deadline = self._lib, time.monotonic() + CONNECT_TIMEOUT_S
        if lib.pa_context_connect(self._context, None, PA_CONTEXT_NOAUTOSPAWN, None) < 0:
            raise self._error("cannot connect to PulseAudio")
        context = self._context
        self._turn_until(lambda: lib.pa_context_get_state(context) == PA_CONTEXT_READY, deadline)
        spec = SampleSpec(PA_SAMPLE_FLOAT32LE, self.rate, channels)
        self._stream = lib.pa_stream_new(self._context, b"ambience", ctypes.byref(spec), None)
        if not self._stream:
            raise self._error("cannot create a PulseAudio stream")
        if (
            lib.pa_stream_connect_playback(
                self._stream, device, ctypes.byref(attr), STREAM_FLAGS, None, None
            )
            < 0
        ):
            raise self._error("cannot open a PulseAudio stream")
        self._turn_until(lambda: lib.pa_stream_get_state(self._stream) == PA_STREAM_READY, deadline)
        got = lib.pa_stream_get_buffer_attr(self._stream).contents
        self.granted = Granted(
            got.tlength // self.frame_bytes,
            got.minreq // self.frame_bytes,
            got.prebuf // self.frame_bytes,
        )

    def _turn_until(self, done: Any, deadline: float) -> None:
        while not done():
            left = deadline - time.monotonic()
            if left <= 0:
                raise PulseError("PulseAudio did not answer in time")
            self.wait(left)

    @property
    def closed(self) -> bool:
        return self._loop is None

    def wait(self, timeout_s: float) -> None:
        """Sleep until the server says something (it asks for more, it answers), a
        :meth:`wakeup` or ``timeout_s``, and handle it. Raises when the connection or the
        stream has failed."""
        lib, loop = self._lib, self._loop
        if loop is None:
            raise PulseError("stream closed")
        if (
            lib.pa_mainloop_prepare(loop, max(0, int(timeout_s * 1e6))) < 0
            or lib.pa_mainloop_poll(loop) < 0
            or lib.pa_mainloop_dispatch(loop) < 0
        ):
            raise PulseError("the PulseAudio main loop failed")
        if lib.pa_context_get_state(self._context) > PA_CONTEXT_READY:
            raise self._error("PulseAudio connection lost")
        if self._stream and lib.pa_stream_get_state(self._stream) > PA_STREAM_READY:
            raise self._error("PulseAudio stream lost")

    def wakeup(self) -> None:
        """End a :meth:`wait` now (any thread)."""
        loop = self._loop
        if loop is not None:
            self._lib.pa_mainloop_wakeup(loop)

    def writable_frames(self) -> int:
        """Frames the server has asked for and not yet been given."""
        if self._stream is None:
            raise PulseError("stream closed")
        size = self._lib.pa_stream_writable_size(self._stream)
        if size == _SIZE_ERROR:
            raise self._error("PulseAudio stream lost")
        return int(size) // self.frame_bytes

    def write(self, block: npt.NDArray[np.float32]) -> None:
        """Queue a float32 ``(frames, channels)`` block (libpulse copies it); never waits."""
        if self._stream is None:
            raise PulseError("stream closed")
        data = np.ascontiguousarray(block, dtype=np.float32)
        if (
            self._lib.pa_stream_write(
                self._stream, data.ctypes.data, data.nbytes, None, 0, PA_SEEK_RELATIVE
            )
            < 0
        ):
            raise self._error("PulseAudio write failed")

    def latency_frames(self) -> int | None:
        """Frames written but not yet heard (the server's queue and the sink's buffer), from
        the client's interpolated clock; None until the server has reported its timing."""
        if self._stream is None:
            return None
        usec, negative = ctypes.c_uint64(0), ctypes.c_int(0)
        found = self._lib.pa_stream_get_latency(
            self._stream, ctypes.byref(usec), ctypes.byref(negative)
        )
        if found < 0:
            return None
        return 0 if negative.value else usec.value * self.rate // 1_000_000

    def close(self, drain: bool = False) -> None:
        """Free the stream; with ``drain``, first wait (at most the latency and a little)
        until what is queued has played, else it is dropped."""
        lib, loop, self._loop = self._lib, self._loop, None
        if loop is None:
            return
        stream, self._stream = self._stream, None
        if stream:
            if drain:
                self._drain(loop, stream)
            lib.pa_stream_disconnect(stream)
            lib.pa_stream_unref(stream)
        lib.pa_context_disconnect(self._context)
        lib.pa_context_unref(self._context)
        lib.pa_mainloop_free(loop)

    def _drain(self, loop: int, stream: int) -> None:
        lib = self._lib
        operation = lib.pa_stream_drain(stream, None, None)
        if not operation:
            return
        deadline = time.monotonic() + TARGET_S * 2 + 0.5
        try:
            while lib.pa_operation_get_state(operation) == PA_OPERATION_RUNNING:
                left = deadline - time.monotonic()
                if left <= 0 or lib.pa_context_get_state(self._context) != PA_CONTEXT_READY:
                    return
                if (
                    lib.pa_mainloop_prepare(loop, int(left * 1e6)) < 0
                    or lib.pa_mainloop_poll(loop) < 0
                    or lib.pa_mainloop_dispatch(loop) < 0
                ):
                    return
        finally:
            lib.pa_operation_unref(operation)

    def _error(self, what: str) -> PulseError:
        code = self._lib.pa_context_errno(self._context)
        return PulseError(f"{what}: {_libpulse.error_text(self._lib, code)}")
