"""The settings schema: pydantic v2 models, one section each, every field bounded and described."""

from __future__ import annotations

import re
from datetime import time, timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer

from acumat_desktop.core.durations import format_iso, parse_duration
from acumat_desktop.settings.early import SCHEMA_VERSION as SCHEMA_VERSION
from acumat_desktop.settings.early import Language

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _to_timedelta(value: Any) -> Any:
    try:
        if isinstance(value, str):
            return parse_duration(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return timedelta(seconds=value)
    except OverflowError:  # 1e20 seconds, Infinity: beyond what any duration can hold
        raise ValueError("far too long a duration") from None
    return value


def _to_weekdays(value: Any) -> Any:
    if isinstance(value, str):
        value = [part for part in value.replace(" ", "").split(",") if part]
    if isinstance(value, list | tuple):
        out = []
        for item in value:
            if isinstance(item, str) and item.lower()[:3] in WEEKDAYS:
                out.append(item.lower()[:3])
            else:
                raise ValueError(
                    f"{item!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun"
                )
        return sorted(set(out), key=WEEKDAYS.index)
    return value


def _to_ids(value: Any) -> Any:
    if isinstance(value, str):
        value = [part for part in value.replace(" ", "").split(",") if part]
    if isinstance(value, list | tuple):
        for item in value:
            if not isinstance(item, str) or not re.fullmatch(ID_PATTERN, item):
                raise ValueError(f"{item!r} is not a routine id (lowercase words joined by -)")
        return list(dict.fromkeys(value))
    return value


ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
RoutineIds = Annotated[list[str], BeforeValidator(_to_ids)]

MAX_REMEMBERED = 64  # routines whose last minutes are kept (the oldest are dropped first)
MAX_SESSION_MINUTES = 120  # the longest a routine may run (core/routines.py MAX_MINUTES)


def _to_minutes_map(value: Any) -> Any:
    """``{"back-neck": 15}`` or ``back-neck:15,sleep:10`` → a dict of routine id → minutes,
    each id a routine id and each value 1–120; only the newest MAX_REMEMBERED are kept."""
    if isinstance(value, str):
        pairs = [part.partition(":") for part in value.replace(" ", "").split(",") if part]
        value = {key: minutes for key, _, minutes in pairs}
    if not isinstance(value, dict):
        return value
    out: dict[str, int] = {}
    for key, raw in value.items():
        if not isinstance(key, str) or not re.fullmatch(ID_PATTERN, key):
            raise ValueError(f"{key!r} is not a routine id (lowercase words joined by -)")
        try:
            minutes = int(raw)
        except (TypeError, ValueError):
            raise ValueError(f"{key}: {raw!r} is not a whole number of minutes") from None
        if isinstance(raw, bool) or not 1 <= minutes <= MAX_SESSION_MINUTES:
            raise ValueError(f"{key}: {raw!r} is not between 1 and {MAX_SESSION_MINUTES} minutes")
        out[key] = minutes
    return dict(list(out.items())[-MAX_REMEMBERED:])


MinutesByRoutine = Annotated[dict[str, int], BeforeValidator(_to_minutes_map)]

Duration = Annotated[
    timedelta,
    BeforeValidator(_to_timedelta),
    PlainSerializer(format_iso, return_type=str, when_used="json"),
]
Weekdays = Annotated[list[str], BeforeValidator(_to_weekdays)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)


class RemindersSettings(Section):
    enabled: bool = Field(True, description="Remind me to use the mat after sitting too long")
    sit_limit: Duration = Field(
        timedelta(minutes=50),
        ge=timedelta(seconds=10),
        le=timedelta(hours=4),
        description="Sitting time before a reminder",
    )
    natural_break: Duration = Field(
        timedelta(minutes=5),
        ge=timedelta(seconds=5),
        le=timedelta(hours=1),
        description="Idle this long counts as having stood up",
    )
    snooze: Duration = Field(
        timedelta(minutes=10),
        ge=timedelta(minutes=1),
        le=timedelta(hours=2),
        description="How long Snooze postpones a reminder",
    )
    max_snoozes: int = Field(3, ge=0, le=10, description="Consecutive snoozes allowed")
    quiet_hours: bool = Field(True, description="No reminders during quiet hours")
    quiet_start: time = Field(time(20, 0), description="Quiet hours begin")
    quiet_end: time = Field(time(8, 0), description="Quiet hours end")
    work_days: Weekdays = Field(
        default_factory=lambda: list(WEEKDAYS[:5]),
        description="Days on which reminders are shown (comma separated: mon,tue,...)",
    )
    after_unlock: Literal["reset", "carry-on"] = Field(
        "reset", description="After unlock or resume: reset the sitting time, or carry on"
    )
    style: Literal["popup", "notification"] = Field(
        "popup", description="Show reminders as a popup near the tray or a desktop notification"
    )


class SessionSettings(Section):
    default_routine: str = Field(
        "back-neck",
        min_length=1,
        max_length=64,
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Routine selected when the app opens",
    )
    default_breathing: str = Field(
        "resonance",
        min_length=1,
        max_length=64,
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Breathing pattern for routines that do not name one",
    )
    countdown: Duration = Field(
        timedelta(seconds=5),
        ge=timedelta(0),
        le=timedelta(seconds=60),
        description="Countdown before a session starts, to lie down",
    )
    eyes_closed: bool = Field(False, description="Eyes-closed mode: sound cues on, seconds hidden")
    safety_note_seen: bool = Field(False, description="The safety note has been read")
    keep_awake: bool = Field(
        True, description="Keep the screen awake during sessions (and the computer from sleeping)"
    )
    favourites: RoutineIds = Field(
        default_factory=list, description="Favourite routines, first in the tray's Start menu"
    )
    last_minutes: MinutesByRoutine = Field(
        default_factory=dict,
        description="The minutes last chosen for each routine (routine:minutes, comma separated)",
    )
    acclimation: bool = Field(
        True,
        description="Build up session length over the first weeks on the mat (shorter sessions "
        "at first, a little longer each week)",
    )
    acclimation_step: int = Field(
        5,
        ge=1,
        le=30,
        description="Minutes a session may grow each week while getting used to the mat "
        "(5: up to 5, 10, 15, 20 minutes in weeks 1 to 4)",
    )
    ramp_routines: RoutineIds = Field(
        default_factory=list,
        description="Routines whose breathing starts at an everyday pace and slows to the "
        "pattern's over the first two minutes (comma separated)",
    )


class SoundSettings(Section):
    master_volume: float = Field(0.6, ge=0.0, le=1.0, description="Master volume (0 to 1)")
    muted: bool = Field(False, description="Mute all sound")
    default_soundscape: str = Field(
        "rain", min_length=1, max_length=64, description="Soundscape for routines that name none"
    )
    cue_sounds: bool = Field(True, description="Soft sounds on inhale, hold and exhale")
    end_fade: Duration = Field(
        timedelta(seconds=60),
        ge=timedelta(0),
        le=timedelta(minutes=5),
        description="Fade the ambience out over the session's last part",
    )
    bells: bool = Field(True, description="Start and end bells")
    minute_bell: bool = Field(True, description="A soft bell one minute before the end")
    spoken_cues: bool = Field(
        False, description="Speak the breathing cues (where the system has a speech engine)"
    )
    output_device: str | None = Field(
        None, max_length=512, description="Output device id; empty follows the system default"
    )


class AppearanceSettings(Section):
    theme: Literal["system", "light", "dark"] = Field("system", description="Colour theme")
    reduced_motion: bool = Field(False, description="Calm the breathing shape: no scaling")
    language: Language = Field(
        "system", description="Interface language; system follows the desktop (after a restart)"
    )


class StartupSettings(Section):
    start_minimized: bool = Field(False, description="Start in the tray without a window")
    autostart: bool = Field(False, description="Start AcuMat when I log in")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: int = Field(SCHEMA_VERSION, description="Version of this file's layout")
    reminders: RemindersSettings = Field(default_factory=RemindersSettings)
    session: SessionSettings = Field(default_factory=SessionSettings)
    sound: SoundSettings = Field(default_factory=SoundSettings)
    appearance: AppearanceSettings = Field(default_factory=AppearanceSettings)
    startup: StartupSettings = Field(default_factory=StartupSettings)


SECTIONS: dict[str, type[Section]] = {
    name: info.annotation  # type: ignore[misc]
    for name, info in Settings.model_fields.items()
    if name != "schema_version"
}
