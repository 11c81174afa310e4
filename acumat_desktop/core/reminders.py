"""When to remind: the sitting limit, snooze with a cap, quiet hours, work days, pauses, and
deferral (never cancel) while presenting, locked or on the mat.

Pure logic. Settings come in as any object with the fields of ``RemindersSettings`` (read on every
decision, so a change in the settings dialog applies at once); core does not import settings.
Calendar rules (quiet hours, work days, pauses, snoozes) use wall time; the short grace after a
blocking condition clears uses monotonic time.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal, Protocol, TypedDict

from acumat_desktop.core.clock import Clock

log = logging.getLogger(__name__)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ReminderValues(Protocol):
    """The fields of ``settings.model.RemindersSettings`` that the policy reads."""

    @property
    def enabled(self) -> bool: ...
    @property
    def sit_limit(self) -> timedelta: ...
    @property
    def snooze(self) -> timedelta: ...
    @property
    def max_snoozes(self) -> int: ...
    @property
    def quiet_hours(self) -> bool: ...
    @property
    def quiet_start(self) -> time: ...
    @property
    def quiet_end(self) -> time: ...
    @property
    def work_days(self) -> list[str]: ...
    @property
    def after_unlock(self) -> Literal["reset", "carry-on"]: ...


class Action(enum.Enum):
    SHOW = "show"  # show the reminder now
    DEFER = "defer"  # due, but held back until the condition clears (never cancelled)
    WAIT = "wait"  # nothing due


@dataclass(frozen=True)
class Decision:
    action: Action
    reason: str  # e.g. "due", "presenting", "locked", "session", "snoozed", "quiet-hours"


class ReminderSnapshot(TypedDict):
    enabled: bool
    snoozed_until: str | None
    last_shown_at: str | None
    shown_today: int
    paused_until: str | None


def in_quiet_hours(at: time, start: time, end: time) -> bool:
    """True when ``at`` lies in [start, end); the window may cross midnight. start == end: never."""
    if start == end:
        return False
    if start < end:
        return start <= at < end
    return at >= start or at < end


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


class ReminderPolicy:
    """Decides, at each poll, whether a reminder shows, waits or is deferred."""

    def __init__(self, clock: Clock, values: ReminderValues, *, settle_s: float = 20.0) -> None:
        self._clock = clock
        self.values = values
        self.settle_s = settle_s  # grace after presenting/lock/resume clears
        self.showing = False
        self.snoozes = 0  # consecutive snoozes in this streak
        self.snoozed_until: datetime | None = None
        self.paused_until: datetime | None = None
        self.last_shown_at: datetime | None = None
        self._shown_on: tuple[object, int] | None = None  # (date, count)
        self._was_blocked = False
        self._settle_until: float | None = None

    # -- queries -----------------------------------------------------------------------------
    @property
    def shown_today(self) -> int:
        if self._shown_on is None or self._shown_on[0] != self._clock.now().date():
            return 0
        return self._shown_on[1]

    @property
    def can_snooze(self) -> bool:
        return self.snoozes < self.values.max_snoozes

    def snapshot(self) -> ReminderSnapshot:
        now = self._clock.now()
        snoozed = self.snoozed_until if self.snoozed_until and self.snoozed_until > now else None
        paused = self.paused_until if self.paused_until and self.paused_until > now else None
        return {
            "enabled": bool(self.values.enabled),
            "snoozed_until": _iso(snoozed),
            "last_shown_at": _iso(self.last_shown_at),
            "shown_today": self.shown_today,
            "paused_until": _iso(paused),
        }

    def decide(
        self,
        sitting_s: float,
        *,
        locked: bool = False,
        presenting: bool = False,
        session_running: bool = False,
    ) -> Decision:
        """The decision for this poll. Call it at every poll: it also notices when a blocking
        condition clears, to hold a deferred reminder for ``settle_s`` before showing it."""
        blocker = self._blocker(locked=locked, presenting=presenting, session=session_running)
        wait = self._wait_reason(sitting_s)
        if wait is not None:
            return Decision(Action.WAIT, wait)
        if blocker is not None:
            return Decision(Action.DEFER, blocker)
        return Decision(Action.SHOW, "due")

    def next_decision_in(self, sitting_s: float, *, growing: bool) -> float | None:
        """Seconds until :meth:`decide` could answer differently with no event in between
        (input, a command, a lock or session change), or None when only an event can change
        it. ``growing``: a streak runs, so ``sitting_s`` grows with time. Pure: it reads the
        clock and changes nothing. A presentation is not an event (it is polled): the caller
        looks again soon while a reminder is deferred by one."""
        values = self.values
        now = self._clock.now()
        if not values.enabled:
            return None
        if self.paused_until is not None and now < self.paused_until:
            return (self.paused_until - now).total_seconds()
        limit = values.sit_limit.total_seconds()
        if sitting_s < limit:
            return limit - sitting_s if growing else None
        if self.showing:
            return None
        waits = [
            (self.snoozed_until - now).total_seconds()
            if self.snoozed_until is not None and now < self.snoozed_until
            else None,
            self._calendar_wait(now),
        ]
        if self._settle_until is not None and self._clock.monotonic() < self._settle_until:
            waits.append(self._settle_until - self._clock.monotonic())
        found = [w for w in waits if w is not None]
        return max(0.0, min(found)) if found else None

    def _calendar_wait(self, now: datetime) -> float | None:
        """Seconds until a day off or quiet hours end, when one holds now."""
        values = self.values
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)
        if WEEKDAYS[now.weekday()] not in values.work_days:
            return (midnight - now).total_seconds()
        if values.quiet_hours and in_quiet_hours(now.time(), values.quiet_start, values.quiet_end):
            end = datetime.combine(now.date(), values.quiet_end, tzinfo=now.tzinfo)
            if end <= now:
                end += timedelta(days=1)
            return (end - now).total_seconds()
        return None

    # -- events ------------------------------------------------------------------------------
    def shown(self) -> None:
        """The reminder was shown (the UI calls this, or the monitor on SHOW)."""
        now = self._clock.now()
        self.showing = True
        self.last_shown_at = now
        self._shown_on = (now.date(), self.shown_today + 1)

    def snooze(self, minutes: float | None = None) -> bool:
        """Postpone by ``minutes`` (default: the snooze setting). False once the cap on
        consecutive snoozes is reached: then only Start and "I just moved" remain."""
        if not self.can_snooze:
            return False
        span = timedelta(minutes=minutes) if minutes is not None else self.values.snooze
        self.snoozes += 1
        self.snoozed_until = self._clock.now() + span
        self.showing = False
        return True

    def dismiss(self) -> None:
        """The reminder closed without an answer (e.g. the user went idle)."""
        self.showing = False

    def new_streak(self) -> None:
        """The user stood up (natural break, "I just moved", a finished session, lock or
        suspend in reset mode): the snooze cycle starts over."""
        self.showing = False
        self.snoozes = 0
        self.snoozed_until = None

    def moved(self) -> None:
        """ "I just moved": same as a new streak (the caller also resets the tracker)."""
        self.new_streak()

    def resumed(self) -> None:
        """After unlock or resume: no reminder for ``settle_s``; in reset mode the cycle
        restarts too."""
        self._settle_until = self._clock.monotonic() + self.settle_s
        if self.values.after_unlock == "reset":
            self.new_streak()

    def pause_for(self, seconds: float) -> None:
        self.paused_until = self._clock.now() + timedelta(seconds=seconds)

    def pause_until_tomorrow(self) -> None:
        now = self._clock.now()
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)
        self.paused_until = midnight

    def unpause(self) -> None:
        self.paused_until = None

    # -- internals ---------------------------------------------------------------------------
    def _blocker(self, *, locked: bool, presenting: bool, session: bool) -> str | None:
        reason = (
            "locked" if locked else "presenting" if presenting else "session" if session else None
        )
        mono = self._clock.monotonic()
        if reason is not None:
            self._was_blocked = True
            return reason
        if self._was_blocked:
            self._was_blocked = False
            self._settle_until = mono + self.settle_s
        if self._settle_until is not None and mono < self._settle_until:
            return "settling"
        return None

    def _wait_reason(self, sitting_s: float) -> str | None:
        values = self.values
        now = self._clock.now()
        if not values.enabled:
            return "disabled"
        if self.paused_until is not None and now < self.paused_until:
            return "paused"
        if sitting_s < values.sit_limit.total_seconds():
            # e.g. the limit was raised: an open reminder is stale. A snooze is kept (it may
            # have been asked for ahead of time); the caller calls new_streak() on a reset.
            self.showing = False
            return "sitting"
        if self.showing:
            return "showing"
        if self.snoozed_until is not None and now < self.snoozed_until:
            return "snoozed"
        if WEEKDAYS[now.weekday()] not in values.work_days:
            return "day-off"
        if values.quiet_hours and in_quiet_hours(now.time(), values.quiet_start, values.quiet_end):
            return "quiet-hours"
        return None
