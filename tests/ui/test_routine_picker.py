"""The routine picker: cards follow the library and the goal filter; Start forwards the choices."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.acclimation import MinutesChoice, choose_minutes
from acumat_desktop.core.routines import Goal, Routine
from acumat_desktop.services.routine_library import RoutineLibrary
from acumat_desktop.ui.plurals import install_english_plurals
from acumat_desktop.ui.routine_picker import RoutinePicker
from acumat_desktop.ui.widgets.routine_cards import FAVOURITE_ROLE, ROUTINE_ROLE, card_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def library(tmp_path: Path) -> RoutineLibrary:
    return RoutineLibrary(user_dir=tmp_path / "routines")


@pytest.fixture
def picker(qtbot: QtBot, library: RoutineLibrary) -> RoutinePicker:
    widget = RoutinePicker(library)
    qtbot.addWidget(widget)
    widget.resize(720, 520)
    return widget


def shown_ids(picker: RoutinePicker) -> list[str]:
    return [r.id for r in picker.model.routines()]


def test_cards_show_every_routine_in_library_order(
    picker: RoutinePicker, library: RoutineLibrary
) -> None:
    assert shown_ids(picker) == [r.id for r in library.all()]
    assert picker.selected_id() == library.all()[0].id


def test_goal_filter_shows_only_matching_routines(
    picker: RoutinePicker, library: RoutineLibrary, qtbot: QtBot
) -> None:
    qtbot.mouseClick(picker.goal_buttons[Goal.FEET], Qt.MouseButton.LeftButton)
    feet = shown_ids(picker)
    assert feet == [r.id for r in library.all() if Goal.FEET in r.goals]
    assert "tired-feet" in feet
    assert "sleep" not in feet
    assert picker.goal() is Goal.FEET
    assert picker.selected_id() in feet
    qtbot.mouseClick(picker.goal_buttons[None], Qt.MouseButton.LeftButton)
    assert len(shown_ids(picker)) == len(library.all())


def test_select_by_id_clears_a_filter_that_hides_it(picker: RoutinePicker) -> None:
    picker.set_goal(Goal.FEET)
    assert picker.select("sleep")
    assert picker.selected_id() == "sleep"
    assert picker.goal() is None
    assert not picker.select("no-such-routine")


def test_minutes_follow_the_selected_routine(
    picker: RoutinePicker, library: RoutineLibrary
) -> None:
    picker.select("back-neck")
    routine = library.get("back-neck")
    spin = picker.minutes_spin
    assert (spin.minimum(), spin.maximum(), spin.value()) == (
        routine.min_minutes,
        routine.max_minutes,
        routine.minutes,
    )
    assert picker.name_label.text() == routine.name
    assert routine.tips[0] in picker.about_label.text()


def test_suggested_minutes_are_preselected_within_the_range(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    asked: list[str] = []

    def suggest(routine: Routine) -> int:
        asked.append(routine.id)
        return 1  # below every range: must be clamped

    picker = RoutinePicker(library, suggest_minutes=suggest)
    qtbot.addWidget(picker)
    picker.select("back-neck")
    assert asked[-1] == "back-neck"
    assert picker.minutes() == library.get("back-neck").min_minutes
    assert "shorter" in picker.range_label.text()


def test_the_acclimation_week_is_said_under_the_minutes(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    choices = {"sleep": MinutesChoice(10, "last", week=1, cap=10, capped=True)}

    def suggest(routine: Routine) -> MinutesChoice:
        return choices.get(routine.id, MinutesChoice(routine.minutes, "default"))

    install_english_plurals()
    picker = RoutinePicker(library, suggest_minutes=suggest)
    qtbot.addWidget(picker)
    picker.select("sleep")
    assert picker.minutes() == 10
    assert picker.range_label.text() == "Week 2 of getting used to the mat: up to 10 minutes"
    assert "Settings" in picker.range_label.toolTip()
    picker.select("back-neck")
    back = library.get("back-neck")
    assert picker.range_label.text() == f"{back.min_minutes}–{back.max_minutes} minutes"
    picker.select("sleep")
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.minutes() == 10
    picker.hide()  # a session runs
    choices["sleep"] = MinutesChoice(12, "last")  # remembered, the plan over
    picker.show()  # back from the session
    assert picker.minutes() == 12
    assert picker.range_label.text() == "3–15 minutes"


def test_the_ease_in_box_is_offered_once_kept_and_follows_the_routine(
    picker: RoutinePicker, qtbot: QtBot
) -> None:
    picker.select("sleep")
    assert picker.ramp_check.isHidden(), "nobody keeps the choice: not offered"
    picker.set_ramp_routines(["sleep"])
    assert not picker.ramp_check.isHidden() and picker.ramp_check.isChecked()
    picker.select("back-neck")
    assert not picker.ramp_check.isChecked()
    with qtbot.waitSignal(picker.ramp_toggled) as blocker:
        picker.ramp_check.click()
    assert blocker.args == ["back-neck", True]
    with qtbot.assertNotEmitted(picker.ramp_toggled):
        picker.set_ramp_routines(["sleep", "back-neck"])  # the settings answer: no echo
    assert picker.ramp_check.isChecked()


def test_the_more_button_keeps_room_for_its_arrow(picker: RoutinePicker, qtbot: QtBot) -> None:
    picker.show()
    qtbot.waitExposed(picker)
    button = picker.more_button
    assert isinstance(button, QPushButton) and button.menu() is picker.more_menu
    text_width = button.fontMetrics().horizontalAdvance(button.text())
    assert button.width() >= text_width + 24, "text, padding and the menu arrow side by side"


def test_start_forwards_routine_minutes_and_defaults(picker: RoutinePicker, qtbot: QtBot) -> None:
    picker.select("stress-release")
    picker.minutes_spin.setValue(25)
    with qtbot.waitSignal(picker.start_requested) as blocker:
        qtbot.mouseClick(picker.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["stress-release", 25, None, None]


def test_start_forwards_breathing_and_sound_overrides(picker: RoutinePicker, qtbot: QtBot) -> None:
    picker.select("sleep")
    assert picker.breathing_combo.itemData(0) == ""  # "Routine default" comes first
    picker.breathing_combo.setCurrentIndex(picker.breathing_combo.findData("box"))
    picker.sound_combo.setCurrentIndex(picker.sound_combo.findData("none"))
    with qtbot.waitSignal(picker.start_requested) as blocker:
        picker.start_button.click()
    assert blocker.args[2:] == ["box", "none"]


def test_arrow_keys_move_between_cards_and_enter_starts(
    picker: RoutinePicker, qtbot: QtBot, library: RoutineLibrary
) -> None:
    picker.show()
    qtbot.waitExposed(picker)
    picker.list_view.setFocus()
    first, second = library.all()[0].id, library.all()[1].id
    assert picker.selected_id() == first
    qtbot.keyClick(picker.list_view, Qt.Key.Key_Down)
    assert picker.selected_id() == second
    with qtbot.waitSignal(picker.start_requested) as blocker:
        qtbot.keyClick(picker.list_view, Qt.Key.Key_Return)
    assert blocker.args[0] == second


def test_enter_on_a_focused_button_presses_it_instead_of_starting(
    picker: RoutinePicker, qtbot: QtBot
) -> None:
    picker.show()
    qtbot.waitExposed(picker)
    started: list[object] = []
    picker.start_requested.connect(lambda *args: started.append(args))
    picker.history_button.setFocus()
    with qtbot.waitSignal(picker.history_requested):
        qtbot.keyClick(picker.history_button, Qt.Key.Key_Return)
    assert started == []


def test_header_and_menu_actions_emit_their_signals(
    picker: RoutinePicker, qtbot: QtBot, library: RoutineLibrary
) -> None:
    with qtbot.waitSignal(picker.new_requested):
        picker.new_button.click()
    with qtbot.waitSignal(picker.import_requested):
        picker.import_button.click()
    picker.select("headache")
    with qtbot.waitSignal(picker.edit_requested) as edit:
        picker.edit_button.click()
    assert edit.args == ["headache"]
    with qtbot.waitSignal(picker.export_requested) as export:
        picker.export_action.trigger()
    assert export.args == ["headache"]
    assert not picker.delete_action.isEnabled()  # built-ins cannot be deleted
    mine = library.duplicate("headache", "My headache")
    picker.select(mine.id)
    assert picker.delete_action.isEnabled()
    with qtbot.waitSignal(picker.delete_requested) as delete:
        picker.delete_action.trigger()
    assert delete.args == [mine.id]


def test_library_changes_appear_and_keep_the_selection(
    picker: RoutinePicker, library: RoutineLibrary
) -> None:
    picker.select("sleep")
    copy = library.duplicate("desk-break", "Afternoon reset")
    assert copy.id in shown_ids(picker)
    assert picker.selected_id() == "sleep"
    library.delete(copy.id)
    assert copy.id not in shown_ids(picker)


def test_an_empty_filter_disables_start(
    picker: RoutinePicker, library: RoutineLibrary, tmp_path: Path, qtbot: QtBot
) -> None:
    empty = RoutineLibrary(builtin_dir=tmp_path / "none", user_dir=tmp_path / "user")
    lonely = RoutinePicker(empty)
    qtbot.addWidget(lonely)
    assert lonely.selected_id() is None
    assert not lonely.start_button.isEnabled()
    lonely.start()  # nothing selected: nothing to start, no error


def test_cards_carry_their_words_for_screen_readers(picker: RoutinePicker) -> None:
    index = picker.model.index(0, 0)
    routine = index.data(ROUTINE_ROLE)
    text = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert text == card_text(routine)
    assert routine.name in text and routine.purpose in text and "minutes" in text


def test_every_control_has_an_accessible_name(picker: RoutinePicker) -> None:
    controls: list[QWidget] = [
        *picker.goal_buttons.values(),
        picker.list_view,
        picker.minutes_spin,
        picker.breathing_combo,
        picker.sound_combo,
        picker.start_button,
        picker.edit_button,
        picker.more_button,
        picker.new_button,
        picker.import_button,
        picker.history_button,
    ]
    for control in controls:
        assert control.accessibleName(), control
    assert picker.start_button.accessibleName().endswith(picker.selected_routine().name)  # type: ignore[union-attr]


def test_tab_order_runs_from_cards_to_start(picker: RoutinePicker, qtbot: QtBot) -> None:
    picker.show()
    qtbot.waitExposed(picker)
    picker.activateWindow()
    picker.list_view.setFocus()
    qtbot.waitUntil(picker.list_view.hasFocus)
    reached: list[QWidget | None] = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [
        picker.minutes_spin,
        picker.breathing_combo,
        picker.sound_combo,
        picker.start_button,
    ]


def test_a_deleted_picker_stops_following_the_library(
    qtbot: QtBot, library: RoutineLibrary, caplog: pytest.LogCaptureFixture
) -> None:
    picker = RoutinePicker(library)
    picker.deleteLater()
    qtbot.waitUntil(lambda: not _alive(picker))
    with caplog.at_level(logging.ERROR):
        library.duplicate("sleep")
    assert "listener failed" not in caplog.text


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


# ------------------------------------------------------------------------------ favourites


def test_more_menu_adds_and_removes_a_favourite(picker: RoutinePicker, qtbot: QtBot) -> None:
    picker.select("sleep")
    assert picker.favourite_action in picker.more_menu.actions()
    assert picker.favourite_action.text() == "Add to favourites"
    with qtbot.waitSignal(picker.favourite_toggled) as added:
        picker.favourite_action.trigger()
    assert added.args == ["sleep", True]
    assert not picker.is_favourite("sleep"), "the picker only asks; the settings decide"
    picker.set_favourites(["sleep"])
    assert picker.favourite_action.text() == "Remove from favourites"
    with qtbot.waitSignal(picker.favourite_toggled) as removed:
        picker.favourite_action.trigger()
    assert removed.args == ["sleep", False]
    picker.select("headache")
    assert picker.favourite_action.text() == "Add to favourites"


def test_favourite_cards_carry_a_star_and_say_so(picker: RoutinePicker, qtbot: QtBot) -> None:
    row = picker.model.row_of("tired-feet")
    index = picker.model.index(row, 0)
    picker.show()
    picker.list_view.scrollTo(index)
    qtbot.waitExposed(picker)
    rect = picker.list_view.visualRect(index)
    plain = picker.list_view.viewport().grab(rect).toImage()
    assert index.data(FAVOURITE_ROLE) is False
    picker.set_favourites(["tired-feet", "not-a-routine"])
    assert index.data(FAVOURITE_ROLE) is True
    text = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert text.endswith("Favourite") and text == card_text(index.data(ROUTINE_ROLE), True)
    starred = picker.list_view.viewport().grab(rect).toImage()
    assert starred != plain, "the favourite's card is painted differently (the star)"
    other = picker.model.index(picker.model.row_of("sleep"), 0)
    assert other.data(FAVOURITE_ROLE) is False
    assert not other.data(Qt.ItemDataRole.AccessibleTextRole).endswith("favourite")


# ----------------------------------------------------------------- layout: nothing moves or clips


def _geometry(picker: RoutinePicker) -> tuple[int, int, int, int]:
    """Where the list and the details sit (x and width of each), in the picker."""
    details = picker.name_label.parentWidget()
    assert details is not None
    return (picker.list_view.x(), picker.list_view.width(), details.x(), details.width())


def _assert_cards_fit(picker: RoutinePicker) -> None:
    view = picker.list_view
    assert not view.horizontalScrollBar().isVisible(), "no sideways scrolling"
    assert view.horizontalScrollBar().maximum() == 0
    viewport = view.viewport().rect()
    card_width = picker.card_delegate.card_width
    font = view.font()
    for row in range(picker.model.rowCount()):
        index = picker.model.index(row, 0)
        rect = view.visualRect(index)
        assert rect.left() >= 0 and rect.left() + card_width <= viewport.width(), row
        routine = index.data(ROUTINE_ROLE)
        lines = picker.card_delegate.name_lines(font, routine, picker.is_favourite(routine.id))
        assert " ".join(lines) == routine.name, "the whole name, wrapped, never cut"


@pytest.mark.parametrize("size", [(500, 480), (760, 560), (1600, 1000)])
def test_list_and_details_never_move_when_filtering_or_selecting(
    qtbot: QtBot, library: RoutineLibrary, size: tuple[int, int]
) -> None:
    picker = RoutinePicker(library)
    qtbot.addWidget(picker)
    picker.resize(*size)
    picker.show()
    qtbot.waitExposed(picker)
    before = _geometry(picker)
    _assert_cards_fit(picker)
    for goal, button in picker.goal_buttons.items():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert picker.goal() == goal
        assert _geometry(picker) == before, f"moved after filtering by {goal}"
        _assert_cards_fit(picker)
    qtbot.mouseClick(picker.goal_buttons[None], Qt.MouseButton.LeftButton)
    for routine in library.all():
        picker.select(routine.id)
        assert _geometry(picker) == before, f"moved after selecting {routine.id}"
    picker.set_favourites(["first-time", "headache"])
    _assert_cards_fit(picker)
    assert _geometry(picker) == before


def test_long_names_wrap_onto_a_second_line_in_a_narrow_window(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    picker = RoutinePicker(library)
    qtbot.addWidget(picker)
    picker.resize(500, 480)
    picker.show()
    qtbot.waitExposed(picker)
    font = picker.list_view.font()
    wrapped = [r.name for r in library.all() if len(picker.card_delegate.name_lines(font, r)) > 1]
    assert all(" ".join(picker.card_delegate.name_lines(font, r)) == r.name for r in library.all())
    assert wrapped, "at the compact width some names take two lines rather than an ellipsis"
    rows = [picker.list_view.visualRect(picker.model.index(i, 0)) for i in range(3)]
    assert rows[0].bottom() < rows[1].top() and rows[1].bottom() < rows[2].top(), "no overlap"


def test_goal_chips_wrap_rather_than_clip_when_the_words_are_long(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    from tests.ui.layout_checks import clipped_words, overlaps

    picker = RoutinePicker(library)
    qtbot.addWidget(picker)
    picker.resize(500, 520)
    picker.show()
    qtbot.waitExposed(picker)
    one_line = picker.filter_bar.height()
    for goal, button in picker.goal_buttons.items():  # a long translation, say
        if goal is not None:
            button.setText(f"{button.text()} und Entspannung")
    qtbot.waitUntil(lambda: picker.filter_bar.height() > 2 * one_line)
    assert clipped_words(picker.filter_bar) == []
    assert overlaps(picker.filter_bar) == []
    assert overlaps(picker) == []


def test_a_routine_longer_than_the_weeks_plan_says_so_and_offers_a_gentler_start(
    qtbot: QtBot, library: RoutineLibrary
) -> None:
    """Week 1 caps at 5 minutes; "Back and neck" takes at least 15. The line says that (not
    "up to 5 minutes" beside a box showing 15), the box and Start use the 15 the line names, and
    "First time on the mat", which fits the week, is offered and selected by its link."""
    today = date(2026, 11, 2)

    def suggest(routine: Routine) -> MinutesChoice:
        return choose_minutes(routine, first_session=today, today=today)

    install_english_plurals()
    picker = RoutinePicker(library, suggest_minutes=suggest)
    qtbot.addWidget(picker)
    picker.select("back-neck")
    back = library.get("back-neck")
    line = picker.details.minutes_line()
    assert line == (
        f"This routine takes at least {back.min_minutes} minutes, more than week 1 of getting "
        "used to the mat suggests (up to 5). First time on the mat is a gentler start for now."
    )
    assert "up to 5 minutes" not in line
    assert "<a href='routine:first-time'>" in picker.range_label.text()
    assert picker.minutes() == back.min_minutes, "the box shows the shortest the line names"
    with qtbot.waitSignal(picker.start_requested) as started:
        picker.start()
    assert started.args[:2] == ["back-neck", back.min_minutes]

    picker.range_label.linkActivated.emit("routine:first-time")  # the link, as a click sends it
    assert picker.selected_id() == "first-time"
    line = picker.details.minutes_line()
    assert line == "Week 1 of getting used to the mat: up to 5 minutes", "it fits: no suggestion"
    assert picker.minutes() == 5
    with qtbot.waitSignal(picker.start_requested) as started:
        picker.start()
    assert started.args[:2] == ["first-time", 5]
