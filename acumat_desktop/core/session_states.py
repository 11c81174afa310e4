"""The session's states, which of them are active, and how each appears in ``status --json``."""

from __future__ import annotations

from enum import StrEnum


class SessionState(StrEnum):
    IDLE = "idle"
    COUNTDOWN = "countdown"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


ACTIVE_STATES = frozenset({SessionState.COUNTDOWN, SessionState.RUNNING, SessionState.PAUSED})

# How states appear in the status contract ("idle"|"countdown"|"running"|"paused"|"finished"):
# a countdown says so, with the seconds left before the session's clock starts; a stopped
# session is over and reports "idle".
SNAPSHOT_STATE: dict[SessionState, str] = {
    SessionState.IDLE: "idle",
    SessionState.COUNTDOWN: "countdown",
    SessionState.RUNNING: "running",
    SessionState.PAUSED: "paused",
    SessionState.FINISHED: "finished",
    SessionState.STOPPED: "idle",
}


class SessionStateError(RuntimeError):
    """An operation that the current state does not allow (e.g. start while a session runs)."""
