"""Which editor each setting gets, from its key and its type in the pydantic model."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any, Literal

from pydantic.fields import FieldInfo

from acumat_desktop.ui.routine_choices import pattern_choices, sound_choices
from acumat_desktop.ui.settings import labels
from acumat_desktop.ui.settings.editors import (
    BoolEditor,
    Choice,
    CountEditor,
    DurationEditor,
    FieldEditor,
    HiddenTextEditor,
    NamedChoiceEditor,
    OptionsEditor,
    TimeEditor,
    VolumeEditor,
    WeekdaysEditor,
)


@dataclass(frozen=True)
class SettingsChoices:
    """The names to choose from: ``(id, name)`` pairs of the routines, breathing patterns and
    sounds there are now. Empty lists fall back to the built-in patterns and soundscapes, and
    for routines to the current value alone."""

    routines: Sequence[Choice] = field(default_factory=tuple)
    patterns: Sequence[Choice] = field(default_factory=tuple)
    sounds: Sequence[Choice] = field(default_factory=tuple)

    def for_key(self, key: str) -> Sequence[Choice] | None:
        if key == "session.default_routine":
            return self.routines
        if key == "session.default_breathing":
            return self.patterns or pattern_choices()
        if key == "sound.default_soundscape":
            return self.sounds or sound_choices()
        return None


def bounds(info: FieldInfo) -> tuple[Any, Any]:
    low = high = None
    for item in info.metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def editor_for(key: str, info: FieldInfo, choices: SettingsChoices) -> FieldEditor:
    annotation = info.annotation
    named = choices.for_key(key)
    low, high = bounds(info)
    if annotation is bool:
        return BoolEditor(labels.label(key, info.description or ""))
    if named is not None:
        return NamedChoiceEditor(named)
    if typing.get_origin(annotation) is Literal:
        values = [str(a) for a in typing.get_args(annotation)]
        words = dict(labels.OPTIONS.get(key, []))
        return OptionsEditor([(v, labels.tr(words[v]) if v in words else v) for v in values])
    if key == "sound.master_volume":
        return VolumeEditor()
    if annotation is int:
        high = high if high is not None else 100
        return CountEditor(int(low or 0), int(high), labels.tr(labels.NONE))
    if annotation is time:
        return TimeEditor()
    if key == "reminders.work_days":
        return WeekdaysEditor()
    if annotation is timedelta:
        unit = labels.UNITS.get(key, "min")
        return DurationEditor(unit, low, high, labels.STEPS.get(key, 1))
    return HiddenTextEditor()
