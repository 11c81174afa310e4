"""A finished session is told to someone who is not looking: a desktop notification, else the
tray; nothing when the window is in front of them (the summary page says it)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.tray import Tray
from acumat_desktop.wiring.session_end import SessionEndNotice

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


class RecordingNotifier:
    def __init__(self, available: bool = True) -> None:
        self.is_available = available
        self.shown: list[str] = []

    def available(self) -> bool:
        return self.is_available

    def show(self, summary: str, body: str, actions: Sequence[tuple[str, str]]) -> bool:
        self.shown.append(summary)
        return True


class RecordingTray(Tray):
    def __init__(self, actions: AppActions) -> None:
        super().__init__(actions, QIcon())
        self.messages: list[str] = []

    def message(self, title: str, text: str) -> None:
        self.messages.append(text)


def run_to_the_end(session: SessionService, clock: FakeClock, minutes: float) -> None:
    session.start(SessionPlan("back-neck", "Back and neck", planned_s=minutes * 60))
    clock.advance(minutes * 60 + 1)
    session.engine.poll()


@pytest.fixture
def parts(qtbot: QtBot) -> tuple[SessionService, FakeClock, MainWindow, AppActions]:
    clock = FakeClock()
    session = SessionService(SessionEngine(clock))
    actions = AppActions()
    window = MainWindow(actions, QIcon())
    qtbot.addWidget(window)
    return session, clock, window, actions


def test_a_hidden_window_gets_a_notification_naming_routine_and_minutes(
    parts: tuple[SessionService, FakeClock, MainWindow, AppActions],
) -> None:
    session, clock, window, _actions = parts
    notifier = RecordingNotifier()
    SessionEndNotice(parent=session, session=session, window=window, tray=None, notifier=notifier)
    run_to_the_end(session, clock, 20)
    assert notifier.shown == ["Back and neck: 20 minutes done"]


def test_without_a_notification_service_the_tray_says_it(
    parts: tuple[SessionService, FakeClock, MainWindow, AppActions],
) -> None:
    session, clock, window, actions = parts
    tray = RecordingTray(actions)
    notifier = RecordingNotifier(available=False)
    SessionEndNotice(parent=session, session=session, window=window, tray=tray, notifier=notifier)
    run_to_the_end(session, clock, 5)
    assert notifier.shown == []
    assert tray.messages == ["Back and neck: 5 minutes done"]


def test_nobody_is_interrupted_who_looks_at_the_window(
    qtbot: QtBot, parts: tuple[SessionService, FakeClock, MainWindow, AppActions]
) -> None:
    session, clock, window, _actions = parts
    notifier = RecordingNotifier()
    notice = SessionEndNotice(
        parent=session, session=session, window=window, tray=None, notifier=notifier
    )
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.waitUntil(notice.looking, timeout=2000)
    run_to_the_end(session, clock, 5)
    assert notifier.shown == []


def test_a_stopped_session_is_not_announced(
    parts: tuple[SessionService, FakeClock, MainWindow, AppActions],
) -> None:
    session, clock, window, _actions = parts
    notifier = RecordingNotifier()
    SessionEndNotice(parent=session, session=session, window=window, tray=None, notifier=notifier)
    session.start(SessionPlan("back-neck", "Back and neck", planned_s=600))
    clock.advance(120)
    session.stop()
    assert notifier.shown == []
