"""KDE, Xfce and others: ``org.freedesktop.ScreenSaver.Inhibit(application s, reason s)``
returns a cookie ``u``; ``UnInhibit(cookie u)`` ends it. The object is at
``/org/freedesktop/ScreenSaver`` or, on older desktops, ``/ScreenSaver``."""

from __future__ import annotations

import logging

from PySide6.QtDBus import QDBusConnection

from acumat_desktop import APP_DISPLAY_NAME
from acumat_desktop.services.keep_awake._dbus import call, provides, typed_call
from acumat_desktop.services.keep_awake.base import TIMEOUT_MS

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.ScreenSaver"
PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")
INTERFACE = "org.freedesktop.ScreenSaver"


class ScreenSaverKeepAwake:
    """``bus`` defaults to the session bus; tests pass a private one."""

    method = "screensaver"

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        timeout_ms: int = TIMEOUT_MS,
        application: str = APP_DISPLAY_NAME,
    ) -> None:
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()
        self._timeout_ms = timeout_ms
        self._application = application
        self._path: str | None = None
        self._cookie: int | None = None

    @property
    def held(self) -> bool:
        return self._cookie is not None

    def available(self) -> bool:
        self._path = next(
            (
                p
                for p in PATHS
                if provides(self._bus, SERVICE, p, INTERFACE, "Inhibit", self._timeout_ms)
            ),
            None,
        )
        return self._path is not None

    def hold(self, reason: str) -> bool:
        if self._cookie is not None:
            return True
        if self._path is None and not self.available():
            return False
        assert self._path is not None
        out = call(
            self._bus,
            SERVICE,
            self._path,
            INTERFACE,
            "Inhibit",
            self._application,
            reason,
            timeout_ms=self._timeout_ms,
        )
        cookie = out[0] if out else None
        if not isinstance(cookie, int) or isinstance(cookie, bool):
            log.info("the screensaver service did not inhibit")
            return False
        self._cookie = cookie
        return True

    def release(self) -> None:
        if self._cookie is None or self._path is None:
            return
        cookie, self._cookie = self._cookie, None
        ok, _ = typed_call(
            self._bus,
            (SERVICE, self._path, INTERFACE),
            "UnInhibit",
            [("uint", cookie)],
            timeout_ms=self._timeout_ms,
        )
        if not ok:
            log.info("the screensaver service did not take back cookie %s", cookie)
