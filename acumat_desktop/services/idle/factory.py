"""Choose the idle source at run time: the first candidate that answers, else the null source.

Backends import lazily, so a Linux session never loads Windows code and vice versa.
- Windows -> windows; macOS -> macos.
- Wayland session -> gnome on GNOME, else ext-idle-notify (then gnome, freedesktop). Never x11:
  under XWayland it only sees X clients.
- X11 session -> gnome on GNOME, then x11, then freedesktop.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from acumat_desktop.services.idle.base import IdleSource
from acumat_desktop.services.idle.null import NullIdleSource

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

log = logging.getLogger(__name__)


def _is_gnome(env: Mapping[str, str]) -> bool:
    desktops = env.get("XDG_CURRENT_DESKTOP", "") + ":" + env.get("DESKTOP_SESSION", "")
    return any(part.strip().lower().startswith("gnome") for part in desktops.split(":"))


def candidates(platform: str, env: Mapping[str, str]) -> list[str]:
    """Names of the sources to try, best first."""
    if platform == "win32":
        return ["windows"]
    if platform == "darwin":
        return ["macos"]
    gnome = _is_gnome(env)
    session = env.get("XDG_SESSION_TYPE", "").lower()
    if session == "wayland" or (session != "x11" and env.get("WAYLAND_DISPLAY")):
        return ["gnome", "wayland", "freedesktop"] if gnome else ["wayland", "gnome", "freedesktop"]
    if session == "x11" or env.get("DISPLAY"):
        return ["gnome", "x11", "freedesktop"] if gnome else ["x11", "freedesktop"]
    return []


def _build(name: str, bus: QDBusConnection | None, display: str | None) -> IdleSource:
    if name == "x11":
        from acumat_desktop.services.idle.x11 import X11IdleSource

        return X11IdleSource(display)
    if name == "gnome":
        from acumat_desktop.services.idle.gnome import GnomeIdleSource

        return GnomeIdleSource(bus)
    if name == "freedesktop":
        from acumat_desktop.services.idle.freedesktop import FreedesktopIdleSource

        return FreedesktopIdleSource(bus)
    if name == "wayland":
        from acumat_desktop.services.idle.wayland import WaylandIdleSource

        return WaylandIdleSource()
    if name == "windows":
        from acumat_desktop.services.idle.windows import WindowsIdleSource

        return WindowsIdleSource()
    if name == "macos":
        from acumat_desktop.services.idle.macos import MacIdleSource

        return MacIdleSource()
    raise ValueError(f"unknown idle source {name!r}")


def create_idle_source(
    *,
    platform: str = sys.platform,
    env: Mapping[str, str] | None = None,
    session_bus: QDBusConnection | None = None,
    display: str | None = None,
    build: Callable[[str, QDBusConnection | None, str | None], IdleSource] = _build,
) -> IdleSource:
    """The first available source for this session, or :class:`NullIdleSource`."""
    names = candidates(platform, os.environ if env is None else env)
    for name in names:
        try:
            source = build(name, session_bus, display)
        except Exception:  # a broken backend must not stop the app
            log.exception("idle source %s failed to start", name)
            continue
        if source.available():
            log.info("idle source: %s", source.name)
            return source
        source.close()
    log.warning("no idle source found (tried %s): reminders use plain elapsed time", names)
    return NullIdleSource()
