"""The arguments of the reminder commands (snooze minutes, pause durations), checked at the door
with messages that name the bad part."""

from __future__ import annotations

from acumat_desktop.core.commands import CommandError
from acumat_desktop.core.durations import parse_duration

MAX_SNOOZE_MIN = 240.0
MAX_PAUSE_S = 7 * 24 * 3600.0


def parse_snooze_minutes(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CommandError(f"'minutes' must be a number of minutes, not {value!r}")
    if not 0 < value <= MAX_SNOOZE_MIN:
        raise CommandError(f"'minutes' must be between 1 and {MAX_SNOOZE_MIN:g}, not {value:g}")
    return float(value)


def parse_pause(value: object) -> float | None:
    """Seconds to pause for, or None for until tomorrow."""
    if value == "until-tomorrow":
        return None
    if isinstance(value, str):
        try:
            seconds = parse_duration(value).total_seconds()
        except ValueError as exc:
            raise CommandError(f"'duration': {exc}, or until-tomorrow") from None
    elif isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        raise CommandError("'duration' must be a duration such as 30m, 1h, 2h or until-tomorrow")
    if not 0 < seconds <= MAX_PAUSE_S:
        raise CommandError("'duration' must be more than 0 and at most 7 days")
    return seconds
