"""The start's first part: the tray icon, before anything else is imported or built.

The icon is all a start to the tray shows, so it comes first (a bare PySide6 tray app's work:
the icon and its menu), then the command line's door; the services, the window, the settings
model and the features are imported after it (``app.py``). Only the interface's language is
read before (``services/settings_early.py``), as the menu speaks it.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from acumat_desktop.services.assets import icon_path
from acumat_desktop.services.paths import server_name
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.tray import Tray

if TYPE_CHECKING:
    from acumat_desktop.core.commands import CommandRegistry
    from acumat_desktop.services.ipc import ControlServer

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    icon = QIcon(str(icon_path()))
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(icon_path(size)))
    return icon


@dataclass(frozen=True)
class Front:
    """What is built before anything else: the tray icon (shown), the app's actions its menu
    holds, and the command line's door (a registry the features fill as they are built)."""

    icon: QIcon
    actions: AppActions
    tray: Tray
    commands: CommandRegistry
    server: ControlServer


def build_front(app: QApplication) -> Front:
    """The tray icon first: Qt puts it in any tray that exists now or appears later (on X11 the
    tray embeds it at once, while the rest is built). Then the modules of the command door."""
    icon = app_icon()
    app.setWindowIcon(icon)
    actions = AppActions(app, shortcuts=False)  # added after the icon shows (build_services)
    tray = Tray(actions, icon, app)  # always: a tray may come later, and Qt embeds the icon then
    tray.show()
    from acumat_desktop.core.commands import CommandRegistry
    from acumat_desktop.services.ipc import ControlServer

    commands = CommandRegistry()
    server = ControlServer(server_name(), commands.handle_line, app)
    return Front(icon, actions, tray, commands, server)


def skip_hung_buses() -> None:
    """Qt blocks for good on a D-Bus daemon that accepts connections but never answers (the
    menu bar's global-menu check, the tray, notifications and media keys all use the session
    bus at start-up). Ask each daemon first, with a deadline; a hung bus is off for this run."""
    from acumat_desktop.services.session_lock import (
        BUS_PROBE_TIMEOUT_S,
        bus_hangs,
        session_bus_address,
        system_bus_address,
    )

    for kind, variable, address in (
        ("session", "DBUS_SESSION_BUS_ADDRESS", session_bus_address()),
        ("system", "DBUS_SYSTEM_BUS_ADDRESS", system_bus_address()),
    ):
        if bus_hangs(address):
            log.warning(
                "the D-Bus %s bus (%s) does not answer within %g s; AcuMat starts without it",
                kind,
                address,
                BUS_PROBE_TIMEOUT_S,
            )
            os.environ[variable] = "disabled:"
