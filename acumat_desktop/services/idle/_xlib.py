"""The few Xlib calls we need, through ctypes: open a display once, read window properties.

Shared by the X11 idle source and the presenting detector. No subprocess per poll.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from functools import cache

log = logging.getLogger(__name__)

XA_WINDOW = 33
XA_ATOM = 4
_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


@_ErrorHandler
def _ignore_x_error(_display: int | None, _event: int | None) -> int:
    # Xlib's default handler exits the process on e.g. BadWindow for a window that just closed.
    log.debug("X error ignored")
    return 0


@cache
def libx11() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11") or "libX11.so.6"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetWindowProperty.restype = ctypes.c_int
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_void_p),
    ]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    lib.XSetErrorHandler.argtypes = [_ErrorHandler]
    lib.XSetErrorHandler(_ignore_x_error)
    return lib


class XDisplay:
    """One Xlib connection, opened once and kept. ``name`` like ``:1``; None uses $DISPLAY."""

    def __init__(self, name: str | None = None) -> None:
        self.lib = libx11()
        self.ptr: int | None = None
        if self.lib is not None:
            self.ptr = self.lib.XOpenDisplay(name.encode() if name else None) or None
        if self.ptr is None:
            log.debug("cannot open X display %r", name)

    @property
    def is_open(self) -> bool:
        return self.ptr is not None

    def _live(self) -> tuple[ctypes.CDLL, int]:
        if self.lib is None or self.ptr is None:
            raise RuntimeError("X display is not open")
        return self.lib, self.ptr

    def root(self) -> int:
        lib, ptr = self._live()
        return int(lib.XDefaultRootWindow(ptr))

    def atom(self, name: str) -> int:
        lib, ptr = self._live()
        return int(lib.XInternAtom(ptr, name.encode(), 0))

    def cardinals(self, window: int, prop: str, prop_type: int, limit: int = 64) -> list[int]:
        """A format-32 property as integers (Xlib returns them as C longs)."""
        lib, ptr = self._live()
        actual_type = ctypes.c_ulong()
        actual_format = ctypes.c_int()
        nitems = ctypes.c_ulong()
        after = ctypes.c_ulong()
        data = ctypes.c_void_p()
        status = lib.XGetWindowProperty(
            ptr,
            window,
            self.atom(prop),
            0,
            limit,
            0,
            prop_type,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(nitems),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data.value:
            return []
        try:
            if actual_format.value != 32:
                return []
            array = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [int(array[i]) for i in range(nitems.value)]
        finally:
            lib.XFree(data)

    def close(self) -> None:
        if self.lib is not None and self.ptr is not None:
            self.lib.XCloseDisplay(self.ptr)
        self.ptr = None
