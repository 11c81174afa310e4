"""The routine editor validates as you type; RoutineActions changes the library through it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.routines import Goal, Position
from acumat_desktop.services.routine_library import RoutineLibrary
from acumat_desktop.ui.routine_actions import RoutineActions
from acumat_desktop.ui.routine_editor import RoutineEditor, field_of

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def library(tmp_path: Path) -> RoutineLibrary:
    return RoutineLibrary(user_dir=tmp_path / "routines")


def fill_valid(editor: RoutineEditor, name: str = "Evening calm") -> None:
    editor.name_edit.setText(name)
    editor.name_edit.textEdited.emit(name)  # as if typed: the id follows the name
    editor.purpose_edit.setText("Ten quiet minutes before bed.")
    editor.goal_boxes[Goal.SLEEP].setChecked(True)
    editor.position_combo.setCurrentIndex(editor.position_combo.findData("lying-back"))
    editor.min_spin.setValue(5)
    editor.max_spin.setValue(20)
    editor.minutes_spin.setValue(10)
    editor.tips_edit.setPlainText("Dim the light.\n\nLie down slowly.")
    editor.cues_edit.setPlainText("3 min: Move the pillow\n50%: Halfway there")


# ------------------------------------------------------------------ the editor


def test_a_new_routine_is_invalid_until_named(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    assert editor.save_button is not None and not editor.save_button.isEnabled()
    assert "name" in editor.errors and "purpose" in editor.errors
    fill_valid(editor)
    assert editor.errors == {}
    assert editor.save_button.isEnabled()
    routine = editor.routine()
    assert routine is not None
    assert routine.id == "evening-calm"
    assert routine.goals == (Goal.SLEEP,)
    assert routine.tips == ("Dim the light.", "Lie down slowly.")
    assert [(c.at_minute, c.at_fraction, c.text) for c in routine.cues] == [
        (3.0, None, "Move the pillow"),
        (None, 0.5, "Halfway there"),
    ]


def test_errors_appear_next_to_the_field_as_you_type(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    editor.show()
    fill_valid(editor)
    editor.min_spin.setValue(25)  # above max_minutes (20)
    assert "minutes" in editor.errors
    assert "25" in editor.errors["minutes"]
    label = editor._error_labels["minutes"]
    assert label.isVisible() and "max_minutes" in label.text()
    assert editor.min_spin.property("invalid") == "true"
    assert editor.routine() is None
    assert editor.save_button is not None and not editor.save_button.isEnabled()
    editor.min_spin.setValue(5)
    assert editor.errors == {}
    assert not label.isVisible()
    assert editor.min_spin.property("invalid") == "false"


def test_a_bad_cue_line_is_named(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    fill_valid(editor)
    editor.cues_edit.setPlainText("3 min: fine\nno time here")
    assert "line 2" in editor.errors["cues"]
    editor.cues_edit.setPlainText("30 min: after the end")  # max_minutes is 20
    assert "cues[0].at_minute" in editor.errors["cues"]


def test_a_taken_id_is_refused(qtbot: QtBot) -> None:
    editor = RoutineEditor(taken_ids={"sleep", "evening-calm"})
    qtbot.addWidget(editor)
    fill_valid(editor, name="Sleep")
    assert editor.id_edit.text() == "sleep-2"  # the suggested id avoids taken ones
    editor.id_edit.setText("sleep")
    editor.id_edit.textEdited.emit("sleep")
    assert "already uses" in editor.errors["id"]
    editor.name_edit.setText("Something else")
    editor.name_edit.textEdited.emit("Something else")
    assert editor.id_edit.text() == "sleep"  # typed by hand: no longer follows the name


def test_editing_loads_every_field_and_keeps_its_own_id(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    mine = library.duplicate("headache", "My headache")
    editor = RoutineEditor(mine, taken_ids=library.ids())
    qtbot.addWidget(editor)
    assert editor.errors == {}  # its own id is not a clash
    result = editor.routine()
    assert result is not None
    assert result.model_dump() == mine.model_dump()


def test_builtins_open_read_only_with_duplicate(qtbot: QtBot, library: RoutineLibrary) -> None:
    editor = RoutineEditor(library.get("sleep"), taken_ids=library.ids())
    qtbot.addWidget(editor)
    assert editor.read_only
    assert editor.save_button is None
    assert editor.duplicate_button is not None
    assert not editor.name_edit.isEnabled()
    assert editor.banner.isVisibleTo(editor)
    with qtbot.waitSignal(editor.duplicate_requested) as blocker:
        editor.duplicate_button.click()
    assert blocker.args == ["sleep"]
    assert editor.duplicate_chosen


def test_field_of_maps_model_paths_to_editor_rows() -> None:
    assert field_of("cues[0].at_minute") == "cues"
    assert field_of("tips[2]") == "tips"
    assert field_of("max_minutes") == "minutes"
    assert field_of("(routine)") == ""


# ------------------------------------------------------------------ actions


class Recorder:
    """Stands in for QFileDialog and QMessageBox."""

    def __init__(self, open_path: Path | None = None, save_path: Path | None = None) -> None:
        self.open_path = open_path
        self.save_path = save_path
        self.errors: list[tuple[str, str]] = []
        self.confirm_answer = True
        self.confirmed: list[str] = []
        self.suggested: list[str] = []

    def choose_open(self, parent: QWidget) -> Path | None:
        return self.open_path

    def choose_save(self, parent: QWidget, suggested: str) -> Path | None:
        self.suggested.append(suggested)
        return self.save_path

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        self.confirmed.append(text)
        return self.confirm_answer

    def show_error(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append((title, text))


def make_actions(
    qtbot: QtBot,
    library: RoutineLibrary,
    recorder: Recorder,
    run_editor: Callable[[RoutineEditor], bool] = lambda editor: False,
) -> RoutineActions:
    host = QWidget()
    qtbot.addWidget(host)
    return RoutineActions(
        library,
        host,
        choose_open=recorder.choose_open,
        choose_save=recorder.choose_save,
        confirm=recorder.confirm,
        show_error=recorder.show_error,
        run_editor=run_editor,
    )


def test_new_saves_what_the_editor_holds(qtbot: QtBot, library: RoutineLibrary) -> None:
    def fill(editor: RoutineEditor) -> bool:
        fill_valid(editor)
        return True

    actions = make_actions(qtbot, library, Recorder(), fill)
    with qtbot.waitSignal(actions.changed) as blocker:
        saved = actions.new()
    assert saved is not None and blocker.args == ["evening-calm"]
    assert library.get("evening-calm").purpose == "Ten quiet minutes before bed."
    assert (library.user_dir / "evening-calm.toml").exists()


def test_cancelling_the_editor_changes_nothing(qtbot: QtBot, library: RoutineLibrary) -> None:
    before = library.ids()
    actions = make_actions(qtbot, library, Recorder())
    assert actions.new() is None
    assert library.ids() == before


def test_edit_updates_a_user_routine(qtbot: QtBot, library: RoutineLibrary) -> None:
    mine = library.duplicate("desk-break", "Desk reset")

    def change(editor: RoutineEditor) -> bool:
        editor.position_combo.setCurrentIndex(editor.position_combo.findData("sitting-chair"))
        return True

    actions = make_actions(qtbot, library, Recorder(), change)
    saved = actions.edit(mine.id)
    assert saved is not None
    assert library.get(mine.id).position is Position.SITTING_CHAIR


def test_editing_a_builtin_duplicates_it_first(qtbot: QtBot, library: RoutineLibrary) -> None:
    seen: list[bool] = []

    def run(editor: RoutineEditor) -> bool:
        seen.append(editor.read_only)
        if editor.read_only:
            assert editor.duplicate_button is not None
            editor.duplicate_button.click()
            return True
        editor.name_edit.setText("My sleep")
        return True

    actions = make_actions(qtbot, library, Recorder(), run)
    saved = actions.edit("sleep")
    assert seen == [True, False]
    assert saved is not None and saved.name == "My sleep" and not saved.builtin
    assert library.get("sleep").name != "My sleep"  # the built-in is untouched


def test_delete_asks_and_refuses_builtins(qtbot: QtBot, library: RoutineLibrary) -> None:
    recorder = Recorder()
    actions = make_actions(qtbot, library, recorder)
    assert not actions.delete("sleep")
    assert "sleep" in library and recorder.errors[-1][0] == "Built-in routine"
    mine = library.duplicate("sleep", "Nap")
    recorder.confirm_answer = False
    assert not actions.delete(mine.id)
    assert mine.id in library
    recorder.confirm_answer = True
    with qtbot.waitSignal(actions.deleted):
        assert actions.delete(mine.id)
    assert mine.id not in library and "Nap" in recorder.confirmed[-1]


def test_import_error_names_file_field_and_reason(
    qtbot: QtBot, library: RoutineLibrary, tmp_path: Path
) -> None:
    bad = tmp_path / "evening.json"
    data = library.get("sleep").summary() | {"id": "evening", "minutes": 50}
    data.pop("builtin")
    bad.write_text(json.dumps(data), "utf-8")
    recorder = Recorder(open_path=bad)
    actions = make_actions(qtbot, library, recorder)
    before = library.ids()
    assert actions.import_file() is None
    assert library.ids() == before  # nothing imported
    title, text = recorder.errors[-1]
    assert "evening.json" in title
    assert "minutes" in text and "50" in text


def test_import_renames_a_clashing_id(
    qtbot: QtBot, library: RoutineLibrary, tmp_path: Path
) -> None:
    path = library.export("sleep", tmp_path / "sleep.toml")
    actions = make_actions(qtbot, library, Recorder(open_path=path))
    with qtbot.waitSignal(actions.changed) as blocker:
        imported = actions.import_file()
    assert imported is not None and imported.id == "sleep-2" == blocker.args[0]
    assert library.get("sleep").builtin


def test_export_writes_the_chosen_file(
    qtbot: QtBot, library: RoutineLibrary, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "back.json"
    target.parent.mkdir()
    recorder = Recorder(save_path=target)
    actions = make_actions(qtbot, library, recorder)
    assert actions.export("back-neck") == target
    assert recorder.suggested == ["back-neck.toml"]
    assert json.loads(target.read_text("utf-8"))["id"] == "back-neck"
    recorder.save_path = None
    assert actions.export("back-neck") is None  # cancelled
