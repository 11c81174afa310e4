"""Editors for one settings field each, chosen from the field's type in the pydantic model."""

from __future__ import annotations

import typing
from datetime import time, timedelta
from typing import Any, Literal

from pydantic.fields import FieldInfo
from PySide6.QtCore import QObject, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from acumat_desktop.core.durations import format_human
from acumat_desktop.settings.model import WEEKDAYS


class FieldEditor(QObject):
    """Wraps one editor widget; ``value()`` gives what to hand to settings.access.with_value."""

    edited = Signal()

    def __init__(self, widget: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.widget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError


class BoolEditor(FieldEditor):
    def __init__(self, label: str) -> None:
        box = QCheckBox(label)
        super().__init__(box)
        self._box = box
        box.toggled.connect(self.edited)

    def value(self) -> Any:
        return self._box.isChecked()

    def set_value(self, value: Any) -> None:
        self._box.setChecked(bool(value))


class ChoiceEditor(FieldEditor):
    def __init__(self, choices: tuple[str, ...]) -> None:
        combo = QComboBox()
        combo.addItems(list(choices))
        super().__init__(combo)
        self._combo = combo
        combo.currentIndexChanged.connect(self.edited)

    def value(self) -> Any:
        return self._combo.currentText()

    def set_value(self, value: Any) -> None:
        self._combo.setCurrentText(str(value))


class NumberEditor(FieldEditor):
    def __init__(self, info: FieldInfo, integer: bool) -> None:
        low, high = _bounds(info)
        spin: QSpinBox | QDoubleSpinBox
        if integer:
            spin = QSpinBox()
            spin.setRange(
                int(low if low is not None else 0), int(high if high is not None else 10**6)
            )
        else:
            spin = QDoubleSpinBox()
            spin.setDecimals(2)
            spin.setSingleStep(0.05)
            spin.setRange(
                float(low if low is not None else 0), float(high if high is not None else 1e6)
            )
        super().__init__(spin)
        self._spin = spin
        spin.valueChanged.connect(self.edited)

    def value(self) -> Any:
        return self._spin.value()

    def set_value(self, value: Any) -> None:
        self._spin.setValue(value)


class TextEditor(FieldEditor):
    """Free text, and durations typed as 50m, 90s, 1h30m (validated by the model as you type)."""

    def __init__(self, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        super().__init__(edit)
        self._edit = edit
        edit.textEdited.connect(self.edited)

    def value(self) -> Any:
        return self._edit.text()

    def set_value(self, value: Any) -> None:
        if isinstance(value, timedelta):
            value = format_human(value)
        elif isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        self._edit.setText("" if value is None else str(value))


class TimeEditor(FieldEditor):
    def __init__(self) -> None:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        super().__init__(edit)
        self._edit = edit
        edit.timeChanged.connect(self.edited)

    def value(self) -> Any:
        return self._edit.time().toString("HH:mm")

    def set_value(self, value: Any) -> None:
        if isinstance(value, time):
            self._edit.setTime(QTime(value.hour, value.minute))


class WeekdaysEditor(FieldEditor):
    def __init__(self) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        super().__init__(row)
        self._boxes: dict[str, QCheckBox] = {}
        for day in WEEKDAYS:
            box = QCheckBox(day.capitalize(), row)
            box.setAccessibleName(day)
            box.toggled.connect(self.edited)
            layout.addWidget(box)
            self._boxes[day] = box

    def value(self) -> Any:
        return [day for day, box in self._boxes.items() if box.isChecked()]

    def set_value(self, value: Any) -> None:
        for day, box in self._boxes.items():
            box.setChecked(day in value)


def _bounds(info: FieldInfo) -> tuple[Any, Any]:
    low = high = None
    for item in info.metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def editor_for(name: str, info: FieldInfo) -> FieldEditor:
    annotation = info.annotation
    label = info.description or name
    if annotation is bool:
        return BoolEditor(label)
    if typing.get_origin(annotation) is Literal:
        return ChoiceEditor(tuple(str(a) for a in typing.get_args(annotation)))
    if annotation is int:
        return NumberEditor(info, integer=True)
    if annotation is float:
        return NumberEditor(info, integer=False)
    if annotation is time:
        return TimeEditor()
    if name == "work_days":
        return WeekdaysEditor()
    if annotation is timedelta:
        return TextEditor("e.g. 50m, 90s, 1h30m")
    return TextEditor()
