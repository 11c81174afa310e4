"""The desktop portal: ``org.freedesktop.portal.Inhibit`` (GNOME, KDE, Flatpak and others).

``Inhibit(window s, flags u, options a{sv})`` returns a Request object path; closing that
Request (``org.freedesktop.portal.Request.Close``) ends the inhibition.
"""

from __future__ import annotations

import logging

from PySide6.QtDBus import QDBusConnection, QDBusObjectPath

from acumat_desktop.services.keep_awake._dbus import provides, send, typed_call
from acumat_desktop.services.keep_awake.base import TIMEOUT_MS

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.Inhibit"
REQUEST = "org.freedesktop.portal.Request"
SUSPEND = 4
IDLE = 8


class PortalKeepAwake:
    """``bus`` defaults to the session bus; tests pass a private one. ``window`` is the
    portal's parent-window identifier ("" for none)."""

    method = "portal"

    def __init__(
        self, bus: QDBusConnection | None = None, timeout_ms: int = TIMEOUT_MS, window: str = ""
    ) -> None:
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._timeout_ms = timeout_ms
        self._window = window
        self._handle: str | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def available(self) -> bool:
        return provides(self._bus, SERVICE, PATH, INTERFACE, "Inhibit", self._timeout_ms)

    def hold(self, reason: str) -> bool:
        if self._handle is not None:
            return True
        ok, handle = typed_call(
            self._bus,
            (SERVICE, PATH, INTERFACE),
            "Inhibit",
            [
                ("QString", self._window),
                ("uint", IDLE | SUSPEND),
                ("QVariantMap", {"reason": reason}),
            ],
            result="QDBusObjectPath",
            timeout_ms=self._timeout_ms,
        )
        if not ok or not isinstance(handle, QDBusObjectPath) or not handle.path():
            log.info("the desktop portal did not inhibit idle and suspend")
            return False
        self._handle = handle.path()
        return True

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        if not send(self._bus, SERVICE, handle, REQUEST, "Close"):
            log.info("could not close the portal inhibit request %s", handle)
