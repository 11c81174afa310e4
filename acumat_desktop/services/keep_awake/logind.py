"""logind on the system bus: ``Manager.Inhibit("idle:sleep", who, why, "block")`` returns a file
descriptor; the lock lasts while any copy of it is open, so we keep a duplicate and close it to
release (logind also drops it if the app dies)."""

from __future__ import annotations

import logging
import os

from PySide6.QtDBus import QDBusConnection, QDBusUnixFileDescriptor

from acumat_desktop import APP_DISPLAY_NAME
from acumat_desktop.services.keep_awake._dbus import call, provides
from acumat_desktop.services.keep_awake.base import TIMEOUT_MS

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.login1"
PATH = "/org/freedesktop/login1"
INTERFACE = "org.freedesktop.login1.Manager"
WHAT = "idle:sleep"
MODE = "block"


class LogindKeepAwake:
    """``bus`` defaults to the system bus; tests pass a private one."""

    method = "logind"

    def __init__(
        self,
        bus: QDBusConnection | None = None,
        timeout_ms: int = TIMEOUT_MS,
        who: str = APP_DISPLAY_NAME,
    ) -> None:
        self._bus = bus if bus is not None else QDBusConnection.systemBus()
        self._timeout_ms = timeout_ms
        self._who = who
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def available(self) -> bool:
        return provides(self._bus, SERVICE, PATH, INTERFACE, "Inhibit", self._timeout_ms)

    def hold(self, reason: str) -> bool:
        if self._fd is not None:
            return True
        out = call(
            self._bus,
            SERVICE,
            PATH,
            INTERFACE,
            "Inhibit",
            WHAT,
            self._who,
            reason,
            MODE,
            timeout_ms=self._timeout_ms,
        )
        descriptor = out[0] if out else None
        if not isinstance(descriptor, QDBusUnixFileDescriptor) or not descriptor.isValid():
            log.info("logind did not grant an %s inhibitor", WHAT)
            return False
        try:
            # Ours to close; Qt closes its own copy with the reply.
            self._fd = os.dup(descriptor.fileDescriptor())
        except OSError:
            log.warning("could not keep the logind inhibitor", exc_info=True)
            return False
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.close(fd)
        except OSError:
            log.debug("logind inhibitor fd %s already closed", fd)
