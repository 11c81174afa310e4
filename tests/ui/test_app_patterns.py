"""User breathing patterns in the running app (in-process, offscreen): a session starts with one,
a user routine may name one, and ``patterns.reload`` picks up an import without a restart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.breathing import Phase
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.protocol import Request
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.pattern_menu import PatternMenuButton
from acumat_desktop.wiring.sessions import SessionsFeature

# Offscreen has no window manager to raise the window or hint sizes to.
pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

CALM = {
    "id": "calm-3-7",
    "name": "Calm 3-7",
    "phases": [
        {"phase": "inhale", "seconds": 3},
        {"phase": "hold", "seconds": 1, "cue": "Pause"},
        {"phase": "exhale", "seconds": 7},
    ],
}

ROUTINE = """id = "my-evening"
name = "My evening"
purpose = "Wind down"
position = "lying-back"
minutes = 10
min_minutes = 5
max_minutes = 20
breathing = "calm-3-7"
"""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 26, 21, 0, tzinfo=UTC))


@pytest.fixture
def paths() -> AppPaths:
    found = AppPaths.for_user()
    found.ensure()
    return found


@pytest.fixture
def parts(
    qtbot: QtBot, clock: FakeClock, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AcuMat]:
    (paths.data / "patterns").mkdir(parents=True, exist_ok=True)
    (paths.data / "patterns" / "calm.json").write_text(json.dumps(CALM))
    settings = Settings.model_validate(
        {
            "session": {"countdown": "0s", "safety_note_seen": True},
            "sound": {"muted": True},
            "reminders": {"enabled": False},
        }
    )
    built = build(create_application(), paths, LoadResult(settings), minimized=False, clock=clock)
    qtbot.addWidget(built.window)
    yield built
    built.session.stop()
    built.window.allow_close()
    built.window.close()
    built.close()


def feature_of(parts: AcuMat) -> SessionsFeature:
    return parts.sessions


def test_a_session_starts_with_a_user_pattern(parts: AcuMat, clock: FakeClock) -> None:
    result = parts.commands.dispatch(
        Request("start", {"routine": "sleep", "breathing": "calm-3-7", "sound": "none"})
    )
    assert result["state"] == "running"
    plan = parts.session.engine.plan
    assert plan is not None and plan.pattern is not None
    assert plan.pattern.id == "calm-3-7"
    assert [(s.phase, s.seconds) for s in plan.pattern.phases] == [
        (Phase.INHALE, 3.0),
        (Phase.HOLD, 1.0),
        (Phase.EXHALE, 7.0),
    ]
    clock.advance(3.5)
    breath = parts.session.engine.breath
    assert breath is not None and (breath.phase, breath.cue) == (Phase.HOLD, "Pause")


def test_the_patterns_command_lists_user_patterns(parts: AcuMat) -> None:
    rows = parts.commands.dispatch(Request("patterns"))
    ours = [r for r in rows if r["id"] == "calm-3-7"]
    assert len(ours) == 1 and ours[0]["source"] == "user" and ours[0]["timing"] == "3-1-7"


def test_reload_picks_up_an_imported_pattern_and_the_routine_naming_it(
    parts: AcuMat, paths: AppPaths
) -> None:
    feature = feature_of(parts)
    (paths.data / "routines").mkdir(parents=True, exist_ok=True)
    (paths.data / "routines" / "my-evening.toml").write_text(
        ROUTINE.replace("calm-3-7", "slow-5-8")
    )
    slow = {**CALM, "id": "slow-5-8", "name": "Slow"}
    (paths.data / "patterns" / "slow.json").write_text(json.dumps(slow))
    assert "slow-5-8" not in feature.patterns.all()
    result = parts.commands.dispatch(Request("patterns.reload"))
    assert "slow-5-8" in result["patterns"] and result["problems"] == []
    assert "my-evening" in feature.library  # its pattern is known now
    feature.start("my-evening", sound="none")
    plan = parts.session.engine.plan
    assert plan is not None and plan.pattern is not None and plan.pattern.id == "slow-5-8"


def test_a_user_routine_naming_a_user_pattern_loads_at_start(paths: AppPaths) -> None:
    """No app needed: the routine library validates against the pattern library's ids."""
    from acumat_desktop.services.pattern_library import PatternLibrary
    from acumat_desktop.services.routine_library import RoutineLibrary

    (paths.data / "patterns").mkdir(parents=True, exist_ok=True)
    (paths.data / "patterns" / "calm.json").write_text(json.dumps(CALM))
    routines: Path = paths.data / "routines"
    routines.mkdir(parents=True, exist_ok=True)
    (routines / "my-evening.toml").write_text(ROUTINE)
    assert "my-evening" not in RoutineLibrary(user_dir=routines)  # built-ins only: skipped
    patterns = PatternLibrary(paths.data / "patterns").all()
    assert "my-evening" in RoutineLibrary(user_dir=routines, patterns=patterns)


def test_the_routine_editor_in_the_app_offers_to_edit_and_delete_the_persons_patterns(
    parts: AcuMat,
) -> None:
    """The wiring: the app's routine editor carries the pattern menu, and it knows the
    person's own pattern (editable, deletable) from a built-in one."""
    editor = parts.pages.actions.editor_for(None)
    buttons = editor.findChildren(PatternMenuButton)
    assert len(buttons) == 1
    button = buttons[0]
    editor.breathing_combo.setCurrentIndex(editor.breathing_combo.findData("calm-3-7"))
    button.follow()
    assert button.edit_action.isEnabled() and "Calm 3-7" in button.edit_action.text()
    assert button.delete_action.isEnabled()
    editor.breathing_combo.setCurrentIndex(editor.breathing_combo.findData("resonance"))
    button.follow()
    assert not button.delete_action.isEnabled()  # a built-in pattern is never deleted
    editor.deleteLater()
