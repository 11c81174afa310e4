"""Human and ISO 8601 durations: ``50m``, ``90s``, ``1h30m``, ``PT50M``."""

from __future__ import annotations

import re
from datetime import timedelta

_HUMAN = re.compile(
    r"^\s*(?:(?P<h>\d+(?:\.\d+)?)\s*h)?\s*(?:(?P<m>\d+(?:\.\d+)?)\s*m(?:in)?)?"
    r"\s*(?:(?P<s>\d+(?:\.\d+)?)\s*s)?\s*$",
    re.IGNORECASE,
)
_ISO = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$",
    re.IGNORECASE,
)


def parse_duration(text: str) -> timedelta:
    """Parse ``50m``, ``90s``, ``1h30m``, ``2h``, ``PT50M`` or a plain number of seconds.

    Raises ValueError with a message that says what is accepted.
    """
    raw = text.strip()
    if not raw:
        raise ValueError("empty duration; use e.g. 50m, 90s, 1h30m or PT50M")
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return timedelta(seconds=float(raw))
    iso = _ISO.match(raw)
    if iso and any(iso.group(k) for k in "dhms"):
        parts = {k: float(iso.group(k) or 0) for k in "dhms"}
        return timedelta(days=parts["d"], hours=parts["h"], minutes=parts["m"], seconds=parts["s"])
    human = _HUMAN.match(raw)
    if human and any(human.group(k) for k in "hms"):
        parts = {k: float(human.group(k) or 0) for k in "hms"}
        return timedelta(hours=parts["h"], minutes=parts["m"], seconds=parts["s"])
    raise ValueError(f"{text!r} is not a duration; use e.g. 50m, 90s, 1h30m or PT50M")


def format_iso(value: timedelta) -> str:
    """ISO 8601 form, e.g. ``PT50M``, ``PT1H30M``, ``PT15S``."""
    total = value.total_seconds()
    if total < 0:
        raise ValueError("negative durations are not stored")
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    out = "PT"
    if hours:
        out += f"{int(hours)}H"
    if minutes:
        out += f"{int(minutes)}M"
    if seconds or out == "PT":
        out += f"{seconds:g}S"
    return out


def format_human(value: timedelta) -> str:
    """Short form for people: ``50m``, ``1h30m``, ``15s``."""
    total = round(value.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if seconds or not parts:
        parts.append(f"{seconds}s")
    return "".join(parts)
