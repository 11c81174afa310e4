"""X11 idle alarms without polling: the SYNC extension's ``IDLETIME`` counter (libXext), as
Mutter does on X11.

An alarm on a positive comparison at N ms fires once the user has been idle that long (at once
if they already have); one on a negative transition below 1 ms fires at the next input. The
server sends ``XSyncAlarmNotify`` events on our own X connection; a ``QSocketNotifier`` on its
file descriptor wakes us only then, so nothing runs while nothing happens.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import socket
from functools import cache

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from acumat_desktop.services.idle._xlib import XDisplay

log = logging.getLogger(__name__)

ALARM_NOTIFY = 1  # XSyncAlarmNotify, added to the extension's event base
CA_COUNTER, CA_VALUE_TYPE, CA_VALUE, CA_TEST_TYPE, CA_DELTA, CA_EVENTS = (1 << i for i in range(6))
ABSOLUTE = 0
POSITIVE_TRANSITION, NEGATIVE_TRANSITION, POSITIVE_COMPARISON, NEGATIVE_COMPARISON = range(4)
QUEUED_ALREADY = 0
_MASK = CA_COUNTER | CA_VALUE_TYPE | CA_VALUE | CA_TEST_TYPE | CA_DELTA | CA_EVENTS


class XSyncValue(ctypes.Structure):
    _fields_ = [("hi", ctypes.c_int), ("lo", ctypes.c_uint)]

    @classmethod
    def of(cls, value: int) -> XSyncValue:
        return cls(value >> 32, value & 0xFFFF_FFFF)

    def __int__(self) -> int:
        return (self.hi << 32) | self.lo


class _SystemCounter(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("counter", ctypes.c_ulong), ("resolution", XSyncValue)]


class _Trigger(ctypes.Structure):
    _fields_ = [
        ("counter", ctypes.c_ulong),
        ("value_type", ctypes.c_int),
        ("wait_value", XSyncValue),
        ("test_type", ctypes.c_int),
    ]


class _AlarmAttributes(ctypes.Structure):
    _fields_ = [
        ("trigger", _Trigger),
        ("delta", XSyncValue),
        ("events", ctypes.c_int),
        ("state", ctypes.c_int),
    ]


class _AlarmNotify(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("alarm", ctypes.c_ulong),
        ("counter_value", XSyncValue),
        ("alarm_value", XSyncValue),
        ("time", ctypes.c_ulong),
        ("state", ctypes.c_int),
    ]


_XEvent = ctypes.c_long * 24  # Xlib's XEvent union: 24 longs
_P = ctypes.POINTER
_vp, _int, _ulong = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong


@cache
def libxext() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("Xext") or "libXext.so.6")
    except OSError:
        return None
    for name, restype, argtypes in (
        ("XSyncQueryExtension", _int, [_vp, _P(_int), _P(_int)]),
        ("XSyncInitialize", _int, [_vp, _P(_int), _P(_int)]),
        ("XSyncListSystemCounters", _P(_SystemCounter), [_vp, _P(_int)]),
        ("XSyncFreeSystemCounterList", None, [_P(_SystemCounter)]),
        ("XSyncQueryCounter", _int, [_vp, _ulong, _P(XSyncValue)]),
        ("XSyncCreateAlarm", _ulong, [_vp, _ulong, _P(_AlarmAttributes)]),
        ("XSyncDestroyAlarm", _int, [_vp, _ulong]),
    ):
        func = getattr(lib, name)
        func.restype, func.argtypes = restype, argtypes
    return lib


def _bind_xlib_events(lib: ctypes.CDLL) -> None:
    for name, restype, argtypes in (
        ("XConnectionNumber", _int, [_vp]),
        ("XPending", _int, [_vp]),
        ("XEventsQueued", _int, [_vp, _int]),
        ("XNextEvent", _int, [_vp, _P(_XEvent)]),
        ("XFlush", _int, [_vp]),
    ):
        func = getattr(lib, name)
        func.restype, func.argtypes = restype, argtypes


def idle_counter(display: XDisplay) -> tuple[int, int] | None:
    """(the IDLETIME counter, the SYNC event base), or None without the extension."""
    ext = libxext()
    if ext is None or display.ptr is None:
        return None
    base, error, major, minor = _int(), _int(), _int(2), _int(0)
    if not ext.XSyncQueryExtension(display.ptr, ctypes.byref(base), ctypes.byref(error)):
        return None
    if not ext.XSyncInitialize(display.ptr, ctypes.byref(major), ctypes.byref(minor)):
        return None
    count = _int()
    counters = ext.XSyncListSystemCounters(display.ptr, ctypes.byref(count))
    if not counters:
        return None
    try:
        for i in range(count.value):
            if counters[i].name == b"IDLETIME":
                return int(counters[i].counter), base.value
    finally:
        ext.XSyncFreeSystemCounterList(counters)
    return None


def _hung_up(fd: int) -> bool:
    """Whether the peer closed the connection on ``fd`` (a peek, nothing consumed)."""
    try:
        with socket.socket(fileno=os.dup(fd)) as sock:
            return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class IdleAlarms(QObject):
    """Up to two armed alarms on ``IDLETIME``; ``fired`` once when either goes off (both are
    then disarmed: the caller re-arms after looking)."""

    fired = Signal()

    def __init__(self, display: XDisplay, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._display = display
        self._ext = libxext()
        found = idle_counter(display)
        self._counter, self._event_type = (found[0], found[1] + ALARM_NOTIFY) if found else (0, 0)
        self._alarms: list[int] = []
        self._armed: tuple[int | None, bool] | None = None  # what the alarms are for
        self._lost = False  # the server hung up: no more calls on this connection
        self._notifier: QSocketNotifier | None = None
        if found and display.lib is not None and display.ptr is not None:
            _bind_xlib_events(display.lib)
            fd = display.lib.XConnectionNumber(display.ptr)
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)

    @property
    def available(self) -> bool:
        return self._notifier is not None

    def idle_ms(self) -> int | None:
        """The counter now (one round trip), or None without the extension."""
        if not self.available or self._ext is None or self._display.ptr is None:
            return None
        value = XSyncValue()
        if not self._ext.XSyncQueryCounter(self._display.ptr, self._counter, ctypes.byref(value)):
            return None
        self.check_queue()
        return int(value)

    def arm(self, idle_after_ms: int | None, on_input: bool) -> bool:
        """Replace the armed alarms: one for idle reaching ``idle_after_ms`` (fires at once if
        it already has), one for the next input. False without the extension. The same alarms
        still armed are kept: replacing them costs round trips and an event (destroyed) that
        wakes us, at every look of the sitting loop."""
        if not self.available:
            return False
        wanted = (idle_after_ms, on_input)
        if self._alarms and wanted == self._armed:
            return True
        self.disarm()
        if idle_after_ms is not None:
            self._create(max(1, idle_after_ms), POSITIVE_COMPARISON)
        if on_input:
            self._create(1, NEGATIVE_TRANSITION)  # the counter falls to 0 on any input
        self._armed = wanted
        self._flush()
        return True

    def disarm(self) -> None:
        if self._ext is not None and self._display.ptr is not None and not self._lost:
            for alarm in self._alarms:
                self._ext.XSyncDestroyAlarm(self._display.ptr, alarm)
        self._alarms.clear()
        self._armed = None

    def close(self) -> None:
        self.disarm()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        self._flush()

    # -- internals ---------------------------------------------------------------------------
    def _create(self, value_ms: int, test: int) -> None:
        assert self._ext is not None and self._display.ptr is not None
        attrs = _AlarmAttributes(
            _Trigger(self._counter, ABSOLUTE, XSyncValue.of(value_ms), test),
            XSyncValue.of(0),
            1,
            0,
        )
        alarm = self._ext.XSyncCreateAlarm(self._display.ptr, _MASK, ctypes.byref(attrs))
        if alarm:
            self._alarms.append(int(alarm))

    def _flush(self) -> None:
        if self._display.lib is not None and self._display.ptr is not None and not self._lost:
            self._display.lib.XFlush(self._display.ptr)
            self.check_queue()

    def check_queue(self) -> None:
        """Events Xlib already read (while waiting for any reply on this connection) never
        make the fd readable: call after every request, ours or another's."""
        lib, ptr = self._display.lib, self._display.ptr
        if lib is not None and ptr is not None and lib.XEventsQueued(ptr, QUEUED_ALREADY):
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        lib, ptr = self._display.lib, self._display.ptr
        if lib is None or ptr is None:
            return
        if self._notifier is not None and _hung_up(self._notifier.socket()):
            # Xlib would call exit() on reading a closed connection: stop listening instead.
            log.warning("the X server closed the connection: idle alarms off")
            self._notifier.setEnabled(False)
            self._notifier = None
            self._lost = True
            self._alarms.clear()
            return
        ours = False
        event = _XEvent()
        while lib.XPending(ptr):
            lib.XNextEvent(ptr, ctypes.byref(event))
            notify = ctypes.cast(ctypes.byref(event), _P(_AlarmNotify)).contents
            if notify.type == self._event_type and int(notify.alarm) in self._alarms:
                ours = True
        if ours:
            self.disarm()
            self._flush()
            self.fired.emit()
