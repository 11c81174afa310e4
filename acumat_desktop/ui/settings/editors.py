"""One editor per setting, each a proper control: check boxes, option buttons, lists of names,
minute and second steppers, a volume slider in per cent, a time, day toggles.

``value()`` gives what to hand to ``settings.access.with_value``. An editor that is shown a value
it cannot display exactly (a 10-second sitting limit on a minute stepper) keeps that value until
the person changes it, so opening Settings and pressing OK never changes a setting by itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import time, timedelta
from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.settings.model import WEEKDAYS
from acumat_desktop.ui.settings.labels import tr

Choice = tuple[str, str]


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


class OptionsEditor(FieldEditor):
    """A few fixed choices as option buttons, each in words."""

    def __init__(self, options: Sequence[Choice]) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        super().__init__(box)
        self._group = QButtonGroup(box)
        self.buttons: dict[str, QRadioButton] = {}
        for value, text in options:
            button = QRadioButton(text, box)
            button.setObjectName(f"option:{value}")
            self._group.addButton(button)
            layout.addWidget(button)
            self.buttons[value] = button
            button.toggled.connect(lambda on: self.edited.emit() if on else None)

    def value(self) -> Any:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return next(iter(self.buttons), "")

    def set_value(self, value: Any) -> None:
        button = self.buttons.get(str(value))
        if button is not None:
            button.setChecked(True)


class NamedChoiceEditor(FieldEditor):
    """Routines, breathing patterns and sounds chosen by name; the id is what is saved. A value
    not in the list (a routine since deleted) stays, marked as not found."""

    def __init__(self, choices: Sequence[Choice]) -> None:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        super().__init__(combo)
        self.combo = combo
        self._choices = list(choices)
        self._known = bool(self._choices)  # without a list, a value is shown, not "not found"
        self._fill(None)
        combo.currentIndexChanged.connect(self.edited)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        """A fresh list (routines added or deleted since); the chosen value stays chosen."""
        current = self.value()
        self._choices = list(choices)
        self._known = bool(self._choices)
        self._fill(None)
        if current is not None:
            self.set_value(current)

    def _fill(self, missing: str | None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        for choice_id, name in self._choices:
            self.combo.addItem(name, choice_id)
        if missing is not None:
            name = humane(missing)
            self.combo.addItem(
                tr("%1 (not found)").replace("%1", name) if self._known else name, missing
            )
        self.combo.blockSignals(False)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        text = str(value)
        if self.combo.findData(text) < 0:
            self._fill(None if any(cid == text for cid, _ in self._choices) else text)
        self.combo.setCurrentIndex(max(self.combo.findData(text), 0))


class DurationEditor(FieldEditor):
    """A duration in whole minutes or seconds on a stepper."""

    def __init__(self, unit: str, low: timedelta | None, high: timedelta | None, step: int) -> None:
        spin = QSpinBox()
        super().__init__(spin)
        self._unit_s = 60 if unit == "min" else 1
        spin.setSuffix(tr(" min") if unit == "min" else tr(" s"))
        spin.setRange(
            math.ceil((low or timedelta(0)).total_seconds() / self._unit_s),
            math.floor((high or timedelta(hours=24)).total_seconds() / self._unit_s),
        )
        spin.setSingleStep(step)
        spin.setAccelerated(True)
        self._spin = spin
        self._exact: timedelta | None = None
        spin.valueChanged.connect(self._changed)

    def _changed(self) -> None:
        self._exact = None
        self.edited.emit()

    def value(self) -> Any:
        if self._exact is not None:
            return self._exact
        return timedelta(seconds=self._spin.value() * self._unit_s)

    def set_value(self, value: Any) -> None:
        if not isinstance(value, timedelta):
            return
        self._spin.blockSignals(True)
        self._spin.setValue(round(value.total_seconds() / self._unit_s))
        self._spin.blockSignals(False)
        shown = timedelta(seconds=self._spin.value() * self._unit_s)
        self._exact = value if shown != value else None


class CountEditor(FieldEditor):
    def __init__(self, low: int, high: int, zero_text: str = "") -> None:
        spin = QSpinBox()
        spin.setRange(low, high)
        if zero_text and low == 0:
            spin.setSpecialValueText(zero_text)
        super().__init__(spin)
        self._spin = spin
        spin.valueChanged.connect(self.edited)

    def value(self) -> Any:
        return self._spin.value()

    def set_value(self, value: Any) -> None:
        self._spin.setValue(int(value))


class VolumeEditor(FieldEditor):
    """0–100 % on a slider, the number beside it; saved as 0.0–1.0."""

    def __init__(self) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        super().__init__(row)
        self.slider = QSlider(Qt.Orientation.Horizontal, row)
        self.slider.setRange(0, 100)
        self.slider.setPageStep(10)
        self.slider.setObjectName("volumeSlider")
        self.percent = QLabel(row)
        self.percent.setObjectName("volumePercent")
        self.percent.setMinimumWidth(self.percent.fontMetrics().horizontalAdvance("100 %") + 4)
        self.percent.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.percent)
        self._exact: float | None = None
        self.slider.valueChanged.connect(self._changed)
        self._show()

    def _show(self) -> None:
        text = tr("%1 %").replace("%1", str(self.slider.value()))
        self.percent.setText(text)
        self.slider.setAccessibleDescription(text)

    def _changed(self) -> None:
        self._exact = None
        self._show()
        self.edited.emit()

    def value(self) -> Any:
        return self._exact if self._exact is not None else self.slider.value() / 100

    def set_value(self, value: Any) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(round(float(value) * 100))
        self.slider.blockSignals(False)
        self._show()
        self._exact = float(value) if abs(self.slider.value() / 100 - value) > 1e-9 else None


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
    """Seven toggles with the locale's short day names, Monday first."""

    def __init__(self) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        super().__init__(row)
        locale = QLocale()
        self.toggles: dict[str, QToolButton] = {}
        for number, day in enumerate(WEEKDAYS, start=1):
            toggle = QToolButton(row)
            toggle.setObjectName("dayToggle")
            toggle.setCheckable(True)
            toggle.setText(locale.dayName(number, QLocale.FormatType.ShortFormat))
            toggle.setAccessibleName(locale.dayName(number, QLocale.FormatType.LongFormat))
            toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            toggle.toggled.connect(self.edited)
            layout.addWidget(toggle)
            self.toggles[day] = toggle
        layout.addStretch(1)

    def value(self) -> Any:
        return [day for day, toggle in self.toggles.items() if toggle.isChecked()]

    def set_value(self, value: Any) -> None:
        for day, toggle in self.toggles.items():
            toggle.blockSignals(True)
            toggle.setChecked(day in value)
            toggle.blockSignals(False)


class HiddenTextEditor(FieldEditor):
    """A value another part edits with its own control (the output device, chosen from the
    system's list by the sound feature): kept in a line edit that is never shown."""

    def __init__(self) -> None:
        edit = QLineEdit()
        super().__init__(edit)
        self._edit = edit
        edit.textEdited.connect(self.edited)

    def value(self) -> Any:
        return self._edit.text() or None

    def set_value(self, value: Any) -> None:
        self._edit.setText("" if value is None else str(value))


def humane(choice_id: str) -> str:
    """``back-neck`` → ``Back neck``: the best name there is for an id nobody listed."""
    return choice_id.replace("-", " ").replace("_", " ").capitalize()
