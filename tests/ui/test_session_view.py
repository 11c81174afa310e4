"""The session view: keyboard and buttons reach the engine, engine events drive the dial."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan, SessionState, TimedCue
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.session_view import SessionView

# The offscreen platform warns when a top-level window with a layout is shown; not our message.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Confirm:
    """Stands in for the confirmation dialog: records each question, answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.answer


def plan(minutes: float = 20, **kwargs: object) -> SessionPlan:
    return SessionPlan(
        routine_id="stress-release",
        routine_name="Stress release",
        planned_s=minutes * 60,
        pattern=BUILTIN_PATTERNS["resonance"],
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine(clock: FakeClock) -> SessionEngine:
    return SessionEngine(clock)


@pytest.fixture
def make_view(qtbot: QtBot, engine: SessionEngine) -> Callable[..., tuple[SessionView, Confirm]]:
    def make(
        answer: bool = True, shown: bool = True, closing_s: float = 6.0
    ) -> tuple[SessionView, Confirm]:
        confirm = Confirm(answer)
        view = SessionView(engine, actions_for(engine, confirm), closing_s=closing_s)
        qtbot.addWidget(view)
        view.resize(480, 560)
        if shown:
            with qtbot.waitActive(view):  # the shortcuts need an active window
                view.show()
                view.activateWindow()
        return view, confirm

    return make


def actions_for(engine: SessionEngine, confirm: Confirm) -> SessionActions:
    """The shared session actions over the session service, as the app builds them."""
    return SessionActions(SessionService(engine), confirm_stop=confirm)


def state_of(engine: SessionEngine) -> SessionState:
    """The engine's state, read afresh (keeps mypy from narrowing across commands)."""
    return engine.state


def press(qtbot: QtBot, view: SessionView, key: Qt.Key) -> None:
    target = view.focusWidget() or view
    qtbot.keyClick(target, key)


def test_space_pauses_and_resumes(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan())
    view, _ = make_view()
    press(qtbot, view, Qt.Key.Key_Space)
    assert state_of(engine) is SessionState.PAUSED
    assert view.session_actions.pause.iconText() == "Resume"
    assert view.pause_button.accessibleName() == "Resume session"
    press(qtbot, view, Qt.Key.Key_Space)
    assert state_of(engine) is SessionState.RUNNING
    assert view.session_actions.pause.iconText() == "Pause"


def test_space_pauses_even_with_a_button_focused(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan())
    view, confirm = make_view()
    view.stop_button.setFocus()
    qtbot.keyClick(view.stop_button, Qt.Key.Key_Space)
    assert state_of(engine) is SessionState.PAUSED
    assert confirm.asked == 0


def test_plus_and_minus_adjust_by_a_minute(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan(minutes=20))
    view, _ = make_view()
    press(qtbot, view, Qt.Key.Key_Plus)
    assert engine.plan is not None
    assert engine.plan.planned_s == 21 * 60
    press(qtbot, view, Qt.Key.Key_Minus)
    press(qtbot, view, Qt.Key.Key_Minus)
    assert engine.plan.planned_s == 19 * 60
    press(qtbot, view, Qt.Key.Key_Equal)  # "+" without Shift on many layouts
    assert engine.plan.planned_s == 20 * 60


def test_escape_asks_and_stops_when_confirmed(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan())
    view, confirm = make_view(answer=True)
    press(qtbot, view, Qt.Key.Key_Escape)
    assert confirm.asked == 1
    assert state_of(engine) is SessionState.STOPPED
    assert not view.session_actions.pause.isEnabled()
    assert not view.dial.frame_timer().isActive()


def test_escape_declined_keeps_the_session(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan())
    view, confirm = make_view(answer=False)
    press(qtbot, view, Qt.Key.Key_Escape)
    assert confirm.asked == 1
    assert state_of(engine) is SessionState.RUNNING


def test_buttons_call_the_engine(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan(minutes=10))
    view, confirm = make_view()
    qtbot.mouseClick(view.more_button, Qt.MouseButton.LeftButton)
    assert engine.plan is not None
    assert engine.plan.planned_s == 11 * 60
    qtbot.mouseClick(view.less_button, Qt.MouseButton.LeftButton)
    assert engine.plan.planned_s == 10 * 60
    qtbot.mouseClick(view.pause_button, Qt.MouseButton.LeftButton)
    assert state_of(engine) is SessionState.PAUSED
    qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert confirm.asked == 1
    assert state_of(engine) is SessionState.STOPPED


def test_animation_follows_engine_events(
    qtbot: QtBot,
    clock: FakeClock,
    engine: SessionEngine,
    make_view: Callable[..., tuple[SessionView, Confirm]],
) -> None:
    view, _ = make_view()
    timer = view.dial.frame_timer()
    assert not timer.isActive(), "no session, no animation"
    engine.start(plan(minutes=1))
    assert timer.isActive()
    engine.pause()
    assert not timer.isActive(), "paused: the dial is painted once and the timer stops"
    engine.resume()
    assert timer.isActive()
    view.hide()
    assert not timer.isActive(), "hidden window: no timer"
    with qtbot.waitExposed(view):
        view.show()
    assert timer.isActive()
    clock.advance(120)
    engine.poll()  # the app's session driver does this; the view only follows
    assert state_of(engine) is SessionState.FINISHED
    assert not timer.isActive()
    assert "Well done" in view.tip()


def test_countdown_animates_and_shows_in_the_dial(
    engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    view, _ = make_view()
    engine.start(plan(countdown_s=3))
    assert view.dial.frame_timer().isActive()
    frame = view.dial.current_frame()
    assert frame is not None
    assert frame.label == "Starting in 3"
    assert frame.breath is None


def test_dial_frames_read_the_engine(
    clock: FakeClock, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan(minutes=5))
    view, _ = make_view()
    clock.advance(4.5)  # late in the first inhale
    view.dial.refresh()
    frame = view.dial.current_frame()
    assert frame is not None
    assert frame.remaining_s == pytest.approx(engine.chosen_remaining_s)
    assert frame.total_s == pytest.approx(engine.chosen_s) == 300, "the minutes as chosen"
    assert frame.breath is not None
    assert frame.breath.cue == "Breathe in"
    assert not frame.paused
    assert "Breathe in" in view.dial.accessibleDescription()


def test_routine_name_tip_and_cues(
    clock: FakeClock, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    view, _ = make_view()
    engine.start(plan(cues=(TimedCue(30.0, "Move the pillow under your neck"),)))
    assert view.routine_label.text() == "Stress release"
    assert view.tip() == "", "tips are shown before the start, not during"
    clock.advance(31)
    engine.poll()
    assert view.tip() == "Move the pillow under your neck"
    assert view.tip_label.text() == view.tip()


def test_suspend_is_explained(
    engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    view, _ = make_view()
    engine.start(plan())
    engine.suspended(600)
    assert state_of(engine) is SessionState.PAUSED
    assert "asleep" in view.tip()
    assert view.session_actions.pause.iconText() == "Resume"
    assert not view.dial.frame_timer().isActive()


def test_accessible_names(
    engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    engine.start(plan())
    view, _ = make_view(shown=False)
    assert view.dial.accessibleName() == "Session timer"
    names = {
        b.accessibleName()
        for b in (view.less_button, view.pause_button, view.more_button, view.stop_button)
    }
    assert names == {"One minute less", "Pause session", "One minute more", "Stop session"}
    assert view.routine_label.accessibleName() == "Stress release"


def test_controls_are_disabled_without_a_session(
    qtbot: QtBot, engine: SessionEngine, make_view: Callable[..., tuple[SessionView, Confirm]]
) -> None:
    view, confirm = make_view()
    for action in view.session_actions.all():
        assert not action.isEnabled()
    press(qtbot, view, Qt.Key.Key_Escape)
    assert confirm.asked == 0


def test_view_unsubscribes_when_deleted(qtbot: QtBot, engine: SessionEngine) -> None:
    actions = actions_for(engine, Confirm(True))  # the session service subscribes too
    before = len(engine._subscribers)
    view = SessionView(engine, actions)
    assert len(engine._subscribers) == before + 1
    view.deleteLater()
    qtbot.waitUntil(lambda: len(engine._subscribers) == before, timeout=2000)
    engine.start(plan())  # must not reach a deleted view
    assert state_of(engine) is SessionState.RUNNING
