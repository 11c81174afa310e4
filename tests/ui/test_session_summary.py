"""The end-of-session summary shows the record and forwards the feeling and Done."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from acumat_desktop.core.history import SessionRecord
from acumat_desktop.ui.session_summary import SessionSummary, minutes_text

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def record(**changes: object) -> SessionRecord:
    values: dict[str, object] = {
        "routine_id": "back-neck",
        "routine_name": "Back and neck",
        "started_at": datetime(2026, 11, 24, 20, 0, tzinfo=UTC),
        "planned_s": 1200.0,
        "actual_s": 1200.0,
        "completed": True,
        "pattern_id": "resonance",
        "breaths": 109,
    }
    values.update(changes)
    return SessionRecord(**values)  # type: ignore[arg-type]


@pytest.fixture
def summary(qtbot: QtBot) -> SessionSummary:
    widget = SessionSummary()
    qtbot.addWidget(widget)
    return widget


def test_a_completed_session_shows_minutes_routine_and_breaths(summary: SessionSummary) -> None:
    summary.set_record(record())
    assert summary.title_label.text() == "Well done"
    assert summary.routine_label.text() == "Back and neck"
    assert summary.minutes_value.text() == "20 min"
    assert summary.breaths_value.text() == "109"
    assert summary.breaths_tile.isVisibleTo(summary)
    assert summary.breaths_caption.text() == "breaths guided"
    assert summary.summary_text() == (
        "Back and neck: 20 min on the mat, completed. 109 breaths guided."
    )
    assert summary.feeling() is None
    assert summary.feeling_box.isVisibleTo(summary)


def test_a_stopped_session_says_so_and_hides_zero_breaths(summary: SessionSummary) -> None:
    summary.set_record(record(actual_s=260.0, completed=False, breaths=0, pattern_id=None))
    assert summary.title_label.text() == "Session stopped"
    assert summary.minutes_value.text() == "4 min"
    assert summary.minutes_caption.text() == "of 20 min planned"
    assert not summary.breaths_tile.isVisibleTo(summary)
    assert "stopped" in summary.summary_text()


def test_one_breath_is_one_breath(summary: SessionSummary) -> None:
    summary.set_record(record(actual_s=70.0, completed=False, breaths=1))
    assert summary.breaths_caption.text() == "breath guided"
    assert summary.summary_text().endswith("stopped. 1 breath guided.")


def test_tiles_never_repeat_the_headline(summary: SessionSummary) -> None:
    for completed in (True, False):
        summary.set_record(record(completed=completed))
        headline = summary.title_label.text().lower()
        tiles = [
            label.text().lower()
            for label in summary.findChildren(QLabel)
            if label.isVisibleTo(summary)
            and label.parent() is not summary
            and label.parent() is not summary.feeling_box
        ]
        assert tiles, "the time on the mat is shown"
        for word in ("completed", "stopped", "result", "well done"):
            assert not any(word in text for text in tiles), (word, tiles)
        assert headline not in tiles


def test_no_feeling_question_after_a_few_seconds(summary: SessionSummary, qtbot: QtBot) -> None:
    summary.set_record(record(actual_s=4.0, completed=False, breaths=0))
    assert not summary.feeling_box.isVisibleTo(summary)
    summary.show()
    qtbot.waitExposed(summary)
    with qtbot.assertNotEmitted(summary.feeling_chosen):
        qtbot.keyClick(summary, Qt.Key.Key_3)
    summary.set_record(record(actual_s=60.0, completed=False))
    assert summary.feeling_box.isVisibleTo(summary), "a minute is enough to ask"


def test_feeling_buttons_emit_and_stay_chosen(summary: SessionSummary, qtbot: QtBot) -> None:
    summary.set_record(record())
    with qtbot.waitSignal(summary.feeling_chosen) as blocker:
        qtbot.mouseClick(summary.feeling_buttons[3], Qt.MouseButton.LeftButton)
    assert blocker.args == [4]
    assert summary.feeling() == 4
    with qtbot.waitSignal(summary.feeling_chosen) as again:
        summary.feeling_buttons[1].click()
    assert again.args == [2]
    assert summary.feeling() == 2
    assert not summary.feeling_buttons[3].isChecked()


def test_number_keys_choose_a_feeling_and_enter_is_done(
    summary: SessionSummary, qtbot: QtBot
) -> None:
    summary.set_record(record())
    summary.show()
    qtbot.waitExposed(summary)
    with qtbot.waitSignal(summary.feeling_chosen) as blocker:
        qtbot.keyClick(summary, Qt.Key.Key_5)
    assert blocker.args == [5]
    summary.done_button.setFocus()
    with qtbot.waitSignal(summary.done):
        qtbot.keyClick(summary.done_button, Qt.Key.Key_Return)


def test_a_new_record_clears_the_previous_feeling(summary: SessionSummary) -> None:
    summary.set_record(record())
    summary.feeling_buttons[0].click()
    summary.set_record(record(routine_name="Before sleep"))
    assert summary.feeling() is None
    summary.set_record(record(feeling=3))
    assert summary.feeling() == 3  # already noted: shown as chosen


def test_every_button_has_an_accessible_name(summary: SessionSummary) -> None:
    names = [b.accessibleName() for b in summary.feeling_buttons]
    assert names == [
        "Feeling 1 of 5: Not great",
        "Feeling 2 of 5: So-so",
        "Feeling 3 of 5: Okay",
        "Feeling 4 of 5: Good",
        "Feeling 5 of 5: Great",
    ]
    assert summary.done_button.accessibleName()


def test_done_emits(summary: SessionSummary, qtbot: QtBot) -> None:
    with qtbot.waitSignal(summary.done):
        summary.done_button.click()


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0 s"), (45, "45 s"), (59.6, "1 min"), (1199.7, "20 min")]
)
def test_minutes_text(seconds: float, text: str) -> None:
    assert minutes_text(seconds) == text
