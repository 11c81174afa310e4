"""The sound drivers' shared timer: armed for the next due step, stopped when none is due."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.due_timer import DueTimer


def test_it_is_precise_single_shot_and_rounds_a_due_step_up(qtbot: QtBot) -> None:
    owner = QObject()
    calls: list[int] = []
    timer = DueTimer(owner, lambda: calls.append(1))
    assert timer.isSingleShot() and timer.timerType() is Qt.TimerType.PreciseTimer
    timer.arm(1.2341)
    assert timer.isActive() and timer.interval() == 1235, "never early"
    timer.arm(0.0)
    assert timer.interval() == 1, "something due now runs at the next turn of the loop"
    qtbot.waitUntil(lambda: calls == [1], timeout=1000)
    assert not timer.isActive()


def test_nothing_due_stops_it(qtbot: QtBot) -> None:
    owner = QObject()
    timer = DueTimer(owner, lambda: None)
    timer.arm(5.0)
    timer.arm(None)
    assert not timer.isActive()
