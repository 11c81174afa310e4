"""The sound server's sinks (name, description, which is the default), asked of PulseAudio (or
pipewire-pulse) afresh with libpulse by ctypes, on a connection of our own.

Why not QMediaDevices on Linux: Qt keeps one process-wide PulseAudio context, and once the
server has gone away and come back that context never reconnects, so its device list stays
stale (and its change signal silent) for the rest of the run. Each :func:`list_sinks` here
connects, asks, and disconnects: a local round trip of about a millisecond, bounded by a
deadline (a hung server costs at most ``timeout_s``), never spawning a server.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import sys
import time
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

PA_CONTEXT_NOAUTOSPAWN = 1
PA_CONTEXT_READY = 4
PA_CONTEXT_FAILED = 5
PA_CONTEXT_TERMINATED = 6
TIMEOUT_S = 0.5
POLL_STEP_US = 50_000


@dataclass(frozen=True)
class Sink:
    name: str
    description: str
    is_default: bool


class _SinkInfo(ctypes.Structure):  # the head of pa_sink_info, all this reads
    _fields_ = (
        ("name", ctypes.c_char_p),
        ("index", ctypes.c_uint32),
        ("description", ctypes.c_char_p),
    )


class _SampleSpec(ctypes.Structure):
    _fields_ = (("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8))


class _ServerInfo(ctypes.Structure):  # the head of pa_server_info
    _fields_ = (
        ("user_name", ctypes.c_char_p),
        ("host_name", ctypes.c_char_p),
        ("server_version", ctypes.c_char_p),
        ("server_name", ctypes.c_char_p),
        ("sample_spec", _SampleSpec),
        ("default_sink_name", ctypes.c_char_p),
    )


_SINK_CB = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.POINTER(_SinkInfo), ctypes.c_int, ctypes.c_void_p
)
_SERVER_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_ServerInfo), ctypes.c_void_p)

_lib: Any = None
_lib_tried = False


def _load() -> Any:
    """libpulse, or None where there is none (Windows, macOS, a system without it)."""
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
    vp = ctypes.c_void_p
    for name, res, args in (
        ("pa_mainloop_new", vp, ()),
        ("pa_mainloop_get_api", vp, (vp,)),
        ("pa_mainloop_prepare", ctypes.c_int, (vp, ctypes.c_int)),
        ("pa_mainloop_poll", ctypes.c_int, (vp,)),
        ("pa_mainloop_dispatch", ctypes.c_int, (vp,)),
        ("pa_mainloop_free", None, (vp,)),
        ("pa_context_new", vp, (vp, ctypes.c_char_p)),
        ("pa_context_connect", ctypes.c_int, (vp, ctypes.c_char_p, ctypes.c_int, vp)),
        ("pa_context_get_state", ctypes.c_int, (vp,)),
        ("pa_context_disconnect", None, (vp,)),
        ("pa_context_unref", None, (vp,)),
        ("pa_context_get_sink_info_list", vp, (vp, _SINK_CB, vp)),
        ("pa_context_get_server_info", vp, (vp, _SERVER_CB, vp)),
        ("pa_operation_unref", None, (vp,)),
    ):
        function = getattr(lib, name)
        function.restype, function.argtypes = res, args
    _lib = lib
    return lib


def available() -> bool:
    """libpulse can be used here (Linux with libpulse installed)."""
    return _load() is not None


def _text(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace") if raw else ""


def list_sinks(timeout_s: float = TIMEOUT_S) -> list[Sink] | None:
    """The server's sinks now, the default marked; None when no server answers in time."""
    lib = _load()
    if lib is None:
        return None
    loop = lib.pa_mainloop_new()
    context = lib.pa_context_new(lib.pa_mainloop_get_api(loop), b"AcuMat devices")
    try:
        if lib.pa_context_connect(context, None, PA_CONTEXT_NOAUTOSPAWN, None) < 0:
            return None
        return _ask(lib, loop, context, time.monotonic() + timeout_s)
    finally:
        lib.pa_context_disconnect(context)
        lib.pa_context_unref(context)
        lib.pa_mainloop_free(loop)


def _run_until(lib: Any, loop: int, done: Any, deadline: float) -> bool:
    """Turn the main loop until ``done()`` or the deadline; whether it got done."""
    while not done():
        if time.monotonic() > deadline:
            return False
        if lib.pa_mainloop_prepare(loop, POLL_STEP_US) < 0:
            return False
        if lib.pa_mainloop_poll(loop) < 0 or lib.pa_mainloop_dispatch(loop) < 0:
            return False
    return True


def _ask(lib: Any, loop: int, context: int, deadline: float) -> list[Sink] | None:
    def state() -> int:
        return int(lib.pa_context_get_state(context))

    ready = _run_until(lib, loop, lambda: state() >= PA_CONTEXT_READY, deadline)
    if not ready or state() != PA_CONTEXT_READY:
        return None
    found: list[tuple[str, str]] = []
    default: list[str] = []
    ended: list[bool] = []

    def on_sink(_c: int, info: Any, eol: int, _u: int) -> None:
        if eol:
            ended.append(eol > 0)
        elif info:
            found.append((_text(info.contents.name), _text(info.contents.description)))

    def on_server(_c: int, info: Any, _u: int) -> None:
        default.append(_text(info.contents.default_sink_name) if info else "")

    sink_cb, server_cb = _SINK_CB(on_sink), _SERVER_CB(on_server)  # alive until the loop ends
    for operation in (
        lib.pa_context_get_server_info(context, server_cb, None),
        lib.pa_context_get_sink_info_list(context, sink_cb, None),
    ):
        if operation:
            lib.pa_operation_unref(operation)
    if not _run_until(lib, loop, lambda: bool(ended and default), deadline) or not ended[0]:
        return None
    return [Sink(name, description or name, name == default[0]) for name, description in found]
