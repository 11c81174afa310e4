"""libpulse by ctypes, loaded once for the modules that talk to PulseAudio (or pipewire-pulse)
natively: :mod:`.pulse_sinks` (the device list) and :mod:`.pulse_stream` (the playback stream).

Only the asynchronous API with a plain ``pa_mainloop`` is used: whoever owns a main loop turns
it on one thread of their choosing, so libpulse starts no thread of its own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from typing import Any

PA_CONTEXT_NOAUTOSPAWN = 1
PA_CONTEXT_READY = 4
PA_CONTEXT_FAILED = 5
PA_CONTEXT_TERMINATED = 6


class SampleSpec(ctypes.Structure):
    _fields_ = (("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8))


class BufferAttr(ctypes.Structure):
    _fields_ = tuple(
        (name, ctypes.c_uint32) for name in ("maxlength", "tlength", "prebuf", "minreq", "fragsize")
    )


_vp = ctypes.c_void_p
_int = ctypes.c_int
_PROTOTYPES: tuple[tuple[str, Any, tuple[Any, ...]], ...] = (
    ("pa_mainloop_new", _vp, ()),
    ("pa_mainloop_get_api", _vp, (_vp,)),
    ("pa_mainloop_prepare", _int, (_vp, _int)),
    ("pa_mainloop_poll", _int, (_vp,)),
    ("pa_mainloop_dispatch", _int, (_vp,)),
    ("pa_mainloop_wakeup", None, (_vp,)),
    ("pa_mainloop_free", None, (_vp,)),
    ("pa_context_new", _vp, (_vp, ctypes.c_char_p)),
    ("pa_context_new_with_proplist", _vp, (_vp, ctypes.c_char_p, _vp)),
    ("pa_proplist_new", _vp, ()),
    ("pa_proplist_sets", _int, (_vp, ctypes.c_char_p, ctypes.c_char_p)),
    ("pa_proplist_free", None, (_vp,)),
    ("pa_context_connect", _int, (_vp, ctypes.c_char_p, _int, _vp)),
    ("pa_context_get_state", _int, (_vp,)),
    ("pa_context_errno", _int, (_vp,)),
    ("pa_context_disconnect", None, (_vp,)),
    ("pa_context_unref", None, (_vp,)),
    ("pa_context_get_sink_info_list", _vp, (_vp, _vp, _vp)),
    ("pa_context_get_server_info", _vp, (_vp, _vp, _vp)),
    ("pa_operation_get_state", _int, (_vp,)),
    ("pa_operation_unref", None, (_vp,)),
    ("pa_stream_new", _vp, (_vp, ctypes.c_char_p, ctypes.POINTER(SampleSpec), _vp)),
    (
        "pa_stream_connect_playback",
        _int,
        (_vp, ctypes.c_char_p, ctypes.POINTER(BufferAttr), _int, _vp, _vp),
    ),
    ("pa_stream_get_state", _int, (_vp,)),
    ("pa_stream_get_buffer_attr", ctypes.POINTER(BufferAttr), (_vp,)),
    ("pa_stream_writable_size", ctypes.c_size_t, (_vp,)),
    ("pa_stream_write", _int, (_vp, _vp, ctypes.c_size_t, _vp, ctypes.c_int64, _int)),
    ("pa_stream_get_latency", _int, (_vp, ctypes.POINTER(ctypes.c_uint64), ctypes.POINTER(_int))),
    ("pa_stream_drain", _vp, (_vp, _vp, _vp)),
    ("pa_stream_disconnect", _int, (_vp,)),
    ("pa_stream_unref", None, (_vp,)),
    ("pa_strerror", ctypes.c_char_p, (_int,)),
)

_lib: Any = None
_lib_tried = False


def load() -> Any:
    """libpulse with the prototypes above, or None where there is none (Windows, macOS, a
    system without it). Its calls release the interpreter lock while they run."""
    global _lib, _lib_tried
    if _lib_tried:
        return _lib
    _lib_tried = True
    if not sys.platform.startswith("linux"):
        return None
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("pulse") or "libpulse.so.0")
    except OSError:
        return None
    for name, restype, argtypes in _PROTOTYPES:
        function = getattr(lib, name)
        function.restype, function.argtypes = restype, argtypes
    _lib = lib
    return lib


def available() -> bool:
    """libpulse can be used here (Linux with libpulse installed)."""
    return load() is not None


def error_text(lib: Any, code: int) -> str:
    text = lib.pa_strerror(code)
    return text.decode(errors="replace") if text else str(code)
