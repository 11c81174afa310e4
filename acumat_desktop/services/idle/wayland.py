"""Other Wayland compositors (KWin, sway, Hyprland, niri, COSMIC): ext-idle-notify-v1.

A small pure-Python Wayland client: connect to ``$XDG_RUNTIME_DIR/$WAYLAND_DISPLAY``, get the
registry, bind ``wl_seat`` and ``ext_idle_notifier_v1``, ask for one idle notification with a
short timeout, then read ``idled``/``resumed`` events without blocking at each poll (so an
event is timed when the poll reads it: idle time is late by at most one poll interval). The protocol
only says "idle for at least the timeout", so idle time is the timeout plus the time since
``idled``; while active it is 0. Idle inhibitors (a video playing) hold back ``idled``, as they
should for a meeting.

Watches without polling (:class:`~acumat_desktop.services.idle.base.IdleWatcher`): a second
notification with the natural break as its timeout says ``idled`` when the user has been idle
that long; ``resumed`` on the first one says they are back. A ``QSocketNotifier`` on the
connection wakes the app only for those events.

Wire format: each message is ``object id (u32)``, ``size << 16 | opcode (u32)``, then arguments
in host byte order, strings as ``u32 length (with NUL)`` + bytes padded to 4.
"""

from __future__ import annotations

import logging
import math
import os
import socket
import struct
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from PySide6.QtCore import QSocketNotifier

log = logging.getLogger(__name__)

DISPLAY_ID, REGISTRY_ID, CALLBACK_ID, SEAT_ID, NOTIFIER_ID, NOTIFICATION_ID = 1, 2, 3, 4, 5, 6
FIRST_WATCH_ID = 7  # watch notifications take fresh ids: an id is never reused
HEADER = struct.Struct("=II")


class Message(NamedTuple):
    object_id: int
    opcode: int
    payload: bytes


# -- wire codec ------------------------------------------------------------------------------
def pack_uint(value: int) -> bytes:
    return struct.pack("=I", value)


def pack_string(text: str) -> bytes:
    raw = text.encode() + b"\0"
    return pack_uint(len(raw)) + raw + b"\0" * (-len(raw) % 4)


def encode(object_id: int, opcode: int, payload: bytes = b"") -> bytes:
    return HEADER.pack(object_id, (HEADER.size + len(payload)) << 16 | opcode) + payload


def decode(buffer: bytes) -> tuple[list[Message], bytes]:
    """Whole messages in ``buffer`` and the incomplete rest."""
    out: list[Message] = []
    offset = 0
    while len(buffer) - offset >= HEADER.size:
        object_id, word = HEADER.unpack_from(buffer, offset)
        size, opcode = word >> 16, word & 0xFFFF
        if size < HEADER.size:
            raise ValueError(f"bad Wayland message size {size}")
        if len(buffer) - offset < size:
            break
        out.append(Message(object_id, opcode, buffer[offset + HEADER.size : offset + size]))
        offset += size
    return out, buffer[offset:]


def read_uint(payload: bytes, offset: int) -> tuple[int, int]:
    return struct.unpack_from("=I", payload, offset)[0], offset + 4


def read_string(payload: bytes, offset: int) -> tuple[str, int]:
    length, offset = read_uint(payload, offset)
    text = payload[offset : offset + length].rstrip(b"\0").decode()
    return text, offset + length + (-length % 4)


def socket_path(env: dict[str, str] | None = None) -> str | None:
    env = dict(os.environ) if env is None else env
    display = env.get("WAYLAND_DISPLAY", "wayland-0" if env.get("XDG_RUNTIME_DIR") else "")
    if not display:
        return None
    if os.path.isabs(display):
        return display
    runtime = env.get("XDG_RUNTIME_DIR")
    return os.path.join(runtime, display) if runtime else None


# -- the client ------------------------------------------------------------------------------
class WaylandIdleSource:
    """``sock`` (an already connected socket) is for tests; otherwise ``path`` or the
    environment names the compositor's socket."""

    name = "ext-idle-notify"

    def __init__(
        self,
        path: str | None = None,
        *,
        timeout_ms: int = 5000,
        sock: socket.socket | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.timeout_ms = timeout_ms
        self._monotonic = monotonic
        self._buffer = b""
        self._idled_at: float | None = None
        self._ok = False
        self._notifier: QSocketNotifier | None = None
        self._callback: Callable[[], None] | None = None
        self._watch_id: int | None = None  # the armed idle watch's notification
        self._watch_ms = 0
        self._on_input = False
        self._next_id = FIRST_WATCH_ID
        self._sock = sock
        try:
            if self._sock is None:
                self._sock = self._connect(path or socket_path())
            if self._sock is not None:
                self._ok = self._handshake(self._sock)
        except (OSError, ValueError, TimeoutError) as err:
            log.info("ext-idle-notify unavailable: %s", err)
            self._ok = False
        if not self._ok:
            self.close()

    @staticmethod
    def _connect(path: str | None) -> socket.socket | None:
        if not path or not os.path.exists(path):
            return None
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(1.0)
        sock.connect(path)
        return sock

    def _handshake(self, sock: socket.socket) -> bool:
        sock.settimeout(1.0)
        sock.sendall(
            encode(DISPLAY_ID, 1, pack_uint(REGISTRY_ID))
            + encode(DISPLAY_ID, 0, pack_uint(CALLBACK_ID))
        )
        globals_: dict[str, tuple[int, int]] = {}
        done = False
        while not done:
            chunk = sock.recv(4096)
            if not chunk:
                raise OSError("compositor closed the connection")
            messages, self._buffer = decode(self._buffer + chunk)
            for msg in messages:
                if msg.object_id == REGISTRY_ID and msg.opcode == 0:
                    name, off = read_uint(msg.payload, 0)
                    interface, off = read_string(msg.payload, off)
                    version, _ = read_uint(msg.payload, off)
                    globals_[interface] = (name, version)
                elif msg.object_id == CALLBACK_ID and msg.opcode == 0:
                    done = True
                elif msg.object_id == DISPLAY_ID and msg.opcode == 0:
                    raise OSError("Wayland protocol error during setup")
        if "ext_idle_notifier_v1" not in globals_ or "wl_seat" not in globals_:
            log.info("compositor does not offer ext_idle_notifier_v1")
            return False
        seat_name = globals_["wl_seat"][0]
        notifier_name = globals_["ext_idle_notifier_v1"][0]
        sock.sendall(
            encode(
                REGISTRY_ID,
                0,
                pack_uint(seat_name) + pack_string("wl_seat") + pack_uint(1) + pack_uint(SEAT_ID),
            )
            + encode(
                REGISTRY_ID,
                0,
                pack_uint(notifier_name)
                + pack_string("ext_idle_notifier_v1")
                + pack_uint(1)
                + pack_uint(NOTIFIER_ID),
            )
            + encode(
                NOTIFIER_ID,
                1,
                pack_uint(NOTIFICATION_ID) + pack_uint(self.timeout_ms) + pack_uint(SEAT_ID),
            )
        )
        sock.setblocking(False)
        return True

    def _drain(self) -> None:
        while self._sock is not None:
            try:
                chunk = self._sock.recv(4096)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            if not chunk:
                log.warning("Wayland connection lost; idle time unknown")
                self.close()
                return
            messages, self._buffer = decode(self._buffer + chunk)
            for msg in messages:
                self._handle(msg)

    def _handle(self, msg: Message) -> None:
        if msg.object_id == NOTIFICATION_ID:
            if msg.opcode == 0:  # idled
                self._idled_at = self._monotonic()
            elif msg.opcode == 1:  # resumed
                self._idled_at = None
                if self._on_input:
                    self._fire()
        elif msg.object_id == self._watch_id and msg.opcode == 0:  # idled for the watch
            self._fire()
        elif msg.object_id == DISPLAY_ID and msg.opcode == 0:
            log.warning("Wayland protocol error; idle source closed")
            self.close()

    def available(self) -> bool:
        return self._ok and self._sock is not None

    def idle_seconds(self) -> float | None:
        self._drain()
        if not self.available():
            return None
        if self._idled_at is None:
            return 0.0
        return self.timeout_ms / 1000.0 + (self._monotonic() - self._idled_at)

    # -- watching ----------------------------------------------------------------------------
    def watch(
        self, idle_after_s: float | None, on_input: bool, callback: Callable[[], None]
    ) -> bool:
        """See :class:`~acumat_desktop.services.idle.base.IdleWatcher`. A pending idle watch
        with the same threshold is kept: the compositor counts from the last input, but a new
        notification would count from its creation."""
        self._drain()
        if not self.available() or not self._ensure_notifier():
            return False
        self._callback, self._on_input = callback, on_input
        ms = 0 if idle_after_s is None else max(1, math.ceil(idle_after_s * 1000))
        if ms != self._watch_ms or self._watch_id is None:
            self._destroy_watch()
            if ms:
                self._watch_id, self._next_id = self._next_id, self._next_id + 1
                self._send(
                    encode(
                        NOTIFIER_ID,
                        1,
                        pack_uint(self._watch_id) + pack_uint(ms) + pack_uint(SEAT_ID),
                    )
                )
            self._watch_ms = ms
        if on_input and self._idled_at is None:  # input within the last timeout: now
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._fire)
        return self.available()

    def unwatch(self) -> None:
        self._callback, self._on_input = None, False
        self._destroy_watch()

    def _ensure_notifier(self) -> bool:
        if self._notifier is None and self._sock is not None:
            from PySide6.QtCore import QSocketNotifier

            self._notifier = QSocketNotifier(self._sock.fileno(), QSocketNotifier.Type.Read)
            self._notifier.activated.connect(self._drain)
        return self._notifier is not None

    def _destroy_watch(self) -> None:
        if self._watch_id is not None:
            self._send(encode(self._watch_id, 0))  # ext_idle_notification_v1.destroy
        self._watch_id, self._watch_ms = None, 0

    def _send(self, data: bytes) -> None:
        if self._sock is None:
            return
        try:
            self._sock.sendall(data)
        except OSError:
            log.warning("Wayland connection lost; idle time unknown")
            self.close()

    def _fire(self) -> None:
        """Once per arming: the watch is spent until the caller arms it again."""
        callback, self._callback, self._on_input = self._callback, None, False
        self._destroy_watch()
        if callback is not None:
            callback()

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        self._ok = False
        if self._sock is not None:
            self._sock.close()
            self._sock = None
