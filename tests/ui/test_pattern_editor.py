"""The pattern editor: made in the app, checked as a file is, saved through the library, and
reachable from the routine editor's breathing list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import Phase
from acumat_desktop.services.pattern_library import PatternLibrary
from acumat_desktop.ui.pattern_editor import PatternEditor

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def library(tmp_path: Path) -> PatternLibrary:
    return PatternLibrary(tmp_path / "patterns")


def make(qtbot: QtBot, library: PatternLibrary) -> PatternEditor:
    editor = PatternEditor(library.save, taken_ids=library.all().keys())
    qtbot.addWidget(editor)
    return editor


def name_it(editor: PatternEditor, name: str) -> None:
    editor.name_edit.setText(name)
    editor.name_edit.textEdited.emit(name)


def test_says_nothing_before_anything_is_typed(qtbot: QtBot, library: PatternLibrary) -> None:
    editor = make(qtbot, library)
    assert editor.problems == ["Give the pattern a name."]  # known, not shown
    assert editor.error_label.text() == ""
    assert editor.rate_label.text() == "One breath: 10 s, about 6 breaths a minute"


def test_saves_through_the_library(qtbot: QtBot, library: PatternLibrary) -> None:
    editor = make(qtbot, library)
    name_it(editor, "Slow evening")
    editor.spins[Phase.EXHALE].setValue(8)
    editor.spins[Phase.REST].setValue(1)
    assert editor.error_label.text() == ""
    with qtbot.waitSignal(editor.accepted):
        editor.buttons.accepted.emit()
    assert editor.saved is not None and editor.saved.id == "slow-evening"
    phases = [(p.phase, p.seconds) for p in library.get("slow-evening").phases]
    assert phases == [(Phase.INHALE, 4.0), (Phase.EXHALE, 8.0), (Phase.REST, 1.0)]


def test_plain_words_for_what_a_file_would_be_refused_for(
    qtbot: QtBot, library: PatternLibrary
) -> None:
    editor = make(qtbot, library)
    name_it(editor, "Quick")
    editor.spins[Phase.INHALE].setValue(18)
    assert editor.error_label.text() == "Breathing in can last from 0.5 to 15 seconds."
    editor.spins[Phase.INHALE].setValue(1)
    editor.spins[Phase.EXHALE].setValue(1)
    assert "between 3 and 60 seconds" in editor.error_label.text()
    with qtbot.assertNotEmitted(editor.accepted):
        editor.buttons.accepted.emit()
    assert "quick" not in library


def test_a_name_like_a_built_in_gets_its_own_id(qtbot: QtBot, library: PatternLibrary) -> None:
    editor = make(qtbot, library)
    name_it(editor, "Box")
    assert editor.data()["id"] == "box-2"
    editor.buttons.accepted.emit()
    assert library.get("box-2").name == "Box"


def test_a_failing_disk_is_said_and_the_dialog_stays(qtbot: QtBot) -> None:
    def broken(data: Any) -> Any:
        raise OSError(28, "No space left on device")

    editor = PatternEditor(broken)
    qtbot.addWidget(editor)
    name_it(editor, "Calm")
    with qtbot.assertNotEmitted(editor.accepted):
        editor.buttons.accepted.emit()
    assert "No space left on device" in editor.error_label.text()


def test_new_pattern_from_the_routine_editor_is_saved_and_chosen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acumat_desktop.app import build, create_application
    from acumat_desktop.services.paths import AppPaths
    from acumat_desktop.services.settings_store import LoadResult
    from acumat_desktop.settings.model import Settings
    from acumat_desktop.ui import pattern_editor
    from acumat_desktop.ui.routine_editor import NEW_PATTERN
    from acumat_desktop.wiring.session_pages import SessionPages

    paths = AppPaths.for_user()
    paths.ensure()
    settings = Settings.model_validate({"session": {"safety_note_seen": True}})
    parts = build(create_application(), paths, LoadResult(settings), minimized=False)
    qtbot.addWidget(parts.window)
    library = parts.sessions.patterns
    pages = SessionPages(
        parent=parts.app,
        settings=parts.services.settings,
        session=parts.session,
        clock=parts.services.clock,
        window=parts.window,
        library=parts.sessions.library,
        patterns=library.all(),
        history=parts.history,
        session_page=parts.sessions,
        starter=parts.sessions,
        sounds=parts.sound,
        pattern_library=library,
    )
    asked: list[object] = []

    def answer(parent: object, save: Any, taken: Any) -> Any:
        asked.append(parent)
        return save(
            {
                "id": "slow-evening",
                "name": "Slow evening",
                "phases": [{"phase": "inhale", "seconds": 4}, {"phase": "exhale", "seconds": 8}],
            }
        )

    # the pages import it where "New pattern…" is chosen
    monkeypatch.setattr(pattern_editor, "ask_new_pattern", answer)
    editor = pages.actions.editor_for(None)
    qtbot.addWidget(editor)
    editor.breathing_combo.setCurrentIndex(editor.breathing_combo.findData(NEW_PATTERN))
    assert asked == [editor]
    assert editor.breathing_combo.currentData() == "slow-evening"
    assert "slow-evening" in library
    assert "Slow evening" in parts.window.notices_text()
    parts.window.allow_close()
    parts.window.close()
    parts.close()
