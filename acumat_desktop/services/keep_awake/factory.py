"""Choose the keep-awake method at run time: the first candidate that answers, else none.

Backends import lazily, so a Linux session never loads Windows code and vice versa.
- Windows -> windows; macOS -> macos.
- Linux and other Unix: the first of the desktop portal, gnome-session, the freedesktop
  ScreenSaver and (X11 sessions only) XScreenSaverSuspend; logind's idle:sleep inhibitor on the
  system bus is held alongside whichever was chosen, or alone when none was.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from acumat_desktop.services.keep_awake.base import TIMEOUT_MS, KeepAwake
from acumat_desktop.services.keep_awake.combined import CombinedKeepAwake
from acumat_desktop.services.keep_awake.null import NullKeepAwake

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


def _is_x11(env: Mapping[str, str]) -> bool:
    session = env.get("XDG_SESSION_TYPE", "").lower()
    if session == "wayland" or (session != "x11" and env.get("WAYLAND_DISPLAY")):
        return False  # under XWayland the X screen saver is not the one that locks
    return session == "x11" or bool(env.get("DISPLAY"))


def candidates(platform: str, env: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(methods to try, best first; methods held alongside the chosen one)."""
    if platform == "win32":
        return ["windows"], []
    if platform == "darwin":
        return ["macos"], []
    desktop = ["portal", "gnome-session", "screensaver"]
    if _is_x11(env):
        desktop.append("xss")
    return desktop, ["logind"]


@dataclass(frozen=True)
class Connections:
    """Where the backends talk; None means the real session bus, system bus or $DISPLAY."""

    session_bus: QDBusConnection | None = None
    system_bus: QDBusConnection | None = None
    display: str | None = None
    timeout_ms: int = TIMEOUT_MS


def _build(name: str, where: Connections) -> KeepAwake:
    if name == "portal":
        from acumat_desktop.services.keep_awake.portal import PortalKeepAwake

        return PortalKeepAwake(where.session_bus, where.timeout_ms)
    if name == "gnome-session":
        from acumat_desktop.services.keep_awake.gnome import GnomeSessionKeepAwake

        return GnomeSessionKeepAwake(where.session_bus, where.timeout_ms)
    if name == "screensaver":
        from acumat_desktop.services.keep_awake.screensaver import ScreenSaverKeepAwake

        return ScreenSaverKeepAwake(where.session_bus, where.timeout_ms)
    if name == "logind":
        from acumat_desktop.services.keep_awake.logind import LogindKeepAwake

        return LogindKeepAwake(where.system_bus, where.timeout_ms)
    if name == "xss":
        from acumat_desktop.services.keep_awake.xss import XssKeepAwake

        return XssKeepAwake(where.display)
    if name == "windows":
        from acumat_desktop.services.keep_awake.windows import WindowsKeepAwake

        return WindowsKeepAwake()
    if name == "macos":
        from acumat_desktop.services.keep_awake.macos import MacKeepAwake

        return MacKeepAwake()
    raise ValueError(f"unknown keep-awake method {name!r}")


def _first_available(
    names: list[str], where: Connections, build: Callable[[str, Connections], KeepAwake]
) -> KeepAwake | None:
    for name in names:
        try:
            backend = build(name, where)
            if backend.available():
                return backend
        except Exception:  # a broken backend must not stop the app
            log.exception("keep-awake method %s failed to start", name)
    return None


def create_keep_awake(
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    where: Connections | None = None,
    build: Callable[[str, Connections], KeepAwake] = _build,
) -> KeepAwake:
    """The method for this session (maybe combined with logind), or :class:`NullKeepAwake`.

    Probing costs at most one bounded D-Bus call per candidate (absent services answer at once).
    """
    where = where if where is not None else Connections()
    desktop, extras = candidates(platform, os.environ if env is None else env)
    chosen = [
        backend
        for backend in (
            _first_available(desktop, where, build),
            *(_first_available([name], where, build) for name in extras),
        )
        if backend is not None
    ]
    if not chosen:
        log.warning("nothing can keep this computer awake (tried %s)", desktop + extras)
        return NullKeepAwake()
    backend = chosen[0] if len(chosen) == 1 else CombinedKeepAwake(*chosen)
    log.info("keep-awake method: %s", backend.method)
    return backend
