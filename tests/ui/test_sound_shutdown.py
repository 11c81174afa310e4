"""After ``AcuMat.close()`` nothing of the sound feature fires: what outlives it (the settings,
the session, the window's sound panel, the tray's actions) no longer reaches it, and its timers
are stopped, so a window deleted after the app closed is never touched."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.session import SessionPlan, TimedCue
from acumat_desktop.services.audio import player
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings
from tests.ui.test_sound_wiring import FakeEngine


@pytest.fixture
def parts(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[AcuMat]:
    """The app with a stand-in engine; its window may be deleted by the test."""
    monkeypatch.setattr(player, "AudioEngine", FakeEngine)
    FakeEngine.built.clear()
    paths = AppPaths.for_user()
    paths.ensure()
    settings = Settings.model_validate({"session": {"safety_note_seen": True}})
    built = build(create_application(), paths, LoadResult(settings), minimized=False)
    yield built
    built.session.stop()
    built.close()
    if shiboken6.isValid(built.window):
        built.window.allow_close()
        built.window.close()
        built.window.deleteLater()
    built.sound.deleteLater()


def test_after_close_nothing_of_the_sound_fires(parts: AcuMat, qtbot: QtBot) -> None:
    sound = parts.sound
    sound.play_ambience("rain", minutes=5)  # a sleep timer is armed
    armed = sound.ambience.timer_active
    assert armed
    engine = FakeEngine.built[-1]
    panel_volume = sound.panel.master.value()

    parts.close()

    assert not sound.ambience.timer_active and not sound.director.timer_active
    told = list(engine.calls)
    parts.settings.set("sound.master_volume", 0.3)
    parts.settings.set("sound.muted", True)
    sound.panel.preview_requested.emit("ocean")
    sound.mute_action.trigger()
    sound.stop_ambience_action.trigger()
    cues = (TimedCue(1.0, "Turn over"),)
    plan = SessionPlan("sleep", "Sleep", 300.0, BUILTIN_PATTERNS["box"], "ocean", 0, cues)
    parts.session.start(plan)
    assert engine.calls == told and engine.layers == [("rain", 1.0)]
    assert sound.panel.master.value() == panel_volume, "the panel no longer follows"
    assert sound._speech is None, "no speech engine asked for"
    assert not sound.ambience.timer_active and not sound.director.timer_active
    parts.session.stop()


def test_the_window_may_go_after_close_without_a_guard(
    parts: AcuMat, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """What a test's teardown does: the window (and the sound panel in it) is deleted after
    the app closed; settings and session events that come later touch nothing deleted of the
    sound's (the app's own excepthook would log it as an uncaught exception)."""
    sound = parts.sound
    sound.play_ambience("rain", minutes=5)
    parts.close()
    with qtbot.waitSignal(parts.window.destroyed):
        parts.window.allow_close()
        parts.window.deleteLater()
    QApplication.processEvents()
    parts.settings.set("sound.master_volume", 0.4)
    sound.stop_ambience()  # the tray's "Stop ambience" is the feature's own
    parts.session.start(SessionPlan("sleep", "Sleep", 300.0, BUILTIN_PATTERNS["box"], "rain"))
    parts.session.stop()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert [e for e in errors if "/sound" in e or "/audio/" in e] == []  # other features: theirs
