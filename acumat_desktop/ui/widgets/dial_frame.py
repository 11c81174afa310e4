"""What the breathing dial shows in one frame: a snapshot read from the session, never stored."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acumat_desktop.core.breathing import BreathState


@dataclass(frozen=True)
class DialFrame:
    """One read of the session for painting.

    ``remaining_s`` and ``total_s`` are seconds; ``breath`` is None when the routine has no
    breathing guidance; ``label`` is a short line such as the routine's name.
    """

    remaining_s: float
    total_s: float
    breath: BreathState | None = None
    paused: bool = False
    label: str = ""

    @property
    def fraction_left(self) -> float:
        """Share of the session still to go, clamped to 0..1 (1 when the total is unknown)."""
        if self.total_s <= 0:
            return 1.0
        return min(1.0, max(0.0, self.remaining_s / self.total_s))


def format_remaining(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``), rounded up so ``0:00`` shows only when the time is over."""
    whole = max(0, math.ceil(seconds - 1e-9))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
