"""Create and edit user routines, checked as you type by the Routine model itself.

A field says what is wrong only once the person has changed it (or pressed Save), in plain
words, on a line kept free beneath it so nothing moves. The id is not shown: a new routine's is
made from its name, an edited one keeps its own. A built-in routine is changed through a copy
(``copy_of``): the editor opens on it, and nothing is saved until Save. The actions that run
this editor against the library live in ``routine_actions``; the cue text it shows and reads is
``core.routine_cues``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontMetrics
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
from acumat_desktop.ui.pattern_menu import field_row
from acumat_desktop.ui.routine_choices import (
    Choice,
    fill_combo,
    pattern_choices,
    select_data,
    sound_choices,
)

log = logging.getLogger(__name__)

FIELDS: tuple[str, ...] = ("name", "purpose", "description", "goals", "position")
FIELDS += ("minutes", "breathing", "sound", "tips", "cues")
_MINUTE_FIELDS = {"minutes", "min_minutes", "max_minutes"}


def field_of(where: str) -> str:
    """The editor field a validation path belongs to (``cues[0].at_minute`` -> ``cues``)."""
    head = re.split(r"[.\[]", where, maxsplit=1)[0]
    if head in _MINUTE_FIELDS:
        return "minutes"
    if head == "id":
        return "name"  # the id is made from the name
    return head if head in FIELDS else ""


NEW_PATTERN = "__new_pattern__"  # the breathing list's last entry: "New pattern…"
_NO_ERROR_LINE = {"goals", "position", "sound", "breathing"}  # choices that cannot go wrong


class RoutineEditor(QDialog):
    """Edit the fields of a routine; Save keeps it only when it is valid."""

    new_pattern_requested = Signal()  # "New pattern…" chosen in the breathing list

    def __init__(
        self,
        routine: Routine | None = None,
        *,
        taken_ids: Collection[str] = (),
        patterns: Mapping[str, BreathingPattern] | None = None,
        sounds: Iterable[Choice] | None = None,
        parent: QWidget | None = None,
        copy_of: Routine | None = None,
        offer_new_pattern: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RoutineEditor")
        self._offer_new_pattern = offer_new_pattern  # "New pattern…" ends the breathing list
        self._copy_of = copy_of
        self._original = None if copy_of is not None else routine  # the stored one, if editing
        self._own_id = self._original.id if self._original is not None else None
        self._taken = set(taken_ids) - ({self._own_id} if self._own_id else set())
        self._pattern_choices = pattern_choices(patterns)
        self._sound_choices = sound_choices(sounds)
        self._pattern_ids = [pid for pid, _ in self._pattern_choices if pid != "none"]
        self._sound_ids = [sid for sid, _ in self._sound_choices if sid != "none"]
        self._result: Routine | None = None
        self._touched: set[str] = set()  # fields the person changed: only these show errors
        self._show_all = False  # after a Save with problems, every problem shows
        self.errors: dict[str, str] = {}
        self._error_labels: dict[str, QLabel] = {}
        if copy_of is not None:
            self.setWindowTitle(self.tr("Your version of %1").replace("%1", copy_of.name))
        elif routine is None:
            self.setWindowTitle(self.tr("New routine"))
        else:
            self.setWindowTitle(self.tr("Edit %1").replace("%1", routine.name))
        self.resize(580, 660)
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
        self.banner.setObjectName("copyBanner")
        self.banner.setWordWrap(True)
        if self._copy_of is not None:
            self.banner.setText(
                self.tr(
                    "This is your own copy of “%1”. Change what you like: it is kept as a new "
                    "routine when you press Save, and the built-in one stays as it is."
                ).replace("%1", self._copy_of.name)
            )
        self.banner.setVisible(self._copy_of is not None)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _build_form(self) -> QWidget:
        """Every field in a labelled row, each that can go wrong with its error line below."""
        self.name_edit = self._line(self.tr("Name"), 60)
        self.purpose_edit = self._line(self.tr("Purpose, in one line"), 120)
        self.purpose_edit.setPlaceholderText(self.tr("What it is for, in a few words"))
        self.description_edit = self._text(self.tr("Description"), 80)
        goals = self._build_goals()
        self.position_combo = QComboBox(self)
        self.position_combo.setAccessibleName(self.tr("Position"))
        for position in Position:
            self.position_combo.addItem(
                QCoreApplication.translate("Routines", POSITION_LABELS[position]), str(position)
            )
        minutes = self._build_minutes()
        self.breathing_combo = QComboBox(self)
        self.breathing_combo.setAccessibleName(self.tr("Breathing pattern"))
        self._fill_breathing()
        self.sound_combo = QComboBox(self)
        self.sound_combo.setAccessibleName(self.tr("Soundscape"))
        fill_combo(self.sound_combo, self._sound_choices)
        self.tips_edit = self._text(self.tr("Tips before the start, one a line"), 80)
        self.tips_edit.setPlaceholderText(self.tr("One tip a line"))
        self.cues_edit = self._text(self.tr("Cues during the session, one a line"), 64)
        self.cues_edit.setPlaceholderText(self.tr("3 min: Move the pillow under your neck"))
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("&Name:"), self.name_edit),
            ("purpose", self.tr("&Purpose:"), self.purpose_edit),
            ("description", self.tr("&Description:"), self.description_edit),
            ("goals", self.tr("Goals:"), goals),
            ("position", self.tr("P&osition:"), self.position_combo),
            ("minutes", self.tr("&Minutes:"), minutes),
            ("breathing", self.tr("&Breathing:"), self._breathing_row()),
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
        form.setVerticalSpacing(4)
        for key, text, field in rows:
            label = QLabel(text, form_host)
            buddies = {"minutes": self.minutes_spin, "breathing": self.breathing_combo}
            label.setBuddy(buddies.get(key, field))
            if key in _NO_ERROR_LINE:
                form.addRow(label, field)
            else:
                form.addRow(label, self._with_error(key, field, form_host))
        return form_host

    def _build_goals(self) -> QWidget:
        self.goal_boxes: dict[Goal, QCheckBox] = {}
        goals = QWidget(self)
        grid = QGridLayout(goals)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, goal in enumerate(Goal):
            label = QCoreApplication.translate("Routines", GOAL_LABELS[goal])
            box = QCheckBox(label, goals)
            box.setAccessibleName(self.tr("Goal: %1").replace("%1", label))
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
                (self.tr("shortest"), self.min_spin),
                (self.tr("longest"), self.max_spin),
            )
        ):
            label = QLabel(text, minutes)
            label.setBuddy(spin)
            row.addWidget(label, 0, 2 * col)
            row.addWidget(spin, 0, 2 * col + 1)
            spin.setMinimumWidth(72)
        row.setColumnStretch(6, 1)
        return minutes

    def _breathing_row(self) -> QWidget:
        row, self._breathing_box = field_row(self.breathing_combo, self)
        return row

    def add_pattern_button(self, button: QWidget) -> None:  # edit, copy, delete the pattern
        self._breathing_box.addWidget(button)

    def set_patterns(self, patterns: Mapping[str, BreathingPattern], selected: str) -> None:
        """Offer ``patterns`` again; choose ``selected``, or the first when it is gone."""
        self._pattern_choices = pattern_choices(patterns)
        self._pattern_ids = [pid for pid, _ in self._pattern_choices if pid != "none"]
        self._fill_breathing(selected if selected in patterns else None)
        self.validate()

    def _fill_breathing(self, selected: str | None = None) -> None:
        self.breathing_combo.blockSignals(True)
        self.breathing_combo.clear()
        fill_combo(self.breathing_combo, self._pattern_choices)
        if self._offer_new_pattern:
            self.breathing_combo.insertSeparator(self.breathing_combo.count())
            self.breathing_combo.addItem(self.tr("New pattern…"), NEW_PATTERN)
        if selected is not None:
            select_data(self.breathing_combo, selected)
        self.breathing_combo.blockSignals(False)
        self._breathing = str(self.breathing_combo.currentData())

    def _text(self, accessible: str, height: int) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(accessible)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        return edit

    def _line(self, accessible: str, max_length: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(max_length + 20)  # let the check say what is too long
        return edit

    def _spin(self, accessible: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, MAX_MINUTES)
        spin.setAccessibleName(accessible)
        return spin

    def _with_error(self, key: str, field: QWidget, parent: QWidget) -> QWidget:
        """The field with a line beneath that is always there, so errors never move a field."""
        host = QWidget(parent)
        box = QVBoxLayout(host)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(field)
        error = QLabel(host)
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.setMinimumHeight(QFontMetrics(error.font()).height())
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
            self._breathing = "resonance"
            return
        self.name_edit.setText(routine.name)
        self.purpose_edit.setText(routine.purpose)
        self.purpose_edit.setCursorPosition(0)  # the start of a long line shows, not its end
        self.description_edit.setPlainText(routine.description)
        for goal, box in self.goal_boxes.items():
            box.setChecked(goal in routine.goals)
        select_data(self.position_combo, str(routine.position))
        self.min_spin.setValue(routine.min_minutes)
        self.max_spin.setValue(routine.max_minutes)
        self.minutes_spin.setValue(routine.minutes)
        if self.breathing_combo.findData(routine.breathing) < 0:
            self.breathing_combo.insertItem(0, routine.breathing, routine.breathing)
        select_data(self.breathing_combo, routine.breathing)
        self._breathing = routine.breathing
        if self.sound_combo.findData(routine.sound) < 0:
            self.sound_combo.addItem(routine.sound, routine.sound)
        select_data(self.sound_combo, routine.sound)
        self.tips_edit.setPlainText("\n".join(routine.tips))
        self.cues_edit.setPlainText(format_cues(routine.cues))

    def _connect(self) -> None:
        touched = (
            (self.name_edit.textEdited, "name"),
            (self.purpose_edit.textEdited, "purpose"),
            (self.description_edit.textChanged, "description"),
            (self.tips_edit.textChanged, "tips"),
            (self.cues_edit.textChanged, "cues"),
            (self.minutes_spin.valueChanged, "minutes"),
            (self.min_spin.valueChanged, "minutes"),
            (self.max_spin.valueChanged, "minutes"),
        )
        for signal, key in touched:
            signal.connect(lambda *_, k=key: self._touch(k))
        for edit in (self.name_edit, self.purpose_edit):
            edit.textChanged.connect(self.validate)
        for box in self.goal_boxes.values():
            box.toggled.connect(self.validate)
        for combo in (self.position_combo, self.sound_combo):
            combo.currentIndexChanged.connect(self.validate)
        self.breathing_combo.currentIndexChanged.connect(self._breathing_chosen)

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self.validate()

    def _breathing_chosen(self) -> None:
        if self.breathing_combo.currentData() == NEW_PATTERN:
            select_data(self.breathing_combo, self._breathing)  # until a new one is saved
            self.new_pattern_requested.emit()
            return
        self._breathing = str(self.breathing_combo.currentData())
        self.validate()

    def add_pattern(self, pattern_id: str, name: str) -> None:
        """A pattern made with "New pattern…": offer it and choose it."""
        self._pattern_choices = [*self._pattern_choices, (pattern_id, name)]
        self._pattern_ids.append(pattern_id)
        self._fill_breathing(pattern_id)
        self.validate()

    # ----------------------------------------------------------------- validation

    def routine_id(self) -> str:
        """The editing routine's own id, or one made from the name (free of taken ids)."""
        if self._own_id is not None:
            return self._own_id
        name = self.name_edit.text().strip()
        return unique_id(slugify(name), self._taken) if name else ""

    def values(self) -> dict[str, Any]:
        """The fields as the Routine model reads them (cues parsed separately)."""
        cues, _ = parse_cues(self.cues_edit.toPlainText())
        tips = [line.strip() for line in self.tips_edit.toPlainText().splitlines()]
        return {
            "id": self.routine_id(),
            "name": self.name_edit.text().strip(),
            "purpose": self.purpose_edit.text().strip(),
            "description": self.description_edit.toPlainText().strip(),
            "goals": [str(g) for g, box in self.goal_boxes.items() if box.isChecked()],
            "position": self.position_combo.currentData(),
            "minutes": self.minutes_spin.value(),
            "min_minutes": self.min_spin.value(),
            "max_minutes": self.max_spin.value(),
            "breathing": self._breathing,
            "sound": self.sound_combo.currentData(),
            "tips": [tip for tip in tips if tip],
            "cues": cues,
        }

    def validate(self) -> bool:
        """Check every field now; show the problems of the fields already changed (all of them
        after a Save). True if the routine is valid."""
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
                errors.setdefault(field_of(where), []).append(reason)
        low, high = data["min_minutes"], data["max_minutes"]
        if not low <= data["minutes"] <= high or low > high:  # also while another field fails
            errors.setdefault("minutes", [])
        self.errors = {key: self._plain(key, data, reasons) for key, reasons in errors.items()}
        self._show_errors()
        valid = routine is not None and not errors
        self._result = routine if valid else None
        return valid

    def _plain(self, key: str, data: dict[str, Any], reasons: list[str]) -> str:
        """What is wrong with a field, in the person's words rather than the model's."""
        low, high = data["min_minutes"], data["max_minutes"]
        plain = {
            "name": self.tr("Give the routine a name of up to 60 characters."),
            "purpose": self.tr("Say in one short line what the routine is for."),
            "description": self.tr("Keep the description under 2000 characters."),
            "tips": self.tr("Up to 12 tips, each under 300 characters."),
        }
        if key == "minutes":
            if low > high:
                return self.tr("The shortest time must not be longer than the longest.")
            return (
                self.tr("The default must be between %1 and %2 minutes.")
                .replace("%1", str(low))
                .replace("%2", str(high))
            )
        return plain.get(key) or "\n".join(dict.fromkeys(reasons))

    def _show_errors(self) -> None:
        shown = {
            key: text
            for key, text in self.errors.items()
            if self._show_all or key in self._touched or key == ""
        }
        for key, label in self._error_labels.items():
            text = shown.get(key, "")
            label.setText(text)
            label.setAccessibleName(text)
        general = "\n".join(t for k, t in shown.items() if k not in self._error_labels)
        self.general_error.setText(general)
        self.general_error.setVisible(bool(general))
        for key, edit in (("name", self.name_edit), ("purpose", self.purpose_edit)):
            flag = "true" if key in shown else "false"
            if edit.property("invalid") != flag:
                edit.setProperty("invalid", flag)
                edit.style().unpolish(edit)
                edit.style().polish(edit)

    # ----------------------------------------------------------------- results

    def routine(self) -> Routine | None:
        """The valid routine the fields describe (None while anything is invalid)."""
        return self._result

    @property
    def original_id(self) -> str | None:
        return self._own_id

    def _save(self) -> None:
        self._show_all = True
        if self.validate():
            self.accept()
            return
        first = {
            "name": self.name_edit,
            "purpose": self.purpose_edit,
            "minutes": self.minutes_spin,
            "tips": self.tips_edit,
            "cues": self.cues_edit,
            "description": self.description_edit,
        }
        for key, widget in first.items():
            if key in self.errors:
                widget.setFocus()
                break
