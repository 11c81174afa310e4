"""The system-tray icon and its menu, in sections that each feature fills."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.tray_icon import ProgressIcon

SECTIONS = ("session", "sound", "reminders", "app")


class Tray(QObject):
    activated = Signal()  # a plain click on the icon

    def __init__(self, actions: AppActions, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self._ends: dict[str, QAction] = {}
        for name in SECTIONS:
            self._ends[name] = self.menu.addSeparator()
        self.menu.insertAction(self._ends["app"], actions.open)
        self.menu.insertAction(self._ends["app"], actions.settings)
        self.menu.insertAction(self._ends["app"], actions.quit)
        self._progress = ProgressIcon(icon)
        self._session: float | None = None
        self._sitting: float | None = None
        self._tooltips: dict[str, str] = {}
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("AcuMat")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def add_action(self, section: str, action: QAction) -> None:
        """Put ``action`` at the end of ``section`` (session, sound, reminders, app)."""
        self.menu.insertAction(self._ends[section], action)

    def add_menu(self, section: str, menu: QMenu) -> QAction:
        action = menu.menuAction()
        self.menu.insertAction(self._ends[section], action)
        return action

    def set_session_progress(self, fraction: float | None) -> None:
        self._session = fraction
        self._refresh_icon()

    def set_sitting_progress(self, fraction: float | None) -> None:
        self._sitting = fraction
        self._refresh_icon()

    def set_tooltip_line(self, key: str, text: str | None) -> None:
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
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @property
    def visible(self) -> bool:
        return self.icon.isVisible()

    def message(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, self.icon.icon(), 8000)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.activated.emit()
