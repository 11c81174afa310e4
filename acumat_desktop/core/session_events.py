"""What the session engine tells its subscribers, one frozen dataclass per kind of event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.session_plan import SessionPlan


@dataclass(frozen=True)
class SessionEvent:
    """Base of everything the engine emits."""


@dataclass(frozen=True)
class Started(SessionEvent):
    plan: SessionPlan
    at: datetime
    countdown_s: float


@dataclass(frozen=True)
class CountdownTick(SessionEvent):
    seconds_left: int


@dataclass(frozen=True)
class CountdownOver(SessionEvent):
    pass


@dataclass(frozen=True)
class Paused(SessionEvent):
    elapsed_s: float
    remaining_s: float


@dataclass(frozen=True)
class Resumed(SessionEvent):
    elapsed_s: float
    remaining_s: float


@dataclass(frozen=True)
class Adjusted(SessionEvent):
    delta_s: float  # what was applied (may be less than asked)
    planned_s: float
    remaining_s: float


@dataclass(frozen=True)
class OneMinuteLeft(SessionEvent):
    remaining_s: float


@dataclass(frozen=True)
class CueDue(SessionEvent):
    text: str
    at_s: float


@dataclass(frozen=True)
class Finished(SessionEvent):
    record: SessionRecord
    completed: bool = True


@dataclass(frozen=True)
class Stopped(SessionEvent):
    record: SessionRecord  # completed=False; actual_s 0 if stopped during the countdown


@dataclass(frozen=True)
class Suspended(SessionEvent):
    wall_gap_s: float
    paused: bool  # True if this suspend paused a running session (False: it was paused already)


@dataclass(frozen=True)
class FeelingNoted(SessionEvent):
    record: SessionRecord


Subscriber = Callable[[SessionEvent], None]
