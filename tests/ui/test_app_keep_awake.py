"""Keep-awake inside the built app: held while a session runs or is paused, released when it
ends, when the setting is turned off and when the app quits; named in ``status --json``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop import app as app_module
from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings

# Offscreen windows cannot be raised or size-hinted; those are the platform's words, not ours.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "propagateSizeHints")


class RecordingKeepAwake:
    """A keep-awake backend that records what the app asks of it."""

    method = "recording"

    def __init__(self) -> None:
        self.held = False
        self.calls: list[str] = []

    def available(self) -> bool:
        return True

    def hold(self, reason: str) -> bool:
        self.calls.append("hold")
        self.held = True
        return True

    def release(self) -> None:
        self.calls.append("release")
        self.held = False


@pytest.fixture
def backend() -> RecordingKeepAwake:
    return RecordingKeepAwake()


@pytest.fixture
def acumat(
    qtbot: QtBot, backend: RecordingKeepAwake, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AcuMat]:
    monkeypatch.setattr(app_module, "create_keep_awake", lambda: backend)
    paths = AppPaths.for_user()
    paths.ensure()
    settings = Settings.model_validate(
        {
            "session": {"countdown": "0s", "safety_note_seen": True},
            "sound": {"muted": True},
            "reminders": {"enabled": False},
        }
    )
    built = build(
        create_application(), paths, LoadResult(settings), minimized=True, clock=FakeClock()
    )
    qtbot.addWidget(built.window)
    yield built
    built.session.stop()
    built.window.allow_close()
    built.close()


def status_method(acumat: AcuMat) -> str:
    return str(acumat.board.snapshot()["session"]["keep_awake"])


def test_an_idle_status_names_no_method_before_a_session_chose_one(
    acumat: AcuMat, backend: RecordingKeepAwake
) -> None:
    assert status_method(acumat) == "unknown" and backend.calls == []
    acumat.sessions.start("desk-break", sound="none")
    acumat.session.stop()
    assert status_method(acumat) == "recording"


def test_held_while_a_session_runs_or_pauses_and_released_at_its_end(
    acumat: AcuMat, backend: RecordingKeepAwake
) -> None:
    assert not backend.held, "nothing is held while no session runs"
    acumat.sessions.start("desk-break", sound="none")
    assert backend.held
    assert status_method(acumat) == "recording"
    assert acumat.session.pause()
    assert backend.held, "a person on the mat during a pause still lies still"
    assert acumat.session.resume()
    assert acumat.session.stop()
    assert not backend.held
    assert backend.calls == ["hold", "release"], "held once, released once"


def test_turning_the_setting_off_mid_session_releases(
    acumat: AcuMat, backend: RecordingKeepAwake
) -> None:
    acumat.sessions.start("desk-break", sound="none")
    acumat.settings.set("session.keep_awake", False)
    assert not backend.held
    assert status_method(acumat) == "none"
    acumat.settings.set("session.keep_awake", True)
    assert backend.held


def test_quitting_releases(acumat: AcuMat, backend: RecordingKeepAwake) -> None:
    acumat.sessions.start("desk-break", sound="none")
    acumat.close()
    assert not backend.held
