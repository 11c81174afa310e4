"""Edit and delete the person's breathing patterns where routines choose them.

A pattern made in the app or imported as a file is the person's own: it can be edited (same
form, same checks as a file, its id kept so the routines naming it keep working) or deleted. A
built-in pattern is read-only: "your own version" opens the form on a copy, saved under a new
name only on Save.

Deleting a pattern that a routine or the settings' default breathing uses is refused, with a
plain message naming them: a routine file naming a pattern that is gone would be skipped at the
next start, so the person chooses another pattern there first.

The store is the pattern library (``services.pattern_library.PatternLibrary``); the dialogs are
injectable callables, so tests drive every path without a modal dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from acumat_desktop.core.breathing import BreathingPattern
from acumat_desktop.core.routines import Routine
from acumat_desktop.ui.calm_dialog import ask, tell
from acumat_desktop.ui.pattern_editor import ask_new_pattern, fits_the_form

log = logging.getLogger(__name__)


class PatternStore(Protocol):
    def all(self) -> Mapping[str, BreathingPattern]: ...

    def file_of(self, pattern_id: str) -> Path | None: ...

    def save(self, data: Mapping[str, Any], *, replace: str | None = None) -> BreathingPattern: ...

    def delete(self, pattern_id: str) -> None: ...


EditPattern = Callable[..., "BreathingPattern | None"]  # ask_new_pattern's signature
Confirm = Callable[[QWidget, str, str], bool]
Tell = Callable[[QWidget, str, str], None]


def tell_plainly(parent: QWidget, title: str, text: str) -> None:
    tell(parent, title, text)


def confirm_delete(parent: QWidget, title: str, text: str) -> bool:
    return ask(
        parent,
        title,
        text,
        QCoreApplication.translate("PatternActions", "Delete"),
        QCoreApplication.translate("PatternActions", "Keep it"),
        destructive=True,
    )


class PatternActions(QObject):
    """Edit, copy and delete breathing patterns; ``message(text)`` says what was done."""

    message = Signal(str)

    def __init__(
        self,
        store: PatternStore,
        routines: Callable[[], list[Routine]],
        *,
        default_breathing: Callable[[], str] = lambda: "",
        edit_pattern: EditPattern = ask_new_pattern,
        confirm: Confirm = confirm_delete,
        tell_refusal: Tell = tell_plainly,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._routines = routines
        self._default_breathing = default_breathing
        self._edit = edit_pattern
        self._confirm = confirm
        self._tell = tell_refusal

    def patterns(self) -> Mapping[str, BreathingPattern]:
        return self._store.all()

    def name_of(self, pattern_id: str) -> str:
        pattern = self._store.all().get(pattern_id)
        return QCoreApplication.translate("Breathing", pattern.name) if pattern else ""

    def is_own(self, pattern_id: str) -> bool:
        """The person's own pattern (made in the app or imported): editable and deletable."""
        return self._store.file_of(pattern_id) is not None

    def can_edit(self, pattern_id: str) -> bool:
        pattern = self._store.all().get(pattern_id)
        return pattern is not None and pattern_id != "none" and fits_the_form(pattern)

    def edit(self, parent: QWidget, pattern_id: str) -> BreathingPattern | None:
        """The form on the person's own pattern (its id kept), or on a copy of a built-in."""
        pattern = self._store.all().get(pattern_id)
        if pattern is None or not self.can_edit(pattern_id):
            return None
        own = self.is_own(pattern_id)
        store = self._store

        def save(data: Mapping[str, Any]) -> BreathingPattern:
            return store.save(data, replace=pattern_id if own else None)

        saved = self._edit(parent, save, store.all().keys(), pattern=pattern, copy=not own)
        if saved is not None:
            self.message.emit(self.tr("Saved the breathing pattern %1").replace("%1", saved.name))
        return saved

    def users_of(self, pattern_id: str) -> list[str]:
        """Who breathes with ``pattern_id``: routine names, and the settings' default."""
        names = [r.name for r in self._routines() if r.breathing == pattern_id]
        if self._default_breathing() == pattern_id:
            names.append(self.tr("the default breathing in Settings"))
        return names

    def delete(self, parent: QWidget, pattern_id: str) -> bool:
        """Delete the person's own pattern after asking; refused, with the reason, while a
        routine or the settings use it."""
        pattern = self._store.all().get(pattern_id)
        if pattern is None or not self.is_own(pattern_id):
            return False
        users = self.users_of(pattern_id)
        if users:
            self._tell(
                parent,
                self.tr("“%1” is in use").replace("%1", pattern.name),
                self.tr(
                    "It is the breathing of: %1. Choose another pattern there first, then it "
                    "can be deleted."
                ).replace("%1", ", ".join(users)),
            )
            return False
        question = self.tr("Delete the breathing pattern “%1”? This cannot be undone.")
        if not self._confirm(
            parent, self.tr("Delete breathing pattern"), question.replace("%1", pattern.name)
        ):
            return False
        try:
            self._store.delete(pattern_id)
        except (OSError, ValueError, LookupError) as exc:
            log.warning("pattern %r not deleted: %s", pattern_id, exc)
            self._tell(parent, self.tr("Could not delete the pattern"), str(exc))
            return False
        self.message.emit(self.tr("Deleted the breathing pattern %1").replace("%1", pattern.name))
        return True
