"""When the next decision is due: what lets the sitting loop sleep until then (pure, no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.core.sitting import SittingTracker
from acumat_desktop.settings.model import RemindersSettings


def policy(clock: FakeClock, **values: object) -> ReminderPolicy:
    settings = RemindersSettings(sit_limit=timedelta(minutes=50), **values)  # type: ignore[arg-type]
    return ReminderPolicy(clock, settings, settle_s=20)


def test_the_limit_is_the_next_decision_while_sitting() -> None:
    clock = FakeClock()  # Tuesday 09:00
    p = policy(clock)
    assert p.next_decision_in(600, growing=True) == pytest.approx(2400)
    assert p.next_decision_in(0, growing=False) is None  # nobody sits: only input changes it


def test_disabled_showing_and_paused() -> None:
    clock = FakeClock()
    p = policy(clock, enabled=False)
    assert p.next_decision_in(4000, growing=True) is None
    p = policy(clock)
    p.shown()
    assert p.next_decision_in(4000, growing=True) is None  # the person answers: an event
    p.pause_for(900)
    assert p.next_decision_in(10, growing=True) == pytest.approx(900)


def test_snooze_settling_and_the_calendar() -> None:
    clock = FakeClock()
    p = policy(clock)
    p.shown()
    p.snooze(10)
    assert p.next_decision_in(4000, growing=True) == pytest.approx(600)
    p = policy(clock)
    p.resumed()
    assert p.next_decision_in(4000, growing=True) == pytest.approx(20)
    evening = FakeClock(datetime(2026, 11, 24, 21, 0, tzinfo=UTC))
    p = policy(evening, quiet_start=time(20, 0), quiet_end=time(8, 0))
    assert p.next_decision_in(4000, growing=True) == pytest.approx(11 * 3600)
    saturday = FakeClock(datetime(2026, 11, 28, 18, 0, tzinfo=UTC))
    assert policy(saturday).next_decision_in(4000, growing=True) == pytest.approx(6 * 3600)


def test_a_due_reminder_with_nothing_pending_needs_no_timer() -> None:
    clock = FakeClock()
    p = policy(clock, quiet_hours=False)
    assert p.next_decision_in(4000, growing=True) is None  # due now: the caller shows it


def test_the_tracker_knows_when_a_break_completes_and_when_stray_input_expires() -> None:
    clock = FakeClock()
    tracker = SittingTracker(clock, natural_break_s=300, stray_filter_s=5, max_gap_s=1e9)
    assert tracker.next_check_in() is None
    tracker.feed(0.0)
    clock.advance(100)
    tracker.feed(40.0)  # last input 40 s ago
    assert tracker.next_check_in() == pytest.approx(260)
    clock.advance(300)
    tracker.feed(340.0)
    assert not tracker.sitting
    assert tracker.next_check_in() is None
    clock.advance(10)
    tracker.feed(0.0)  # input after the break: pending until it persists
    assert tracker.input_pending
    assert tracker.next_check_in() == pytest.approx(5)
