"""The sitting loop sleeps like a stone: it looks at the idle source only when the next decision
is due, and a source that can watch is not polled at all. Fake clock, scripted sources, the real
tracker and policy; the loop is driven by jumping the clock to its next planned look."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.services.idle.base import IdleWatcher
from acumat_desktop.services.sitting_monitor import MAX_SLEEP_STEPS, SittingMonitor
from acumat_desktop.settings.model import RemindersSettings

INTERVAL_MS = 5000


class Polled:
    """A source that can only be asked: the user is active (``active``) or away."""

    name = "polled"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.last_input = clock.monotonic()
        self.active = True
        self.calls = 0

    def available(self) -> bool:
        return True

    def idle_seconds(self) -> float | None:
        self.calls += 1
        if self.active:
            self.last_input = self.clock.monotonic()
        return self.clock.monotonic() - self.last_input

    def close(self) -> None:
        pass


class Watching(Polled):
    """A source that also watches, as the X11 SYNC alarms do; ``fire`` plays the server."""

    name = "watching"

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.armed: tuple[float | None, bool] | None = None
        self.callback: Callable[[], None] | None = None

    def watch(
        self, idle_after_s: float | None, on_input: bool, callback: Callable[[], None]
    ) -> bool:
        self.armed, self.callback = (idle_after_s, on_input), callback
        return True

    def unwatch(self) -> None:
        self.armed = self.callback = None

    def fire(self) -> None:
        callback, self.callback = self.callback, None
        assert callback is not None
        callback()


class Loop:
    def __init__(self, source: Polled, clock: FakeClock, **settings: object) -> None:
        self.clock, self.source = clock, source
        values = RemindersSettings(quiet_hours=False, **settings)  # type: ignore[arg-type]
        self.values = values
        self.monitor = SittingMonitor(
            clock, source, ReminderPolicy(clock, values), values=values, interval_ms=INTERVAL_MS
        )
        self.due: list[int] = []
        self.monitor.reminder_due.connect(self.due.append)

    def step(self) -> float:
        """Jump to the next planned look and take it; returns the sleep."""
        sleep = self.monitor.next_look_in
        assert sleep is not None
        self.clock.advance(sleep)
        self.monitor.poll()
        return sleep

    def run_for(self, seconds: float) -> int:
        """Steps taken to cover ``seconds`` of the user's day."""
        end, steps = self.clock.monotonic() + seconds, 0
        while self.clock.monotonic() < end:
            self.step()
            steps += 1
        return steps


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()  # Tuesday 09:00


def test_a_watching_source_is_never_polled_while_the_user_works(
    qtbot: QtBot, clock: FakeClock
) -> None:
    loop = Loop(Watching(clock), clock)
    assert isinstance(loop.source, IdleWatcher)
    assert loop.monitor.watching
    assert loop.source.armed == (pytest.approx(300.05), False)  # the natural break
    steps = loop.run_for(49 * 60)
    assert steps <= 50  # once a minute for the tray's ring and tooltip, no 5 s polls
    assert loop.due == []
    loop.run_for(90)
    assert loop.due == [3000]  # at the limit itself, not up to a poll later


def test_the_natural_break_arrives_by_watch_and_then_only_input_wakes(
    qtbot: QtBot, clock: FakeClock
) -> None:
    source = Watching(clock)
    loop = Loop(source, clock)
    loop.run_for(600)
    source.active = False
    clock.advance(300.05)
    source.fire()  # idle for the natural break
    assert loop.monitor.tracker.active_s == 0
    assert source.armed == (None, True)
    assert loop.monitor.next_look_in == pytest.approx(INTERVAL_MS / 1000 * MAX_SLEEP_STEPS)
    calls = source.calls
    clock.advance(3600)
    assert source.calls == calls  # an hour away: nothing asked
    source.active = True
    source.fire()  # the first input: it must persist before it ends the break
    assert loop.monitor.next_look_in == pytest.approx(INTERVAL_MS / 1000)
    loop.step()
    assert loop.monitor.tracker.sitting
    assert source.armed == (pytest.approx(300.05), False)


def test_a_polled_source_is_asked_as_seldom_as_the_next_decision_allows(
    qtbot: QtBot, clock: FakeClock
) -> None:
    source = Polled(clock)
    loop = Loop(source, clock, sit_limit=timedelta(minutes=50), natural_break=timedelta(minutes=5))
    assert not loop.monitor.watching
    sleeps = [loop.step() for _ in range(20)]
    assert min(sleeps) >= 59  # the tray's minute, not 5 s
    source.active = False
    for _ in range(10):
        loop.step()
        if not loop.monitor.tracker.sitting:
            break
    assert not loop.monitor.tracker.sitting  # the break was seen within a few looks
    assert loop.monitor.next_look_in == pytest.approx(30)  # away: a hundredth of the limit
    source.active = True
    back = clock.monotonic()
    while not loop.monitor.tracker.sitting:
        loop.step()
    assert clock.monotonic() - back <= 30 + 2 * INTERVAL_MS / 1000  # seen, then proved


def test_a_break_is_seen_as_soon_as_it_completes(qtbot: QtBot, clock: FakeClock) -> None:
    source = Polled(clock)
    loop = Loop(source, clock, natural_break=timedelta(seconds=90), sit_limit=timedelta(minutes=50))
    loop.step()
    source.active = False
    started = clock.monotonic()
    while loop.monitor.tracker.sitting:
        loop.step()
    assert clock.monotonic() - started <= 90 + 1


def test_sparse_looks_are_not_taken_for_a_suspend_but_a_wall_jump_is(
    qtbot: QtBot, clock: FakeClock
) -> None:
    loop = Loop(Watching(clock), clock)
    loop.run_for(600)
    assert loop.monitor.tracker.resets == 0
    clock.jump_wall(3 * 3600)  # asleep for three hours
    loop.step()
    assert loop.monitor.tracker.last_reset_reason == "suspend"


def test_a_snooze_or_a_pause_plans_the_next_look_at_its_end(qtbot: QtBot, clock: FakeClock) -> None:
    loop = Loop(Watching(clock), clock, sit_limit=timedelta(seconds=60))
    loop.run_for(70)
    assert len(loop.due) == 1
    assert loop.monitor.snooze(2)
    assert loop.monitor.next_look_in == pytest.approx(60, abs=1)  # the ring's minute first
    loop.run_for(121)
    assert len(loop.due) == 2
    loop.monitor.pause(30)
    assert loop.monitor.next_look_in == pytest.approx(30, abs=0.01)


def test_reminders_off_means_no_timer_and_no_watch(qtbot: QtBot, clock: FakeClock) -> None:
    source = Watching(clock)
    loop = Loop(source, clock)
    loop.values.enabled = False
    loop.monitor.apply_settings()
    assert loop.monitor.next_look_in is None
    assert source.armed is None
    assert not loop.monitor.polling


def test_a_presentation_is_looked_at_every_step_while_it_defers(
    qtbot: QtBot, clock: FakeClock
) -> None:
    from acumat_desktop.services.presenting import PresentingDetector

    class Slides:
        name = "slides"

        def is_presenting(self) -> bool | None:
            return True

        def close(self) -> None:
            pass

    values = RemindersSettings(quiet_hours=False, sit_limit=timedelta(seconds=60))
    monitor = SittingMonitor(
        clock,
        Watching(clock),
        ReminderPolicy(clock, values),
        values=values,
        presenting=PresentingDetector([Slides()]),
        interval_ms=INTERVAL_MS,
    )
    clock.advance(61)
    monitor.poll()
    assert monitor.last_decision is not None and monitor.last_decision.reason == "presenting"
    assert monitor.next_look_in == pytest.approx(INTERVAL_MS / 1000)


def test_a_coarse_timer_firing_a_little_early_does_not_add_a_look(
    qtbot: QtBot, clock: FakeClock
) -> None:
    """Qt's very coarse timers round to whole seconds and may fire up to half a second early:
    the minute's look then came just short of the display step, which used to plan another
    look a short step (5 s) later, every minute."""
    loop = Loop(Watching(clock), clock)
    for _ in range(5):
        sleep = loop.monitor.next_look_in
        assert sleep is not None
        clock.advance(sleep - 0.4)  # the timer fires early
        loop.monitor.poll()
        assert loop.monitor.next_look_in == pytest.approx(60.4)
