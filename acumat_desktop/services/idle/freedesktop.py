"""KDE and others on X11: ``org.freedesktop.ScreenSaver.GetSessionIdleTime`` over QtDBus.

KDE on Wayland answers NotSupported: then :meth:`available` is False and the factory moves on.
"""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection

from acumat_desktop.services.idle._dbus import as_ms, call

SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
INTERFACE = "org.freedesktop.ScreenSaver"


class FreedesktopIdleSource:
    name = "freedesktop"

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._path = PATHS[0]

    def available(self) -> bool:
        for path in PATHS:
            self._path = path
            if self.idle_seconds() is not None:
                return True
        self._path = PATHS[0]
        return False

    def idle_seconds(self) -> float | None:
        ms = as_ms(call(self._bus, SERVICE, self._path, INTERFACE, "GetSessionIdleTime"))
        return None if ms is None else ms / 1000.0

    def close(self) -> None:
        pass
