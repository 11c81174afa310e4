"""Routines: what a session on the mat is for, how long, in which position, with which breathing.

Pure models (pydantic v2) with validation; reading and writing files lives in ``routine_io``.
References to breathing patterns and soundscapes are checked against the ids passed in the
validation context (``{"patterns": ..., "sounds": ...}``), defaulting to the built-in ones.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from acumat_desktop.core.breathing import BUILTIN_PATTERNS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)

BUILTIN_ROUTINE_IDS = (
    "first-time",
    "back-neck",
    "muscle-recovery",
    "stress-release",
    "sleep",
    "desk-break",
    "tired-feet",
    "reading-tv",
    "headache",
    "cellulite",
)
# The audio catalogue's ids (core/audio/synth.py SOUNDSCAPES); callers may pass their own list.
SOUNDSCAPES = ("rain", "ocean", "brown-noise", "pink-noise", "wind", "singing-bowls", "stream")
MAX_MINUTES = 120


class Goal(StrEnum):
    PAIN = "pain"
    STRESS = "stress"
    SLEEP = "sleep"
    RECOVERY = "recovery"
    DESK = "desk"
    FEET = "feet"


class Position(StrEnum):
    LYING_BACK = "lying-back"
    NECK_PILLOW = "neck-pillow"
    STANDING = "standing"
    LEGS_ON_MAT = "legs-on-mat"
    SITTING_CHAIR = "sitting-chair"


GOAL_LABELS: dict[Goal, str] = {
    Goal.PAIN: "Pain",
    Goal.STRESS: "Stress",
    Goal.SLEEP: "Sleep",
    Goal.RECOVERY: "Recovery",
    Goal.DESK: "Desk",
    Goal.FEET: "Feet",
}
POSITION_LABELS: dict[Position, str] = {
    Position.LYING_BACK: "Lying on your back",
    Position.NECK_PILLOW: "Neck on the pillow",
    Position.STANDING: "Standing barefoot",
    Position.LEGS_ON_MAT: "Legs on the mat",
    Position.SITTING_CHAIR: "Sitting on a chair",
}

OneLine = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[^\r\n]*\S[^\r\n]*$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class RoutineCue(_Model):
    """A timed prompt during the session: at a minute, or at a fraction of the session."""

    at_minute: float | None = Field(None, ge=0, le=MAX_MINUTES, allow_inf_nan=False)
    at_fraction: float | None = Field(None, ge=0, le=1, allow_inf_nan=False)
    text: OneLine

    @model_validator(mode="after")
    def _one_anchor(self) -> Self:
        if (self.at_minute is None) == (self.at_fraction is None):
            raise ValueError("at_minute: give exactly one of at_minute or at_fraction")
        return self

    def at_seconds(self, planned_s: float) -> float:
        if self.at_minute is not None:
            return self.at_minute * 60.0
        return (self.at_fraction or 0.0) * planned_s


class Routine(_Model):
    id: str = Field(min_length=1, max_length=64, pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=60, pattern=r"^[^\r\n]+$")
    purpose: OneLine
    description: str = Field("", max_length=2000)
    goals: tuple[Goal, ...] = ()
    position: Position
    minutes: int = Field(ge=1, le=MAX_MINUTES)
    min_minutes: int = Field(ge=1, le=MAX_MINUTES)
    max_minutes: int = Field(ge=1, le=MAX_MINUTES)
    breathing: str = Field("none", min_length=1, max_length=64)
    sound: str = Field("none", min_length=1, max_length=64)
    tips: tuple[Annotated[str, Field(min_length=1, max_length=300)], ...] = Field((), max_length=12)
    cues: tuple[RoutineCue, ...] = Field((), max_length=30)
    builtin: bool = False

    @field_validator("goals")
    @classmethod
    def _unique_goals(cls, value: tuple[Goal, ...]) -> tuple[Goal, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a goal is listed twice")
        return value

    @field_validator("breathing")
    @classmethod
    def _known_pattern(cls, value: str, info: ValidationInfo) -> str:
        known = _context_ids(info, "patterns", BUILTIN_PATTERNS)
        if value != "none" and value not in known:
            raise ValueError(f"unknown breathing pattern {value!r}; use one of {_list(known)}")
        return value

    @field_validator("sound")
    @classmethod
    def _known_sound(cls, value: str, info: ValidationInfo) -> str:
        known = _context_ids(info, "sounds", SOUNDSCAPES)
        if value != "none" and value not in known:
            raise ValueError(f"unknown soundscape {value!r}; use one of {_list(known)}")
        return value

    @model_validator(mode="after")
    def _ranges(self) -> Self:
        # Plain words: these reach people through an import's error and the routine editor.
        if self.min_minutes > self.max_minutes:
            raise ValueError(
                f"min_minutes: the shortest time ({self.min_minutes} minutes) is longer than "
                f"the longest ({self.max_minutes} minutes)"
            )
        if not self.min_minutes <= self.minutes <= self.max_minutes:
            raise ValueError(
                f"minutes: the default must be between {self.min_minutes} and "
                f"{self.max_minutes} minutes, not {self.minutes}"
            )
        for index, cue in enumerate(self.cues):
            if cue.at_minute is not None and cue.at_minute >= self.max_minutes:
                raise ValueError(
                    f"cues[{index}].at_minute: at {cue.at_minute:g} minutes it comes after the "
                    f"longest session ({self.max_minutes} minutes), so it would never be shown"
                )
        return self

    # --- helpers ----------------------------------------------------------------------------

    def check_minutes(self, minutes: float) -> None:
        """Raise ValueError naming the routine and its range if ``minutes`` is outside it."""
        if not self.min_minutes <= minutes <= self.max_minutes:
            raise ValueError(
                f"{minutes:g} minutes is outside {self.id}'s range "
                f"({self.min_minutes}–{self.max_minutes} minutes)"
            )

    def cue_times(self, minutes: float) -> list[tuple[float, str]]:
        """Cues as (seconds into the session, text), in time order, for a session of
        ``minutes``; cues that would fall at or after the end are left out."""
        planned_s = minutes * 60.0
        timed = [(cue.at_seconds(planned_s), cue.text) for cue in self.cues]
        return sorted((t, text) for t, text in timed if t < planned_s)

    def summary(self) -> dict[str, Any]:
        """The row ``acumat routines --json`` prints."""
        return {
            "id": self.id,
            "name": self.name,
            "purpose": self.purpose,
            "minutes": self.minutes,
            "min_minutes": self.min_minutes,
            "max_minutes": self.max_minutes,
            "position": str(self.position),
            "breathing": self.breathing,
            "sound": self.sound,
            "goals": [str(g) for g in self.goals],
            "builtin": self.builtin,
        }

    def matches(self, goal: Goal | str | None) -> bool:
        return goal is None or Goal(goal) in self.goals


def _context_ids(info: ValidationInfo, key: str, default: Collection[str]) -> Collection[str]:
    context = info.context if isinstance(info.context, dict) else {}
    known = context.get(key)
    return default if known is None else known


def _list(ids: Collection[str]) -> str:
    return ", ".join(sorted(ids)) + ", none"


def is_valid_id(value: str) -> bool:
    return bool(_ID.match(value)) and len(value) <= 64


def slugify(text: str) -> str:
    """A kebab-case id from a name ("My Evening!" -> "my-evening")."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:64].strip("-") or "routine"


def unique_id(base: str, taken: Collection[str]) -> str:
    """``base`` if free, else ``base-2``, ``base-3`` ... (kept within 64 characters)."""
    base = slugify(base)
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[: 64 - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1
