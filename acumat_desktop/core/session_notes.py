"""The last thing the session page's line under the dial was told, and when.

The session page is built when first needed (a session that runs while the window is hidden
needs no page), so a page built mid-session must show what one built before the session would
show now: its state, dial and plan it reads from the engine; the passing notes (a timed cue,
"one minute left", asleep, the closing words) came as events. This small record follows them
from the start, for the page to take up when it is built.
"""

from __future__ import annotations

from dataclasses import dataclass

from acumat_desktop.core.clock import Clock
from acumat_desktop.core.session import (
    CountdownOver,
    CueDue,
    Finished,
    OneMinuteLeft,
    SessionEvent,
    Started,
    Stopped,
    Suspended,
)

NOTE_EVENTS = (Started, CountdownOver, CueDue, OneMinuteLeft, Suspended, Finished, Stopped)
"""The events that change the page's line (the others leave it as it is)."""


@dataclass(frozen=True)
class Note:
    event: SessionEvent
    at: float  # monotonic seconds on the session's clock


class LastNote:
    """Follows the session's events; :meth:`since` gives the last note and its age."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._note: Note | None = None

    def __call__(self, event: SessionEvent) -> None:
        if isinstance(event, Started):
            self._note = None  # a new session: its plan says the rest
        elif isinstance(event, NOTE_EVENTS):
            self._note = Note(event, self._clock.monotonic())

    def since(self) -> tuple[SessionEvent, float] | None:
        """The last note of this session and the seconds since it came, or None."""
        note = self._note
        if note is None:
            return None
        return note.event, max(0.0, self._clock.monotonic() - note.at)
