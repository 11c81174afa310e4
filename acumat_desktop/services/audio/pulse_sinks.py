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
import logging
import time
from dataclasses import dataclass
from typing import Any

from acumat_desktop.services.audio import _libpulse
from acumat_desktop.services.audio._libpulse import (
    PA_CONTEXT_NOAUTOSPAWN,
    PA_CONTEXT_READY,
    SampleSpec,
)

log = logging.getLogger(__name__)

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


class _ServerInfo(ctypes.Structure):  # the head of pa_server_info
    _fields_ = (
        ("user_name", ctypes.c_char_p),
        ("host_name", ctypes.c_char_p),
        ("server_version", ctypes.c_char_p),
        ("server_name", ctypes.c_char_p),
        ("sample_spec", SampleSpec),
        ("default_sink_name", ctypes.c_char_p),
    )


_SINK_CB = ctypes.CFUNCTYPE(
    None, ctypes.c_void_p, ctypes.POINTER(_SinkInfo), ctypes.c_int, ctypes.c_void_p
)
_SERVER_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_ServerInfo), ctypes.c_void_p)


def available() -> bool:
    """libpulse can be used here (Linux with libpulse installed)."""
    return _libpulse.available()


def _text(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace") if raw else ""


def list_sinks(timeout_s: float = TIMEOUT_S) -> list[Sink] | None:
    """The server's sinks now, the default marked; None when no server answers in time."""
    lib = _libpulse.load()
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
