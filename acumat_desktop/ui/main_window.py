"""The main window: menus, the central area for the routine picker and the timer dial."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from acumat_desktop.ui.actions import AppActions


class MainWindow(QMainWindow):
    close_requested = Signal()  # the user closed the window; the app decides: hide or quit

    def __init__(self, actions: AppActions, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle("AcuMat")
        self.setWindowIcon(icon)
        self.resize(720, 560)
        self._build_menus(actions)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("pages")
        self.setCentralWidget(self.pages)
        self.placeholder: QWidget | None = self._placeholder()
        self.pages.addWidget(self.placeholder)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.statusBar().addWidget(self.notice, 1)

    def _build_menus(self, actions: AppActions) -> None:
        self.app_menu = self.menuBar().addMenu(self.tr("&AcuMat"))
        self.app_menu.addAction(actions.settings)
        self.app_menu.addSeparator()
        self.app_menu.addAction(actions.close_window)
        self.app_menu.addAction(actions.quit)
        actions.close_window.triggered.connect(self.close)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(actions.about)

    def _placeholder(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel(self.tr("Routines and the session timer will live here."), page)
        label.setObjectName("placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(self.tr("Routines and timer"))
        layout.addWidget(label)
        return page

    def set_home_page(self, page: QWidget) -> None:
        """The page shown when nothing else is (the routine picker); replaces the placeholder."""
        self.pages.insertWidget(0, page)
        if self.placeholder is not None:
            self.pages.removeWidget(self.placeholder)
            self.placeholder.deleteLater()
            self.placeholder = None
        self.pages.setCurrentWidget(page)

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setAccessibleName(text)

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def allow_close(self) -> None:
        """Let the next close through (quitting: Qt 6 aborts quit if a window refuses)."""
        self._closing_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "_closing_allowed", False):
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()
