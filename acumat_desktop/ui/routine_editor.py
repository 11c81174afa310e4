"""Create and edit user routines, validated as you type by the Routine model itself; plus
``RoutineActions``, the small helper that runs new/edit/duplicate/delete/import/export against the
library with injectable file choosers and message boxes (so tests drive it without dialogs).

Built-in routines open read-only, with Duplicate offered as the way to change them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.routine_io import RoutineError, routine_from_mapping
from acumat_desktop.core.routines import (
    GOAL_LABELS,
    MAX_MINUTES,
    POSITION_LABELS,
    Goal,
    Position,
    Routine,
    RoutineCue,
    slugify,
    unique_id,
)
from acumat_desktop.services.routine_library import (
    ReadOnlyRoutineError,
    RoutineExistsError,
    RoutineLibrary,
    UnknownRoutineError,
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
_CUE_LINE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(%|min|m)?\s*[:\-–—]\s*(.*\S)\s*$")


def parse_cues(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Lines like ``3 min: Move the pillow`` or ``50%: Halfway`` -> cue dicts and line errors."""
    cues: list[dict[str, Any]] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _CUE_LINE.match(line)
        if match is None:
            errors.append(f"line {number}: write “3 min: text” or “50%: text”")
            continue
        value = float(match.group(1).replace(",", "."))
        if match.group(2) == "%":
            cues.append({"at_fraction": value / 100.0, "text": match.group(3)})
        else:
            cues.append({"at_minute": value, "text": match.group(3)})
    return cues, errors


def format_cues(cues: Iterable[RoutineCue]) -> str:
    lines = []
    for cue in cues:
        if cue.at_fraction is not None:
            lines.append(f"{cue.at_fraction * 100:g}%: {cue.text}")
        else:
            lines.append(f"{cue.at_minute or 0:g} min: {cue.text}")
    return "\n".join(lines)


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
        self.name_edit = self._line(self.tr("Name"), 60)
        self.id_edit = self._line(self.tr("Identifier"), 64)
        self.id_edit.setPlaceholderText(self.tr("lower-case-with-hyphens"))
        self.purpose_edit = self._line(self.tr("Purpose, in one line"), 120)
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(80)
        self.goal_boxes: dict[Goal, QCheckBox] = {}
        goals = QWidget(self)
        grid = QGridLayout(goals)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, goal in enumerate(Goal):
            box = QCheckBox(self.tr(GOAL_LABELS[goal]), goals)
            box.setAccessibleName(self.tr("Goal: %1").replace("%1", self.tr(GOAL_LABELS[goal])))
            self.goal_boxes[goal] = box
            grid.addWidget(box, i // 3, i % 3)
        self.position_combo = QComboBox(self)
        self.position_combo.setAccessibleName(self.tr("Position"))
        for position in Position:
            self.position_combo.addItem(self.tr(POSITION_LABELS[position]), str(position))
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
        self.breathing_combo = QComboBox(self)
        self.breathing_combo.setAccessibleName(self.tr("Breathing pattern"))
        fill_combo(self.breathing_combo, self._pattern_choices)
        self.sound_combo = QComboBox(self)
        self.sound_combo.setAccessibleName(self.tr("Soundscape"))
        fill_combo(self.sound_combo, self._sound_choices)
        self.tips_edit = QPlainTextEdit(self)
        self.tips_edit.setAccessibleName(self.tr("Tips before the start, one a line"))
        self.tips_edit.setPlaceholderText(self.tr("One tip a line"))
        self.tips_edit.setTabChangesFocus(True)
        self.tips_edit.setFixedHeight(80)
        self.cues_edit = QPlainTextEdit(self)
        self.cues_edit.setAccessibleName(self.tr("Cues during the session, one a line"))
        self.cues_edit.setPlaceholderText(self.tr("3 min: Move the pillow under your neck"))
        self.cues_edit.setTabChangesFocus(True)
        self.cues_edit.setFixedHeight(64)

        form_host = QWidget(self)
        outer = QVBoxLayout(form_host)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
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
        for key, text, field in rows:
            label = QLabel(text, form_host)
            label.setBuddy(self.minutes_spin if key == "minutes" else field)
            form.addRow(label, self._with_error(key, field, form_host))
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        if self.read_only:
            form_host.setEnabled(False)

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


# --------------------------------------------------------------------- actions

OpenChooser = Callable[[QWidget], Path | None]
SaveChooser = Callable[[QWidget, str], Path | None]
Confirm = Callable[[QWidget, str, str], bool]
ShowError = Callable[[QWidget, str, str], None]
RunEditor = Callable[[RoutineEditor], bool]

ROUTINE_FILTER = "Routines (*.toml *.json)"


def ask_open_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, parent.tr("Import a routine"), "", ROUTINE_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Export routine"), suggested, ROUTINE_FILTER
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() in (".toml", ".json") else path.with_suffix(".toml")


def ask_confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error_box(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def run_dialog(editor: RoutineEditor) -> bool:
    return editor.exec() == QDialog.DialogCode.Accepted


def describe_routine_error(exc: RoutineError) -> str:
    """One line per problem: ``field: reason`` (the file is named in the title)."""
    return "\n".join(f"• {where}: {reason}" for where, reason in exc.problems)


class RoutineActions(QObject):
    """New, edit, duplicate, delete, import and export, against the library.

    ``changed(id)`` is emitted with the routine to select after a change (new, saved, copied or
    imported); ``deleted(id)`` after a delete; ``message(text)`` for a short status line."""

    changed = Signal(str)
    deleted = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        library: RoutineLibrary,
        parent: QWidget,
        *,
        choose_open: OpenChooser = ask_open_path,
        choose_save: SaveChooser = ask_save_path,
        confirm: Confirm = ask_confirm,
        show_error: ShowError = show_error_box,
        run_editor: RunEditor = run_dialog,
        patterns: Mapping[str, BreathingPattern] | None = None,
        sounds: Iterable[Choice] | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._parent = parent
        self._choose_open = choose_open
        self._choose_save = choose_save
        self._confirm = confirm
        self._show_error = show_error
        self._run_editor = run_editor
        self._patterns = patterns
        self._sounds = list(sounds) if sounds is not None else None

    def editor_for(self, routine: Routine | None) -> RoutineEditor:
        return RoutineEditor(
            routine,
            taken_ids=self._library.ids(),
            patterns=self._patterns,
            sounds=self._sounds,
            parent=self._parent,
        )

    def new(self) -> Routine | None:
        return self._edit_and_save(None)

    def edit(self, routine_id: str) -> Routine | None:
        try:
            routine = self._library.get(routine_id)
        except UnknownRoutineError as exc:
            self._show_error(self._parent, self.tr("Routine not found"), str(exc))
            return None
        if not routine.builtin:
            return self._edit_and_save(routine)
        viewer = self.editor_for(routine)
        try:
            if not self._run_editor(viewer) or not viewer.duplicate_chosen:
                return None
        finally:
            viewer.deleteLater()
        copy = self.duplicate(routine_id)
        return None if copy is None else self._edit_and_save(copy) or copy

    def duplicate(self, routine_id: str) -> Routine | None:
        try:
            copy = self._library.duplicate(routine_id)
        except (UnknownRoutineError, OSError) as exc:
            self._show_error(self._parent, self.tr("Could not duplicate the routine"), str(exc))
            return None
        self.changed.emit(copy.id)
        self.message.emit(self.tr("Made a copy: %1").replace("%1", copy.name))
        return copy

    def delete(self, routine_id: str) -> bool:
        try:
            routine = self._library.get(routine_id)
        except UnknownRoutineError as exc:
            self._show_error(self._parent, self.tr("Routine not found"), str(exc))
            return False
        if routine.builtin:
            self._show_error(
                self._parent,
                self.tr("Built-in routine"),
                self.tr("%1 is built in and cannot be deleted.").replace("%1", routine.name),
            )
            return False
        question = self.tr("Delete “%1”? This cannot be undone.").replace("%1", routine.name)
        if not self._confirm(self._parent, self.tr("Delete routine"), question):
            return False
        try:
            self._library.delete(routine_id)
        except (ReadOnlyRoutineError, UnknownRoutineError, OSError) as exc:
            self._show_error(self._parent, self.tr("Could not delete the routine"), str(exc))
            return False
        self.deleted.emit(routine_id)
        self.message.emit(self.tr("Deleted %1").replace("%1", routine.name))
        return True

    def import_file(self, path: Path | None = None) -> Routine | None:
        """Import a routine file (asking for one if ``path`` is None). Errors name the file,
        the field and the reason; nothing is imported then."""
        path = path if path is not None else self._choose_open(self._parent)
        if path is None:
            return None
        title = self.tr("Could not import %1").replace("%1", path.name)
        try:
            routine = self._library.import_file(path)
        except RoutineError as exc:
            log.info("import refused: %s", exc)
            self._show_error(self._parent, title, describe_routine_error(exc))
            return None
        except (RoutineExistsError, OSError) as exc:
            self._show_error(self._parent, title, str(exc))
            return None
        self.changed.emit(routine.id)
        self.message.emit(self.tr("Imported %1").replace("%1", routine.name))
        return routine

    def export(self, routine_id: str) -> Path | None:
        try:
            routine = self._library.get(routine_id)
        except UnknownRoutineError as exc:
            self._show_error(self._parent, self.tr("Routine not found"), str(exc))
            return None
        path = self._choose_save(self._parent, f"{routine.id}.toml")
        if path is None:
            return None
        try:
            written = self._library.export(routine_id, path)
        except (RoutineError, OSError) as exc:
            self._show_error(self._parent, self.tr("Could not export the routine"), str(exc))
            return None
        self.message.emit(
            self.tr("Exported %1 to %2").replace("%1", routine.name).replace("%2", str(written))
        )
        return written

    def _edit_and_save(self, routine: Routine | None) -> Routine | None:
        editor = self.editor_for(routine)
        try:
            while self._run_editor(editor):
                result = editor.routine()
                if result is None:  # the dialog accepts only valid routines
                    log.warning("routine editor accepted without a valid routine")
                    return None
                try:
                    if routine is None:
                        saved = self._library.create(result)
                    else:
                        saved = self._library.update(result, previous_id=routine.id)
                except (RoutineExistsError, ReadOnlyRoutineError, OSError) as exc:
                    self._show_error(self._parent, self.tr("Could not save the routine"), str(exc))
                    continue
                self.changed.emit(saved.id)
                self.message.emit(self.tr("Saved %1").replace("%1", saved.name))
                return saved
            return None
        finally:
            editor.deleteLater()
