"""The Settings dialog: one tab per section, generated from the model, validated as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings import access
from acumat_desktop.settings.model import SECTIONS, Settings
from acumat_desktop.ui.settings_fields import BoolEditor, FieldEditor, editor_for

_TITLES = {
    "reminders": "Reminders",
    "session": "Sessions",
    "sound": "Sound",
    "appearance": "Appearance",
    "startup": "Startup",
}
_HIDDEN = {"session.safety_note_seen", "session.favourites"}  # managed where they are used


class SettingsDialog(QDialog):
    def __init__(self, service: SettingsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("AcuMat Settings"))
        self._service = service
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)
        self.section_forms: dict[str, QFormLayout] = {}
        for section, model in SECTIONS.items():
            page = QWidget()
            form = QFormLayout(page)
            self.section_forms[section] = form
            for name, info in model.model_fields.items():
                key = f"{section}.{name}"
                if key in _HIDDEN:
                    continue
                editor = editor_for(name, info)
                editor.setParent(self)
                editor.widget.setObjectName(key)
                editor.widget.setToolTip(info.description or "")
                editor.widget.setAccessibleName(info.description or name)
                editor.edited.connect(self._validate)
                error = QLabel(page)
                error.setObjectName(f"{key}.error")
                error.setProperty("role", "error")
                error.setWordWrap(True)
                error.hide()
                if isinstance(editor, BoolEditor):
                    form.addRow(editor.widget)
                else:
                    form.addRow(info.description or name, editor.widget)
                form.addRow(error)
                self.editors[key] = editor
                self.errors[key] = error
            self.tabs.addTab(page, self.tr(_TITLES.get(section, section.title())))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self.load(Settings()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.draft: Settings = service.settings
        self.load(service.settings)

    def load(self, settings: Settings) -> None:
        for key, editor in self.editors.items():
            section, _, name = key.partition(".")
            editor.blockSignals(True)
            editor.set_value(getattr(getattr(settings, section), name))
            editor.blockSignals(False)
        self._validate()

    def _validate(self) -> None:
        draft = self._service.settings
        bad = 0
        for key, editor in self.editors.items():
            value: Any = editor.value()
            try:
                draft = access.with_value(draft, key, value)
            except access.SettingsValueError as exc:
                bad += 1
                self.errors[key].setText(str(exc))
                self.errors[key].show()
                editor.widget.setProperty("invalid", True)
            else:
                self.errors[key].hide()
                editor.widget.setProperty("invalid", False)
            editor.widget.style().unpolish(editor.widget)
            editor.widget.style().polish(editor.widget)
        self.draft = draft
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bad == 0)

    def accept(self) -> None:
        self._service.replace(self.draft)
        super().accept()

    def hide_row(self, key: str) -> None:
        """Hide a field's row where a feature offers a better editor for it; the field's value
        still counts (the feature sets it through ``editors[key]``)."""
        section = key.partition(".")[0]
        form = self.section_forms[section]
        form.setRowVisible(self.editors[key].widget, False)
        form.setRowVisible(self.errors[key], False)

    def add_row(self, section: str, label: str, widget: QWidget) -> None:
        """Later parts add read-only information rows (e.g. the active idle source)."""
        self.section_forms[section].addRow(label, widget)
        widget.setAccessibleName(label)
        if isinstance(widget, QLabel):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
