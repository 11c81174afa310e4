"""Is the user presenting (fullscreen, a meeting, do-not-disturb)? Then a reminder waits.

One small check per signal, behind one interface; the detector asks them in order and says
which one answered yes:
- X11: ``_NET_WM_STATE_FULLSCREEN`` on the ``_NET_ACTIVE_WINDOW`` (Xlib through ctypes, the
  display opened once; no subprocess per poll).
- GNOME: ``org.gnome.SessionManager.InhibitedActions & 8`` (idle inhibited: a video call, a
  presentation).
- ``org.freedesktop.Notifications.Inhibited`` (do not disturb).
- Windows: ``SHQueryUserNotificationState`` (busy, fullscreen Direct3D, presentation mode,
  quiet time), the API injectable so its mapping is tested anywhere.

While a reminder waits for a presentation to end, the detector can ``watch`` instead of being
polled: X11 ``PropertyNotify`` events for ``_NET_ACTIVE_WINDOW`` on the root window and
``_NET_WM_STATE`` on the active window, and D-Bus ``PropertiesChanged`` (and GNOME's
``InhibitorAdded``/``InhibitorRemoved``) signals. Only the Windows state has no event: a
detector with that check says it cannot watch, and its caller polls.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from acumat_desktop.services.idle._dbus import SignalWatch
    from acumat_desktop.services.idle._xprops import XPropertyWatch

log = logging.getLogger(__name__)

ANY_PROPERTY_TYPE = 0
INHIBIT_IDLE = 8
_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module
PROPERTIES = "org.freedesktop.DBus.Properties"
OnChange = Callable[[], None]


class PresentingCheck(Protocol):
    name: str

    def is_presenting(self) -> bool | None:
        """True/False, or None when this check cannot tell (service absent)."""
        ...

    def close(self) -> None: ...


class WatchableCheck(PresentingCheck, Protocol):
    def watch(self, on_change: OnChange) -> bool:
        """Call ``on_change`` whenever the answer may have changed, until ``unwatch``; False
        when this check cannot tell by events."""
        ...

    def unwatch(self) -> None: ...


class X11FullscreenCheck:
    name = "x11-fullscreen"

    def __init__(self, display: str | None = None) -> None:
        from acumat_desktop.services.idle._xlib import XDisplay

        self._display = XDisplay(display)
        self._watch: XPropertyWatch | None = None
        self._on_change: OnChange | None = None
        self._last: bool | None = None

    def is_presenting(self) -> bool | None:
        if not self._display.is_open:
            return None
        active = self._active_window()
        if active == 0:
            answer = False
        else:
            d = self._display
            states = d.cardinals(active, "_NET_WM_STATE", ANY_PROPERTY_TYPE)
            answer = d.atom("_NET_WM_STATE_FULLSCREEN") in states
        self._last = answer
        if self._watch is not None:
            self._watch.check_queue()  # the replies may have brought events along
        return answer

    def _active_window(self) -> int:
        d = self._display
        active = d.cardinals(d.root(), "_NET_ACTIVE_WINDOW", ANY_PROPERTY_TYPE, limit=1)
        return active[0] if active else 0

    def watch(self, on_change: OnChange) -> bool:
        if not self._display.is_open:
            return True  # no X server: nothing here can change
        if self._watch is None:
            from acumat_desktop.services.idle._xprops import XPropertyWatch

            self._watch = XPropertyWatch(self._display, ["_NET_ACTIVE_WINDOW"], ["_NET_WM_STATE"])
            self._watch.changed.connect(self._changed)
        self._on_change = on_change
        if not self._watch.active and not self._watch.start():
            return False
        self._watch.follow(self._active_window())
        last = self._last
        if last is not None and self.is_presenting() != last:  # changed before we listened
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self._changed)
        return True

    def _changed(self) -> None:
        if self._watch is None or self._on_change is None:
            return
        self._watch.follow(self._active_window())  # the active window may be another now
        self._on_change()

    def unwatch(self) -> None:
        self._on_change = None
        if self._watch is not None:
            self._watch.stop()

    def close(self) -> None:
        self.unwatch()
        if self._watch is not None:
            self._watch.deleteLater()
            self._watch = None
        self._display.close()


class LazySessionBus:
    """The session bus, opened at the first question rather than at start-up, and only if its
    daemon answers: Qt blocks for good on a hung one."""

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus
        self._tried = bus is not None

    def get(self) -> QDBusConnection | None:
        if not self._tried:
            self._tried = True
            from acumat_desktop.services.session_lock import open_session_bus

            self._bus = open_session_bus("presentation and do-not-disturb checks")
        return self._bus


class _PropertySignals:
    """A check's D-Bus change signals: ``PropertiesChanged`` for ``interface`` on
    ``service``'s ``path``, and any of ``members`` of that interface."""

    def __init__(
        self, bus: LazySessionBus, where: tuple[str, str, str], members: tuple[str, ...] = ()
    ) -> None:
        self._bus = bus
        self._where = where
        self._members = members
        self._signals: SignalWatch | None = None
        self._on_change: OnChange | None = None

    def watch(self, on_change: OnChange) -> bool:
        from acumat_desktop.services.idle._dbus import SignalWatch

        bus = self._bus.get()
        if bus is None:
            return True  # no session bus: this check has no answer, now or later
        self._on_change = on_change
        if self._signals is not None:
            return True
        service, path, interface = self._where
        signals = SignalWatch(bus, self._received)
        subscribed = signals.add(service, path, PROPERTIES, "PropertiesChanged")
        for member in self._members:
            subscribed = signals.add(service, path, interface, member) and subscribed
        if not subscribed:
            signals.close()
            return False
        self._signals = signals
        return True

    def _received(self, message: QDBusMessage) -> None:
        if self._on_change is None:
            return
        if message.member() == "PropertiesChanged":
            # PySide6 cannot unpack the a{sv} of changed values: any property of the
            # interface that changed is a cue to ask again.
            args: list[Any] = message.arguments()
            if not args or args[0] != self._where[2]:
                return
        self._on_change()

    def unwatch(self) -> None:
        self._on_change = None
        if self._signals is not None:
            self._signals.close()  # the bus stops sending them
            self._signals = None


class GnomeInhibitCheck:
    name = "gnome-inhibit"

    def __init__(self, bus: QDBusConnection | LazySessionBus | None = None) -> None:
        self._bus = bus if isinstance(bus, LazySessionBus) else LazySessionBus(bus)
        where = (
            "org.gnome.SessionManager",
            "/org/gnome/SessionManager",
            "org.gnome.SessionManager",
        )
        self._signals = _PropertySignals(self._bus, where, ("InhibitorAdded", "InhibitorRemoved"))

    def watch(self, on_change: OnChange) -> bool:
        return self._signals.watch(on_change)

    def unwatch(self) -> None:
        self._signals.unwatch()

    def is_presenting(self) -> bool | None:
        from acumat_desktop.services.idle._dbus import get_property

        bus = self._bus.get()
        if bus is None:
            return None
        value = get_property(
            bus,
            "org.gnome.SessionManager",
            "/org/gnome/SessionManager",
            "org.gnome.SessionManager",
            "InhibitedActions",
        )
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return bool(value & INHIBIT_IDLE)

    def close(self) -> None:
        self.unwatch()


class NotificationsInhibitedCheck:
    name = "notifications-inhibited"

    def __init__(self, bus: QDBusConnection | LazySessionBus | None = None) -> None:
        self._bus = bus if isinstance(bus, LazySessionBus) else LazySessionBus(bus)
        where = (
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
        )
        self._signals = _PropertySignals(self._bus, where)

    def watch(self, on_change: OnChange) -> bool:
        return self._signals.watch(on_change)

    def unwatch(self) -> None:
        self._signals.unwatch()

    def is_presenting(self) -> bool | None:
        from acumat_desktop.services.idle._dbus import get_property

        bus = self._bus.get()
        if bus is None:
            return None
        value = get_property(
            bus,
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications",
            "Inhibited",
        )
        return value if isinstance(value, bool) else None

    def close(self) -> None:
        self.unwatch()


# QUERY_USER_NOTIFICATION_STATE: 1 not present (locked, screen saver, user switch), 2 busy
# (fullscreen app), 3 Direct3D fullscreen, 4 presentation mode, 5 accepts notifications,
# 6 quiet time (first hour after setup), 7 a fullscreen Store app.
QUNS_HOLD = frozenset({1, 2, 3, 4, 6, 7})


def windows_state_holds(state: int) -> bool:
    return state in QUNS_HOLD


def _sh_query() -> Callable[[], int | None] | None:
    if _PLATFORM != "win32":
        return None
    shell32 = getattr(ctypes, "WinDLL")("shell32")  # noqa: B009  (absent off Windows)

    def query() -> int | None:
        state = ctypes.c_int()
        if shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:  # HRESULT S_OK
            return None
        return int(state.value)

    return query


class WindowsNotificationStateCheck:
    name = "windows-notification-state"

    def __init__(self, query: Callable[[], int | None] | None = None) -> None:
        self._query = query if query is not None else _sh_query()

    def is_presenting(self) -> bool | None:
        state = self._query() if self._query is not None else None
        return None if state is None else windows_state_holds(state)

    def close(self) -> None:
        self._query = None


class PresentingDetector:
    """Asks each check in order; ``reason`` names the first one that said yes."""

    def __init__(self, checks: Sequence[PresentingCheck]) -> None:
        self.checks = list(checks)
        self.reason: str | None = None

    def is_presenting(self) -> bool:
        self.reason = None
        for check in self.checks:
            try:
                answer = check.is_presenting()
            except Exception:  # one broken check must not hide the others
                log.exception("presenting check %s failed", check.name)
                continue
            if answer:
                self.reason = check.name
                return True
        return False

    def watch(self, on_change: OnChange) -> bool:
        """Call ``on_change`` when an answer may have changed, until ``unwatch``. True when
        every check tells by events; False when one can only be asked (then poll; those that
        can still tell)."""
        by_events = True
        for check in self.checks:
            watch = getattr(check, "watch", None)
            if watch is None:
                by_events = False
                continue
            try:
                by_events = bool(watch(on_change)) and by_events
            except Exception:  # one broken check must not hide the others
                log.exception("presenting check %s cannot watch", check.name)
                by_events = False
        return by_events

    def unwatch(self) -> None:
        for check in self.checks:
            unwatch = getattr(check, "unwatch", None)
            if unwatch is not None:
                unwatch()

    def close(self) -> None:
        for check in self.checks:
            check.close()


def create_presenting_detector(
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    session_bus: QDBusConnection | None = None,
    display: str | None = None,
) -> PresentingDetector:
    env = os.environ if env is None else env
    checks: list[PresentingCheck] = []
    if platform == "win32":
        checks.append(WindowsNotificationStateCheck())
    elif platform != "darwin":
        if display or env.get("DISPLAY"):
            checks.append(X11FullscreenCheck(display))
        bus = LazySessionBus(session_bus)  # one probe and one bus for both checks
        checks.append(GnomeInhibitCheck(bus))
        checks.append(NotificationsInhibitedCheck(bus))
    return PresentingDetector(checks)
