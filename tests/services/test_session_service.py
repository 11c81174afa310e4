from __future__ import annotations

from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import SystemClock
from acumat_desktop.core.session import Finished, SessionEngine, SessionPlan, SessionState, Started
from acumat_desktop.services.session_service import SessionService


def test_no_timer_while_idle_and_the_session_ends_on_its_own(qtbot: QtBot) -> None:
    service = SessionService(SessionEngine(SystemClock()))
    assert not service.timer_active, "nothing runs while no session does"
    events: list[object] = []
    service.happened.connect(events.append)
    states: list[SessionState] = []
    service.state_changed.connect(states.append)
    with qtbot.waitSignal(
        service.happened, timeout=5000, check_params_cb=lambda e: isinstance(e, Finished)
    ):
        service.start(SessionPlan("desk-break", "Desk break", planned_s=0.3))
        assert service.timer_active
    assert isinstance(events[0], Started)
    assert states[0] is SessionState.RUNNING
    assert states[-1] is SessionState.FINISHED
    assert not service.timer_active, "the timer stops with the session"


def test_pause_stops_the_timer_and_resume_rearms_it(qtbot: QtBot) -> None:
    service = SessionService(SessionEngine(SystemClock()))
    service.start(SessionPlan("sleep", "Sleep", planned_s=600))
    assert service.timer_active
    assert service.pause()
    assert not service.timer_active
    assert service.resume()
    assert service.timer_active
    assert service.stop()
    assert not service.timer_active
