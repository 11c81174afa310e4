"""The breathing patterns and soundscapes offered in the picker and the editor, in words.

Callers may pass their own lists (user patterns, imported sounds); the defaults are the built-in
ones. A choice is ``(id, label)``; ``"none"`` is always offered, last.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, BreathingPattern
from acumat_desktop.core.routines import SOUNDSCAPES

Choice = tuple[str, str]

_CONTEXT = "RoutineChoices"
NO_PATTERN_LABEL = str(QT_TRANSLATE_NOOP(_CONTEXT, "No breathing guidance"))
NO_SOUND_LABEL = str(QT_TRANSLATE_NOOP(_CONTEXT, "Silence"))


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def pattern_choices(
    patterns: Mapping[str, BreathingPattern] | None = None,
) -> list[Choice]:
    found = BUILTIN_PATTERNS if patterns is None else patterns
    rows = [(pid, _pattern_label(p)) for pid, p in found.items() if pid != "none"]
    return [*rows, ("none", _tr(NO_PATTERN_LABEL))]


def sound_choices(sounds: Iterable[Choice] | None = None) -> list[Choice]:
    rows = (
        [(sid, sid.replace("-", " ").capitalize()) for sid in SOUNDSCAPES]
        if sounds is None
        else [(sid, name) for sid, name in sounds if sid != "none"]
    )
    return [*rows, ("none", _tr(NO_SOUND_LABEL))]


def label_for(choices: Sequence[Choice], choice_id: str) -> str:
    for cid, label in choices:
        if cid == choice_id:
            return label
    return choice_id


def fill_combo(combo: QComboBox, choices: Sequence[Choice], first: Choice | None = None) -> None:
    """Replace the combo's items; each item's data is its id (``first``'s may be "")."""
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first[1], first[0])
    for cid, label in choices:
        combo.addItem(label, cid)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def _pattern_label(pattern: BreathingPattern) -> str:
    bpm = pattern.breaths_per_minute
    name = QCoreApplication.translate("Breathing", pattern.name)  # built-in names translated
    if bpm is None or pattern.timing in pattern.name:
        return name
    return _tr("%1 (%2 s)").replace("%1", name).replace("%2", pattern.timing)
