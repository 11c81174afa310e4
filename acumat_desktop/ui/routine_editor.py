"""Create and edit user routines, validated as you type by the Routine model itself.

Built-in routines open read-only, with Duplicate offered as the way to change them. The actions
that run this editor against the library (new, edit, duplicate, …) live in ``routine_actions``;
the cue text it shows and reads is ``core.routine_cues``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.routine_cues import format_cues, parse_cues
from acumat_desktop.core.routine_io import RoutineError, routine_from_mapping
from acumat_desktop.core.routines import (
    GOAL_LABELS,
    MAX_MINUTES,
    POSITION_LABELS,
    Goal,
    Position,
    Routine,
    slugify,
    unique_id,
)
from acumat_desktop.ui.routine_choices import (
    Choice,
    fill_combo,
    pattern_choices,
    select_data,
    sound_choices,
)

log = logging.getLogger(__name__)

FIELDS = (
    "name",
    "id",
    "purpose",
    "description",
    "goals",
    "position",
    "minutes",
    "breathing",
    "sound",
    "tips",
    "cues",
)
_MINUTE_FIELDS = {"minutes", "min_minutes", "max_minutes"}


def field_of(where: str) -> str:
    """The editor field a validation path belongs to (``cues[0].at_minute`` -> ``cues``)."""
    head = re.split(r"[.\[]", where, maxsplit=1)[0]
    if head in _MINUTE_FIELDS:
        return "minutes"
    return head if head in FIELDS else ""


class RoutineEditor(QDialog):
    """Edit the fields of a routine; Save is enabled only while the routine is valid."""

    duplicate_requested = Signal(str)

    def __init__(
        self,
        routine: Routine | None = None,
        *,
        taken_ids: Collection[str] = (),
        patterns: Mapping[str, BreathingPattern] | None = None,
        sounds: Iterable[Choice] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RoutineEditor")
        self._original = routine
        self._taken = set(taken_ids) - ({routine.id} if routine else set())
        self._pattern_choices = pattern_choices(patterns)
        self._sound_choices = sound_choices(sounds)
        self._pattern_ids = [pid for pid, _ in self._pattern_choices if pid != "none"]
        self._sound_ids = [sid for sid, _ in self._sound_choices if sid != "none"]
        self._id_edited = routine is not None
        self._result: Routine | None = None
        self.read_only = routine is not None and routine.builtin
        self.duplicate_chosen = False
        self.errors: dict[str, str] = {}
        self._error_labels: dict[str, QLabel] = {}
        if routine is None:
            self.setWindowTitle(self.tr("New routine"))
        elif self.read_only:
            self.setWindowTitle(self.tr("%1 (built in)").replace("%1", routine.name))
        else:
            self.setWindowTitle(self.tr("Edit %1").replace("%1", routine.name))
        self.resize(560, 640)
        self._build()
        self._load(routine)
        self._connect()
        self.validate()

    # ----------------------------------------------------------------- building

    def _build(self) -> None:
        form_host = self._build_form()
        self.general_error = QLabel(self)
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form_host)

        self.banner = QLabel(self)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setText(
            self.tr(
                "This routine is built in, so it cannot be changed. Duplicate it to make your "
                "own version that you can edit."
            )
        )
        self.banner.setVisible(self.read_only)
        self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        if self.read_only:
            form_host.setEnabled(False)

    def _build_form(self) -> QWidget:
        """Every field in a labelled row, each with its error line below it."""
        self.name_edit = self._line(self.tr("Name"), 60)
        self.id_edit = self._line(self.tr("Identifier"), 64)
        self.id_edit.setPlaceholderText(self.tr("lower-case-with-hyphens"))
        self.purpose_edit = self._line(self.tr("Purpose, in one line"), 120)
        self.description_edit = self._text(self.tr("Description"), 80)
        goals = self._build_goals()
        self.position_combo = QComboBox(self)
        self.position_combo.setAccessibleName(self.tr("Position"))
        for position in Position:
            self.position_combo.addItem(self.tr(POSITION_LABELS[position]), str(position))
        minutes = self._build_minutes()
        self.breathing_combo = QComboBox(self)
        self.breathing_combo.setAccessibleName(self.tr("Breathing pattern"))
        fill_combo(self.breathing_combo, self._pattern_choices)
        self.sound_combo = QComboBox(self)
        self.sound_combo.setAccessibleName(self.tr("Soundscape"))
        fill_combo(self.sound_combo, self._sound_choices)
        self.tips_edit = self._text(self.tr("Tips before the start, one a line"), 80)
        self.tips_edit.setPlaceholderText(self.tr("One tip a line"))
        self.cues_edit = self._text(self.tr("Cues during the session, one a line"), 64)
        self.cues_edit.setPlaceholderText(self.tr("3 min: Move the pillow under your neck"))
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("&Name:"), self.name_edit),
            ("id", self.tr("&Id:"), self.id_edit),
            ("purpose", self.tr("&Purpose:"), self.purpose_edit),
            ("description", self.tr("&Description:"), self.description_edit),
            ("goals", self.tr("Goals:"), goals),
            ("position", self.tr("P&osition:"), self.position_combo),
            ("minutes", self.tr("&Minutes:"), minutes),
            ("breathing", self.tr("&Breathing:"), self.breathing_combo),
            ("sound", self.tr("&Sound:"), self.sound_combo),
            ("tips", self.tr("&Tips:"), self.tips_edit),
            ("cues", self.tr("&Cues:"), self.cues_edit),
        ]
        return self._form_host(rows)

    def _form_host(self, rows: list[tuple[str, str, QWidget]]) -> QWidget:
        form_host = QWidget(self)
        outer = QVBoxLayout(form_host)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, text, field in rows:
            label = QLabel(text, form_host)
            label.setBuddy(self.minutes_spin if key == "minutes" else field)
            form.addRow(label, self._with_error(key, field, form_host))
        return form_host

    def _build_goals(self) -> QWidget:
        self.goal_boxes: dict[Goal, QCheckBox] = {}
        goals = QWidget(self)
        grid = QGridLayout(goals)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, goal in enumerate(Goal):
            box = QCheckBox(self.tr(GOAL_LABELS[goal]), goals)
            box.setAccessibleName(self.tr("Goal: %1").replace("%1", self.tr(GOAL_LABELS[goal])))
            self.goal_boxes[goal] = box
            grid.addWidget(box, i // 3, i % 3)
        return goals

    def _build_minutes(self) -> QWidget:
        self.minutes_spin = self._spin(self.tr("Default minutes"))
        self.min_spin = self._spin(self.tr("Shortest, in minutes"))
        self.max_spin = self._spin(self.tr("Longest, in minutes"))
        minutes = QWidget(self)
        row = QGridLayout(minutes)
        row.setContentsMargins(0, 0, 0, 0)
        for col, (text, spin) in enumerate(
            (
                (self.tr("default"), self.minutes_spin),
                (self.tr("from"), self.min_spin),
                (self.tr("to"), self.max_spin),
            )
        ):
            label = QLabel(text, minutes)
            label.setBuddy(spin)
            row.addWidget(label, 0, 2 * col)
            row.addWidget(spin, 0, 2 * col + 1)
            spin.setMinimumWidth(72)
        row.setColumnStretch(6, 1)
        return minutes

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        if self.read_only:
            self.duplicate_button: QPushButton | None = self.buttons.addButton(
                self.tr("&Duplicate"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.duplicate_button.clicked.connect(self._duplicate)
            self.save_button: QPushButton | None = None
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            self.duplicate_button = None
            self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def _text(self, accessible: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        return edit

    def _line(self, accessible: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(max_length + 20)  # let the model say what is too long
        return edit

    def _spin(self, accessible: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, MAX_MINUTES)
        spin.setAccessibleName(accessible)
        return spin

    def _with_error(self, key: str, field: QWidget, parent: QWidget) -> QWidget:
        host = QWidget(parent)
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        error = QLabel(host)
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self._error_labels[key] = error
        return host

    def _load(self, routine: Routine | None) -> None:
        if routine is None:
            self.minutes_spin.setValue(15)
            self.min_spin.setValue(5)
            self.max_spin.setValue(30)
            select_data(self.breathing_combo, "resonance")
            select_data(self.sound_combo, "none")
            return
        self.name_edit.setText(routine.name)
        self.id_edit.setText(routine.id)
        self.purpose_edit.setText(routine.purpose)
        self.description_edit.setPlainText(routine.description)
        for goal, box in self.goal_boxes.items():
            box.setChecked(goal in routine.goals)
        select_data(self.position_combo, str(routine.position))
        self.min_spin.setValue(routine.min_minutes)
        self.max_spin.setValue(routine.max_minutes)
        self.minutes_spin.setValue(routine.minutes)
        if self.breathing_combo.findData(routine.breathing) < 0:
            self.breathing_combo.addItem(routine.breathing, routine.breathing)
        select_data(self.breathing_combo, routine.breathing)
        if self.sound_combo.findData(routine.sound) < 0:
            self.sound_combo.addItem(routine.sound, routine.sound)
        select_data(self.sound_combo, routine.sound)
        self.tips_edit.setPlainText("\n".join(routine.tips))
        self.cues_edit.setPlainText(format_cues(routine.cues))

    def _connect(self) -> None:
        for edit in (self.name_edit, self.id_edit, self.purpose_edit):
            edit.textChanged.connect(self.validate)
        self.id_edit.textEdited.connect(self._id_typed)
        self.name_edit.textEdited.connect(self._name_typed)
        for text in (self.description_edit, self.tips_edit, self.cues_edit):
            text.textChanged.connect(self.validate)
        for box in self.goal_boxes.values():
            box.toggled.connect(self.validate)
        for combo in (self.position_combo, self.breathing_combo, self.sound_combo):
            combo.currentIndexChanged.connect(self.validate)
        for spin in (self.minutes_spin, self.min_spin, self.max_spin):
            spin.valueChanged.connect(self.validate)

    # ----------------------------------------------------------------- validation

    def _id_typed(self, _text: str) -> None:
        self._id_edited = True

    def _name_typed(self, text: str) -> None:
        if not self._id_edited:
            self.id_edit.setText(unique_id(slugify(text), self._taken) if text.strip() else "")

    def values(self) -> dict[str, Any]:
        """The fields as the Routine model reads them (cues parsed separately)."""
        cues, _ = parse_cues(self.cues_edit.toPlainText())
        tips = [line.strip() for line in self.tips_edit.toPlainText().splitlines()]
        return {
            "id": self.id_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "purpose": self.purpose_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "goals": [str(g) for g, box in self.goal_boxes.items() if box.isChecked()],
            "position": self.position_combo.currentData(),
            "minutes": self.minutes_spin.value(),
            "min_minutes": self.min_spin.value(),
            "max_minutes": self.max_spin.value(),
            "breathing": self.breathing_combo.currentData(),
            "sound": self.sound_combo.currentData(),
            "tips": [tip for tip in tips if tip],
            "cues": cues,
        }

    def validate(self) -> bool:
        """Check the fields now; show each problem next to its field. True if valid."""
        errors: dict[str, list[str]] = {}
        _, cue_errors = parse_cues(self.cues_edit.toPlainText())
        if cue_errors:
            errors.setdefault("cues", []).extend(cue_errors)
        data = self.values()
        routine: Routine | None = None
        try:
            routine = routine_from_mapping(
                data, "routine", patterns=self._pattern_ids, sounds=self._sound_ids
            )
        except RoutineError as exc:
            for where, reason in exc.problems:
                key = field_of(where)
                detail = reason if where == key or not key else f"{where}: {reason}"
                errors.setdefault(key, []).append(detail)
        if data["id"] in self._taken:
            errors.setdefault("id", []).append(
                self.tr("another routine already uses this id; choose another")
            )
        self.errors = {key: "\n".join(reasons) for key, reasons in errors.items()}
        self._show_errors()
        valid = routine is not None and not errors
        self._result = routine if valid else None
        if self.save_button is not None:
            self.save_button.setEnabled(valid)
        return valid

    def _show_errors(self) -> None:
        for key, label in self._error_labels.items():
            text = self.errors.get(key, "")
            label.setText(text)
            label.setVisible(bool(text) and not self.read_only)
            label.setAccessibleName(text)
        general = self.errors.get("", "")
        self.general_error.setText(general)
        self.general_error.setVisible(bool(general) and not self.read_only)
        invalid = {
            "name": self.name_edit,
            "id": self.id_edit,
            "purpose": self.purpose_edit,
        }
        for key, edit in invalid.items():
            flag = "true" if key in self.errors else "false"
            if edit.property("invalid") != flag:
                edit.setProperty("invalid", flag)
                edit.style().unpolish(edit)
                edit.style().polish(edit)
        for spin in (self.minutes_spin, self.min_spin, self.max_spin):
            flag = "true" if "minutes" in self.errors else "false"
            if spin.property("invalid") != flag:
                spin.setProperty("invalid", flag)
                spin.style().unpolish(spin)
                spin.style().polish(spin)

    # ----------------------------------------------------------------- results

    def routine(self) -> Routine | None:
        """The valid routine the fields describe (None while anything is invalid)."""
        return self._result

    @property
    def original_id(self) -> str | None:
        return self._original.id if self._original is not None else None

    def _save(self) -> None:
        if self.validate():
            self.accept()

    def _duplicate(self) -> None:
        self.duplicate_chosen = True
        if self._original is not None:
            self.duplicate_requested.emit(self._original.id)
        self.accept()
