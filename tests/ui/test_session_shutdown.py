"""After ``AcuMat.close()`` nothing of the session features fires: the settings, the session
and the tray outlive them (in tests, and for a moment while the app quits), so a window deleted
after the app closed (its pages, the picker, the session page and its dial) is never touched."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.session import SessionPlan
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support")


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[AcuMat]:
    """The app with its window shown; the test deletes the window after closing the app."""
    paths = AppPaths.for_user()
    paths.ensure()
    settings = Settings.model_validate(
        {"session": {"safety_note_seen": True}, "sound": {"muted": True}}
    )
    built = build(create_application(), paths, LoadResult(settings), minimized=False)
    yield built
    built.session.stop()
    built.close()
    if shiboken6.isValid(built.window):
        built.window.allow_close()
        built.window.close()
        built.window.deleteLater()


def test_after_close_the_deleted_window_is_never_touched(
    parts: AcuMat, qtbot: QtBot, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    parts.window.show()
    parts.sessions.start("desk-break", sound="none")  # the session page and its dial are built
    assert parts.sessions.view_built and parts.pages.home_built
    parts.session.stop()  # and the summary
    parts.close()
    with qtbot.waitSignal(parts.window.destroyed):
        parts.window.allow_close()
        parts.window.deleteLater()
    QApplication.processEvents()

    parts.settings.set("appearance.reduced_motion", True)
    parts.settings.set("session.favourites", ["desk-break"])
    plan = SessionPlan("sleep", "Sleep", 300.0, BUILTIN_PATTERNS["box"], None)
    parts.session.start(plan)
    parts.session.pause()
    parts.session.resume()
    parts.session.stop()
    QApplication.processEvents()

    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
    assert "already deleted" not in capfd.readouterr().err
