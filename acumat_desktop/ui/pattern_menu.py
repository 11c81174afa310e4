"""The button beside a routine's breathing list: edit, copy or delete the chosen pattern.

Its menu follows the chosen pattern each time it opens: "Edit “X”…" for the person's own
pattern, "Your own version of “X”…" for a built-in one (saved as a copy), "Delete “X”…" only
for the person's own. The button only asks (``edit_requested``, ``delete_requested``); the
pattern actions decide.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QPushButton, QWidget


def field_row(field: QWidget, parent: QWidget) -> tuple[QWidget, QHBoxLayout]:
    """A row holding ``field`` (stretched), with room for buttons beside it."""
    row = QWidget(parent)
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(field, 1)
    return row, box


class PatternMenuButton(QPushButton):
    edit_requested = Signal(str)  # a pattern id: edit it (own) or a copy of it (built in)
    delete_requested = Signal(str)

    def __init__(
        self,
        combo: QComboBox,
        *,
        can_edit: Callable[[str], bool],
        is_own: Callable[[str], bool],
        name_of: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Pattern"), parent)
        self.setObjectName("patternMenuButton")
        self.setAutoDefault(False)
        self.setAccessibleName(self.tr("Change or delete this breathing pattern"))
        self._combo = combo
        self._can_edit = can_edit
        self._is_own = is_own
        self._name_of = name_of
        self.pattern_menu = QMenu(self)
        self.edit_action = self.pattern_menu.addAction("")
        self.delete_action = self.pattern_menu.addAction("")
        self.edit_action.triggered.connect(lambda: self.edit_requested.emit(self.chosen()))
        self.delete_action.triggered.connect(lambda: self.delete_requested.emit(self.chosen()))
        self.pattern_menu.aboutToShow.connect(self.follow)
        self.setMenu(self.pattern_menu)
        self.follow()

    def chosen(self) -> str:
        return str(self._combo.currentData() or "")

    def follow(self) -> None:
        """Word and enable the actions for the pattern chosen now."""
        pattern_id = self.chosen()
        name = self._name_of(pattern_id) or self._combo.currentText()
        own = self._is_own(pattern_id)
        edit = self.tr("Edit “%1”…") if own else self.tr("Your own version of “%1”…")
        self.edit_action.setText(edit.replace("%1", name))
        self.edit_action.setEnabled(self._can_edit(pattern_id))
        self.delete_action.setText(self.tr("Delete “%1”…").replace("%1", name))
        self.delete_action.setEnabled(own)
