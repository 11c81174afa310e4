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

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
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

PAINT_WAIT_MS = 60  # at most, for the tray icon's first paint before the rest is built


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


class _FirstPaint(QObject):
    """Ends ``loop`` when an X11 tray icon (Qt's QSystemTrayIconSys) is painted."""

    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self.loop = loop
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and _is_tray_icon(watched):
            self.painted = True
            self.loop.quit()
        return False


def _is_tray_icon(thing: QObject) -> bool:
    return thing.metaObject().className() == "QSystemTrayIconSys"


def let_the_icon_paint(app: QApplication, tray: Tray, wait_ms: int = PAINT_WAIT_MS) -> None:
    """Paint the icon before the rest is built. An X11 tray embeds it at once, and its first
    paint follows a round trip later (~30 ms; the settings model has usually taken longer):
    handle what is due, waiting at most ``wait_ms`` for it. Called before the control server
    listens, so no request is handled here. A tray reached over D-Bus paints the icon itself."""
    if not tray.visible or not any(_is_tray_icon(w) for w in app.topLevelWidgets()):
        return
    loop = QEventLoop()
    painted = _FirstPaint(loop)
    app.installEventFilter(painted)
    try:
        app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if not painted.painted:
            QTimer.singleShot(wait_ms, loop.quit)
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    finally:
        app.removeEventFilter(painted)
