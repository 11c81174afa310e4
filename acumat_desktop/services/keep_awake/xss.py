"""X11 without any D-Bus inhibitor: ``XScreenSaverSuspend(display, True/False)`` from libXss.

The suspension belongs to our X connection: it lasts while the connection is open (the X server
drops it if the app dies), so each hold opens its own display and a release closes it.
Suspending also stops DPMS blanking; it does not stop the computer suspending (logind does).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from functools import cache

from acumat_desktop.services.idle._xlib import XDisplay

log = logging.getLogger(__name__)


@cache
def libxss() -> ctypes.CDLL | None:
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("Xss") or "libXss.so.1")
    except OSError:
        return None
    lib.XScreenSaverQueryVersion.restype = ctypes.c_int
    lib.XScreenSaverQueryVersion.argtypes = [
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
    ]
    lib.XScreenSaverSuspend.restype = None
    lib.XScreenSaverSuspend.argtypes = [ctypes.c_void_p, ctypes.c_int]
    return lib


def _supports_suspend(lib: ctypes.CDLL, display: XDisplay) -> bool:
    """XScreenSaverSuspend needs MIT-SCREEN-SAVER 1.1 or later."""
    major, minor = ctypes.c_int(), ctypes.c_int()
    if not lib.XScreenSaverQueryVersion(display.ptr, ctypes.byref(major), ctypes.byref(minor)):
        return False
    return (major.value, minor.value) >= (1, 1)


def _flush(display: XDisplay) -> None:
    if display.lib is not None and display.ptr is not None:
        display.lib.XFlush.argtypes = [ctypes.c_void_p]
        display.lib.XFlush(display.ptr)


class XssKeepAwake:
    """``display`` like ``:1``; None uses $DISPLAY."""

    method = "xss"

    def __init__(self, display: str | None = None) -> None:
        self._display_name = display
        self._display: XDisplay | None = None

    @property
    def held(self) -> bool:
        return self._display is not None

    def available(self) -> bool:
        lib = libxss()
        if lib is None:
            return False
        display = XDisplay(self._display_name)
        try:
            return display.is_open and _supports_suspend(lib, display)
        finally:
            display.close()

    def hold(self, reason: str) -> bool:
        if self._display is not None:
            return True
        lib = libxss()
        if lib is None:
            return False
        display = XDisplay(self._display_name)
        if not display.is_open or not _supports_suspend(lib, display):
            display.close()
            log.info("the X server cannot suspend its screen saver")
            return False
        lib.XScreenSaverSuspend(display.ptr, 1)
        _flush(display)
        self._display = display
        return True

    def release(self) -> None:
        display, self._display = self._display, None
        lib = libxss()
        if display is None:
            return
        if lib is not None and display.ptr is not None:
            lib.XScreenSaverSuspend(display.ptr, 0)
            _flush(display)
        display.close()
