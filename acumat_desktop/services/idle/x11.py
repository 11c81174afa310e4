"""X11 idle time from the MIT-SCREEN-SAVER extension (libXss) through ctypes, as Workrave does.

Under XWayland it only sees X clients, so the factory prefers other sources on Wayland.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

from acumat_desktop.services.idle._xlib import XDisplay

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
        ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int),
    ]
    lib.XScreenSaverAllocInfo.restype = ctypes.POINTER(_XScreenSaverInfo)
    lib.XScreenSaverQueryInfo.restype = ctypes.c_int
    lib.XScreenSaverQueryInfo.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(_XScreenSaverInfo),
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
        if not self._xss.XScreenSaverQueryInfo(self._display.ptr, self._root, self._info):
            return None
        return float(self._info.contents.idle) / 1000.0

    def close(self) -> None:
        if self._info is not None and self._display.lib is not None:
            self._display.lib.XFree(self._info)
        self._info = None
        self._display.close()
