"""The system-tray icon and its menu, in sections that each feature fills.

The tray can come and go while AcuMat runs (a panel restarts, one is started later). The icon is
always created; Qt embeds it whenever a tray exists. ``available`` says whether one exists now
and ``available_changed`` when that changes. On X11 the change is seen from X events (the tray
manager's announcement, the tray window's destruction), so nothing polls; elsewhere a coarse
timer looks for a tray only while there is none.
"""

from __future__ import annotations

import ctypes
import enum
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.tray_icon import ProgressIcon

log = logging.getLogger(__name__)


class TraySection(enum.Enum):
    """The tray menu's sections, in their order from the top; each feature fills its own."""

    SESSION = "session"
    SOUND = "sound"
    REMINDERS = "reminders"
    APP = "app"


class TooltipLine(enum.Enum):
    """The tooltip's lines under the app's name, one per feature."""

    SESSION = "session"
    SITTING = "sitting"


POLL_MS = 5000  # looking for a tray while there is none, where X events cannot tell
XCB_DESTROY_NOTIFY = 17
XCB_CLIENT_MESSAGE = 33

Probe = Callable[[], bool]


class XcbTrayEvents(QAbstractNativeEventFilter):
    """Calls ``on_event`` for the X events that can mean a tray came or went: the manager's
    ClientMessage announcing itself, and a DestroyNotify (Qt watches the tray window)."""

    def __init__(self, on_event: Callable[[], None]) -> None:
        super().__init__()
        self._on_event = on_event

    def nativeEventFilter(self, event_type: object, message: object) -> tuple[bool, int]:
        address = int(message)  # type: ignore[call-overload]  # a VoidPtr, falsy (size 0)
        if address and bytes(event_type) == b"xcb_generic_event_t":  # type: ignore[call-overload]
            kind = ctypes.c_uint8.from_address(address).value & 0x7F
            if kind in (XCB_DESTROY_NOTIFY, XCB_CLIENT_MESSAGE):
                self._on_event()
        return False, 0


def _remove_filter(app: QCoreApplication, events: XcbTrayEvents) -> None:
    if shiboken6.isValid(app):  # at exit the application may be gone first
        app.removeNativeEventFilter(events)


class Tray(QObject):
    activated = Signal()  # a plain click on the icon
    available_changed = Signal(bool)  # a system tray appeared (True) or went away (False)

    def __init__(
        self,
        actions: AppActions,
        icon: QIcon,
        parent: QObject | None = None,
        probe: Probe = QSystemTrayIcon.isSystemTrayAvailable,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self._ends: dict[TraySection, QAction] = {}
        for section in TraySection:
            self._ends[section] = self.menu.addSeparator()
        for action in (actions.open, actions.settings, actions.quit):
            self.menu.insertAction(self._ends[TraySection.APP], action)
        self._progress = ProgressIcon(icon)
        self._session: float | None = None
        self._sitting: float | None = None
        self._tooltips: dict[TooltipLine, str] = {}
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("AcuMat")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self._probe = probe
        self._available = probe()
        self._wanted = False  # show() was called: the icon belongs in any tray there is
        self._recheck = QTimer(self)  # coalesces bursts of X events into one look
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(0)
        self._recheck.timeout.connect(self.check)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.check)
        self._x_events: XcbTrayEvents | None = None
        app = QCoreApplication.instance()
        if app is not None and QGuiApplication.platformName() == "xcb":
            events = self._x_events = XcbTrayEvents(self._recheck.start)
            app.installNativeEventFilter(events)
            self.destroyed.connect(lambda *_: _remove_filter(app, events))
        else:
            self._poll_while_missing()

    @staticmethod
    def available() -> bool:
        """Whether a system tray exists now (a static check, for start-up; an instance says
        the same through ``is_available`` and tells changes with ``available_changed``)."""
        return QSystemTrayIcon.isSystemTrayAvailable()

    @property
    def is_available(self) -> bool:
        return self._available

    @property
    def polling(self) -> bool:
        return self._poll.isActive()

    def check(self) -> None:
        """Look again whether a tray exists; emit ``available_changed`` if that changed."""
        now = bool(self._probe())
        if now != self._available:
            self._available = now
            log.info("system tray %s", "available" if now else "gone")
            if now and self._wanted and not self.icon.isVisible():
                self.icon.show()
            self.available_changed.emit(now)
        self._poll_while_missing()

    def _poll_while_missing(self) -> None:
        if self._x_events is not None or self._available:
            self._poll.stop()
        elif not self._poll.isActive():
            self._poll.start()

    def add_action(self, section: TraySection, action: QAction) -> None:
        """Put ``action`` at the end of ``section``."""
        self.menu.insertAction(self._ends[section], action)

    def add_menu(self, section: TraySection, menu: QMenu) -> QAction:
        action = menu.menuAction()
        self.menu.insertAction(self._ends[section], action)
        return action

    def set_session_progress(self, fraction: float | None) -> None:
        self._session = fraction
        self._refresh_icon()

    def set_sitting_progress(self, fraction: float | None) -> None:
        self._sitting = fraction
        self._refresh_icon()

    def set_tooltip_line(self, key: TooltipLine, text: str | None) -> None:
        """One line of the tooltip per feature; None removes it."""
        if text:
            self._tooltips[key] = text
        else:
            self._tooltips.pop(key, None)
        tooltip = "\n".join(["AcuMat", *self._tooltips.values()])
        if tooltip != self.icon.toolTip():
            self.icon.setToolTip(tooltip)

    @property
    def icon_renders(self) -> int:
        return self._progress.renders

    def _refresh_icon(self) -> None:
        if self._progress.update(self._session, self._sitting):
            self.icon.setIcon(self._progress.icon)

    def show(self) -> None:
        """Show the icon now, or as soon as a tray exists. On X11 Qt itself puts a shown icon
        into a tray that appears later; elsewhere the icon is shown when one is found."""
        self._wanted = True
        if self._available or self._x_events is not None:
            self.icon.show()

    def hide(self) -> None:
        self._wanted = False
        self.icon.hide()

    @property
    def visible(self) -> bool:
        """Shown in a tray right now (Qt's isVisible() stays true while no tray exists)."""
        return self.icon.isVisible() and self._available

    def message(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, self.icon.icon(), 8000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.activated.emit()
