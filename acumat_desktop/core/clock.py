"""Clocks: the only way core logic learns the time, so tests can drive hours in milliseconds."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds for durations, wall time for records and calendars."""

    def monotonic(self) -> float: ...

    def now(self) -> datetime:
        """Aware local wall time."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FakeClock:
    """A clock that moves only when told to; wall and monotonic advance together unless a
    test makes them diverge (as a suspend does)."""

    def __init__(self, start: datetime | None = None, monotonic: float = 1000.0) -> None:
        self._mono = monotonic
        self._wall = start or datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only wall time, as a suspend does (monotonic time stops while asleep on Linux)."""
        self._wall += timedelta(seconds=seconds)
