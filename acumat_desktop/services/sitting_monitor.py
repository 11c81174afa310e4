"""The sitting loop: sample the idle source, feed the tracker, ask the policy, say when to remind.

It sleeps like a stone. Nothing runs with reminders off. With them on, the loop looks at the idle
source only when the next decision is due: the sitting limit reached, a snooze, pause, quiet
hours or settling grace over, the natural break complete. A source that can watch
(:class:`~acumat_desktop.services.idle.base.IdleWatcher`: X11 SYNC alarms, Mutter's watches,
ext-idle-notify) is not polled at all: it wakes the loop when the user has been idle for the
natural break, or at their next input after one. Other sources are sampled as seldom as the
next decision allows (while the user is away, every hundredth of the limit: their return starts
the next streak). Short steps (``interval_ms``) remain only where they are needed: while
input after a break waits to prove it is not stray, and while a presentation defers a reminder
and the presenting detector cannot tell its end by events (on Windows; X11 property changes
and D-Bus signals wake the loop instead, and only while the reminder waits). While a streak
runs the loop also wakes once a minute for the tray's ring and tooltip.
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from acumat_desktop.core.clock import Clock
from acumat_desktop.core.reminders import Action, Decision, ReminderPolicy, ReminderValues
from acumat_desktop.core.sitting import SittingTracker
from acumat_desktop.services.idle.base import IdleSource, IdleWatcher
from acumat_desktop.services.presenting import PresentingDetector
from acumat_desktop.services.session_lock import SessionLockMonitor

log = logging.getLogger(__name__)

MAX_SLEEP_STEPS = 60  # never sleep longer than this many intervals: a net for a missed event
AWAY_STEP_MAX_S = 60.0  # a source that cannot watch: asked at least this often while away
WATCH_MARGIN_S = 0.05  # an idle watch fires this much after the natural break completes
# A coarse timer fires up to half a second early: a display step that close is the one due now.
DISPLAY_SLACK_S = 1.0


class MonitorValues(ReminderValues, Protocol):
    """``RemindersSettings`` as the monitor reads it."""

    @property
    def natural_break(self) -> timedelta: ...


class SittingMonitor(QObject):
    """Signals: ``reminder_due(sitting_seconds)`` when the reminder should show now,
    ``reminder_withdrawn()`` when a shown reminder went stale (the user left, locked the
    screen, started a session), ``changed()`` after every look or command.

    ``interval_ms`` is the shortest step (see the module's doc); the loop never sleeps longer
    than ``MAX_SLEEP_STEPS`` steps, nor longer than ``display_step_s`` while a streak runs."""

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
        display_step_s: float = 60.0,
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
        self._on = False
        self._in_poll = False
        self._interval_s = interval_ms / 1000.0
        self._display_step_s = display_step_s
        self._base_gap_s = max(30.0, 3 * self._interval_s)
        self._expected_gap_s: float | None = None  # the sleep of the timer that woke us
        self._planned_s = 0.0
        self._last_sample: float | None = None
        self.watching = False  # the source watches for us (no polling)
        self.presenting_by_events: bool | None = None  # None: not watching presenting now
        self.wakeups = 0  # looks at the source so far (for tests and benchmarks)
        self.last_decision: Decision | None = None
        self.tracker = SittingTracker(
            clock,
            values.natural_break.total_seconds(),
            stray_filter_s,
            max_gap_s=self._base_gap_s,
            carry_on=values.after_unlock == "carry-on",
            source=source.name,
        )
        self._resets_seen = self.tracker.resets
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)
        if lock is not None:
            lock.locked.connect(self._on_locked)
            lock.sleeping.connect(self._on_sleeping)
        self.apply_settings()

    # -- state -------------------------------------------------------------------------------
    @property
    def polling(self) -> bool:
        """The loop runs (reminders are on): a timer or a watch will wake it."""
        return self._on

    @property
    def next_look_in(self) -> float | None:
        """The sleep planned at the last look (seconds), or None when no timer is armed."""
        return self._planned_s if self._timer.isActive() else None

    def snapshot(self) -> dict[str, Any]:
        """The ``sitting`` and ``reminders`` parts of ``status --json``."""
        reminders: dict[str, Any] = dict(self.policy.snapshot())
        reminders["state"] = self.last_decision.reason if self.last_decision else "idle"
        reminders["can_snooze"] = self.policy.can_snooze
        return {"sitting": dict(self.tracker.snapshot()), "reminders": reminders}

    def sitting_snapshot(self) -> dict[str, Any]:
        """The ``sitting`` part, from a fresh look at the source (samples are sparse)."""
        if self._on and not self._in_poll:
            self.poll()
        return dict(self.tracker.snapshot())

    def apply_settings(self) -> None:
        """Re-read the values (call after a settings change): natural break, unlock mode, and
        start or stop the loop with ``enabled``."""
        self.tracker.natural_break_s = self.values.natural_break.total_seconds()
        self.tracker.carry_on = self.values.after_unlock == "carry-on"
        if self.values.enabled and not self._on:
            self._on = True
            self.poll()
        elif self.values.enabled:
            self._plan()  # the limit or the break may have changed
        elif self._on:
            self._on = False
            self._stop()
            self._withdraw()
            self.changed.emit()

    # -- commands ----------------------------------------------------------------------------
    def i_moved(self) -> None:
        """ "I just moved": the streak restarts."""
        self.tracker.reset("moved")
        self._resets_seen = self.tracker.resets
        self._withdraw()
        self.policy.moved()
        self._plan()
        self.changed.emit()

    def snooze(self, minutes: float | None = None) -> bool:
        ok = self.policy.snooze(minutes)
        self._plan()
        self.changed.emit()
        return ok

    def pause(self, seconds: float | None) -> None:
        """Pause for ``seconds``, or until tomorrow with None."""
        if seconds is None:
            self.policy.pause_until_tomorrow()
        else:
            self.policy.pause_for(seconds)
        self._withdraw()
        self._plan()
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
        """Look at the source now, decide, and plan the next look."""
        self._in_poll = True
        try:
            self._sample()
            self._decide()
            self._plan()
        finally:
            self._in_poll = False
        self.changed.emit()

    def _sample(self) -> None:
        now = self._clock.monotonic()
        since = 0.0 if self._last_sample is None else max(0.0, now - self._last_sample)
        # Samples are sparse by design: a long gap is a suspend only when the wall clock ran
        # ahead of the monotonic one, or when the timer that woke us came far too late.
        expected = self._expected_gap_s if self._expected_gap_s is not None else since
        self.tracker.max_gap_s = expected + self._base_gap_s
        self._expected_gap_s = None
        self._last_sample = now
        self.wakeups += 1
        self.tracker.feed(self.source.idle_seconds())
        if self.tracker.resets != self._resets_seen:
            self._resets_seen = self.tracker.resets
            self._withdraw()
            self.policy.new_streak()
            if self.tracker.last_reset_reason == "suspend":
                self.policy.resumed()

    def _decide(self) -> None:
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

    def _plan(self) -> None:
        """Arm the watch and the timer for the next look, as late as the decisions allow."""
        if not self._on:
            return
        tracker = self.tracker
        self.watching = self._watch()
        waits = [self.policy.next_decision_in(tracker.active_s, growing=tracker.sitting)]
        if tracker.sitting:
            waits.append(self._display_wait(tracker.active_s))
        if not self.watching:
            waits.append(tracker.next_check_in())
            if not tracker.sitting:
                waits.append(self._away_step())
        if tracker.input_pending or not self._watch_presenting():
            waits.append(self._interval_s)
        found = [w for w in waits if w is not None]
        limit = self._interval_s * MAX_SLEEP_STEPS
        sleep = min(limit, max(self._interval_s, min(found))) if found else limit
        self._expected_gap_s = self._planned_s = sleep
        self._timer.setTimerType(
            Qt.TimerType.VeryCoarseTimer if sleep >= 10 else Qt.TimerType.CoarseTimer
        )
        self._timer.start(max(1, round(sleep * 1000)))

    def _display_wait(self, active_s: float) -> float:
        """Seconds to the next display step (the tray's ring and tooltip). A step a timer woke
        us just short of is this look's; the next is a whole step away (not a short step to
        the boundary: an extra wakeup a minute, seen as 60 s, 65 s, 120 s, 125 s ...)."""
        wait = self._display_step_s - math.fmod(active_s, self._display_step_s)
        return wait + self._display_step_s if wait < DISPLAY_SLACK_S else wait

    def _watch(self) -> bool:
        """Let a watching source wake us: at the natural break while a streak runs, at the
        next input while on a break. False when the source cannot (then it is polled)."""
        if not isinstance(self.source, IdleWatcher):
            return False
        if self.tracker.input_pending:  # input must persist: looked at in short steps
            self.source.unwatch()
            return False
        if self.tracker.sitting:
            return self.source.watch(
                self.tracker.natural_break_s + WATCH_MARGIN_S, False, self._on_watch
            )
        return self.source.watch(None, True, self._on_watch)

    def _away_step(self) -> float:
        """How often a source that cannot watch is asked while the user is away: their return
        is seen this late at most, and a streak starts from the first input seen, so it is
        kept to a hundredth of the limit (30 s for 50 minutes), at most a minute."""
        limit = self.values.sit_limit.total_seconds()
        return min(AWAY_STEP_MAX_S, max(self._interval_s, limit / 100))

    def _deferred_by_presenting(self) -> bool:
        decision = self.last_decision
        return decision is not None and decision.reason == "presenting"

    def _watch_presenting(self) -> bool:
        """While a presentation defers the reminder, let the detector wake us when it may have
        ended. False only then, and only when it cannot (it is asked every step instead)."""
        detector = self._presenting
        if detector is None or not self._deferred_by_presenting():
            self._unwatch_presenting()
            return True
        if self.presenting_by_events is None:
            self.presenting_by_events = detector.watch(self._on_presenting_changed)
        return self.presenting_by_events

    def _unwatch_presenting(self) -> None:
        if self.presenting_by_events is not None and self._presenting is not None:
            self._presenting.unwatch()
        self.presenting_by_events = None

    def _on_presenting_changed(self) -> None:
        if self._on and not self._in_poll:
            self.poll()

    def _on_watch(self) -> None:
        if self._on:
            self.poll()

    def _on_timer(self) -> None:
        if self._on:
            self.poll()

    def _stop(self) -> None:
        self._timer.stop()
        self._unwatch_presenting()
        self._expected_gap_s = None
        if self.watching and isinstance(self.source, IdleWatcher):
            self.source.unwatch()
        self.watching = False

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
