"""The sitting tracker over simulated hours, driven by a fake clock and a simulated user."""

from __future__ import annotations

import pytest

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.sitting import SittingTracker

POLL = 5.0


class User:
    """Simulates the OS idle counter: seconds since the last input."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.last_input = clock.monotonic()

    def touch(self) -> None:
        self.last_input = self.clock.monotonic()

    def idle(self) -> float:
        return self.clock.monotonic() - self.last_input


def run(
    clock: FakeClock, tracker: SittingTracker, user: User, seconds: float, *, active: bool
) -> None:
    """Poll every POLL seconds for ``seconds``; an active user types between polls."""
    elapsed = 0.0
    while elapsed < seconds:
        clock.advance(POLL)
        elapsed += POLL
        if active:
            user.touch()
        tracker.feed(user.idle())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def user(clock: FakeClock) -> User:
    return User(clock)


def make(clock: FakeClock, *, max_gap_s: float = 60.0, carry_on: bool = False) -> SittingTracker:
    return SittingTracker(
        clock,
        natural_break_s=300,
        stray_filter_s=5,
        source="x11",
        max_gap_s=max_gap_s,
        carry_on=carry_on,
    )


def test_input_counts_as_sitting(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(user.idle())
    run(clock, tracker, user, 3600, active=True)
    assert tracker.active_s == pytest.approx(3600)
    assert tracker.snapshot() == {"active_s": 3600.0, "idle_s": 0.0, "source": "x11"}


def test_pause_shorter_than_natural_break_pauses_nothing(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(0)
    run(clock, tracker, user, 600, active=True)
    run(clock, tracker, user, 240, active=False)  # reading for 4 minutes
    assert tracker.sitting
    assert tracker.idle_s == pytest.approx(240)
    run(clock, tracker, user, 600, active=True)
    assert tracker.active_s == pytest.approx(1440)


def test_natural_break_resets_the_streak(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(0)
    run(clock, tracker, user, 1800, active=True)
    run(clock, tracker, user, 300, active=False)
    assert not tracker.sitting
    assert tracker.active_s == 0
    assert tracker.last_reset_reason == "idle"
    run(clock, tracker, user, 60, active=True)
    # the new streak starts with the first input of the burst that persisted (the sim's
    # user types at the poll instants, so the first input seen is one poll in)
    assert tracker.active_s == pytest.approx(60 - POLL)


def test_a_stray_event_does_not_end_a_break(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(0)
    run(clock, tracker, user, 600, active=True)
    run(clock, tracker, user, 400, active=False)
    assert not tracker.sitting
    user.touch()  # the cat walks over the mouse once
    run(clock, tracker, user, 120, active=False)
    assert not tracker.sitting
    assert tracker.active_s == 0
    # the break is measured from the last real input, not from the bump
    assert tracker.idle_s == pytest.approx(520)


def test_persistent_input_ends_a_break(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(0)
    run(clock, tracker, user, 400, active=False)
    assert not tracker.sitting
    run(clock, tracker, user, 10, active=True)
    assert tracker.sitting


def test_wall_jump_without_monotonic_is_a_suspend(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(0)
    run(clock, tracker, user, 1200, active=True)
    clock.jump_wall(3600)  # lid closed for an hour
    user.touch()
    tracker.feed(user.idle())
    assert not tracker.sitting
    assert tracker.last_reset_reason == "suspend"


def test_missing_ticks_are_a_suspend(clock: FakeClock, user: User) -> None:
    tracker = make(clock, max_gap_s=30)
    tracker.feed(0)
    run(clock, tracker, user, 600, active=True)
    clock.advance(45)
    user.touch()
    tracker.feed(user.idle())
    assert tracker.last_reset_reason == "suspend"


def test_carry_on_keeps_a_short_suspend(clock: FakeClock, user: User) -> None:
    tracker = make(clock, carry_on=True, max_gap_s=30)
    tracker.feed(0)
    run(clock, tracker, user, 600, active=True)
    clock.jump_wall(120)  # shorter than the natural break
    tracker.feed(user.idle())
    assert tracker.sitting
    clock.jump_wall(900)  # longer than the natural break
    tracker.feed(user.idle())
    assert not tracker.sitting


def test_explicit_reset_and_restart(clock: FakeClock, user: User) -> None:
    tracker = make(clock)
    tracker.feed(0)
    run(clock, tracker, user, 900, active=True)
    tracker.reset("session")
    assert tracker.active_s == 0
    assert tracker.last_reset_reason == "session"
    run(clock, tracker, user, 30, active=True)
    assert 0 < tracker.active_s <= 30


def test_without_idle_source_plain_elapsed_time_counts(clock: FakeClock) -> None:
    tracker = SittingTracker(clock, natural_break_s=300)
    for _ in range(100):
        clock.advance(POLL)
        tracker.feed(None)
    assert tracker.active_s == pytest.approx(495)
    assert tracker.snapshot()["source"] == "none"


def test_first_sample_while_away_starts_no_streak(clock: FakeClock) -> None:
    tracker = make(clock)
    tracker.feed(1000)
    assert not tracker.sitting


def test_a_simulated_working_day(clock: FakeClock, user: User) -> None:
    """8 h: 50 min work blocks with 10 min breaks and a stray bump in every break."""
    tracker = make(clock)
    tracker.feed(0)
    longest = 0.0
    for _ in range(8):
        run(clock, tracker, user, 3000, active=True)
        longest = max(longest, tracker.active_s)
        run(clock, tracker, user, 330, active=False)
        user.touch()
        run(clock, tracker, user, 270, active=False)
        assert not tracker.sitting
    assert longest == pytest.approx(3000, abs=POLL * 2)
