"""X11 idle time from the MIT-SCREEN-SAVER extension (libXss) through ctypes, as Workrave does,
and idle watches without polling from the SYNC extension's IDLETIME alarms (``_xsync.py``).

Under XWayland it only sees X clients, so the factory prefers other sources on Wayland.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from acumat_desktop.services.idle._xlib import XDisplay

if TYPE_CHECKING:
    from acumat_desktop.services.idle._xsync import IdleAlarms

log = logging.getLogger(__name__)


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


def _libxss() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("Xss") or "libXss.so.1")
    except OSError:
        return None
    lib.XScreenSaverQueryExtension.restype = ctypes.c_int
    lib.XScreenSaverQueryExtension.argtypes = [
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
    ]
    lib.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
    lib.XScreenSaverQueryInfo.restype = ctypes.c_int
    lib.XScreenSaverQueryInfo.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(_XScreenSaverInfo),
    ]
    return lib


class X11IdleSource:
    """``display`` like ``:1``; None uses $DISPLAY. The display is opened once."""

    name = "x11"

    def __init__(self, display: str | None = None) -> None:
        self._display = XDisplay(display)
        self._xss = _libxss() if self._display.is_open else None
        self._info: ctypes._Pointer[_XScreenSaverInfo] | None = None
        self._root = 0
        self._alarms: IdleAlarms | None = None
        self._alarms_tried = False
        self._callback: Callable[[], None] | None = None
        if self._xss is not None and self._display.ptr is not None:
            event, error = ctypes.c_int(), ctypes.c_int()
            if self._xss.XScreenSaverQueryExtension(
                self._display.ptr, ctypes.byref(event), ctypes.byref(error)
            ):
                self._info = self._xss.XScreenSaverAllocInfo()
                self._root = self._display.root()
            else:
                log.info("X server has no MIT-SCREEN-SAVER extension")

    def available(self) -> bool:
        return self._info is not None and self._display.is_open

    def idle_seconds(self) -> float | None:
        if self._xss is None or self._info is None or self._display.ptr is None:
            return None
        ok = self._xss.XScreenSaverQueryInfo(self._display.ptr, self._root, self._info)
        if self._alarms is not None:  # an alarm read while waiting for this reply
            self._alarms.check_queue()
        if not ok:
            return None
        return float(self._info.contents.idle) / 1000.0

    def watch(
        self, idle_after_s: float | None, on_input: bool, callback: Callable[[], None]
    ) -> bool:
        """Arm IDLETIME alarms (see :class:`~acumat_desktop.services.idle.base.IdleWatcher`).
        The alarms are made on first use, when the Qt event loop exists."""
        alarms = self._idle_alarms()
        if alarms is None:
            return False
        self._callback = callback
        threshold = None if idle_after_s is None else max(1, math.ceil(idle_after_s * 1000))
        return alarms.arm(threshold, on_input)

    def unwatch(self) -> None:
        self._callback = None
        if self._alarms is not None:
            self._alarms.disarm()

    def _idle_alarms(self) -> IdleAlarms | None:
        if not self._alarms_tried and self.available():
            self._alarms_tried = True
            from acumat_desktop.services.idle._xsync import IdleAlarms

            alarms = IdleAlarms(self._display)
            if alarms.available:
                alarms.fired.connect(self._fired)
                self._alarms = alarms
            else:
                log.info("X server has no SYNC IDLETIME counter: idle is polled")
        return self._alarms

    def _fired(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()

    def close(self) -> None:
        if self._alarms is not None:
            self._alarms.close()
            self._alarms = None
        if self._info is not None and self._display.lib is not None:
            self._display.lib.XFree(self._info)
        self._info = None
        self._display.close()
