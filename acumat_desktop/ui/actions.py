"""One QAction per app command, shared by the menus, the tray and keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


class AppActions(QObject):
    def __init__(self, parent: QObject | None = None, *, shortcuts: bool = True) -> None:
        super().__init__(parent)
        self.open = QAction(self.tr("&Open AcuMat"), self)
        self.open.setStatusTip(self.tr("Show the AcuMat window"))
        self.settings = QAction(self.tr("&Settings…"), self)
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = QAction(self.tr("&Quit"), self)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.close_window = QAction(self.tr("&Close window"), self)
        self.close_window.setStatusTip(self.tr("Hide the window; AcuMat stays in the tray"))
        self.about = QAction(self.tr("&About AcuMat"), self)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        if shortcuts:
            self.add_shortcuts()

    def add_shortcuts(self) -> None:
        """The keyboard shortcuts (the app's start adds them after the tray icon shows: Qt's
        first shortcut loads the platform's key bindings, ~12 ms)."""
        self.settings.setShortcut(QKeySequence.StandardKey.Preferences)
        self.quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.close_window.setShortcut(QKeySequence.StandardKey.Close)
