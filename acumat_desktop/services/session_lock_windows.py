"""Windows lock and suspend for :class:`SessionLockMonitor`, from the window messages.

- ``WM_WTSSESSION_CHANGE`` reaches a window registered with ``WTSRegisterSessionNotification``:
  lock/unlock, and the session losing or regaining its console or remote connection (fast user
  switching, an RDP client going away). Either a lock screen or a lost connection counts as
  locked: nobody is sitting at this session's screen.
- ``WM_POWERBROADCAST`` reaches every top-level window: ``PBT_APMSUSPEND`` before sleep,
  ``PBT_APMRESUMESUSPEND`` / ``PBT_APMRESUMEAUTOMATIC`` after it.

Qt hands each message to a :class:`QAbstractNativeEventFilter` as the address of a ``MSG``; the
decoding is plain ctypes and runs anywhere, so it is tested on Linux with ``MSG`` structs built in
memory. Only :func:`win32_session_functions` touches Windows (``wtsapi32``), and it is injected.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable
from ctypes import wintypes
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject

log = logging.getLogger(__name__)

_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module

EVENT_TYPE = b"windows_generic_MSG"

WM_POWERBROADCAST = 0x0218
WM_WTSSESSION_CHANGE = 0x02B1

WTS_CONSOLE_CONNECT = 0x1
WTS_CONSOLE_DISCONNECT = 0x2
WTS_REMOTE_CONNECT = 0x3
WTS_REMOTE_DISCONNECT = 0x4
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8

PBT_APMSUSPEND = 0x4
PBT_APMRESUMESUSPEND = 0x7
PBT_APMRESUMEAUTOMATIC = 0x12

NOTIFY_FOR_THIS_SESSION = 0

_CONNECTED = {
    WTS_CONSOLE_CONNECT: True,
    WTS_REMOTE_CONNECT: True,
    WTS_CONSOLE_DISCONNECT: False,
    WTS_REMOTE_DISCONNECT: False,
}
_SLEEPING = {PBT_APMSUSPEND: True, PBT_APMRESUMESUSPEND: False, PBT_APMRESUMEAUTOMATIC: False}

RegisterFn = Callable[[int, int], bool]  # (hwnd, flags) -> ok
UnregisterFn = Callable[[int], bool]  # (hwnd) -> ok


class LockSink(Protocol):
    """What the messages drive: :class:`SessionLockMonitor` fits."""

    def set_locked(self, value: bool) -> None: ...

    def set_sleeping(self, value: bool) -> None: ...


def read_msg(message: object) -> tuple[int, int] | None:
    """``(message, wParam)`` of the ``MSG`` at ``message`` (an int or a shiboken VoidPtr)."""
    address = int(message)  # type: ignore[call-overload]
    if not address:
        return None
    msg = ctypes.cast(address, ctypes.POINTER(wintypes.MSG)).contents
    return int(msg.message), int(msg.wParam)


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Maps session-change and power-broadcast messages onto a :class:`LockSink`.

    Never swallows a message: Qt and other filters still see every one.
    """

    def __init__(self, sink: LockSink) -> None:
        super().__init__()
        self._sink = sink
        self._lock_screen = False
        self._disconnected = False

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if kind == EVENT_TYPE:
            decoded = read_msg(message)
            if decoded is not None:
                self.handle(*decoded)
        return False, 0

    def handle(self, message: int, wparam: int) -> None:
        if message == WM_WTSSESSION_CHANGE:
            self._session_change(wparam)
        elif message == WM_POWERBROADCAST and wparam in _SLEEPING:
            self._sink.set_sleeping(_SLEEPING[wparam])

    def _session_change(self, code: int) -> None:
        if code == WTS_SESSION_LOCK:
            self._lock_screen = True
        elif code == WTS_SESSION_UNLOCK:
            # Someone typed their password at this session: it is locally present again.
            self._lock_screen = self._disconnected = False
        elif code in _CONNECTED:
            self._disconnected = not _CONNECTED[code]
        else:
            return  # logon, logoff, remote control, create/terminate: nothing to say
        self._sink.set_locked(self._lock_screen or self._disconnected)


class SessionNotifications:
    """``WTSRegisterSessionNotification`` for one window, undone once by :meth:`unregister`."""

    def __init__(self, register: RegisterFn, unregister: UnregisterFn) -> None:
        self._register = register
        self._unregister = unregister
        self.hwnd: int | None = None

    def register(self, hwnd: int) -> bool:
        self.unregister()
        if not self._register(hwnd, NOTIFY_FOR_THIS_SESSION):
            log.warning("WTSRegisterSessionNotification failed for window %#x", hwnd)
            return False
        self.hwnd = hwnd
        return True

    def unregister(self) -> None:
        if self.hwnd is not None:
            hwnd, self.hwnd = self.hwnd, None
            if not self._unregister(hwnd):
                log.debug("WTSUnRegisterSessionNotification failed for window %#x", hwnd)


def win32_session_functions() -> tuple[RegisterFn, UnregisterFn] | None:
    """The real ``wtsapi32`` functions; ``None`` off Windows or when the DLL will not load."""
    if _PLATFORM != "win32":
        return None
    try:
        wtsapi32: Any = getattr(ctypes, "WinDLL")("wtsapi32")  # noqa: B009  (Windows only)
    except OSError as exc:
        log.warning("wtsapi32 unavailable: %s", exc)
        return None
    reg = wtsapi32.WTSRegisterSessionNotification
    reg.argtypes = (wintypes.HWND, wintypes.DWORD)
    reg.restype = wintypes.BOOL
    unreg = wtsapi32.WTSUnRegisterSessionNotification
    unreg.argtypes = (wintypes.HWND,)
    unreg.restype = wintypes.BOOL

    def register(hwnd: int, flags: int) -> bool:
        return bool(reg(hwnd, flags))

    def unregister(hwnd: int) -> bool:
        return bool(unreg(hwnd))

    return register, unregister


class WindowsSessionWatch(QObject):
    """The filter installed on the application plus the registration for one window.

    A child of ``parent`` (the lock monitor) so both live as long as it; :meth:`stop` (also run
    on ``aboutToQuit``) removes the filter and unregisters.
    """

    def __init__(
        self,
        app: QCoreApplication,
        sink: LockSink,
        hwnd: int,
        functions: tuple[RegisterFn, UnregisterFn] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app: QCoreApplication | None = app
        self.filter = WindowsSessionFilter(sink)
        app.installNativeEventFilter(self.filter)
        fns = functions if functions is not None else win32_session_functions()
        self.notifications = SessionNotifications(*fns) if fns is not None else None
        self.registered = (
            self.notifications.register(hwnd) if self.notifications is not None else False
        )
        app.aboutToQuit.connect(self.stop)
        log.info(
            "Windows session messages %s; power messages watched",
            "watched" if self.registered else "unavailable",
        )

    def stop(self) -> None:
        if self.notifications is not None:
            self.notifications.unregister()
        if self._app is not None:
            self._app.removeNativeEventFilter(self.filter)
            self._app = None
