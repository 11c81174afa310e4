"""The reminder policy over simulated days with a fake clock and the real settings model."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.reminders import Action, ReminderPolicy, in_quiet_hours
from acumat_desktop.settings.model import RemindersSettings

LIMIT = 50 * 60
# 2026-11-24 is a Tuesday
TUESDAY_10 = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=TUESDAY_10)


@pytest.fixture
def values() -> RemindersSettings:
    return RemindersSettings()


@pytest.fixture
def policy(clock: FakeClock, values: RemindersSettings) -> ReminderPolicy:
    return ReminderPolicy(clock, values, settle_s=20)


def test_waits_below_the_limit_and_shows_at_it(policy: ReminderPolicy) -> None:
    assert policy.decide(LIMIT - 1).action is Action.WAIT
    decision = policy.decide(LIMIT)
    assert decision.action is Action.SHOW
    assert decision.reason == "due"


def test_shown_is_recorded_and_not_repeated_while_open(
    policy: ReminderPolicy, clock: FakeClock
) -> None:
    policy.shown()
    assert policy.decide(LIMIT + 60).reason == "showing"
    snap = policy.snapshot()
    assert snap["shown_today"] == 1
    assert snap["last_shown_at"] == "2026-11-24T10:00:00+00:00"
    clock.advance(86400)
    assert policy.snapshot()["shown_today"] == 0


def test_snooze_postpones_then_repeats(policy: ReminderPolicy, clock: FakeClock) -> None:
    policy.shown()
    assert policy.snooze()
    assert policy.snapshot()["snoozed_until"] == "2026-11-24T10:10:00+00:00"
    clock.advance(9 * 60)
    assert policy.decide(LIMIT + 540).reason == "snoozed"
    clock.advance(60)
    assert policy.decide(LIMIT + 600).action is Action.SHOW


def test_snooze_minutes_override(policy: ReminderPolicy) -> None:
    assert policy.snooze(25)
    assert policy.snapshot()["snoozed_until"] == "2026-11-24T10:25:00+00:00"


def test_consecutive_snoozes_are_capped(policy: ReminderPolicy, values: RemindersSettings) -> None:
    values.max_snoozes = 2
    assert policy.snooze()
    assert policy.snooze()
    assert not policy.snooze()
    assert policy.snoozes == 2
    policy.moved()
    assert policy.snapshot()["snoozed_until"] is None
    assert policy.snooze()


def test_a_new_streak_clears_the_snooze_cycle(policy: ReminderPolicy) -> None:
    policy.shown()
    policy.snooze()
    policy.new_streak()  # the user stood up meanwhile
    assert policy.snoozes == 0
    assert policy.snapshot()["snoozed_until"] is None
    assert policy.decide(LIMIT).action is Action.SHOW


def test_a_snooze_asked_ahead_of_time_is_kept(policy: ReminderPolicy, clock: FakeClock) -> None:
    assert policy.snooze(30)  # `acumat reminders snooze 30` while sitting only briefly
    assert policy.decide(10).reason == "sitting"
    clock.advance(29 * 60)
    assert policy.decide(LIMIT).reason == "snoozed"
    assert policy.snapshot()["snoozed_until"] == "2026-11-24T10:30:00+00:00"


def test_an_open_reminder_goes_stale_when_the_limit_is_raised(
    policy: ReminderPolicy, values: RemindersSettings
) -> None:
    policy.shown()
    values.sit_limit = timedelta(hours=2)
    assert policy.decide(LIMIT).reason == "sitting"
    assert not policy.showing


@pytest.mark.parametrize(
    ("at", "quiet"),
    [
        (time(19, 59), False),
        (time(20, 0), True),
        (time(23, 59), True),
        (time(0, 0), True),
        (time(7, 59), True),
        (time(8, 0), False),
        (time(12, 0), False),
    ],
)
def test_quiet_hours_cross_midnight(at: time, quiet: bool) -> None:
    assert in_quiet_hours(at, time(20, 0), time(8, 0)) is quiet


def test_quiet_hours_same_day_window_and_empty_window() -> None:
    assert in_quiet_hours(time(13, 0), time(12, 0), time(14, 0))
    assert not in_quiet_hours(time(15, 0), time(12, 0), time(14, 0))
    assert not in_quiet_hours(time(15, 0), time(9, 0), time(9, 0))


def test_quiet_hours_and_work_days_over_a_week(clock: FakeClock, values: RemindersSettings) -> None:
    """A week polled hourly: reminders only Mon-Fri between 08:00 and 20:00."""
    policy = ReminderPolicy(clock, values)
    clock.advance(14 * 3600)  # Wednesday 00:00
    shows: dict[str, list[int]] = {}
    for _ in range(7 * 24):
        now = clock.now()
        if policy.decide(LIMIT).action is Action.SHOW:
            shows.setdefault(now.strftime("%a"), []).append(now.hour)
        clock.advance(3600)
    assert sorted(shows) == ["Fri", "Mon", "Thu", "Tue", "Wed"]
    assert all(hours == list(range(8, 20)) for hours in shows.values())
    values.quiet_hours = False
    values.work_days = ["sat"]
    clock.advance((3 * 24 + 2) * 3600)  # Saturday 02:00
    assert clock.now().strftime("%a") == "Sat"
    assert policy.decide(LIMIT).action is Action.SHOW


def test_disabled_never_shows(policy: ReminderPolicy, values: RemindersSettings) -> None:
    values.enabled = False
    assert policy.decide(LIMIT * 3).reason == "disabled"
    assert policy.snapshot()["enabled"] is False


@pytest.mark.parametrize(("seconds", "until"), [(1800, "10:30"), (3600, "11:00"), (7200, "12:00")])
def test_pause_for(policy: ReminderPolicy, clock: FakeClock, seconds: int, until: str) -> None:
    policy.pause_for(seconds)
    assert policy.snapshot()["paused_until"] == f"2026-11-24T{until}:00+00:00"
    clock.advance(seconds - 1)
    assert policy.decide(LIMIT).reason == "paused"
    clock.advance(1)
    assert policy.decide(LIMIT).action is Action.SHOW
    assert policy.snapshot()["paused_until"] is None


def test_pause_until_tomorrow(policy: ReminderPolicy, clock: FakeClock) -> None:
    policy.pause_until_tomorrow()
    clock.advance(13 * 3600 + 59 * 60)  # 23:59
    assert policy.decide(LIMIT).reason == "paused"
    clock.advance(9 * 3600)  # Wednesday 08:59
    assert policy.decide(LIMIT).action is Action.SHOW


@pytest.mark.parametrize(
    ("kw", "reason"),
    [
        ({"locked": True}, "locked"),
        ({"presenting": True}, "presenting"),
        ({"session_running": True}, "session"),
    ],
)
def test_defers_never_cancels(
    policy: ReminderPolicy, clock: FakeClock, kw: dict[str, bool], reason: str
) -> None:
    for _ in range(30):  # a 30-minute meeting
        decision = policy.decide(LIMIT, **kw)
        assert decision.action is Action.DEFER
        assert decision.reason == reason
        clock.advance(60)
    # shortly after the condition clears, the reminder shows
    assert policy.decide(LIMIT).reason == "settling"
    clock.advance(19)
    assert policy.decide(LIMIT).reason == "settling"
    clock.advance(1)
    assert policy.decide(LIMIT).action is Action.SHOW


def test_never_shows_on_a_locked_screen_even_when_snooze_ends(
    policy: ReminderPolicy, clock: FakeClock
) -> None:
    policy.snooze()
    clock.advance(3600)
    assert policy.decide(LIMIT, locked=True).action is Action.DEFER


def test_after_unlock_reset_restarts_the_cycle(policy: ReminderPolicy, clock: FakeClock) -> None:
    policy.snooze()
    policy.resumed()
    assert policy.snoozes == 0
    assert policy.decide(LIMIT).reason == "settling"
    clock.advance(20)
    assert policy.decide(LIMIT).action is Action.SHOW


def test_after_unlock_carry_on_keeps_the_snooze(
    policy: ReminderPolicy, values: RemindersSettings, clock: FakeClock
) -> None:
    values.after_unlock = "carry-on"
    policy.snooze()
    policy.resumed()
    assert policy.snoozes == 1
    clock.advance(60)
    assert policy.decide(LIMIT).reason == "snoozed"


def test_settings_changes_apply_at_once(policy: ReminderPolicy, values: RemindersSettings) -> None:
    values.sit_limit = timedelta(seconds=15)
    assert policy.decide(15).action is Action.SHOW
