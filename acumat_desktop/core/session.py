"""The session engine: a deadline-based state machine that never counts ticks.

States: idle → (countdown) → running ⇄ paused → finished, or stopped. Remaining time is
``deadline − clock.monotonic()``; pausing stores the remaining time and resuming sets a new
deadline, so a pause freezes it exactly. ``poll()`` fires whatever is due and is safe to call at
any time; ``next_due_in()`` tells a single-shot timer when to call it next, so nothing runs while
nothing is due.

The plan a session follows is ``session_plan``; the events it emits are ``session_events``.

Suspend: the deliberate choice is to **pause** the session (the user probably got up) and emit
:class:`Suspended` so the UI can say so on resume. Callers report a suspend with
``suspended(gap)``; ``poll()`` also notices one itself when wall time ran ahead of monotonic time
(Linux and macOS stop the monotonic clock while asleep).
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from acumat_desktop.core.breathing import (
    BreathState,
    breaths_completed,
    end_on_full_exhale,
    phase_at,
)
from acumat_desktop.core.clock import Clock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.session_events import (
    Adjusted,
    CountdownOver,
    CountdownTick,
    CueDue,
    FeelingNoted,
    Finished,
    OneMinuteLeft,
    Paused,
    Resumed,
    SessionEvent,
    Started,
    Stopped,
    Subscriber,
    Suspended,
)
from acumat_desktop.core.session_plan import (
    MAX_COUNTDOWN_S,
    MAX_PLANNED_S,
    SessionPlan,
    TimedCue,
    plan_from_routine,
)
from acumat_desktop.core.session_states import (
    ACTIVE_STATES,
    SNAPSHOT_STATE,
    SessionState,
    SessionStateError,
)

# The session's public names: the engine and its states are defined here; the plan and the
# events live in ``session_plan`` and ``session_events`` and are offered here too, so a feature
# needs one import for "the session".
__all__ = [
    "ACTIVE_STATES",
    "MAX_COUNTDOWN_S",
    "MAX_PLANNED_S",
    "MIN_LEFT_S",
    "SNAPSHOT_STATE",
    "Adjusted",
    "CountdownOver",
    "CountdownTick",
    "CueDue",
    "FeelingNoted",
    "Finished",
    "OneMinuteLeft",
    "Paused",
    "Resumed",
    "SessionEngine",
    "SessionEvent",
    "SessionPlan",
    "SessionRecord",
    "SessionState",
    "SessionStateError",
    "Started",
    "Stopped",
    "Subscriber",
    "Suspended",
    "TimedCue",
    "plan_from_routine",
]

log = logging.getLogger(__name__)

MIN_LEFT_S = 30.0  # "−1 min" never leaves less than this (unless less was already left)
ONE_MINUTE_S = 60.0
SUSPEND_GAP_S = 30.0  # wall time running this far ahead of monotonic time means a suspend
_TOL = 1e-6  # an event this close is due now (a float clock cannot step smaller near 1e6 s)


class SessionEngine:
    """One session at a time, driven by an injected clock."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._subscribers: list[Subscriber] = []
        self._reset()
        self._last_seen = (clock.monotonic(), clock.now())

    def _reset(self) -> None:
        self._state = SessionState.IDLE
        self._plan: SessionPlan | None = None
        self._run_s = 0.0  # how long it really runs: chosen, extended to the end of an exhale
        # Deadline = anchor + left (monotonic), kept as two numbers so that a resume gives back
        # exactly the frozen remaining time. Meaning depends on the state (countdown or run).
        self._anchor = 0.0
        self._left = 0.0
        self._frozen = 0.0  # remaining seconds (of the countdown or the run) while paused
        self._paused_from = SessionState.RUNNING
        self._started_at: datetime | None = None
        self._tick = 0
        self._one_minute_armed = False
        self._one_minute_fired = False
        self._cues_fired: set[int] = set()
        self._record: SessionRecord | None = None

    # --- subscription ---------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def _emit(self, event: SessionEvent) -> None:
        log.debug("session event %s", event)
        for callback in list(self._subscribers):
            try:
                callback(event)
            except Exception:
                log.exception("session subscriber %r failed on %s", callback, type(event).__name__)

    # --- read-only state ------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def clock(self) -> Clock:
        """The clock the session runs on (a view reads the hour from it, never the system's)."""
        return self._clock

    @property
    def plan(self) -> SessionPlan | None:
        return self._plan

    @property
    def record(self) -> SessionRecord | None:
        """The finished or stopped session's record (with its feeling once noted)."""
        return self._record

    @property
    def total_s(self) -> float:
        """How long the session really runs: the chosen length, extended to the end of the
        exhale in progress then (never more than one breath longer). The sound's end fade and
        bell follow this; what a person reads follows :attr:`chosen_s`."""
        return self._run_s

    @property
    def chosen_s(self) -> float:
        """The session's length as chosen (what the dial and the status count down from)."""
        return self._plan.planned_s if self._plan is not None else 0.0

    def _run_remaining(self) -> float:
        if self._state is SessionState.RUNNING:
            return self._left_now()
        if self._state is SessionState.PAUSED and self._paused_from is SessionState.RUNNING:
            return self._frozen
        if self._state is SessionState.COUNTDOWN or self._state is SessionState.PAUSED:
            return self._run_s
        return 0.0

    @property
    def remaining_s(self) -> float:
        """Seconds until the session really ends (the last exhale included)."""
        return self._run_remaining()

    @property
    def chosen_remaining_s(self) -> float:
        """Seconds left of the chosen length: 0 at the chosen end, while the last exhale may
        still be finishing."""
        if self._state in ACTIVE_STATES:
            return max(0.0, self.chosen_s - self.elapsed_s)
        return 0.0

    @property
    def elapsed_s(self) -> float:
        if self._state in ACTIVE_STATES:
            return max(0.0, self._run_s - self._run_remaining())
        if self._record is not None:
            return self._record.actual_s
        return 0.0

    @property
    def countdown_remaining_s(self) -> float:
        if self._state is SessionState.COUNTDOWN:
            return self._left_now()
        if self._state is SessionState.PAUSED and self._paused_from is SessionState.COUNTDOWN:
            return self._frozen
        return 0.0

    @property
    def breath(self) -> BreathState | None:
        plan = self._plan
        if plan is None or plan.pattern is None or not plan.guided:
            return None
        running = self._state is SessionState.RUNNING
        paused_running = (
            self._state is SessionState.PAUSED and self._paused_from is SessionState.RUNNING
        )
        if not (running or paused_running):
            return None
        return phase_at(plan.pattern, self.elapsed_s, plan.ramp)

    def snapshot(self) -> dict[str, Any]:
        """The ``session`` part of ``status --json`` (see SNAPSHOT_STATE for the mapping)."""
        plan = self._plan
        state = SNAPSHOT_STATE[self._state]
        if state == "idle" or plan is None:
            return {
                "state": "idle",
                "routine": None,
                "planned_s": 0.0,
                "elapsed_s": 0.0,
                "remaining_s": 0.0,
                "breathing": {"pattern": None, "phase": None, "phase_remaining_s": None},
            }
        breath = self.breath
        return {
            "state": state,
            "routine": plan.routine_id,
            "planned_s": float(plan.planned_s),
            "elapsed_s": round(self.elapsed_s, 3),
            "remaining_s": round(self.chosen_remaining_s, 3),
            "countdown_remaining_s": round(self.countdown_remaining_s, 3),
            "breathing": {
                "pattern": plan.pattern.id if plan.pattern is not None else None,
                "phase": str(breath.phase) if breath is not None else None,
                "phase_remaining_s": round(breath.phase_remaining, 3)
                if breath is not None
                else None,
            },
        }

    # --- commands -------------------------------------------------------------------------------

    def start(self, plan: SessionPlan) -> None:
        if self._state in ACTIVE_STATES:
            raise SessionStateError("a session is already running; stop it first")
        self._reset()
        self._plan = plan
        self._run_s = self._real_length(plan.planned_s)
        self._one_minute_armed = plan.planned_s > ONE_MINUTE_S
        self._note_clock()
        now = self._clock.monotonic()
        self._started_at = self._clock.now()
        if plan.countdown_s > 0:
            self._state = SessionState.COUNTDOWN
            self._anchor, self._left = now, plan.countdown_s
            self._tick = math.ceil(plan.countdown_s)
            self._emit(Started(plan, self._started_at, plan.countdown_s))
            self._emit(CountdownTick(self._tick))
        else:
            self._state = SessionState.RUNNING
            self._anchor, self._left = now, self._run_s
            self._emit(Started(plan, self._started_at, 0.0))

    def pause(self) -> bool:
        """Pause a countdown or a running session. False if there was nothing to pause."""
        self.poll()
        if self._state not in (SessionState.COUNTDOWN, SessionState.RUNNING):
            return False
        self._freeze()
        self._emit(Paused(self.elapsed_s, self.remaining_s))
        return True

    def _freeze(self) -> None:
        self._paused_from = self._state
        self._frozen = self._left_now()
        self._state = SessionState.PAUSED

    def resume(self) -> bool:
        if self._state is not SessionState.PAUSED:
            return False
        self._note_clock()
        self._state = self._paused_from
        self._anchor, self._left = self._clock.monotonic(), self._frozen
        self._emit(Resumed(self.elapsed_s, self.remaining_s))
        self.poll()
        return True

    def stop(self) -> bool:
        """End the session early. False if none was active (or it had just finished)."""
        self.poll()
        if self._state not in ACTIVE_STATES:
            return False
        elapsed = self.elapsed_s
        self._state = SessionState.STOPPED
        self._record = self._make_record(elapsed, completed=False)
        self._emit(Stopped(self._record))
        return True

    def adjust(self, seconds: float) -> float:
        """Add or remove planned time (+60 / −60). Returns the change actually applied: a
        reduction never leaves less than MIN_LEFT_S and never lengthens the session."""
        self.poll()
        plan = self._plan
        if self._state not in ACTIVE_STATES or plan is None or seconds == 0:
            return 0.0
        elapsed = self.elapsed_s
        if seconds < 0:
            floor = min(plan.planned_s, elapsed + MIN_LEFT_S)
            planned = max(plan.planned_s + seconds, floor)
        else:
            planned = min(plan.planned_s + seconds, max(plan.planned_s, MAX_PLANNED_S))
        applied = planned - plan.planned_s
        if applied == 0:
            return 0.0
        self._plan = dataclasses.replace(plan, planned_s=planned)
        self._run_s = max(elapsed, self._real_length(planned))
        run_left = self._run_s - elapsed
        if self._state is SessionState.RUNNING:
            self._anchor, self._left = self._clock.monotonic(), run_left
        elif self._state is SessionState.PAUSED and self._paused_from is SessionState.RUNNING:
            self._frozen = run_left
        if planned - elapsed > ONE_MINUTE_S and not self._one_minute_fired:
            self._one_minute_armed = True
        self._emit(Adjusted(applied, planned, self.remaining_s))
        self.poll()
        return applied

    def suspended(self, wall_gap_s: float) -> None:
        """The computer slept for ``wall_gap_s``: pause a running session and tell subscribers."""
        self._note_clock()
        if self._state not in ACTIVE_STATES:
            return
        was_running = self._state is not SessionState.PAUSED
        if was_running:
            self._freeze()
            self._emit(Paused(self.elapsed_s, self.remaining_s))
        self._emit(Suspended(wall_gap_s, paused=was_running))

    def set_feeling(self, feeling: int) -> None:
        """Note how the user feels (1..5) after a finished or stopped session."""
        if not 1 <= feeling <= 5:
            raise ValueError("feeling must be between 1 and 5")
        if self._record is None or self._state not in (
            SessionState.FINISHED,
            SessionState.STOPPED,
        ):
            raise SessionStateError("a feeling can be noted only after a session ends")
        self._record = dataclasses.replace(self._record, feeling=feeling)
        self._emit(FeelingNoted(self._record))

    # --- time -----------------------------------------------------------------------------------

    def poll(self) -> None:
        """Fire every event that is due. Cheap and idempotent."""
        if self._detect_suspend():
            return
        if self._state is SessionState.COUNTDOWN:
            self._poll_countdown()
        if self._state is SessionState.RUNNING:
            self._poll_running()

    def next_due_in(self) -> float | None:
        """Seconds until the next event, or None when nothing is pending (idle, paused, over)."""
        if self._state is SessionState.COUNTDOWN:
            left = self.countdown_remaining_s
            step = left - (math.ceil(left - _TOL) - 1)
            return max(0.0, min(left, step))
        if self._state is not SessionState.RUNNING:
            return None
        remaining = self.remaining_s
        elapsed = self.elapsed_s
        due = [remaining]
        if self._one_minute_armed and not self._one_minute_fired:
            due.append(self.chosen_remaining_s - ONE_MINUTE_S)
        due.extend(c.at_s - elapsed for i, c in self._pending_cues())
        return max(0.0, min(due))

    def _poll_countdown(self) -> None:
        left = self.countdown_remaining_s
        if left > _TOL:
            tick = math.ceil(left - _TOL)
            if tick < self._tick:
                self._tick = tick
                self._emit(CountdownTick(tick))
            return
        # The run starts exactly when the countdown ended, however late this poll is.
        ended = self._anchor + self._left
        late = max(0.0, self._clock.monotonic() - ended)
        self._state = SessionState.RUNNING
        self._started_at = self._clock.now() - timedelta(seconds=late)
        self._anchor, self._left = ended, self._run_s
        self._emit(CountdownOver())

    def _poll_running(self) -> None:
        remaining = self.remaining_s
        elapsed = self.elapsed_s
        for index, cue in self._pending_cues():
            if cue.at_s <= elapsed + _TOL:
                self._cues_fired.add(index)
                self._emit(CueDue(cue.text, cue.at_s))
        chosen_left = self.chosen_remaining_s
        due = chosen_left <= ONE_MINUTE_S + _TOL
        if self._one_minute_armed and not self._one_minute_fired and due:
            self._one_minute_fired = True
            self._emit(OneMinuteLeft(chosen_left))
        if remaining <= _TOL:
            self._state = SessionState.FINISHED
            self._record = self._make_record(self._run_s, completed=True)
            self._emit(Finished(self._record, completed=True))

    def _pending_cues(self) -> list[tuple[int, TimedCue]]:
        plan = self._plan
        if plan is None:
            return []
        return sorted(
            (
                (i, c)
                for i, c in enumerate(plan.cues)
                if i not in self._cues_fired and c.at_s < self._run_s
            ),
            key=lambda item: item[1].at_s,
        )

    def _detect_suspend(self) -> bool:
        mono, wall = self._clock.monotonic(), self._clock.now()
        last_mono, last_wall = self._last_seen
        self._last_seen = (mono, wall)
        gap = (wall - last_wall).total_seconds() - (mono - last_mono)
        if gap >= SUSPEND_GAP_S and self._state in (SessionState.COUNTDOWN, SessionState.RUNNING):
            self.suspended(gap)
            return True
        return False

    def _left_now(self) -> float:
        return max(0.0, self._left - (self._clock.monotonic() - self._anchor))

    def _note_clock(self) -> None:
        self._last_seen = (self._clock.monotonic(), self._clock.now())

    def _real_length(self, planned_s: float) -> float:
        plan = self._plan
        if plan is None or plan.pattern is None:
            return planned_s
        return end_on_full_exhale(plan.pattern, planned_s, plan.ramp)

    def running_record(self) -> SessionRecord | None:
        """The active session as it stands (not completed), for the history's checkpoints."""
        if self._state not in ACTIVE_STATES or self._plan is None or self._started_at is None:
            return None
        return self._make_record(self.elapsed_s, completed=False)

    def _make_record(self, elapsed: float, completed: bool) -> SessionRecord:
        plan = self._plan
        if plan is None or self._started_at is None:
            raise SessionStateError("no session to record")
        breaths = 0
        if plan.pattern is not None:
            breaths = breaths_completed(plan.pattern, elapsed, plan.ramp)
        return SessionRecord(
            routine_id=plan.routine_id,
            routine_name=plan.routine_name,
            started_at=self._started_at,
            planned_s=plan.planned_s,
            actual_s=round(elapsed, 3),
            completed=completed,
            pattern_id=plan.pattern.id if plan.pattern is not None else None,
            breaths=breaths,
            sound=plan.sound,
        )
