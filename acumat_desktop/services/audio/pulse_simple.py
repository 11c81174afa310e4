"""A playback stream on PulseAudio (or pipewire-pulse) through libpulse-simple, by ctypes.

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
only, and a new one is a plain reconnect. We ask for ``TARGET_S`` of latency in
``MINREQ_S`` requests, so the server holds 175-325 ms of audio (``TARGET_S`` after a write,
a request's worth less when it asks for the next). The request size sets how often the audio
thread wakes: 150 ms steps wake it 7-14 times a second where 50 ms steps woke it 12-19 times
(a null sink, measured 2026-11-30). Calls block and release the GIL (ctypes), so they belong
on the audio thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

PA_STREAM_PLAYBACK = 1
PA_SAMPLE_FLOAT32LE = 5
TARGET_S = 0.35  # total latency asked of the server (its queue + the sink's own buffer)
MINREQ_S = 0.15  # the server asks for more in steps of this: our write block
_UNSET = 0xFFFFFFFF


class PulseError(OSError):
    """A libpulse call failed (server gone, device gone, refused)."""


class _SampleSpec(ctypes.Structure):
    _fields_ = (("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8))


class _BufferAttr(ctypes.Structure):
    _fields_ = tuple(
        (name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")
    )


_lib: Any = None
_lib_tried = False


def _load() -> Any:
    """libpulse-simple, or None where there is none (Windows, macOS, a system without it)."""
    global _lib, _lib_tried
    if _lib_tried:
        return _lib
    _lib_tried = True
    if not sys.platform.startswith("linux"):
        return None
    name = ctypes.util.find_library("pulse-simple") or "libpulse-simple.so.0"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.pa_simple_new.restype = ctypes.c_void_p
    lib.pa_simple_new.argtypes = (
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.POINTER(_SampleSpec),
        ctypes.c_void_p,
        ctypes.POINTER(_BufferAttr),
        ctypes.POINTER(ctypes.c_int),
    )
    lib.pa_simple_write.restype = ctypes.c_int
    lib.pa_simple_write.argtypes = (
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.c_size_t,
        ctypes.POINTER(ctypes.c_int),
    )
    lib.pa_simple_get_latency.restype = ctypes.c_uint64
    lib.pa_simple_get_latency.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_int))
    lib.pa_simple_drain.restype = ctypes.c_int
    lib.pa_simple_drain.argtypes = (ctypes.c_void_p, ctypes.POINTER(ctypes.c_int))
    lib.pa_simple_free.restype = None
    lib.pa_simple_free.argtypes = (ctypes.c_void_p,)
    lib.pa_strerror.restype = ctypes.c_char_p
    lib.pa_strerror.argtypes = (ctypes.c_int,)
    _lib = lib
    return lib


def available() -> bool:
    """Whether this process can talk to PulseAudio natively (the library is there)."""
    return _load() is not None


def _error(lib: Any, what: str, code: int) -> PulseError:
    text = lib.pa_strerror(code)
    return PulseError(f"{what}: {text.decode(errors='replace') if text else code}")


def buffer_attr(rate: int, frame_bytes: int, target_s: float, minreq_s: float) -> _BufferAttr:
    """What a stream asks of the server: ``target_s`` held (tlength) in requests of
    ``minreq_s`` (minreq), whole frames; the rest left to the server."""
    return _BufferAttr(
        _UNSET,
        round(target_s * rate) * frame_bytes,
        _UNSET,
        round(minreq_s * rate) * frame_bytes,
        _UNSET,
    )


class PulseStream:
    """One float32 interleaved playback stream. Not thread-safe: one thread uses it."""

    def __init__(self, handle: int, rate: int, frame_bytes: int) -> None:
        self._handle: int | None = handle
        self.rate = rate
        self.frame_bytes = frame_bytes

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
        lib = _load()
        if lib is None:
            raise PulseError("libpulse-simple is not available")
        frame_bytes = 4 * channels
        spec = _SampleSpec(PA_SAMPLE_FLOAT32LE, rate, channels)
        attr = buffer_attr(rate, frame_bytes, target_s, minreq_s)
        err = ctypes.c_int(0)
        handle = lib.pa_simple_new(
            None,
            app_name.encode(),
            PA_STREAM_PLAYBACK,
            device,
            b"ambience",
            ctypes.byref(spec),
            None,
            ctypes.byref(attr),
            ctypes.byref(err),
        )
        if not handle:
            raise _error(lib, "cannot open a PulseAudio stream", err.value)
        return cls(handle, rate, frame_bytes)

    @property
    def closed(self) -> bool:
        return self._handle is None

    def write(self, block: npt.NDArray[np.float32]) -> None:
        """Queue a C-contiguous float32 ``(frames, channels)`` block (no copy); blocks while
        the server's buffer is full, which is what paces the audio thread."""
        if self._handle is None:
            raise PulseError("stream closed")
        lib = _load()
        err = ctypes.c_int(0)
        data = np.ascontiguousarray(block, dtype=np.float32)
        if lib.pa_simple_write(self._handle, data.ctypes.data, data.nbytes, ctypes.byref(err)) < 0:
            raise _error(lib, "PulseAudio write failed", err.value)

    def latency_frames(self) -> int:
        """Frames written but not yet heard (the server's queue and the sink's buffer)."""
        if self._handle is None:
            return 0
        lib = _load()
        err = ctypes.c_int(0)
        usec = int(lib.pa_simple_get_latency(self._handle, ctypes.byref(err)))
        if usec == 0xFFFFFFFFFFFFFFFF:  # (pa_usec_t) -1: unknown
            return 0
        return usec * self.rate // 1_000_000

    def close(self, drain: bool = False) -> None:
        """Free the stream; with ``drain``, first wait (at most the latency) until what is
        queued has played, else it is dropped."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        lib = _load()
        if drain:
            lib.pa_simple_drain(handle, ctypes.byref(ctypes.c_int(0)))
        lib.pa_simple_free(handle)
