"""Lock and suspend from the desktop: Qt signals ``locked(bool)`` and ``sleeping(bool)``.

- Suspend: logind ``org.freedesktop.login1.Manager.PrepareForSleep(bool)`` on the system bus.
- Lock: logind session ``LockedHint`` (PropertiesChanged on the system bus), and the
  ``ActiveChanged(bool)`` signal of ``org.freedesktop.ScreenSaver`` and ``org.gnome.ScreenSaver``
  on the session bus.
A missing bus or service is normal (a bare X session, a container): the monitor then stays
quiet and the sitting tracker's gap detection still notices suspends.

A bus whose daemon hangs is not: Qt's first use of a bus blocks until the daemon answers, which
may be never. ``bus_hangs`` asks the daemon's socket for the authentication handshake with a
deadline, so a hung bus is skipped (and said in the log) instead of hanging AcuMat.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Mapping
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


BUS_PROBE_TIMEOUT_S = 2.0
SYSTEM_BUS_DEFAULT = "unix:path=/var/run/dbus/system_bus_socket"


def session_bus_address(env: Mapping[str, str] | None = None) -> str | None:
    return (os.environ if env is None else env).get("DBUS_SESSION_BUS_ADDRESS") or None


def system_bus_address(env: Mapping[str, str] | None = None) -> str:
    return (os.environ if env is None else env).get("DBUS_SYSTEM_BUS_ADDRESS") or SYSTEM_BUS_DEFAULT


def _unix_socket_path(address: str) -> str | None:
    """The socket of the first ``unix:path=`` or ``unix:abstract=`` entry of a D-Bus address."""
    for entry in address.split(";"):
        transport, _, params = entry.partition(":")
        if transport != "unix":
            continue
        keys = dict(part.partition("=")[::2] for part in params.split(",") if "=" in part)
        if keys.get("path"):
            return keys["path"]
        if keys.get("abstract"):
            return "\0" + keys["abstract"]
    return None


def bus_hangs(address: str | None, timeout_s: float = BUS_PROBE_TIMEOUT_S) -> bool:
    """True when a D-Bus daemon listens at ``address`` but does not answer the authentication
    handshake within ``timeout_s`` (Qt would block on it). A missing bus is not hanging (Qt
    fails at once); neither is an address this cannot read (Qt is left to try)."""
    path = _unix_socket_path(address) if address else None
    if path is None:
        return False
    deadline = time.monotonic() + timeout_s
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout_s)
        try:
            sock.connect(path)
            uid = str(os.getuid() if hasattr(os, "getuid") else 0).encode().hex()
            sock.sendall(b"\0AUTH EXTERNAL " + uid.encode() + b"\r\n")
            reply = b""
            while b"\r\n" not in reply:
                sock.settimeout(max(0.001, deadline - time.monotonic()))
                chunk = sock.recv(256)
                if not chunk:
                    return False  # it closed on us: an answer of sorts, and Qt will not wait
                reply += chunk
        except (TimeoutError, BlockingIOError):
            return True
        except OSError:
            return False  # no daemon there
    return False


def _slot(signature: str) -> Any:
    # The stubs say bytes, but QDBusConnection.connect accepts only the str SLOT() returns.
    return SLOT(signature)


def _open_bus(
    kind: str, address: str | None, opener: Any, what: str = "lock and suspend signals"
) -> QDBusConnection | None:
    timeout_s = BUS_PROBE_TIMEOUT_S
    if bus_hangs(address, timeout_s):
        log.warning(
            "the D-Bus %s bus (%s) does not answer within %g s; %s from it are off until "
            "AcuMat restarts",
            kind,
            address,
            timeout_s,
            what,
        )
        return None
    bus: QDBusConnection = opener()
    return bus


def open_session_bus(what: str) -> QDBusConnection | None:
    """The session bus, or None (logged, naming ``what`` is lost) if its daemon hangs."""
    return _open_bus("session", session_bus_address(), QDBusConnection.sessionBus, what)


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
        # The default buses are opened in start(), and only if their daemons answer.
        self._session: QDBusConnection | None = session_bus
        self._system: QDBusConnection | None = system_bus
        self._pid = os.getpid() if pid is None else pid
        self.is_locked = False
        self.is_sleeping = False
        self.watching: list[str] = []
        self._session_path: str | None = None

    def start(self) -> list[str]:
        """Subscribe to whatever exists; returns what is watched (for logs and settings)."""
        if self._system is None:
            self._system = _open_bus("system", system_bus_address(), QDBusConnection.systemBus)
        if self._session is None:
            self._session = _open_bus("session", session_bus_address(), QDBusConnection.sessionBus)
        if self._system is not None and self._system.isConnected():
            if self._system.connect(
                LOGIN1,
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                _slot("_on_prepare_for_sleep(QDBusMessage)"),
            ):
                self.watching.append("logind-sleep")
            self._session_path = self._login1_session_path()
            if self._session_path and self._system.connect(
                LOGIN1,
                self._session_path,
                "org.freedesktop.DBus.Properties",
                "PropertiesChanged",
                self,
                _slot("_on_properties_changed(QDBusMessage)"),
            ):
                self.watching.append("logind-lock")
        if self._session is not None and self._session.isConnected():
            for service, path, interface in SCREENSAVERS:
                if self._session.connect(
                    service,
                    path,
                    interface,
                    "ActiveChanged",
                    self,
                    _slot("_on_active_changed(QDBusMessage)"),
                ):
                    self.watching.append(interface)
        if not self.watching:
            log.info("no lock or suspend signals available")
        return self.watching

    def _login1_session_path(self) -> str | None:
        if self._system is None:
            return None
        out = call(
            self._system,
            LOGIN1,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "GetSessionByPID",
            self._pid,
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
        if self._system is None:
            return
        value = get_property(
            self._system,
            LOGIN1,
            self._session_path,
            "org.freedesktop.login1.Session",
            "LockedHint",
        )
        if isinstance(value, bool):
            self.set_locked(value)
