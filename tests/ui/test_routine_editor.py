"""The routine editor checks as you type and speaks once a field is changed; RoutineActions
changes the library through it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.routines import Goal, Position
from acumat_desktop.services.routine_library import RoutineLibrary
from acumat_desktop.ui.routine_actions import RoutineActions
from acumat_desktop.ui.routine_editor import NEW_PATTERN, RoutineEditor, field_of

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


def shown_error(editor: RoutineEditor, key: str) -> str:
    return editor._error_labels[key].text()


def test_a_new_routine_shows_no_error_before_anything_is_typed(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    assert "name" in editor.errors and "purpose" in editor.errors  # known, not shown
    assert all(label.text() == "" for label in editor._error_labels.values())
    assert not editor.general_error.isVisible()
    assert editor.save_button.isEnabled()  # Save says what is missing instead
    fill_valid(editor)
    assert editor.errors == {}
    routine = editor.routine()
    assert routine is not None
    assert routine.id == "evening-calm"  # made from the name
    assert routine.goals == (Goal.SLEEP,)
    assert routine.tips == ("Dim the light.", "Lie down slowly.")
    assert [(c.at_minute, c.at_fraction, c.text) for c in routine.cues] == [
        (3.0, None, "Move the pillow"),
        (None, 0.5, "Halfway there"),
    ]


def test_save_with_problems_shows_them_all_and_stays_open(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    editor.show()
    with qtbot.assertNotEmitted(editor.accepted):
        editor.save_button.click()
    assert shown_error(editor, "name") == "Give the routine a name of up to 60 characters."
    assert shown_error(editor, "purpose") == "Say in one short line what the routine is for."
    assert editor.isVisible()
    assert editor.name_edit.hasFocus() or not editor.isActiveWindow()


def test_there_is_no_id_field(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    assert not hasattr(editor, "id_edit")
    texts = [label.text() for label in editor.findChildren(QLabel)]
    assert not any("Id" in text or "lower-case" in text for text in texts)


def test_errors_are_plain_and_appear_once_the_field_is_changed(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    editor.show()
    fill_valid(editor)
    editor.minutes_spin.setValue(45)  # above the longest (20)
    assert shown_error(editor, "minutes") == "The default must be between 5 and 20 minutes."
    assert editor.routine() is None
    assert editor.min_spin.property("invalid") in (None, "false")  # arrows keep their look
    editor.minutes_spin.setValue(10)
    editor.min_spin.setValue(25)
    assert shown_error(editor, "minutes") == (
        "The shortest time must not be longer than the longest."
    )
    editor.min_spin.setValue(5)
    assert editor.errors == {} and shown_error(editor, "minutes") == ""


def test_nothing_moves_when_errors_come_and_go(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    editor.show()
    fill_valid(editor)
    qtbot.waitExposed(editor)

    def tops() -> list[int]:
        fields = (editor.name_edit, editor.purpose_edit, editor.minutes_spin, editor.cues_edit)
        return [f.mapTo(editor, f.rect().topLeft()).y() for f in fields]

    before = tops()
    editor.name_edit.setText("")
    editor.name_edit.textEdited.emit("")
    editor.minutes_spin.setValue(45)
    assert shown_error(editor, "name") and shown_error(editor, "minutes")
    QApplication.processEvents()
    assert tops() == before


def test_a_bad_cue_line_is_named(qtbot: QtBot) -> None:
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    fill_valid(editor)
    editor.cues_edit.setPlainText("3 min: fine\nno time here")
    assert "line 2" in shown_error(editor, "cues")
    editor.cues_edit.setPlainText("30 min: after the end")  # the longest is 20
    assert "at 30 minutes it comes after the longest session (20 minutes)" in (
        shown_error(editor, "cues")
    )


def test_a_new_id_avoids_taken_ones(qtbot: QtBot) -> None:
    editor = RoutineEditor(taken_ids={"sleep", "evening-calm"})
    qtbot.addWidget(editor)
    fill_valid(editor, name="Sleep")
    routine = editor.routine()
    assert routine is not None and routine.id == "sleep-2"


def test_editing_loads_every_field_and_keeps_its_own_id(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    mine = library.duplicate("headache", "My headache")
    editor = RoutineEditor(mine, taken_ids=library.ids())
    qtbot.addWidget(editor)
    assert editor.errors == {}  # its own id is not a clash
    editor.name_edit.setText("Renamed")
    result = editor.routine()
    assert result is not None
    assert result.model_dump() == mine.model_dump() | {"name": "Renamed"}


def test_new_pattern_is_offered_in_the_breathing_list(qtbot: QtBot) -> None:
    plain = RoutineEditor()
    qtbot.addWidget(plain)
    assert plain.breathing_combo.findData(NEW_PATTERN) < 0  # only where patterns can be made
    editor = RoutineEditor(offer_new_pattern=True)
    qtbot.addWidget(editor)
    fill_valid(editor)
    before = editor.breathing_combo.currentData()
    with qtbot.waitSignal(editor.new_pattern_requested):
        editor.breathing_combo.setCurrentIndex(editor.breathing_combo.findData(NEW_PATTERN))
    assert editor.breathing_combo.currentData() == before  # until one is made
    editor.add_pattern("slow-evening", "Slow evening")
    assert editor.breathing_combo.currentData() == "slow-evening"
    routine = editor.routine()
    assert routine is not None and routine.breathing == "slow-evening"


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


def test_customising_a_builtin_saves_a_copy_only_on_save(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    seen: list[RoutineEditor] = []

    def cancel(editor: RoutineEditor) -> bool:
        seen.append(editor)
        return False

    before = library.ids()
    actions = make_actions(qtbot, library, Recorder(), cancel)
    assert actions.edit("back-neck") is None
    assert library.ids() == before  # Cancel leaves nothing behind
    editor = seen[0]
    assert editor.name_edit.isEnabled() and editor.banner.isVisibleTo(editor)
    assert "Back and neck" in editor.banner.text()
    assert editor.name_edit.text() == "Back and neck (my version)"

    def change(editor: RoutineEditor) -> bool:
        editor.name_edit.setText("My back")
        return True

    actions = make_actions(qtbot, library, Recorder(), change)
    saved = actions.edit("back-neck")
    assert saved is not None and saved.name == "My back" and not saved.builtin
    assert saved.id == "my-back" and saved.id in library
    assert library.get("back-neck").name == "Back and neck"  # the built-in is untouched
    assert library.get("my-back").minutes == library.get("back-neck").minutes


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
