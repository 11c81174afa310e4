"""The focused session page: nothing moves during a session, the minutes as chosen, a gentle
close before the summary, colours for the hour, and the sound behind one icon."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan, SessionState, TimedCue
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.ui import theme
from acumat_desktop.ui.session_actions import SessionActions
from acumat_desktop.ui.session_view import SessionView, is_evening

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

LONG_CUE = (
    "Slide the pillow a little lower under your neck, let your shoulders sink into the mat and "
    "keep your knees bent if your lower back asks for it; then let the breath lead again."
)


def state_of(engine: SessionEngine) -> SessionState:
    """Read afresh (keeps mypy from narrowing across polls)."""
    return engine.state


def box_plan(minutes: float = 10, **kwargs: object) -> SessionPlan:
    return SessionPlan(
        routine_id="back-neck",
        routine_name="Back and neck",
        planned_s=minutes * 60,
        pattern=BUILTIN_PATTERNS["box"],  # 4 in, 4 hold, 4 out, 4 hold: 600 s is mid-exhale
        **kwargs,  # type: ignore[arg-type]
    )


def make_view(
    qtbot: QtBot, clock: FakeClock, closing_s: float = 6.0
) -> tuple[SessionEngine, SessionView]:
    engine = SessionEngine(clock)
    view = SessionView(engine, SessionActions(SessionService(engine)), closing_s=closing_s)
    qtbot.addWidget(view)
    view.resize(800, 560)
    with qtbot.waitExposed(view):
        view.show()
    return engine, view


def test_a_long_cue_or_a_note_never_moves_or_resizes_the_dial(qtbot: QtBot) -> None:
    clock = FakeClock()
    engine, view = make_view(qtbot, clock)
    engine.start(box_plan(cues=(TimedCue(30.0, LONG_CUE),)))
    QApplication.processEvents()
    before = view.dial.geometry()
    clock.advance(31)
    engine.poll()
    QApplication.processEvents()
    assert view.tip() == LONG_CUE
    assert view.dial.geometry() == before, "the cue line has a fixed height"
    engine.suspended(600)
    QApplication.processEvents()
    assert "asleep" in view.tip() and view.dial.geometry() == before


def test_the_dial_counts_the_chosen_minutes_and_the_last_exhale_ends_at_0_00(
    qtbot: QtBot,
) -> None:
    clock = FakeClock()
    engine, view = make_view(qtbot, clock)
    engine.start(box_plan())
    frame = view.dial.current_frame()
    assert frame is not None and frame.remaining_s == 600 and frame.total_s == 600  # 10:00
    clock.advance(601)
    engine.poll()
    view.dial.refresh()
    frame = view.dial.current_frame()
    assert engine.state is SessionState.RUNNING, "the last exhale finishes"
    assert frame is not None and frame.remaining_s == 0 and frame.breath is not None
    clock.advance(3)
    engine.poll()
    assert state_of(engine) is SessionState.FINISHED


def test_the_end_shows_the_closing_words_then_says_closing_done(qtbot: QtBot) -> None:
    clock = FakeClock()
    engine, view = make_view(qtbot, clock, closing_s=0.05)
    assert view.closing_ms() == 50
    engine.start(box_plan(2))
    clock.advance(61)
    engine.poll()
    assert view.tip() == "One minute left."
    clock.advance(70)
    engine.poll()
    assert engine.state is SessionState.FINISHED
    assert view.tip() == "Well done. Take a moment before you get up.", "not 'One minute left.'"
    assert view.is_closing()
    with qtbot.waitSignal(view.closing_done, timeout=2000):
        pass
    assert not view.is_closing()


def test_a_stopped_session_does_not_linger(qtbot: QtBot) -> None:
    clock = FakeClock()
    engine, view = make_view(qtbot, clock, closing_s=0.05)
    engine.start(box_plan(1))
    engine.stop()
    assert not view.is_closing()
    with qtbot.assertNotEmitted(view.closing_done, wait=150):
        pass


def test_default_closing_lasts_six_seconds(qtbot: QtBot) -> None:
    _engine, view = make_view(qtbot, FakeClock())
    assert view.closing_ms() == 6000


@pytest.mark.parametrize(
    ("hour", "evening"), [(6, False), (12, False), (18, False), (19, True), (23, True), (2, True)]
)
def test_evening_hours(hour: int, evening: bool) -> None:
    assert is_evening(datetime(2026, 11, 30, hour, 30)) is evening


def test_the_dial_takes_evening_colours_from_the_clock(qtbot: QtBot, qapp: QApplication) -> None:
    palette, sheet = qapp.palette(), qapp.styleSheet()
    theme.apply_theme(qapp, "dark")
    try:
        day = FakeClock(start=datetime(2026, 11, 30, 10, 0).astimezone())
        engine, view = make_view(qtbot, day)
        engine.start(box_plan())
        tokens = theme.TOKENS[True]
        assert view.dial.colors().ring.name() == tokens["dial-ring"]
        night = FakeClock(start=datetime(2026, 11, 30, 22, 0).astimezone())
        engine2, view2 = make_view(qtbot, night)
        engine2.start(box_plan())
        assert view2.dial.property("evening") is True
        assert view2.dial.colors().ring.name() == tokens["dial-ring-evening"]
        assert view2.dial.colors().breath.name() == tokens["breath-evening"]
    finally:
        theme.apply_theme(qapp, "light")
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)
        qapp.setProperty("acumatDark", None)


def test_the_sound_icon_is_offered_and_forwards(qtbot: QtBot) -> None:
    _engine, view = make_view(qtbot, FakeClock())
    assert not view.sound_button.isVisible()
    geometry = view.dial.geometry()
    view.set_sound_offered(True)
    QApplication.processEvents()
    assert view.sound_button.isVisible() and view.sound_button.accessibleName() == "Sound"
    assert view.dial.geometry() == geometry, "the icon's place is kept while it is hidden"
    with qtbot.waitSignal(view.sound_requested, timeout=1000):
        view.sound_button.click()


def test_a_patterns_caution_shows_during_the_countdown_only(qtbot: QtBot) -> None:
    clock = FakeClock()
    engine, view = make_view(qtbot, clock)
    pattern = BUILTIN_PATTERNS["4-7-8"]
    assert pattern.warning
    engine.start(SessionPlan("sleep", "Before sleep", 600.0, pattern, countdown_s=5.0))
    assert view.tip() == pattern.warning
    clock.advance(5.01)
    engine.poll()
    assert state_of(engine) is SessionState.RUNNING
    assert view.tip() == "", "not during the session"
