"""History statistics: week minutes, streak with one grace day, totals per routine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.history import (
    SessionRecord,
    streak,
    total_minutes,
    totals_per_routine,
    week_minutes,
    week_start,
)

TUE = date(2026, 11, 24)  # a Tuesday


def rec(
    day: date, minutes: float, routine: str = "back-neck", hour: int = 9, **kw: object
) -> SessionRecord:
    start = datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    return SessionRecord(
        routine_id=routine,
        routine_name=routine.replace("-", " ").title(),
        started_at=start,
        planned_s=minutes * 60,
        actual_s=minutes * 60,
        completed=True,
        **kw,  # type: ignore[arg-type]
    )


def test_week_minutes_monday_first_and_sunday_first() -> None:
    records = [
        rec(TUE, 20),
        rec(TUE, 5, "desk-break", hour=15),
        rec(TUE - timedelta(days=1), 10),  # Monday
        rec(TUE - timedelta(days=2), 30),  # last Sunday: previous week if Monday-first
        rec(TUE + timedelta(days=7), 40),  # next week
    ]
    week = week_minutes(records, TUE)
    assert week[0][0].isoformat() == "2026-11-23"
    assert [m for _, m in week] == [10, 25, 0, 0, 0, 0, 0]
    sunday_first = week_minutes(records, TUE, first_weekday=6)
    assert sunday_first[0] == (date(2026, 11, 22), 30.0)
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)


def test_day_follows_the_recorded_offset() -> None:
    late = SessionRecord(
        "sleep",
        "Sleep",
        datetime(2026, 11, 24, 23, 30, tzinfo=timezone(timedelta(hours=-5))),
        600,
        600,
        True,
    )
    assert late.day == date(2026, 11, 24)  # 04:30 UTC the next day, but the 24th where it was


def days(*offsets: int) -> set[date]:
    return {TUE - timedelta(days=o) for o in offsets}


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ((), 0),
        ((0,), 1),
        ((0, 1, 2), 3),
        ((1, 2), 2),  # today not done yet: the streak is still alive
        ((0, 2, 3), 3),  # one missed day is forgiven (and not counted)
        ((0, 3, 4), 1),  # two missed days in a row end it
        ((0, 2, 4, 6), 4),  # single gaps each time
        ((2, 3), 2),  # today not over + yesterday missed (the grace day)
        ((3, 4), 0),  # yesterday and the day before missed
        ((-1, 0), 1),  # a future day is ignored
    ],
)
def test_streak_with_one_grace_day(offsets: tuple[int, ...], expected: int) -> None:
    assert streak(days(*offsets), TUE) == expected


def test_streak_without_grace() -> None:
    assert streak(days(0, 2, 3), TUE, grace_days=0) == 1


@given(st.sets(st.integers(0, 60), max_size=40))
def test_streak_bounds(offsets: set[int]) -> None:
    result = streak(days(*offsets), TUE)
    assert 0 <= result <= len(offsets)
    assert streak(days(*offsets, 0), TUE) >= result  # a session today never shortens it


def test_totals_per_routine() -> None:
    records = [
        rec(TUE, 20),
        rec(TUE - timedelta(days=1), 25),
        rec(TUE, 5, "desk-break", hour=15),
        SessionRecord(
            "desk-break", "Desk break", datetime(2026, 11, 20, tzinfo=UTC), 300, 120, False
        ),
    ]
    totals = totals_per_routine(records)
    assert [(t.routine_id, t.sessions, t.minutes, t.completed) for t in totals] == [
        ("back-neck", 2, 45.0, 2),
        ("desk-break", 2, 7.0, 1),
    ]
    assert total_minutes(records) == 52


def test_record_validation() -> None:
    with pytest.raises(ValueError, match="aware"):
        SessionRecord("a", "A", datetime(2026, 1, 1), 60, 60, True)
    with pytest.raises(ValueError, match="feeling"):
        rec(TUE, 5, feeling=0)
