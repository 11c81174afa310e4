"""The history page reads a real HistoryStore: week bars, streak with a grace day, totals,
the week's sessions, CSV export through an injected chooser. Periods, do-again, edit, delete
and sessions added by hand: tests/ui/test_history_actions.py."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.services.history_store import HistoryStore
from acumat_desktop.ui.history_view import HistoryView, minutes_label
from acumat_desktop.ui.widgets.week_chart import WeekChart, chart_description, sitting_label

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 26, 21, 0, tzinfo=TZ)  # a Thursday evening


def add(
    store: HistoryStore,
    days_back: int,
    minutes: float,
    *,
    routine: tuple[str, str] = ("back-neck", "Back and neck"),
    completed: bool = True,
    feeling: int | None = None,
) -> None:
    store.save_session(
        SessionRecord(
            routine_id=routine[0],
            routine_name=routine[1],
            started_at=NOW - timedelta(days=days_back, hours=1),
            planned_s=minutes * 60,
            actual_s=minutes * 60,
            completed=completed,
            feeling=feeling,
        )
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[HistoryStore]:
    history = HistoryStore(tmp_path / "history.sqlite3", clock)
    yield history
    history.close()


def make_view(qtbot: QtBot, store: HistoryStore, clock: FakeClock, **kwargs: object) -> HistoryView:
    view = HistoryView(store, clock, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    return view


def column(view: HistoryView, tree_name: str, col: int) -> list[str]:
    tree = getattr(view, tree_name)
    return [tree.topLevelItem(i).text(col) for i in range(tree.topLevelItemCount())]


def test_empty_history_says_so(qtbot: QtBot, store: HistoryStore, clock: FakeClock) -> None:
    view = make_view(qtbot, store, clock)
    assert view.streak_value.text() == "0"
    assert view.recent.topLevelItemCount() == 0
    assert "No sessions yet" in view.status_label.text()
    assert not view.export_button.isEnabled()
    assert [m for _, m in view.chart.days()] == [0.0] * 7


def test_week_chart_streak_totals_and_recent(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock
) -> None:
    add(store, 0, 12, routine=("sleep", "Before sleep"), feeling=4)
    add(store, 1, 25)
    add(store, 3, 30, completed=False)  # Monday; Tuesday was missed: one grace day
    add(store, 7, 10)  # last Thursday: not this week, still in the streak after the grace day
    view = make_view(qtbot, store, clock)
    days = view.chart.days()
    assert days[0][0].weekday() == 0 and days[0][0].isoformat() == "2026-11-23"
    assert [round(m) for _, m in days] == [30, 0, 25, 12, 0, 0, 0]
    assert view.week_value.text() == "1 h 07 min"
    # Thu, Wed, (Tue forgiven), Mon; then Sun, Sat, Fri missed: the streak ends at 3 days.
    assert view.streak_value.text() == "3"
    assert column(view, "recent", 1) == ["Before sleep", "Back and neck", "Back and neck"]
    assert column(view, "recent", 3)[2] == "Stopped"
    assert column(view, "recent", 4)[0] == "4 · Good"
    assert column(view, "totals", 0) == ["Back and neck", "Before sleep"]  # of this week
    assert column(view, "totals", 1) == ["2", "1"]
    assert column(view, "totals", 2) == ["55", "12"]
    assert column(view, "totals", 3) == ["1", "1"]
    assert view.total_value.text() == "1 h 17 min"  # all time


def test_refresh_picks_up_new_sessions_and_a_new_day(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock
) -> None:
    view = make_view(qtbot, store, clock)
    add(store, 0, 20)
    assert view.recent.topLevelItemCount() == 0  # only on demand
    view.refresh()
    assert view.recent.topLevelItemCount() == 1
    assert view.streak_value.text() == "1"
    clock.jump_wall(2 * 86400)  # Saturday: Friday missed (forgiven), Saturday not over yet
    view.refresh()
    assert view.streak_value.text() == "1"
    clock.jump_wall(86400)  # Sunday: two missed days in a row
    view.refresh()
    assert view.streak_value.text() == "0"
    assert [round(m) for _, m in view.chart.days()][3] == 20


def test_export_writes_csv_through_the_chooser(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock, tmp_path: Path
) -> None:
    add(store, 0, 12)
    add(store, 1, 25)
    target = tmp_path / "out.csv"
    asked: list[str] = []

    def choose(parent: QWidget, suggested: str) -> Path | None:
        asked.append(suggested)
        return target

    view = make_view(qtbot, store, clock, choose_csv_path=choose)
    with qtbot.waitSignal(view.exported) as blocker:
        view.export_button.click()
    assert blocker.args == [str(target), 2]
    assert asked == ["acumat-sessions-2026-11-26.csv"]
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert len(rows) == 3 and rows[1][1] == "back-neck"
    assert "Saved 2 sessions" in view.status_label.text()


def test_export_cancelled_or_failing_is_reported_not_raised(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock, tmp_path: Path
) -> None:
    add(store, 0, 12)
    view = make_view(qtbot, store, clock, choose_csv_path=lambda parent, name: None)
    assert view.export_csv() is None
    blocked = tmp_path / "file"
    blocked.write_text("x")
    view = make_view(
        qtbot, store, clock, choose_csv_path=lambda parent, name: blocked / "sub" / "out.csv"
    )
    assert view.export_csv() is None
    assert "Could not write" in view.status_label.text()


def test_back_emits(qtbot: QtBot, store: HistoryStore, clock: FakeClock) -> None:
    view = make_view(qtbot, store, clock)
    with qtbot.waitSignal(view.back):
        view.back_button.click()
    assert view.back_button.accessibleName() and view.export_button.accessibleName()


def test_store_message_is_shown(qtbot: QtBot, store: HistoryStore, clock: FakeClock) -> None:
    store.message = "The session history could not be read, so it was kept aside."
    view = make_view(qtbot, store, clock)
    assert view.status_label.text() == store.message


def test_chart_bars_scale_with_minutes(qtbot: QtBot) -> None:
    chart = WeekChart()
    qtbot.addWidget(chart)
    chart.resize(420, 160)
    start = NOW.date() - timedelta(days=3)
    days = [(start + timedelta(days=i), m) for i, m in enumerate([30, 0, 15, 60, 0, 0, 1])]
    chart.set_days(days, NOW.date())
    heights = [r.height() for r in chart.bar_rects()]
    assert heights[1] == 0
    assert heights[3] == pytest.approx(2 * heights[0]) == pytest.approx(4 * heights[2])
    assert heights[6] >= 3  # a single minute is still visible
    assert chart.accessibleDescription() == chart_description(days)
    assert chart_description(days).startswith("Mon 30 min, Tue none, Wed 15 min, Thu 60 min")
    chart.grab()  # paints without errors


@pytest.mark.parametrize(("minutes", "text"), [(0, "0 min"), (59.4, "59 min"), (125, "2 h 05 min")])
def test_minutes_label(minutes: float, text: str) -> None:
    assert minutes_label(minutes) == text


# ------------------------------------------------------------------------------ the desk side


def at(days_back: int) -> datetime:
    return NOW - timedelta(days=days_back, hours=2)


def test_desk_sitting_per_day_and_reminders_of_this_week(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock
) -> None:
    store.add_sitting(at(3).date(), 6 * 3600 + 12 * 60)  # Monday
    store.add_sitting(at(1).date(), 3 * 3600)  # Wednesday
    store.add_sitting(at(1).date(), 30 * 60)
    store.add_sitting(at(7).date(), 9 * 3600)  # last week: not shown
    for kind, days_back in [
        ("shown", 0),
        ("shown", 1),
        ("shown", 3),
        ("followed", 1),
        ("snoozed", 0),
        ("shown", 8),
        ("followed", 8),
    ]:
        store.record_reminder_event(kind, at(days_back))
    view = make_view(qtbot, store, clock)
    seconds = [s for _, s in view.chart.sitting()]
    assert seconds == [22320.0, 0.0, 12600.0, 0.0, 0.0, 0.0, 0.0]
    assert [d for d, _ in view.chart.sitting()] == [d for d, _ in view.chart.days()]
    assert view.chart.shows_sitting()
    text = view.desk_label.text()
    assert "9 h 42 min sitting" in text
    assert "3 shown, 1 followed, 1 snoozed" in text
    assert view.desk_label.accessibleName() == text
    assert "Sitting at the desk: Mon 6 h 12, Tue none, Wed 3 h 30" in (
        view.chart.accessibleDescription()
    )


def test_desk_without_data_says_how_it_gets_some(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock
) -> None:
    view = make_view(qtbot, store, clock)
    assert not view.chart.shows_sitting()
    assert view.chart.sitting_rects() == []
    assert "No desk time yet" in view.desk_label.text()
    assert "Sitting" not in view.chart.accessibleDescription()


def test_desk_side_is_read_on_refresh_only(
    qtbot: QtBot, store: HistoryStore, clock: FakeClock
) -> None:
    view = make_view(qtbot, store, clock)
    store.add_sitting(NOW.date(), 2 * 3600)
    store.record_reminder_event("followed", NOW)
    assert not view.chart.shows_sitting()
    view.refresh()
    assert [s for _, s in view.chart.sitting()][3] == 7200.0
    assert "0 shown, 1 followed, 0 snoozed" in view.desk_label.text()


def test_sitting_row_scales_to_a_working_day_and_grows_the_chart(qtbot: QtBot) -> None:
    chart = WeekChart()
    qtbot.addWidget(chart)
    chart.resize(420, 200)
    start = NOW.date() - timedelta(days=3)
    chart.set_days([(start + timedelta(days=i), 10.0) for i in range(7)], NOW.date())
    bars_before = chart.bar_rects()[0].bottom()
    hint_before = chart.sizeHint().height()
    hours = [8, 4, 2, 0, 0, 12, 0]
    chart.set_sitting([(start + timedelta(days=i), h * 3600.0) for i, h in enumerate(hours)])
    widths = [r.width() for r in chart.sitting_rects()]
    assert widths[0] == pytest.approx(2 * widths[1]) == pytest.approx(4 * widths[2])
    assert widths[3] == 0
    assert widths[5] > widths[0], "a day over the scale stretches it"
    assert chart.sizeHint().height() > hint_before
    assert chart.bar_rects()[0].bottom() < bars_before, "the bars make room for the row"
    assert all(r.top() > chart.bar_rects()[0].bottom() for r in chart.sitting_rects())
    chart.grab()  # paints without errors


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "none"), (30, "<1 min"), (45 * 60, "45 min"), (6 * 3600 + 5 * 60, "6 h 05")],
)
def test_sitting_label(seconds: float, text: str) -> None:
    assert sitting_label(seconds) == text
