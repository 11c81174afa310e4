"""GNOME (X11 and Wayland): ``org.gnome.Mutter.IdleMonitor`` over QtDBus.

``GetIdletime`` answers the idle time. Watching without polling
(:class:`~acumat_desktop.services.idle.base.IdleWatcher`): the return comes from Mutter's
``AddUserActiveWatch`` and its ``WatchFired`` signal; the natural break from one timer set to
when it would complete, which asks ``GetIdletime`` again then (and sleeps again if there was
input meanwhile). ``AddIdleWatch`` is not used: it takes a ``t`` (uint64) and PySide6 sends a
Python int as ``x``, which Mutter refuses.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SLOT, QObject, Qt, QTimer, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage

from acumat_desktop.services.idle._dbus import as_ms, call, unwrap

log = logging.getLogger(__name__)

SERVICE = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"
INTERFACE = "org.gnome.Mutter.IdleMonitor"


class _Watches(QObject):
    """Receives ``WatchFired`` and runs the one-shot timer for the idle threshold."""

    def __init__(self, source: GnomeIdleSource) -> None:
        super().__init__()
        self._source = source
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.timeout.connect(source._check_idle)

    @Slot(QDBusMessage)
    def on_fired(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args:
            self._source._watch_fired(int(unwrap(args[0])))


def _slot(signature: str) -> Any:
    # The stubs say bytes, but QDBusConnection.connect accepts only the str SLOT() returns.
    return SLOT(signature)


class GnomeIdleSource:
    """``bus`` defaults to the session bus; tests pass a private one."""

    name = "gnome"

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._watches: _Watches | None = None
        self._callback: Callable[[], None] | None = None
        self._active_id: int | None = None
        self._threshold_s: float | None = None

    def available(self) -> bool:
        return self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        ms = as_ms(call(self._bus, SERVICE, PATH, INTERFACE, "GetIdletime"))
        return None if ms is None else ms / 1000.0

    # -- watching ----------------------------------------------------------------------------
    def watch(
        self, idle_after_s: float | None, on_input: bool, callback: Callable[[], None]
    ) -> bool:
        """See :class:`~acumat_desktop.services.idle.base.IdleWatcher`."""
        watches = self._ensure_watches()
        if watches is None:
            return False
        self.unwatch()
        self._callback = callback
        if on_input:
            out = call(self._bus, SERVICE, PATH, INTERFACE, "AddUserActiveWatch")
            if not out or isinstance(out[0], bool) or not isinstance(out[0], int):
                return False
            self._active_id = int(out[0])
        if idle_after_s is not None:
            self._threshold_s = idle_after_s
            self._check_idle()
        return True

    def unwatch(self) -> None:
        self._callback, self._threshold_s = None, None
        if self._watches is not None:
            self._watches.timer.stop()
        if self._active_id is not None:
            call(self._bus, SERVICE, PATH, INTERFACE, "RemoveWatch", self._active_id)
            self._active_id = None

    def _ensure_watches(self) -> _Watches | None:
        if self._watches is None and self._bus.isConnected():
            watches = _Watches(self)
            if self._bus.connect(
                SERVICE, PATH, INTERFACE, "WatchFired", watches, _slot("on_fired(QDBusMessage)")
            ):
                self._watches = watches
            else:
                log.info("cannot subscribe to Mutter's WatchFired: idle is polled")
        return self._watches

    def _check_idle(self) -> None:
        """Fire once idle reached the threshold, else sleep until it could have."""
        if self._threshold_s is None or self._watches is None:
            return
        idle = self.idle_seconds()
        left = self._threshold_s - (idle if idle is not None else self._threshold_s)
        if left <= 0:
            QTimer.singleShot(0, self._fire)
        else:
            self._watches.timer.start(max(1, math.ceil(left * 1000)))

    def _watch_fired(self, watch_id: int) -> None:
        if watch_id == self._active_id:
            self._active_id = None  # Mutter removes a user-active watch once it fired
            self._fire()

    def _fire(self) -> None:
        callback = self._callback
        self.unwatch()
        if callback is not None:
            callback()

    def close(self) -> None:
        self.unwatch()
        if self._watches is not None:
            self._bus.disconnect(
                SERVICE,
                PATH,
                INTERFACE,
                "WatchFired",
                self._watches,
                _slot("on_fired(QDBusMessage)"),
            )
            self._watches.deleteLater()
            self._watches = None
