"""Full screen: F11 toggles it, the page gets the whole screen, and Escape leaves full screen
before it can ask to stop the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan, SessionState
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.session_view import SessionView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Confirm:
    def __init__(self) -> None:
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return False  # "keep going"


def window_with_a_session(qtbot: QtBot) -> tuple[MainWindow, SessionView, SessionEngine, Confirm]:
    window = MainWindow(AppActions(), QIcon())
    qtbot.addWidget(window)
    engine = SessionEngine(FakeClock())
    confirm = Confirm()
    view = SessionView(engine, SessionActions(SessionService(engine), confirm_stop=confirm))
    window.set_home_page(view)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    view.setFocus()
    engine.start(SessionPlan("sleep", "Before sleep", 600.0, BUILTIN_PATTERNS["box"]))
    return window, view, engine, confirm


def test_f11_toggles_full_screen_and_hides_the_bars(qtbot: QtBot) -> None:
    window, view, _engine, _confirm = window_with_a_session(qtbot)
    assert window.full_screen_action.shortcut().toString() == "F11"
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.full_screen_action.isChecked()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible() and not window.full_screen_action.isChecked()


def test_escape_leaves_full_screen_first_then_asks_to_stop(qtbot: QtBot) -> None:
    window, view, engine, confirm = window_with_a_session(qtbot)
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert confirm.asked == 0, "Escape only left full screen"
    assert engine.state is SessionState.RUNNING
    QApplication.processEvents()
    qtbot.keyClick(view.focusWidget() or view, Qt.Key.Key_Escape)
    assert confirm.asked == 1, "in the window, Escape asks to stop as before"
