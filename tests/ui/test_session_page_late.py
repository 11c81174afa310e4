"""The session page is built when first needed (issue 13, "Start lean"): not by a start, not by
a session run while the window is hidden, but when the window shows while one runs. Built then,
it shows what a page built before the session shows: the routine, the line under the dial, the
dial's frame (phase, remaining time, pause), the pause button."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionPlan, SessionState, TimedCue
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.session_view import CUE_HOLD_S, SessionView

pytestmark = pytest.mark.qt_log_ignore("does not support (propagateSizeHints|raise)")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def parts(qtbot: QtBot, clock: FakeClock) -> Iterator[AcuMat]:
    paths = AppPaths.for_user()
    paths.ensure()
    settings = Settings.model_validate(
        {
            "session": {"safety_note_seen": True, "keep_awake": False},
            "sound": {"muted": True},
            "reminders": {"enabled": False},
        }
    )
    built = build(create_application(), paths, LoadResult(settings), minimized=True, clock=clock)
    qtbot.addWidget(built.window)
    built.window.hide()  # without a tray (offscreen) the window shows: hide it, as the tray does
    yield built
    built.session.stop()
    built.window.allow_close()
    built.close()


def session_pages(acumat: AcuMat) -> list[QWidget]:
    return acumat.window.findChildren(QWidget, "SessionView")


def page_built(acumat: AcuMat) -> bool:
    return acumat.sessions.view_built


def shown(view: SessionView) -> dict[str, Any]:
    """What the page shows, read from its widgets."""
    view.dial.refresh()
    return {
        "routine": view.routine_label.text(),
        "line": view.tip_label.text(),
        "frame": view.dial.current_frame(),
        "animating": view.dial.is_animating(),
        "evening": view.dial.property("evening"),
        "pause": (view.pause_button.text(), view.pause_button.accessibleName()),
        "closing": view.is_closing(),
    }


def guided(countdown_s: float = 0.0, minutes: float = 10, **kwargs: Any) -> SessionPlan:
    return SessionPlan(
        "stress-release",
        "Stress release",
        minutes * 60,
        BUILTIN_PATTERNS["4-7-8"],  # a pattern with a caution, shown during the countdown
        countdown_s=countdown_s,
        **kwargs,
    )


def in_countdown(acumat: AcuMat, clock: FakeClock) -> None:
    acumat.session.start(guided(countdown_s=10))
    clock.advance(3.2)
    acumat.session.poll()


def after_a_cue(acumat: AcuMat, clock: FakeClock) -> None:
    acumat.session.start(guided(cues=(TimedCue(60.0, "Move the pillow under your neck"),)))
    clock.advance(71.3)  # the cue came 11 s ago: it still shows, for what is left of its hold
    acumat.session.poll()


def paused(acumat: AcuMat, clock: FakeClock) -> None:
    acumat.session.start(guided())
    clock.advance(100.7)
    acumat.session.poll()
    assert acumat.session.pause()
    clock.advance(30)


def one_minute_left(acumat: AcuMat, clock: FakeClock) -> None:
    acumat.session.start(guided(minutes=5))
    clock.advance(245.5)
    acumat.session.poll()


def after_a_sleep(acumat: AcuMat, clock: FakeClock) -> None:
    acumat.session.start(guided())
    clock.advance(40)
    clock.jump_wall(600)  # the computer slept for ten minutes
    acumat.session.poll()


@pytest.mark.parametrize(
    "happen", [in_countdown, after_a_cue, paused, one_minute_left, after_a_sleep]
)
def test_a_page_built_when_the_window_shows_mid_session_shows_what_an_early_one_shows(
    parts: AcuMat, clock: FakeClock, qtbot: QtBot, happen: Callable[[AcuMat, FakeClock], None]
) -> None:
    early = SessionView(parts.session.engine, parts.sessions.session_actions)  # from the start
    qtbot.addWidget(early)
    happen(parts, clock)  # as from the tray or the command line, with the window hidden
    assert parts.session.state is not SessionState.IDLE
    assert not page_built(parts) and session_pages(parts) == []

    parts.window.show()

    assert page_built(parts)
    late = parts.sessions.view
    assert parts.window.pages.currentWidget() is late  # it shows with the session
    seen = shown(late)
    assert seen == shown(early)
    assert seen["frame"] is not None and seen["frame"].remaining_s > 0


def test_the_line_is_told_what_it_would_have_shown(parts: AcuMat, clock: FakeClock) -> None:
    """The notes a late page takes up are the session's own (not a blank line)."""
    after_a_cue(parts, clock)
    parts.window.show()
    assert parts.sessions.view.tip() == "Move the pillow under your neck"


def test_a_cue_whose_time_has_gone_is_not_shown_by_a_late_page(
    parts: AcuMat, clock: FakeClock
) -> None:
    parts.session.start(guided(cues=(TimedCue(60.0, "Move the pillow under your neck"),)))
    clock.advance(61)
    parts.session.poll()
    clock.advance(CUE_HOLD_S)  # an early page's line went quiet by now
    parts.session.poll()
    parts.window.show()
    assert parts.sessions.view.tip() == ""


def test_no_page_for_a_start_to_the_tray_nor_a_hidden_session_that_ends(
    parts: AcuMat, clock: FakeClock
) -> None:
    assert session_pages(parts) == []
    parts.session.start(guided(minutes=1))
    clock.advance(120)
    parts.session.poll()
    assert parts.session.state is SessionState.FINISHED
    assert session_pages(parts) == []
    parts.window.show()  # the session is over: the summary shows, and still no session page
    assert session_pages(parts) == []
    assert parts.window.pages.currentWidget() is parts.pages.summary


def test_a_start_while_the_window_shows_builds_the_page_and_shows_it(parts: AcuMat) -> None:
    parts.window.show()
    assert not page_built(parts)
    parts.sessions.start("desk-break", sound="none")
    assert parts.window.pages.currentWidget() is parts.sessions.view
