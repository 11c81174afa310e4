"""Sitting time from idle samples: the streak, natural breaks, suspend gaps and stray input.

The tracker is fed ``idle_s`` (seconds since the last keyboard or pointer input, as the OS
reports it) at coarse polls. Input counts as sitting; a pause shorter than the natural break
pauses nothing (you are still at the desk, reading); a pause of at least the natural break, a
lock, a suspend or a finished mat session means you stood up and resets the streak.

Stray input (a bumped mouse, a cat on the keyboard) must not end a break. As Workrave does, input
after a break only counts once it persists: a burst must span ``stray_filter_s`` seconds with no
pause longer than ``stray_filter_s`` inside it. The filter applies only once a break has begun;
before that every input keeps the streak alive, so a reader who scrolls once a minute is not
taken for absent.

A gap between samples means the machine slept or the app stalled: wall time moved more than
``max_gap_s`` (monotonic time stops during a suspend on Linux), or ticks were missed for that long.
"""

from __future__ import annotations

import logging
from typing import TypedDict

from acumat_desktop.core.clock import Clock

log = logging.getLogger(__name__)

# Two samples whose "last input" instants differ by less than this saw the same input: the
# source's clock and ours are read a few milliseconds apart.
_SAME_INPUT_S = 0.5


class SittingSnapshot(TypedDict):
    active_s: float
    idle_s: float
    source: str


class SittingTracker:
    """Turns idle samples into a sitting streak. Pure logic: time comes only from ``clock``."""

    def __init__(
        self,
        clock: Clock,
        natural_break_s: float,
        stray_filter_s: float = 5.0,
        *,
        max_gap_s: float = 60.0,
        carry_on: bool = False,
        source: str = "none",
    ) -> None:
        if natural_break_s <= 0:
            raise ValueError("natural_break_s must be positive")
        self._clock = clock
        self.natural_break_s = natural_break_s
        self.stray_filter_s = max(0.0, stray_filter_s)
        self.max_gap_s = max_gap_s
        # carry_on: a gap (suspend) shorter than the natural break does not reset the streak.
        self.carry_on = carry_on
        self.source = source
        self.last_reset_reason: str | None = None
        self.resets = 0
        self._streak_start: float | None = None
        self._last_active: float | None = None  # last input that counted
        self._last_input: float | None = None  # last input seen, stray or not
        self._pending_start: float | None = None
        self._pending_last: float | None = None
        self._last_mono: float | None = None
        self._last_wall_s: float | None = None

    # -- reading -----------------------------------------------------------------------------
    @property
    def sitting(self) -> bool:
        """True while a streak runs (the user is taken to be at the desk)."""
        return self._streak_start is not None

    @property
    def active_s(self) -> float:
        """Length of the current sitting streak; 0 after a break."""
        if self._streak_start is None:
            return 0.0
        return max(0.0, self._clock.monotonic() - self._streak_start)

    @property
    def idle_s(self) -> float:
        """Seconds since the last input that counted (stray input does not)."""
        if self._last_active is None:
            return 0.0
        return max(0.0, self._clock.monotonic() - self._last_active)

    def snapshot(self) -> SittingSnapshot:
        return {
            "active_s": round(self.active_s, 1),
            "idle_s": round(self.idle_s, 1),
            "source": self.source,
        }

    def next_check_in(self) -> float | None:
        """Seconds until a sample could tell something new without new input: the natural break
        completing (while a streak runs) or pending input expiring as stray (on a break). None:
        only the user's next input can change anything, so nobody needs to look before it."""
        now = self._clock.monotonic()
        due: list[float] = []
        if self._streak_start is not None and self._last_active is not None:
            due.append(self._last_active + self.natural_break_s - now)
        if self._pending_last is not None:
            due.append(self._pending_last + self.stray_filter_s - now)
        return max(0.0, min(due)) if due else None

    @property
    def input_pending(self) -> bool:
        """Input after a break that has not yet persisted long enough to end it."""
        return self._pending_last is not None

    # -- feeding -----------------------------------------------------------------------------
    def reset(self, reason: str) -> None:
        """The user stood up (``idle``, ``lock``, ``suspend``, ``session``, ``moved``...).

        The next streak starts with the next input that persists.
        """
        if self._streak_start is not None:
            log.debug("sitting streak reset (%s) after %.0f s", reason, self.active_s)
        self._streak_start = None
        self._pending_start = self._pending_last = None
        self.last_reset_reason = reason
        self.resets += 1

    def feed(self, idle_s: float | None) -> None:
        """One sample: seconds since the last input, or None when no idle source exists
        (then plain elapsed time counts as sitting)."""
        now = self._clock.monotonic()
        wall = self._clock.now().timestamp()
        self._check_gap(now, wall)
        self._last_mono, self._last_wall_s = now, wall

        if idle_s is None:
            self._last_input = self._last_active = now
            if self._streak_start is None:
                self._streak_start = now
            return

        input_at = now - max(0.0, idle_s)
        if self._last_input is None:
            self._first_sample(now, input_at)
            return
        if input_at > self._last_input + _SAME_INPUT_S:
            self._on_input(input_at)
        self._expire_pending(now)
        if (
            self._streak_start is not None
            and self._last_active is not None
            and now - self._last_active >= self.natural_break_s
        ):
            self.reset("idle")

    # -- internals ---------------------------------------------------------------------------
    def _first_sample(self, now: float, input_at: float) -> None:
        self._last_input = self._last_active = input_at
        if now - input_at < self.natural_break_s:
            # We cannot know how long the user sat before the app started: count from now.
            self._streak_start = now

    def _on_input(self, input_at: float) -> None:
        self._last_input = input_at
        if self._streak_start is not None:
            self._last_active = input_at
            return
        # On a break: input must persist before it ends the break.
        if self._pending_start is None or self._pending_last is None:
            self._pending_start = input_at
        self._pending_last = input_at
        if self._pending_last - self._pending_start >= self.stray_filter_s:
            self._streak_start = self._pending_start
            self._last_active = input_at
            self._pending_start = self._pending_last = None
            log.debug("sitting streak started")

    def _expire_pending(self, now: float) -> None:
        if self._pending_last is not None and now - self._pending_last > self.stray_filter_s:
            log.debug("stray input ignored")
            self._pending_start = self._pending_last = None

    def _check_gap(self, now: float, wall: float) -> None:
        if self._last_mono is None or self._last_wall_s is None:
            return
        gap = max(now - self._last_mono, wall - self._last_wall_s)
        if gap < self.max_gap_s:
            return
        log.info("no samples for %.0f s: taken as a suspend", gap)
        if not self.carry_on or gap >= self.natural_break_s:
            self.reset("suspend")
