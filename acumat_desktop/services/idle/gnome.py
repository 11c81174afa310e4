"""GNOME (X11 and Wayland): ``org.gnome.Mutter.IdleMonitor.GetIdletime`` over QtDBus."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection

from acumat_desktop.services.idle._dbus import as_ms, call

SERVICE = "org.gnome.Mutter.IdleMonitor"
PATH = "/org/gnome/Mutter/IdleMonitor/Core"
INTERFACE = "org.gnome.Mutter.IdleMonitor"


class GnomeIdleSource:
    """``bus`` defaults to the session bus; tests pass a private one."""

    name = "gnome"

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()

    def available(self) -> bool:
        return self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        ms = as_ms(call(self._bus, SERVICE, PATH, INTERFACE, "GetIdletime"))
        return None if ms is None else ms / 1000.0

    def close(self) -> None:
        pass
