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
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)

ANY_PROPERTY_TYPE = 0
INHIBIT_IDLE = 8
_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module


class PresentingCheck(Protocol):
    name: str

    def is_presenting(self) -> bool | None:
        """True/False, or None when this check cannot tell (service absent)."""
        ...

    def close(self) -> None: ...


class X11FullscreenCheck:
    name = "x11-fullscreen"

    def __init__(self, display: str | None = None) -> None:
        from acumat_desktop.services.idle._xlib import XDisplay

        self._display = XDisplay(display)

    def is_presenting(self) -> bool | None:
        if not self._display.is_open:
            return None
        d = self._display
        active = d.cardinals(d.root(), "_NET_ACTIVE_WINDOW", ANY_PROPERTY_TYPE, limit=1)
        if not active or active[0] == 0:
            return False
        states = d.cardinals(active[0], "_NET_WM_STATE", ANY_PROPERTY_TYPE)
        return d.atom("_NET_WM_STATE_FULLSCREEN") in states

    def close(self) -> None:
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


class GnomeInhibitCheck:
    name = "gnome-inhibit"

    def __init__(self, bus: QDBusConnection | LazySessionBus | None = None) -> None:
        self._bus = bus if isinstance(bus, LazySessionBus) else LazySessionBus(bus)

    def is_presenting(self) -> bool | None:
        from acumat_desktop.services.idle._dbus import get_property

        bus = self._bus.get()
        if bus is None:
            return None
        value = get_property(
            bus, "org.gnome.SessionManager", "/org/gnome/SessionManager",
            "org.gnome.SessionManager", "InhibitedActions",
        )
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return bool(value & INHIBIT_IDLE)

    def close(self) -> None:
        pass


class NotificationsInhibitedCheck:
    name = "notifications-inhibited"

    def __init__(self, bus: QDBusConnection | LazySessionBus | None = None) -> None:
        self._bus = bus if isinstance(bus, LazySessionBus) else LazySessionBus(bus)

    def is_presenting(self) -> bool | None:
        from acumat_desktop.services.idle._dbus import get_property

        bus = self._bus.get()
        if bus is None:
            return None
        value = get_property(
            bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
            "org.freedesktop.Notifications", "Inhibited",
        )
        return value if isinstance(value, bool) else None

    def close(self) -> None:
        pass


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
