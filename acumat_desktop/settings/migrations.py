"""Schema migrations: one small registered function per step, from version N to N+1.

Version 0 is the unversioned layout of pre-release builds (``sit_limit_minutes`` as a number,
``volume`` as a percentage); it doubles as the worked example for future steps.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from acumat_desktop.settings.early import SCHEMA_VERSION

Raw = dict[str, Any]
Migration = Callable[[Raw], Raw]

MIGRATIONS: dict[int, Migration] = {}


class NewerSchemaError(Exception):
    """The file was written by a newer AcuMat; it is left untouched."""

    def __init__(self, found: int) -> None:
        super().__init__(
            f"the settings file has schema version {found}, newer than this AcuMat "
            f"understands ({SCHEMA_VERSION}); it was left untouched — update AcuMat, "
            f"or move the file away to start afresh"
        )
        self.found = found


def migration(from_version: int) -> Callable[[Migration], Migration]:
    def register(func: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"two migrations from version {from_version}")
        MIGRATIONS[from_version] = func
        return func

    return register


@migration(0)
def _v0_to_v1(raw: Raw) -> Raw:
    """``sit_limit_minutes`` (a number) becomes ``sit_limit``; ``volume`` (percent) becomes
    ``master_volume``. Anything of an unexpected type is left as it is for validation to name."""
    out = dict(raw)
    reminders = out.get("reminders")
    if isinstance(reminders, dict) and _is_number(reminders.get("sit_limit_minutes")):
        reminders = dict(reminders)
        reminders["sit_limit"] = f"PT{reminders.pop('sit_limit_minutes')}M"
        out["reminders"] = reminders
    sound = out.get("sound")
    if isinstance(sound, dict) and _is_number(sound.get("volume")):
        sound = dict(sound)
        sound["master_volume"] = float(sound.pop("volume")) / 100.0
        out["sound"] = sound
    return out


def _is_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:  # an int too large for a float
        return False


def schema_version_of(raw: Raw) -> int:
    version = raw.get("schema_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError(f"schema_version {version!r} is not a whole number")
    return version


def migrate(raw: Raw) -> Raw:
    """Bring ``raw`` up to SCHEMA_VERSION, one step at a time."""
    version = schema_version_of(raw)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(version)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from settings schema version {version}")
        raw = step(raw)
        version += 1
        raw["schema_version"] = version
    return raw
