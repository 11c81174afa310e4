"""Reminder history: events (shown, snoozed, followed) and daily sitting totals, written to the
history database in small batches so a poll never means a database write."""

from __future__ import annotations

import enum
import logging
from datetime import date, datetime
from typing import Protocol

from acumat_desktop.core.clock import Clock

log = logging.getLogger(__name__)

FLUSH_EVERY_S = 300.0  # write the day's sitting total at most this often (and at each reset)


class ReminderEvent(enum.StrEnum):
    """What became of a reminder, as the history stores it (the value is the stored text)."""

    SHOWN = "shown"
    SNOOZED = "snoozed"
    FOLLOWED = "followed"


class ReminderHistorySink(Protocol):
    """What ``services.history_store.HistoryStore`` offers for reminders."""

    def record_reminder_event(self, kind: str, at: datetime) -> None: ...

    def add_sitting(self, day: date, seconds: float) -> None: ...


class SittingLedger:
    """Turns the streak's growth into per-day sitting seconds, flushed in batches."""

    def __init__(self, clock: Clock, sink: ReminderHistorySink | None) -> None:
        self._clock = clock
        self._sink = sink
        self._last_active = 0.0
        self._pending: dict[date, float] = {}
        self._last_flush = clock.monotonic()

    @property
    def pending(self) -> dict[date, float]:
        return dict(self._pending)

    def event(self, kind: ReminderEvent) -> None:
        if self._sink is None:
            return
        try:
            self._sink.record_reminder_event(kind.value, self._clock.now())
        except Exception:  # history must never break a reminder
            log.exception("could not record the reminder event %s", kind)

    def observe(self, active_s: float) -> None:
        """Called after each poll with the streak's length; a drop means a new streak."""
        grown = active_s - self._last_active if active_s >= self._last_active else active_s
        self._last_active = active_s
        if grown > 0:
            day = self._clock.now().date()
            self._pending[day] = self._pending.get(day, 0.0) + grown
        reset = active_s == 0.0 and bool(self._pending)
        if reset or self._clock.monotonic() - self._last_flush >= FLUSH_EVERY_S:
            self.flush()

    def flush(self) -> None:
        self._last_flush = self._clock.monotonic()
        pending, self._pending = self._pending, {}
        if self._sink is None:
            return
        for day, seconds in pending.items():
            try:
                self._sink.add_sitting(day, seconds)
            except Exception:
                log.exception("could not add %.0f s of sitting to %s", seconds, day)
