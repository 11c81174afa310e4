"""The bare baseline for AcuMat's tray figures: what any PySide6 tray app costs.

A QApplication with a tray icon and its menu, a hidden main window, QtMultimedia loaded (its
backend up: the default audio output is looked up once) and a 1 Hz timer; nothing else.
``--show`` shows the window at start (the "to window shown" baseline).
Run by ``tests/benchmarks/run.py``; never imports acumat_desktop.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSystemTrayIcon

NAME = "bare-tray"


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName(NAME)
    app.setDesktopFileName(NAME)
    app.setQuitOnLastWindowClosed(False)
    devices = QMediaDevices()
    output = devices.defaultAudioOutput()  # loads the multimedia backend, as a player would
    del output
    window = QMainWindow()
    window.setWindowTitle("bare-window")
    window.setCentralWidget(QLabel("a bare PySide6 window"))
    window.resize(640, 480)
    pixmap = QPixmap(22, 22)
    pixmap.fill(QColor("#3a7"))
    menu = QMenu()
    show = QAction("Show", menu)
    show.triggered.connect(window.show)
    quit_action = QAction("Quit", menu)
    quit_action.triggered.connect(app.quit)
    menu.addAction(show)
    menu.addAction(quit_action)
    tray = QSystemTrayIcon(QIcon(pixmap))
    tray.setContextMenu(menu)
    tray.setToolTip(NAME)
    tray.show()
    ticks = [0]
    timer = QTimer()
    timer.setInterval(1000)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    if "--show" in sys.argv:
        window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
