"""GNOME: ``org.gnome.SessionManager.Inhibit(app_id s, toplevel_xid u, reason s, flags u)``
returns a cookie ``u``; ``Uninhibit(cookie u)`` ends it."""

from __future__ import annotations

import logging

from PySide6.QtDBus import QDBusConnection

from acumat_desktop import DESKTOP_FILE_ID
from acumat_desktop.services.keep_awake._dbus import provides, typed_call
from acumat_desktop.services.keep_awake.base import TIMEOUT_MS

log = logging.getLogger(__name__)

SERVICE = "org.gnome.SessionManager"
PATH = "/org/gnome/SessionManager"
INTERFACE = "org.gnome.SessionManager"
SUSPEND = 4
IDLE = 8


class GnomeSessionKeepAwake:
    """``bus`` defaults to the session bus; tests pass a private one."""

    method = "gnome-session"

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        timeout_ms: int = TIMEOUT_MS,
        app_id: str = DESKTOP_FILE_ID,
    ) -> None:
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._timeout_ms = timeout_ms
        self._app_id = app_id
        self._cookie: int | None = None

    @property
    def held(self) -> bool:
        return self._cookie is not None

    def available(self) -> bool:
        return provides(self._bus, SERVICE, PATH, INTERFACE, "Inhibit", self._timeout_ms)

    def hold(self, reason: str) -> bool:
        if self._cookie is not None:
            return True
        ok, cookie = typed_call(
            self._bus,
            (SERVICE, PATH, INTERFACE),
            "Inhibit",
            [("QString", self._app_id), ("uint", 0), ("QString", reason), ("uint", IDLE | SUSPEND)],
            result="uint",
            timeout_ms=self._timeout_ms,
        )
        if not ok or not isinstance(cookie, int):
            log.info("gnome-session did not inhibit idle and suspend")
            return False
        self._cookie = cookie
        return True

    def release(self) -> None:
        if self._cookie is None:
            return
        cookie, self._cookie = self._cookie, None
        ok, _ = typed_call(
            self._bus,
            (SERVICE, PATH, INTERFACE),
            "Uninhibit",
            [("uint", cookie)],
            timeout_ms=self._timeout_ms,
        )
        if not ok:
            log.info("gnome-session did not take back inhibit cookie %s", cookie)
