"""The history page worth opening: past weeks and months, 'do this again' from a session
(double-click, Enter, its menu), edit and delete, a session added by hand, the chart and the
list sharing the page."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.ui.history_period import Period, PeriodKind, period_of
from acumat_desktop.ui.history_view import HistoryView
from acumat_desktop.ui.session_entry import SessionEntryDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 26, 21, 0, tzinfo=TZ)  # a Thursday evening
Maker = Callable[[], HistoryView]
ROUTINES = [("back-neck", "Back and neck"), ("first-time", "First time on the mat")]


def session(days_back: float, minutes: float = 20, **kw: object) -> SessionRecord:
    values: dict[str, object] = {
        "routine_id": "back-neck",
        "routine_name": "Back and neck",
        "started_at": NOW - timedelta(days=days_back, hours=1),
        "planned_s": minutes * 60,
        "actual_s": minutes * 60,
        "completed": True,
    }
    values.update(kw)
    return SessionRecord(**values)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[HistoryStore]:
    history = HistoryStore(tmp_path / "history.sqlite3", clock)
    yield history
    history.close()


class Answers:
    """Stand-ins for the entry form and the delete question, recording what was asked."""

    def __init__(self) -> None:
        self.entry: SessionRecord | None = None
        self.confirm = True
        self.asked: list[SessionRecord | None] = []
        self.questions: list[str] = []

    def ask_entry(
        self,
        parent: QWidget,
        routines: Sequence[tuple[str, str]],
        now: datetime,
        record: SessionRecord | None,
    ) -> SessionRecord | None:
        self.asked.append(record)
        return self.entry

    def ask_confirm(self, parent: QWidget, question: str) -> bool:
        self.questions.append(question)
        return self.confirm


@pytest.fixture
def answers() -> Answers:
    return Answers()


@pytest.fixture
def make(qtbot: QtBot, store: HistoryStore, clock: FakeClock, answers: Answers) -> Maker:
    def build() -> HistoryView:
        view = HistoryView(
            store,
            clock,
            ask_entry=answers.ask_entry,
            confirm=answers.ask_confirm,
            routines=lambda: ROUTINES,
        )
        qtbot.addWidget(view)
        view.resize(800, 560)
        return view

    return build


def select_row(view: HistoryView, row: int) -> None:
    item = view.recent.topLevelItem(row)
    assert item is not None
    view.recent.setCurrentItem(item)


def test_the_empty_message_goes_once_there_are_sessions(make: Maker, store: HistoryStore) -> None:
    view = make()
    assert "No sessions yet" in view.status_label.text()
    store.save_session(session(0))
    view.refresh()
    assert view.status_label.text() == ""
    assert view.status_label.isHidden()
    view.step(-1)  # a week without sessions says so, in words about that week
    assert view.status_label.text() == "No sessions in this week."


def test_past_weeks_and_months(make: Maker, store: HistoryStore) -> None:
    store.save_session(session(0, 12))
    store.save_session(session(8, 30))  # last week's Wednesday
    store.save_session(session(40, 45))  # in October
    view = make()
    assert view.period_bar.label.text() == "This week"
    assert not view.period_bar.later_button.isEnabled()
    assert view.recent.topLevelItemCount() == 1
    view.period_bar.earlier_button.click()
    assert view.period_bar.label.text() == "Last week"
    assert view.period_tile.caption.text() == "last week"
    assert view.week_value.text() == "30 min"
    assert [round(m) for _, m in view.chart.days()] == [0, 0, 30, 0, 0, 0, 0]
    view.period_bar.earlier_button.click()
    assert view.period_bar.label.text().endswith("2026") and "–" in view.period_bar.label.text()
    view.period_bar.month_button.click()  # the current month
    assert view.period_bar.label.text() == "This month"
    assert len(view.chart.days()) == 30 and view.recent.topLevelItemCount() == 2
    assert view.chart.sitting() == []  # the sitting row belongs to a week
    view.period_bar.earlier_button.click()
    assert view.period_bar.label.text() == "October 2026"
    assert view.period_tile.caption.text() == "in October"
    assert view.week_value.text() == "45 min" and len(view.chart.days()) == 31
    view.period_bar.later_button.click()
    view.period_bar.later_button.click()  # never past the current period
    assert view.period_bar.label.text() == "This month"
    view.grab()  # a month paints


def test_do_this_again_by_double_click_enter_and_menu(
    qtbot: QtBot, make: Maker, store: HistoryStore
) -> None:
    store.save_session(session(1, 15, pattern_id="box", sound="rain:0.7,wind:0.3"))
    view = make()
    view.show()
    qtbot.waitExposed(view)
    assert not view.again_button.isEnabled()  # nothing selected yet
    select_row(view, 0)
    assert view.again_button.isEnabled()
    first = view.recent.topLevelItem(0)
    assert first is not None
    rect = view.recent.visualItemRect(first)
    expected = ["back-neck", 15, "box", "rain:0.7,wind:0.3"]
    viewport = view.recent.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())  # a real first press
    with qtbot.waitSignal(view.again_requested) as blocker:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == expected
    view.activateWindow()
    view.recent.setFocus()
    qtbot.waitUntil(view.recent.hasFocus)
    with qtbot.waitSignal(view.again_requested) as blocker:
        qtbot.keyClick(view.recent, Qt.Key.Key_Return)
    assert blocker.args == expected
    menu = [a.text() for a in view.recent.actions()]
    assert menu == ["Do this &again", "&Edit…", "&Delete…"]
    assert view.recent.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu
    with qtbot.waitSignal(view.again_requested) as blocker:
        view.recent.actions()[0].trigger()
    assert blocker.args == expected


def test_delete_asks_first_and_the_delete_key_works(
    qtbot: QtBot, make: Maker, store: HistoryStore, answers: Answers
) -> None:
    store.save_session(session(0))
    store.save_session(session(1, routine_id="sleep", routine_name="Before sleep"))
    view = make()
    view.show()
    qtbot.waitExposed(view)
    select_row(view, 1)
    answers.confirm = False
    view.delete_button.click()
    assert "Before sleep" in answers.questions[0]
    assert len(store.sessions()) == 2
    answers.confirm = True
    view.activateWindow()
    view.recent.setFocus()
    qtbot.waitUntil(view.recent.hasFocus)
    qtbot.keyClick(view.recent, Qt.Key.Key_Delete)
    assert [r.routine_id for r in store.sessions()] == ["back-neck"]
    assert view.recent.topLevelItemCount() == 1
    assert view.status_label.text() == "Session deleted."


def test_edit_corrects_a_session_and_keeps_it_selected(
    make: Maker, store: HistoryStore, answers: Answers
) -> None:
    store.save_session(session(0, 20, feeling=4))
    view = make()
    select_row(view, 0)
    original = store.sessions()[0]
    answers.entry = session(0, 35, feeling=2)
    view.edit_button.click()
    assert answers.asked == [original]
    (changed,) = store.sessions()
    assert (changed.actual_minutes, changed.feeling) == (35, 2)
    assert view.selected_entry() is not None
    assert view.selected_entry().record == changed  # type: ignore[union-attr]
    assert view.week_value.text() == "35 min"


def test_a_session_added_by_hand_shows_in_its_week(
    make: Maker, store: HistoryStore, answers: Answers
) -> None:
    view = make()
    answers.entry = session(9, 10, routine_id="first-time", routine_name="First time on the mat")
    view.add_button.click()
    assert answers.asked == [None]
    (entry,) = store.entries()
    assert entry.manual
    assert view.period_bar.label.text() == "Last week"  # the page went where the session is
    assert view.recent.topLevelItem(0).text(3) == "Entered by hand"  # type: ignore[union-attr]
    assert view.selected_entry() is not None
    assert "Added First time on the mat" in view.status_label.text()


def test_the_chart_takes_a_share_and_the_list_the_rest(
    qtbot: QtBot, make: Maker, store: HistoryStore
) -> None:
    for days in range(4):
        store.save_session(session(days))
    view = make()
    view.show()
    qtbot.waitExposed(view)
    view.resize(800, 560)
    small = view.chart.height()
    assert 130 <= small <= 230
    assert view.tabs.height() > small
    view.resize(1900, 1000)
    qtbot.waitUntil(lambda: view.chart.height() > small)
    assert view.chart.height() <= 230


def test_periods() -> None:
    week = period_of(PeriodKind.WEEK, date(2026, 11, 26))
    assert week == Period(PeriodKind.WEEK, date(2026, 11, 23))
    assert week.end == date(2026, 11, 30) and len(week.days()) == 7
    december = period_of(PeriodKind.MONTH, date(2026, 12, 31))
    assert december.end == date(2027, 1, 1)
    assert december.shifted(1).start == date(2027, 1, 1)
    assert december.shifted(-12).start == date(2025, 12, 1)
    assert len(Period(PeriodKind.MONTH, date(2028, 2, 1)).days()) == 29


def test_entry_form_fills_and_reads_back(qtbot: QtBot) -> None:
    new = SessionEntryDialog(ROUTINES, NOW)
    qtbot.addWidget(new)
    assert new.windowTitle() == "Add a session"
    new.routine.setCurrentIndex(1)
    new.minutes.setValue(8)
    new.when.setDateTime(QDateTime(2026, 11, 25, 7, 15, 0))
    record = new.record()
    assert (record.routine_id, record.actual_s, record.planned_s) == ("first-time", 480, 480)
    assert record.started_at == datetime(2026, 11, 25, 7, 15, tzinfo=TZ)
    assert record.completed and record.feeling is None
    old = session(1, 22, feeling=3, pattern_id="box", completed=False)
    edit = SessionEntryDialog(ROUTINES, NOW, old)
    qtbot.addWidget(edit)
    assert edit.windowTitle() == "Edit session"
    assert edit.minutes.value() == 22 and edit.feeling.currentData() == 3
    assert edit.record() == old  # nothing changed: the same session
    edit.feeling.setCurrentIndex(0)
    assert edit.record().feeling is None and edit.record().pattern_id == "box"
