"""A warning never moves the session's dial: it is laid over the window's foot, which always
keeps one warning line free, and it is announced to screen readers as it comes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.ui import theme
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.session_view import SessionView

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

NO_SOUND = "No sound output found — AcuMat runs silently"
LONG = (
    "The session history could not be written (the disk is full), so AcuMat keeps this "
    "session in memory and tries again every half minute; nothing is lost while it runs. "
    "Free some space on the disk where your home folder lives."
)


def window_with_a_session(qtbot: QtBot, size: tuple[int, int]) -> tuple[MainWindow, SessionView]:
    window = MainWindow(AppActions(), QIcon())
    qtbot.addWidget(window)
    engine = SessionEngine(FakeClock())
    view = SessionView(engine, SessionActions(SessionService(engine)))
    window.set_home_page(view)
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    engine.start(SessionPlan("sleep", "Before sleep", 600.0, BUILTIN_PATTERNS["box"]))
    QApplication.processEvents()
    return window, view


def settled_dial(view: SessionView) -> QRect:
    QApplication.processEvents()
    return QRect(view.dial.mapTo(view.window(), QPoint(0, 0)), view.dial.size())


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
def test_a_warning_neither_moves_nor_resizes_the_dial(
    qtbot: QtBot, qapp: QApplication, size: tuple[int, int], dark: bool
) -> None:
    theme.apply_theme(qapp, "dark" if dark else "light")
    window, view = window_with_a_session(qtbot, size)
    before = settled_dial(view)
    foot = window.statusBar().geometry()

    window.show_warning(NO_SOUND)
    qtbot.waitUntil(window.warning_bar.isVisible)
    assert settled_dial(view) == before, "a one-line warning"
    bar = window.warning_bar.geometry()
    assert bar.bottom() == window.rect().bottom() and bar.width() == window.width()
    assert bar.top() >= foot.top(), "one line fits the foot kept free for it"
    assert window.warning.heightForWidth(window.warning.width()) <= window.warning.height()

    window.show_warning(LONG)  # joins the first: several lines, grown upwards
    QApplication.processEvents()
    assert settled_dial(view) == before, "a long warning"
    assert NO_SOUND in window.warning.text() and LONG in window.warning.text()
    needed = window.warning.heightForWidth(window.warning.width())
    assert needed <= window.warning.height(), "every line of it shows"
    assert window.warning_bar.geometry().bottom() == window.rect().bottom()

    qtbot.mouseClick(window.warning_close, Qt.MouseButton.LeftButton)
    assert not window.warning_bar.isVisible()
    assert settled_dial(view) == before, "closed"
    assert window.statusBar().geometry() == foot, "the foot kept its height throughout"


def test_the_window_resized_under_a_warning_keeps_it_at_the_foot(qtbot: QtBot) -> None:
    window, view = window_with_a_session(qtbot, (800, 600))
    window.show_warning(LONG)
    window.resize(1200, 700)
    qtbot.waitUntil(lambda: window.size() == QSize(1200, 700))
    bar = window.warning_bar.geometry()
    assert (bar.width(), bar.bottom()) == (1200, window.rect().bottom())
    assert window.warning.heightForWidth(window.warning.width()) <= window.warning.height()
    assert view.dial.isVisible()


def test_a_warning_is_announced_and_named_for_screen_readers(qtbot: QtBot) -> None:
    window, _view = window_with_a_session(qtbot, (800, 600))
    window.show_warning(NO_SOUND)
    window.show_warning(NO_SOUND)  # said once
    assert window.announced == [NO_SOUND]
    assert window.warning_bar.accessibleName() == NO_SOUND
    assert window.warning_close.accessibleName() == "Close this message"
    assert window.warning_close.accessibleDescription() == NO_SOUND
    window.clear_notices()
    assert window.warning_bar.accessibleName() == ""
