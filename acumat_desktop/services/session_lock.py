"""Lock and suspend from the desktop: Qt signals ``locked(bool)`` and ``sleeping(bool)``.

- Suspend: logind ``org.freedesktop.login1.Manager.PrepareForSleep(bool)`` on the system bus.
- Lock: logind session ``LockedHint`` (PropertiesChanged on the system bus), and the
  ``ActiveChanged(bool)`` signal of ``org.freedesktop.ScreenSaver`` and ``org.gnome.ScreenSaver``
  on the session bus.
A missing bus or service is normal (a bare X session, a container): the monitor then stays
quiet and the sitting tracker's gap detection still notices suspends.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath

from acumat_desktop.services.idle._dbus import call, get_property, unwrap

log = logging.getLogger(__name__)

LOGIN1 = "org.freedesktop.login1"
SCREENSAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


def _slot(signature: str) -> Any:
    # The stubs say bytes, but QDBusConnection.connect accepts only the str SLOT() returns.
    return SLOT(signature)


class SessionLockMonitor(QObject):
    """Emits ``locked`` and ``sleeping`` only when the state changes."""

    locked = Signal(bool)
    sleeping = Signal(bool)

    def __init__(
        self,
        session_bus: QDBusConnection | None = None,
        system_bus: QDBusConnection | None = None,
        parent: QObject | None = None,
        *,
        pid: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        self._system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        self._pid = os.getpid() if pid is None else pid
        self.is_locked = False
        self.is_sleeping = False
        self.watching: list[str] = []
        self._session_path: str | None = None

    def start(self) -> list[str]:
        """Subscribe to whatever exists; returns what is watched (for logs and settings)."""
        if self._system.isConnected():
            if self._system.connect(
                LOGIN1, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                "PrepareForSleep", self, _slot("_on_prepare_for_sleep(QDBusMessage)"),
            ):
                self.watching.append("logind-sleep")
            self._session_path = self._login1_session_path()
            if self._session_path and self._system.connect(
                LOGIN1, self._session_path, "org.freedesktop.DBus.Properties", "PropertiesChanged",
                self, _slot("_on_properties_changed(QDBusMessage)"),
            ):
                self.watching.append("logind-lock")
        if self._session.isConnected():
            for service, path, interface in SCREENSAVERS:
                if self._session.connect(
                    service, path, interface, "ActiveChanged",
                    self, _slot("_on_active_changed(QDBusMessage)"),
                ):
                    self.watching.append(interface)
        if not self.watching:
            log.info("no lock or suspend signals available")
        return self.watching

    def _login1_session_path(self) -> str | None:
        out = call(
            self._system, LOGIN1, "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
            "GetSessionByPID", self._pid,
        )
        if not out:
            return None
        value = out[0]
        return value.path() if isinstance(value, QDBusObjectPath) else str(value)

    # -- slots -------------------------------------------------------------------------------
    def set_locked(self, value: bool) -> None:
        if value != self.is_locked:
            self.is_locked = value
            log.info("screen %s", "locked" if value else "unlocked")
            self.locked.emit(value)

    def set_sleeping(self, value: bool) -> None:
        if value != self.is_sleeping:
            self.is_sleeping = value
            log.info("system %s", "going to sleep" if value else "resumed")
            self.sleeping.emit(value)

    @Slot(QDBusMessage)
    def _on_active_changed(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args:
            self.set_locked(bool(unwrap(args[0])))

    @Slot(QDBusMessage)
    def _on_prepare_for_sleep(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args:
            self.set_sleeping(bool(unwrap(args[0])))

    @Slot(QDBusMessage)
    def _on_properties_changed(self, message: QDBusMessage) -> None:
        args = message.arguments()
        # PySide6 cannot unpack the a{sv} of changed values, so read LockedHint back.
        if not args or args[0] != "org.freedesktop.login1.Session" or not self._session_path:
            return
        value = get_property(
            self._system, LOGIN1, self._session_path, "org.freedesktop.login1.Session",
            "LockedHint",
        )
        if isinstance(value, bool):
            self.set_locked(value)
