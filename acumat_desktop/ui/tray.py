"""The system-tray icon and its menu."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from acumat_desktop.ui.actions import AppActions


class Tray(QObject):
    activated = Signal()  # a plain click on the icon

    def __init__(self, actions: AppActions, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.setObjectName("trayMenu")
        self.menu.addAction(actions.open)
        self.menu.addAction(actions.settings)
        self.menu.addSeparator()
        self.menu.addAction(actions.quit)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("AcuMat")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

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
