"""Editing and deleting breathing patterns beside the routine editor's breathing list: the
person's own are edited in place (id kept) or deleted after a calm question; a built-in is
never changed (your own version is a copy); a pattern a routine or the settings use is not
deleted, and the refusal names who uses it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, BreathingPattern, Phase
from acumat_desktop.services.pattern_library import PatternLibrary
from acumat_desktop.services.routine_library import RoutineLibrary
from acumat_desktop.ui.pattern_actions import PatternActions
from acumat_desktop.ui.pattern_editor import PatternEditor
from acumat_desktop.ui.pattern_menu import PatternMenuButton
from acumat_desktop.ui.routine_actions import RoutineActions
from acumat_desktop.ui.routine_editor import RoutineEditor

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SLOW = {
    "id": "slow-evening",
    "name": "Slow evening",
    "phases": [
        {"phase": "inhale", "seconds": 4, "cue": "Slowly in"},
        {"phase": "exhale", "seconds": 6},
    ],
    "warning": "Stop if you feel dizzy.",
}


class Person:
    """Answers the pattern form (a real PatternEditor) and the questions, and notes them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.forms: list[PatternEditor] = []
        self.change: dict[str, Any] = {}
        self.confirmed: list[str] = []
        self.told: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.window: QWidget | None = None
        self.answer = True

    def edit(
        self, parent: QWidget, save: Any, taken: Any, *, pattern: BreathingPattern, copy: bool
    ) -> BreathingPattern | None:
        form = PatternEditor(save, taken_ids=taken, parent=parent, pattern=pattern, copy=copy)
        # a child of the routine editor: deleted with it
        self.forms.append(form)
        if "name" in self.change:
            form.name_edit.setText(self.change["name"])
        if "exhale" in self.change:
            form.spins[Phase.EXHALE].setValue(self.change["exhale"])
        form.buttons.accepted.emit()  # Save
        self.errors.append(form.error_label.text())
        return form.saved

    def confirm(self, _parent: QWidget, _title: str, text: str) -> bool:
        self.confirmed.append(text)
        return self.answer

    def tell(self, _parent: QWidget, title: str, text: str) -> None:
        self.told.append((title, text))


@pytest.fixture
def person(qtbot: QtBot) -> Person:
    return Person(qtbot)


@pytest.fixture
def patterns(tmp_path: Path) -> PatternLibrary:
    library = PatternLibrary(tmp_path / "patterns")
    library.save(SLOW)
    return library


def make_editor(
    qtbot: QtBot, tmp_path: Path, patterns: PatternLibrary, person: Person, default: str = ""
) -> tuple[RoutineLibrary, PatternActions, RoutineEditor, PatternMenuButton]:
    routines = RoutineLibrary(user_dir=tmp_path / "routines", patterns=patterns.all())
    mine = routines.copy_of("sleep", "My evening").model_copy(update={"breathing": "slow-evening"})
    assert routines.create(mine).breathing == "slow-evening"
    parent = person.window = QWidget()  # held: qtbot keeps only a weak reference
    qtbot.addWidget(parent)
    pattern_actions = PatternActions(
        patterns,
        routines.all,
        default_breathing=lambda: default,
        edit_pattern=person.edit,
        confirm=person.confirm,
        tell_refusal=person.tell,
    )
    actions = RoutineActions(
        routines, parent, patterns=patterns.all(), pattern_actions=pattern_actions
    )
    editor = actions.editor_for(None)  # a child of parent: deleted with it
    button = editor.findChild(PatternMenuButton)
    assert button is not None, "the pattern menu sits beside the breathing list"
    return routines, pattern_actions, editor, button


def choose(editor: RoutineEditor, button: PatternMenuButton, pattern_id: str) -> None:
    editor.breathing_combo.setCurrentIndex(editor.breathing_combo.findData(pattern_id))
    button.follow()  # as the menu does when it opens


def test_an_own_pattern_is_edited_in_place_and_keeps_its_id(
    qtbot: QtBot, tmp_path: Path, patterns: PatternLibrary, person: Person
) -> None:
    routines, _actions, editor, button = make_editor(qtbot, tmp_path, patterns, person)
    choose(editor, button, "slow-evening")
    assert button.edit_action.text() == "Edit “Slow evening”…"
    assert button.delete_action.isEnabled()
    person.change = {"exhale": 0.5}  # out of range: a file would be refused for it too
    button.edit_action.trigger()
    assert "Breathing out can last from" in person.errors[-1]
    assert patterns.get("slow-evening").phases[1].seconds == 6, "nothing written"
    person.change = {"name": "Slower evening", "exhale": 8.0}
    button.edit_action.trigger()
    edited = patterns.get("slow-evening")
    assert edited.name == "Slower evening", "renamed, same id: the routines naming it still work"
    assert [(p.phase, p.seconds) for p in edited.phases] == [(Phase.INHALE, 4), (Phase.EXHALE, 8)]
    assert edited.phases[0].cue == "Slowly in" and edited.warning == "Stop if you feel dizzy."
    assert sorted(p.name for p in (tmp_path / "patterns").iterdir()) == ["slow-evening.json"]
    assert editor.breathing_combo.currentData() == "slow-evening"
    assert "Slower evening" in editor.breathing_combo.currentText()
    assert [r.breathing for r in routines.all() if r.name == "My evening"] == ["slow-evening"]
    # a reload from disk reads the same (the file holds what the form saved)
    assert PatternLibrary(tmp_path / "patterns").get("slow-evening") == edited


def test_a_built_in_is_read_only_your_own_version_is_a_copy(
    qtbot: QtBot, tmp_path: Path, patterns: PatternLibrary, person: Person
) -> None:
    _routines, _actions, editor, button = make_editor(qtbot, tmp_path, patterns, person)
    choose(editor, button, "relax-4-6")
    assert button.edit_action.text().startswith("Your own version of")
    assert not button.delete_action.isEnabled(), "built-ins cannot be deleted"
    button.edit_action.trigger()
    copy = person.forms[-1].saved
    assert copy is not None and copy.id != "relax-4-6" and copy.name.endswith("(my version)")
    assert patterns.get("relax-4-6") is BUILTIN_PATTERNS["relax-4-6"]
    assert editor.breathing_combo.currentData() == copy.id
    assert patterns.file_of(copy.id) is not None


def test_a_pattern_in_use_is_not_deleted_and_the_refusal_names_who_uses_it(
    qtbot: QtBot, tmp_path: Path, patterns: PatternLibrary, person: Person
) -> None:
    _routines, _actions, editor, button = make_editor(qtbot, tmp_path, patterns, person)
    choose(editor, button, "slow-evening")
    button.delete_action.trigger()
    assert person.confirmed == [], "no question when the answer can only be no"
    assert len(person.told) == 1 and "My evening" in person.told[0][1]
    assert "slow-evening" in patterns


def test_the_settings_default_breathing_is_not_deleted_either(
    qtbot: QtBot, tmp_path: Path, patterns: PatternLibrary, person: Person
) -> None:
    patterns.save({**SLOW, "id": "calm-night", "name": "Calm night"})
    _routines, _actions, editor, button = make_editor(
        qtbot, tmp_path, patterns, person, default="calm-night"
    )
    choose(editor, button, "calm-night")
    button.delete_action.trigger()
    assert "Settings" in person.told[-1][1]
    assert "calm-night" in patterns


def test_a_free_pattern_is_deleted_after_a_calm_question(
    qtbot: QtBot, tmp_path: Path, patterns: PatternLibrary, person: Person
) -> None:
    patterns.save({**SLOW, "id": "calm-night", "name": "Calm night"})
    _routines, actions, editor, button = make_editor(qtbot, tmp_path, patterns, person)
    choose(editor, button, "calm-night")
    person.answer = False
    button.delete_action.trigger()
    assert "calm-night" in patterns, "Keep it keeps it"
    person.answer = True
    with qtbot.waitSignal(actions.message) as said:
        button.delete_action.trigger()
    assert (
        person.confirmed[-1] == "Delete the breathing pattern “Calm night”? This cannot be undone."
    )
    assert "calm-night" not in patterns
    assert not (tmp_path / "patterns" / "calm-night.json").exists()
    assert editor.breathing_combo.findData("calm-night") < 0
    assert editor.breathing_combo.currentData() == "resonance"
    assert said.args == ["Deleted the breathing pattern Calm night"]
