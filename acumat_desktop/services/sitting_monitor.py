"""The sitting loop: poll the idle source, feed the tracker, ask the policy, say when to remind.

Polling is coarse (5 s by default) and runs ONLY while reminders are enabled; with reminders
off the timer is stopped and the app sleeps. Presenting checks (D-Bus, X11 properties) run only
when a reminder would otherwise be due.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from acumat_desktop.core.clock import Clock
from acumat_desktop.core.reminders import Action, Decision, ReminderPolicy, ReminderValues
from acumat_desktop.core.sitting import SittingTracker
from acumat_desktop.services.idle.base import IdleSource
from acumat_desktop.services.presenting import PresentingDetector
from acumat_desktop.services.session_lock import SessionLockMonitor

log = logging.getLogger(__name__)


class MonitorValues(ReminderValues, Protocol):
    """``RemindersSettings`` as the monitor reads it."""

    @property
    def natural_break(self) -> timedelta: ...


class SittingMonitor(QObject):
    """Signals: ``reminder_due(sitting_seconds)`` when the reminder should show now,
    ``reminder_withdrawn()`` when a shown reminder went stale (the user left, locked the
    screen, started a session), ``changed()`` after every poll or command."""

    reminder_due = Signal(int)
    reminder_withdrawn = Signal()
    changed = Signal()

    def __init__(
        self,
        clock: Clock,
        source: IdleSource,
        policy: ReminderPolicy,
        *,
        values: MonitorValues,
        lock: SessionLockMonitor | None = None,
        presenting: PresentingDetector | None = None,
        interval_ms: int = 5000,
        stray_filter_s: float = 5.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.source = source
        self.policy = policy
        self.values = values
        self._presenting = presenting
        self._lock = lock
        self._session_running = False
        self.last_decision: Decision | None = None
        self.tracker = SittingTracker(
            clock,
            values.natural_break.total_seconds(),
            stray_filter_s,
            max_gap_s=max(30.0, 3 * interval_ms / 1000.0),
            carry_on=values.after_unlock == "carry-on",
            source=source.name,
        )
        self._resets_seen = self.tracker.resets
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._timer.timeout.connect(self.poll)
        if lock is not None:
            lock.locked.connect(self._on_locked)
            lock.sleeping.connect(self._on_sleeping)
        self.apply_settings()

    # -- state -------------------------------------------------------------------------------
    @property
    def polling(self) -> bool:
        return self._timer.isActive()

    def snapshot(self) -> dict[str, Any]:
        """The ``sitting`` and ``reminders`` parts of ``status --json``."""
        reminders: dict[str, Any] = dict(self.policy.snapshot())
        reminders["state"] = self.last_decision.reason if self.last_decision else "idle"
        reminders["can_snooze"] = self.policy.can_snooze
        return {"sitting": dict(self.tracker.snapshot()), "reminders": reminders}

    def apply_settings(self) -> None:
        """Re-read the values (call after a settings change): natural break, unlock mode, and
        start or stop polling with ``enabled``."""
        self.tracker.natural_break_s = self.values.natural_break.total_seconds()
        self.tracker.carry_on = self.values.after_unlock == "carry-on"
        if self.values.enabled and not self._timer.isActive():
            self._timer.start()
            self.poll()
        elif not self.values.enabled and self._timer.isActive():
            self._timer.stop()
            self._withdraw()
            self.changed.emit()

    # -- commands ----------------------------------------------------------------------------
    def i_moved(self) -> None:
        """"I just moved": the streak restarts."""
        self.tracker.reset("moved")
        self._resets_seen = self.tracker.resets
        self._withdraw()
        self.policy.moved()
        self.changed.emit()

    def snooze(self, minutes: float | None = None) -> bool:
        ok = self.policy.snooze(minutes)
        self.changed.emit()
        return ok

    def pause(self, seconds: float | None) -> None:
        """Pause for ``seconds``, or until tomorrow with None."""
        if seconds is None:
            self.policy.pause_until_tomorrow()
        else:
            self.policy.pause_for(seconds)
        self._withdraw()
        self.changed.emit()

    def set_session_running(self, running: bool) -> None:
        """No reminders during a mat session; a finished session resets the streak."""
        if running == self._session_running:
            return
        self._session_running = running
        if running:
            self._withdraw()
        else:
            self.tracker.reset("session")
        if self.polling:
            self.poll()

    # -- the loop ----------------------------------------------------------------------------
    def poll(self) -> None:
        self.tracker.feed(self.source.idle_seconds())
        if self.tracker.resets != self._resets_seen:
            self._resets_seen = self.tracker.resets
            self._withdraw()
            self.policy.new_streak()
            if self.tracker.last_reset_reason == "suspend":
                self.policy.resumed()
        sitting = self.tracker.active_s
        due = self.values.enabled and sitting >= self.values.sit_limit.total_seconds()
        presenting = bool(due and self._presenting is not None and self._presenting.is_presenting())
        was_showing = self.policy.showing
        decision = self.policy.decide(
            sitting,
            locked=self._lock is not None and self._lock.is_locked,
            presenting=presenting,
            session_running=self._session_running,
        )
        if was_showing and not self.policy.showing:
            self.reminder_withdrawn.emit()
        if decision != self.last_decision:
            log.debug("reminder decision: %s (%s)", decision.action.value, decision.reason)
        self.last_decision = decision
        if decision.action is Action.SHOW:
            self.policy.shown()
            self.reminder_due.emit(int(sitting))
        self.changed.emit()

    def _withdraw(self) -> None:
        if self.policy.showing:
            self.policy.dismiss()
            self.reminder_withdrawn.emit()

    def _on_locked(self, locked: bool) -> None:
        if locked:
            if self.values.after_unlock == "reset":
                self.tracker.reset("lock")
        else:
            self.policy.resumed()
        if self.polling:
            self.poll()

    def _on_sleeping(self, sleeping: bool) -> None:
        if sleeping:
            if self.values.after_unlock == "reset":
                self.tracker.reset("suspend")
        else:
            self.policy.resumed()
            if self.polling:
                self.poll()
