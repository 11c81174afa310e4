"""The sitting loop with a fake clock, a scripted idle source and the real policy and settings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.services.presenting import PresentingDetector
from acumat_desktop.services.session_lock import SessionLockMonitor
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.settings.model import RemindersSettings

POLL = 5.0


class ScriptedSource:
    name = "scripted"

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


class Fullscreen:
    name = "fullscreen"

    def __init__(self) -> None:
        self.on = False
        self.asked = 0

    def is_presenting(self) -> bool | None:
        self.asked += 1
        return self.on

    def close(self) -> None:
        pass


class Rig:
    def __init__(self, qtbot: QtBot, **settings: object) -> None:
        self.clock = FakeClock()  # Tuesday 09:00
        self.values = RemindersSettings(
            sit_limit=timedelta(seconds=60), natural_break=timedelta(seconds=20), **settings
        )
        self.source = ScriptedSource(self.clock)
        self.fullscreen = Fullscreen()
        dead = QDBusConnection.connectToBus("unix:path=/nonexistent", "acumat-test-monitor")
        self.lock = SessionLockMonitor(dead, dead)
        self.monitor = SittingMonitor(
            self.clock,
            self.source,
            ReminderPolicy(self.clock, self.values, settle_s=10),
            values=self.values,
            lock=self.lock,
            presenting=PresentingDetector([self.fullscreen]),
            interval_ms=60_000,
        )
        self.due: list[int] = []
        self.withdrawn = 0
        self.monitor.reminder_due.connect(self.due.append)
        self.monitor.reminder_withdrawn.connect(self._withdrawn)

    def _withdrawn(self) -> None:
        self.withdrawn += 1

    def run(self, seconds: float, *, active: bool = True) -> None:
        self.source.active = active
        for _ in range(int(seconds / POLL)):
            self.clock.advance(POLL)
            self.monitor.poll()


@pytest.fixture
def rig(qtbot: QtBot) -> Rig:
    return Rig(qtbot)


def test_reminder_due_once_after_the_limit(rig: Rig) -> None:
    rig.run(55)
    assert rig.due == []
    rig.run(30)
    assert rig.due == [60]
    snap = rig.monitor.snapshot()
    assert snap["sitting"]["source"] == "scripted"
    assert snap["sitting"]["active_s"] == pytest.approx(85)
    assert snap["reminders"]["shown_today"] == 1
    assert snap["reminders"]["state"] == "showing"


def test_going_idle_withdraws_the_reminder_and_resets(rig: Rig) -> None:
    rig.run(65)
    assert len(rig.due) == 1
    rig.run(25, active=False)
    assert rig.withdrawn == 1
    assert rig.monitor.snapshot()["sitting"]["active_s"] == 0


def test_snooze_repeats_gently(rig: Rig) -> None:
    rig.run(65)
    assert rig.monitor.snooze(1)
    assert rig.monitor.snapshot()["reminders"]["snoozed_until"] is not None
    rig.run(55)
    assert len(rig.due) == 1
    rig.run(10)
    assert len(rig.due) == 2


def test_i_moved_restarts_the_streak(rig: Rig) -> None:
    rig.run(65)
    rig.monitor.i_moved()
    assert rig.withdrawn == 1
    rig.run(50)
    assert len(rig.due) == 1
    assert rig.monitor.tracker.active_s < 60


def test_presenting_defers_and_shows_shortly_after(rig: Rig) -> None:
    rig.fullscreen.on = True
    rig.run(300)
    assert rig.due == []
    assert rig.monitor.snapshot()["reminders"]["state"] == "presenting"
    rig.fullscreen.on = False
    rig.run(5)
    assert rig.due == []  # settling
    rig.run(10)
    assert len(rig.due) == 1


def test_presenting_is_asked_only_when_a_reminder_is_due(rig: Rig) -> None:
    rig.run(55)
    assert rig.fullscreen.asked == 0
    rig.run(5)
    assert rig.fullscreen.asked == 1


def test_lock_resets_and_never_reminds_while_locked(rig: Rig) -> None:
    rig.run(50)
    rig.lock.set_locked(True)
    assert rig.monitor.tracker.active_s == 0
    rig.run(600, active=True)  # typing the password does not count as sitting: locked
    assert rig.due == []
    rig.lock.set_locked(False)


def test_carry_on_keeps_the_streak_over_a_short_lock(qtbot: QtBot) -> None:
    rig = Rig(qtbot, after_unlock="carry-on")
    rig.run(50)
    rig.lock.set_locked(True)
    rig.run(10, active=False)
    rig.lock.set_locked(False)
    rig.run(5)
    assert rig.monitor.tracker.active_s >= 65  # the short lock did not reset the streak
    assert rig.due == []  # settle grace (10 s here) after unlock
    rig.run(5)
    assert len(rig.due) == 1


def test_session_defers_and_its_end_resets(rig: Rig) -> None:
    rig.run(50)
    rig.monitor.set_session_running(True)
    rig.run(30)
    assert rig.due == []
    rig.monitor.set_session_running(False)
    assert rig.monitor.tracker.active_s == 0


def test_polling_only_while_enabled(rig: Rig) -> None:
    seen = [rig.monitor.polling]
    rig.values.enabled = False
    rig.monitor.apply_settings()
    seen.append(rig.monitor.polling)
    rig.values.enabled = True
    rig.monitor.apply_settings()
    seen.append(rig.monitor.polling)
    assert seen == [True, False, True]


def test_the_timer_drives_the_loop(qtbot: QtBot) -> None:
    clock = FakeClock()
    values = RemindersSettings()
    source = ScriptedSource(clock)
    monitor = SittingMonitor(
        clock, source, ReminderPolicy(clock, values), values=values, interval_ms=10
    )
    qtbot.waitUntil(lambda: source.calls >= 3, timeout=2000)
    values.enabled = False
    monitor.apply_settings()
    calls = source.calls
    qtbot.wait(50)
    assert source.calls == calls


def test_snooze_ahead_of_time_shows_in_the_snapshot(rig: Rig) -> None:
    rig.run(10)
    assert rig.monitor.snooze(30)
    rig.run(60)
    reminders = rig.monitor.snapshot()["reminders"]
    assert reminders["snoozed_until"] == "2026-11-24T09:30:10+00:00"
    assert reminders["state"] == "snoozed"
    assert rig.due == []
