"""``RoutineActions``: new, edit, duplicate, delete, import and export against the routine library.

The file choosers, message boxes and the editor's ``exec`` are injectable callables, so tests
drive every path without a modal dialog. "Customise" on a built-in routine opens the editor on
an unsaved copy: Save keeps it as the person's own routine, Cancel leaves nothing behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.routine_io import RoutineError
from acumat_desktop.core.routines import Routine
from acumat_desktop.services.routine_library import (
    ReadOnlyRoutineError,
    RoutineExistsError,
    RoutineLibrary,
    UnknownRoutineError,
)
from acumat_desktop.ui.pattern_actions import PatternActions
from acumat_desktop.ui.pattern_menu import PatternMenuButton
from acumat_desktop.ui.routine_choices import Choice
from acumat_desktop.ui.routine_editor import RoutineEditor

log = logging.getLogger(__name__)


OpenChooser = Callable[[QWidget], Path | None]
SaveChooser = Callable[[QWidget, str], Path | None]
Confirm = Callable[[QWidget, str, str], bool]
ShowError = Callable[[QWidget, str, str], None]
RunEditor = Callable[[RoutineEditor], bool]
NewPattern = Callable[[RoutineEditor], None]  # make a pattern, then editor.add_pattern(id, name)

ROUTINE_FILTER = "Routines (*.toml *.json)"


def ask_open_path(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("RoutineActions", "Import a routine")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", ROUTINE_FILTER)
    return Path(name) if name else None


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("RoutineActions", "Export routine"),
        suggested,
        ROUTINE_FILTER,
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
        new_pattern: NewPattern | None = None,
        pattern_actions: PatternActions | None = None,
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
        self._new_pattern = new_pattern  # "New pattern…" in the editor's breathing list
        self._pattern_actions = pattern_actions  # edit, copy and delete beside that list
        if pattern_actions is not None:
            pattern_actions.message.connect(self.message)

    def editor_for(
        self, routine: Routine | None, *, copy_of: Routine | None = None
    ) -> RoutineEditor:
        editor = RoutineEditor(
            routine,
            taken_ids=self._library.ids(),
            patterns=self._patterns,
            sounds=self._sounds,
            parent=self._parent,
            copy_of=copy_of,
            offer_new_pattern=self._new_pattern is not None,
        )
        if self._new_pattern is not None:
            ask = self._new_pattern
            editor.new_pattern_requested.connect(lambda: ask(editor))
        if self._pattern_actions is not None:
            self._add_pattern_menu(editor, self._pattern_actions)
        return editor

    def _add_pattern_menu(self, editor: RoutineEditor, actions: PatternActions) -> None:
        """Edit, copy or delete the chosen breathing pattern from beside the editor's list."""
        button = PatternMenuButton(
            editor.breathing_combo,
            can_edit=actions.can_edit,
            is_own=actions.is_own,
            name_of=actions.name_of,
            parent=editor,
        )
        editor.add_pattern_button(button)

        def edit(pattern_id: str) -> None:
            saved = actions.edit(editor, pattern_id)
            if saved is not None:
                editor.set_patterns(actions.patterns(), saved.id)

        def delete(pattern_id: str) -> None:
            if actions.delete(editor, pattern_id):
                editor.set_patterns(actions.patterns(), "resonance")

        button.edit_requested.connect(edit)
        button.delete_requested.connect(delete)

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
        return self.customise(routine)

    def customise(self, routine: Routine) -> Routine | None:
        """Open an editable copy of ``routine`` (a built-in); it is saved only on Save."""
        name = self.tr("%1 (my version)").replace("%1", routine.name)
        copy = self._library.copy_of(routine.id, name)
        return self._edit_and_save(None, copy_of=routine, start=copy)

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

    def _edit_and_save(
        self,
        routine: Routine | None,
        *,
        copy_of: Routine | None = None,
        start: Routine | None = None,
    ) -> Routine | None:
        """Run the editor on ``routine`` (None: a new one, filled from ``start`` if given)."""
        editor = self.editor_for(start or routine, copy_of=copy_of)
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
