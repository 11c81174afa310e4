"""Session records and the statistics the history view shows. Pure functions over records."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class SessionRecord:
    """One session as stored: started_at is aware wall time; durations in seconds."""

    routine_id: str
    routine_name: str
    started_at: datetime
    planned_s: float
    actual_s: float
    completed: bool
    pattern_id: str | None = None
    feeling: int | None = None  # 1..5, noted after the end
    breaths: int = 0
    sound: str | None = None
    interrupted: bool = False  # the app ended (killed, crash, power loss) while it ran

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("started_at must be an aware datetime")
        if self.feeling is not None and not 1 <= self.feeling <= 5:
            raise ValueError("feeling must be between 1 and 5")
        if self.planned_s < 0 or self.actual_s < 0:
            raise ValueError("durations must not be negative")

    @property
    def day(self) -> date:
        """The local day the session started on (in the offset it was recorded with)."""
        return self.started_at.date()

    @property
    def actual_minutes(self) -> float:
        return self.actual_s / 60.0


@dataclass(frozen=True)
class RoutineTotal:
    routine_id: str
    routine_name: str
    sessions: int
    minutes: float
    completed: int


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of ``day``'s week (0 = Monday, 6 = Sunday)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def week_minutes(
    records: Iterable[SessionRecord], today: date, first_weekday: int = 0
) -> list[tuple[date, float]]:
    """The seven days of ``today``'s week with the minutes spent on the mat each day."""
    start = week_start(today, first_weekday)
    days = [start + timedelta(days=i) for i in range(7)]
    totals = dict.fromkeys(days, 0.0)
    for record in records:
        if record.day in totals:
            totals[record.day] += record.actual_minutes
    return [(d, totals[d]) for d in days]


def streak(session_days: Iterable[date], today: date, grace_days: int = 1) -> int:
    """Days with a session in the current run, counted back from ``today``.

    Today never breaks a streak (the day is not over). A gap of up to ``grace_days`` missed days
    in a row is forgiven; a longer gap ends the streak. Missed days are not counted."""
    days = {d for d in session_days if d <= today}
    if not days:
        return 0
    first = min(days)
    count = 0
    missed = 0
    day = today
    if day not in days:
        day -= timedelta(days=1)  # today is not over yet
    while day >= first:
        if day in days:
            count += 1
            missed = 0
        else:
            missed += 1
            if missed > grace_days:
                break
        day -= timedelta(days=1)
    return count


def totals_per_routine(records: Iterable[SessionRecord]) -> list[RoutineTotal]:
    """Sessions, minutes and completed sessions per routine, most minutes first."""
    acc: dict[str, list[float]] = {}
    names: dict[str, str] = {}
    for record in records:
        row = acc.setdefault(record.routine_id, [0, 0.0, 0])
        row[0] += 1
        row[1] += record.actual_minutes
        row[2] += 1 if record.completed else 0
        names[record.routine_id] = record.routine_name
    totals = [
        RoutineTotal(rid, names[rid], int(row[0]), row[1], int(row[2])) for rid, row in acc.items()
    ]
    return sorted(totals, key=lambda t: (-t.minutes, t.routine_id))


def total_minutes(records: Iterable[SessionRecord]) -> float:
    return sum(r.actual_minutes for r in records)
