"""A first run that guides (in the app built by build(), offscreen): the welcome leads through
the safety note to "First time on the mat"; a session started from the tray or the command line
before the note was read waits, paused, behind the note in the window; a history "do this
again" goes the same way as the picker's Start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionState
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone(timedelta(hours=1)))
Builder = Callable[..., AcuMat]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def make_parts(qtbot: QtBot, clock: FakeClock) -> Iterator[Builder]:
    made: list[AcuMat] = []

    def make(seen: bool = False) -> AcuMat:
        paths = AppPaths.for_user()
        paths.ensure()
        settings = Settings.model_validate(
            {
                "session": {"countdown": "5s", "safety_note_seen": seen},
                "sound": {"muted": True},
                "reminders": {"enabled": False},
            }
        )
        parts = build(
            create_application(), paths, LoadResult(settings), minimized=False, clock=clock
        )
        qtbot.addWidget(parts.window)
        made.append(parts)
        return parts

    yield make
    for parts in made:
        parts.session.stop()
        parts.window.allow_close()
        parts.window.close()
        parts.close()


def state(parts: AcuMat) -> SessionState:
    return parts.session.state


def seen(parts: AcuMat) -> bool:
    return parts.services.settings.settings.session.safety_note_seen


def test_the_welcome_leads_through_the_note_to_the_first_routine(
    make_parts: Builder, qtbot: QtBot
) -> None:
    parts = make_parts()
    pages = parts.pages
    welcome = pages.welcome
    assert welcome is not None
    qtbot.waitUntil(welcome.isVisible)
    assert not welcome.isWindow() and welcome.window() is parts.window  # in the window
    assert welcome.geometry() == parts.window.rect()
    assert pages.picker.selected_id() == "first-time"
    assert parts.sessions.library.all()[0].id == "first-time"  # first in the list
    assert welcome.step == 0
    welcome.next_button.click()
    assert welcome.step == 1
    assert "pregnant" in welcome.text_label.text()
    assert not seen(parts)
    welcome.read_button.click()
    assert seen(parts)
    assert not welcome.isVisible()
    assert parts.window.pages.currentWidget() is pages.picker
    assert pages.picker.selected_id() == "first-time"


def test_no_welcome_once_the_note_was_read(make_parts: Builder) -> None:
    parts = make_parts(seen=True)
    assert parts.pages.welcome is None
    assert parts.pages.picker.selected_id() == "back-neck"  # the default routine setting


def test_a_start_from_the_tray_or_cli_waits_behind_the_note(
    make_parts: Builder, qtbot: QtBot
) -> None:
    parts = make_parts()
    sheet = parts.pages.safety_sheet
    parts.sessions.start("sleep", sound="none")  # what the tray's menu and `acumat start` call
    qtbot.waitUntil(sheet.isVisible)
    assert state(parts) is SessionState.PAUSED
    assert parts.pages.welcome is not None and not parts.pages.welcome.isVisible()
    assert not sheet.isWindow() and sheet.window() is parts.window
    assert parts.window.isVisible()
    assert sheet.geometry() == parts.window.rect()
    assert "paused" in sheet.intro.text()
    assert parts.window.pages.currentWidget() is parts.sessions.view  # behind the veil
    sheet.ok_button.click()
    assert seen(parts)
    assert state(parts) is SessionState.COUNTDOWN  # resumed where it was held
    assert not sheet.isVisible()


def test_not_now_stops_the_waiting_session(make_parts: Builder, qtbot: QtBot) -> None:
    parts = make_parts()
    sheet = parts.pages.safety_sheet
    parts.sessions.start("sleep", sound="none")
    qtbot.waitUntil(sheet.isVisible)
    qtbot.keyClick(sheet, Qt.Key.Key_Escape)
    assert state(parts) not in (SessionState.PAUSED, SessionState.RUNNING)
    assert not seen(parts)
    assert not sheet.isVisible()


def test_a_start_from_the_window_begins_after_the_note(make_parts: Builder, qtbot: QtBot) -> None:
    parts = make_parts()
    pages = parts.pages
    assert pages.welcome is not None
    pages.welcome.skip_button.click()  # "Later"
    assert not pages.welcome.isVisible() and not seen(parts)
    pages.history_view.again_requested.emit("desk-break", 5, None, "none")
    sheet = pages.safety_sheet
    assert sheet.isVisible()
    assert state(parts) is SessionState.IDLE  # nothing starts before the note is read
    assert "begin" in sheet.ok_button.text()
    sheet.ok_button.click()
    assert seen(parts)
    assert state(parts) is SessionState.COUNTDOWN
    assert parts.session.engine.plan is not None
    assert parts.session.engine.plan.routine_id == "desk-break"


def test_tab_stays_inside_the_sheet(make_parts: Builder, qtbot: QtBot) -> None:
    parts = make_parts()
    welcome = parts.pages.welcome
    assert welcome is not None
    parts.window.show()
    qtbot.waitExposed(parts.window)
    parts.window.activateWindow()
    welcome.next_button.setFocus()
    qtbot.waitUntil(welcome.next_button.hasFocus)
    for _ in range(5):
        qtbot.keyClick(parts.window.focusWidget(), Qt.Key.Key_Tab)
        assert welcome.isAncestorOf(parts.window.focusWidget())


def test_do_this_again_starts_within_todays_range(make_parts: Builder) -> None:
    parts = make_parts(seen=True)
    history = parts.pages.history_view
    history.again_requested.emit("desk-break", 90, "gone-pattern", "none")
    plan = parts.session.engine.plan
    assert plan is not None and plan.routine_id == "desk-break"
    desk = parts.sessions.library.get("desk-break")
    assert plan.planned_s == desk.max_minutes * 60  # 90 was more than the routine allows
    assert plan.pattern is not None and plan.pattern.id == desk.breathing  # the routine's own
    parts.session.stop()
    history.again_requested.emit("long-deleted", 10, None, None)
    assert "no longer among your routines" in parts.window.notices_text()


def test_the_welcome_goes_on_with_enter(make_parts: Builder, qtbot: QtBot) -> None:
    parts = make_parts()
    welcome = parts.pages.welcome
    assert welcome is not None
    parts.window.show()
    qtbot.waitExposed(parts.window)
    parts.window.activateWindow()
    qtbot.waitUntil(welcome.next_button.hasFocus)
    qtbot.keyClick(welcome.next_button, Qt.Key.Key_Return)
    assert welcome.step == 1
    qtbot.waitUntil(welcome.read_button.hasFocus)
    qtbot.keyClick(welcome.read_button, Qt.Key.Key_Enter)
    assert seen(parts) and not welcome.isVisible()
