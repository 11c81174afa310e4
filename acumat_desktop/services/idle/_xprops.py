"""X11 property changes without polling: ``PropertyNotify`` events for a few properties of the
root window and of one other window (the active one), on the display's own connection.

The server sends the events only for windows we selected ``PropertyChangeMask`` on; a
``QSocketNotifier`` on the connection's file descriptor wakes us only then, as for the idle
alarms (:mod:`._xsync`). Other root properties that change (a window list, a workarea) wake us
too, so the caller selects only while it needs to know (a reminder deferred by a presentation).
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Iterable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from acumat_desktop.services.idle._xlib import XDisplay
from acumat_desktop.services.idle._xsync import QUEUED_ALREADY, _bind_xlib_events, _hung_up, _XEvent

log = logging.getLogger(__name__)

PROPERTY_NOTIFY = 28
PROPERTY_CHANGE_MASK = 1 << 22
NO_EVENT_MASK = 0


class _PropertyEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("atom", ctypes.c_ulong),
        ("time", ctypes.c_ulong),
        ("state", ctypes.c_int),
    ]


class XPropertyWatch(QObject):
    """``changed`` once per batch of events in which a watched property changed: one of
    ``root_props`` on the root window, or one of ``window_props`` on the window ``follow``
    named."""

    changed = Signal()

    def __init__(
        self,
        display: XDisplay,
        root_props: Iterable[str],
        window_props: Iterable[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._display = display
        self._root = display.root() if display.is_open else 0
        self._root_atoms = {display.atom(p) for p in root_props} if display.is_open else set()
        self._window_atoms = {display.atom(p) for p in window_props} if display.is_open else set()
        self._window = 0
        self._notifier: QSocketNotifier | None = None
        lib = display.lib
        if lib is not None and display.ptr is not None:
            _bind_xlib_events(lib)
            lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
            fd = lib.XConnectionNumber(display.ptr)
            self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
            self._notifier.setEnabled(False)
            self._notifier.activated.connect(self._drain)

    @property
    def active(self) -> bool:
        """Listening: the root window is selected and the connection is alive."""
        return self._notifier is not None and self._notifier.isEnabled()

    def start(self) -> bool:
        if self._notifier is None:
            return False
        self._select(self._root, PROPERTY_CHANGE_MASK)
        self._notifier.setEnabled(True)
        self._flush()
        return True

    def follow(self, window: int) -> None:
        """Watch ``window``'s properties instead of the last one's (0: none)."""
        if window == self._window or not self.active:
            return
        if self._window and self._window != self._root:
            self._select(self._window, NO_EVENT_MASK)
        self._window = window
        if window and window != self._root:
            self._select(window, PROPERTY_CHANGE_MASK)
        self._flush()

    def stop(self) -> None:
        if not self.active:
            return
        self.follow(0)
        self._select(self._root, NO_EVENT_MASK)
        assert self._notifier is not None
        self._notifier.setEnabled(False)
        self._flush()

    def check_queue(self) -> None:
        """Events Xlib read while waiting for a reply never make the fd readable: call after
        every request on this connection."""
        lib, ptr = self._display.lib, self._display.ptr
        queued = self.active and lib is not None and ptr is not None
        if queued and lib is not None and lib.XEventsQueued(ptr, QUEUED_ALREADY):
            QTimer.singleShot(0, self._drain)

    # -- internals ---------------------------------------------------------------------------
    def _select(self, window: int, mask: int) -> None:
        lib, ptr = self._display.lib, self._display.ptr
        if lib is not None and ptr is not None:
            lib.XSelectInput(ptr, window, mask)  # a window gone meanwhile: BadWindow, ignored

    def _flush(self) -> None:
        lib, ptr = self._display.lib, self._display.ptr
        if lib is not None and ptr is not None:
            lib.XFlush(ptr)
            self.check_queue()

    def _drain(self) -> None:
        lib, ptr = self._display.lib, self._display.ptr
        if lib is None or ptr is None or self._notifier is None:
            return
        if _hung_up(self._notifier.socket()):
            # Xlib would call exit() on reading a closed connection: stop listening instead.
            log.warning("the X server closed the connection: property changes unwatched")
            self._notifier.setEnabled(False)
            self._notifier = None
            return
        hit = False
        event = _XEvent()
        while lib.XPending(ptr):
            lib.XNextEvent(ptr, ctypes.byref(event))
            notify = ctypes.cast(ctypes.byref(event), ctypes.POINTER(_PropertyEvent)).contents
            hit = hit or self._wanted(notify)
        if hit and self.active:
            self.changed.emit()

    def _wanted(self, event: _PropertyEvent) -> bool:
        if event.type != PROPERTY_NOTIFY:
            return False
        if event.window == self._root:
            return int(event.atom) in self._root_atoms
        return event.window == self._window and int(event.atom) in self._window_atoms
