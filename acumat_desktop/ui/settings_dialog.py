"""The Settings dialog: four well-filled pages of plain controls (Reminders, Sessions, Sound,
General) and "About this computer" for what AcuMat found (idle source, keep-awake method, sound
output, speech engine). Every value is a proper control; a value that cannot be used is said in
plain words and OK waits until it is fixed.

Pages, groups, labels and the words for choices live in ``ui/settings/labels.py``; which editor
each setting gets in ``ui/settings/factory.py``. Other features add their rows with ``add_row``
(a setting's page) and ``add_diagnostic_row`` (About this computer).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.settings.model import SECTIONS, Settings
from acumat_desktop.ui.settings import labels
from acumat_desktop.ui.settings.editors import (
    BoolEditor,
    FieldEditor,
    HiddenTextEditor,
    NamedChoiceEditor,
)
from acumat_desktop.ui.settings.factory import SettingsChoices, bounds, editor_for

__all__ = ["SettingsChoices", "SettingsDialog"]


class SettingsDialog(QDialog):
    def __init__(
        self,
        service: SettingsService,
        parent: QWidget | None = None,
        *,
        choices: SettingsChoices | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._service = service
        self._choices = choices or SettingsChoices()
        self.editors: dict[str, FieldEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}  # key -> the form its row is in
        self.section_forms: dict[str, QFormLayout] = {}  # section -> where add_row adds
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for page in labels.PAGES:
            self.tabs.addTab(self._build_page(page), labels.tr(page.title))
        self._build_diagnostics()
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
        self.resize(640, 560)
        self.draft: Settings = service.settings
        self.load(service.settings)

    # ----------------------------------------------------------------- building

    def _scrolled(self, content: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        return scroll

    def _build_page(self, page: labels.Page) -> QScrollArea:
        """One form per page, so every label and control lines up; group headings span it."""
        content = QWidget()
        form = _form(content)
        for number, group in enumerate(page.groups):
            heading = QLabel(labels.tr(group.title), content)
            heading.setProperty("role", "heading")
            if number:
                heading.setContentsMargins(0, 12, 0, 0)
            form.addRow(heading)
            for key in group.keys:
                self._add_setting(key, form, content)
                self.section_forms[key.partition(".")[0]] = form
        return self._scrolled(content)

    def _add_setting(self, key: str, form: QFormLayout, page: QWidget) -> None:
        section, _, name = key.partition(".")
        info = SECTIONS[section].model_fields[name]
        text = labels.label(key, info.description or name)
        editor = editor_for(key, info, self._choices)
        editor.setParent(self)
        editor.widget.setObjectName(key)
        editor.widget.setAccessibleName(text)
        editor.edited.connect(self._validate)
        error = QLabel(page)
        error.setObjectName(f"{key}.error")
        error.setProperty("role", "error")
        error.setWordWrap(True)
        if isinstance(editor, BoolEditor):
            form.addRow(editor.widget)
        else:
            label = QLabel(text, page)
            label.setBuddy(editor.widget)
            form.addRow(label, editor.widget)
        form.addRow(error)
        form.setRowVisible(error, False)
        if isinstance(editor, HiddenTextEditor):
            form.setRowVisible(editor.widget, False)  # a feature offers a list instead
        self.editors[key] = editor
        self.errors[key] = error
        self._forms[key] = form

    def _build_diagnostics(self) -> None:
        content = QWidget()
        form = _form(content)
        intro = QLabel(
            self.tr(
                "What AcuMat found on this computer. Nothing here needs changing; it helps "
                "when something does not work as expected."
            ),
            content,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.diagnostics_form = form
        self.diagnostics_page = self._scrolled(content)
        self.tabs.addTab(self.diagnostics_page, self.tr("About this computer"))
        platform = QGuiApplication.platformName()
        shown = _PLATFORMS.get(platform, platform)
        self.add_diagnostic_row(self.tr("Display system"), QLabel(shown))
        self.system_colours = QLabel()
        self.system_colours.setObjectName("diagnostics.system_colours")
        self.add_diagnostic_row(self.tr("System colours"), self.system_colours)
        self._show_system_colours()

    def _show_system_colours(self) -> None:
        scheme = QGuiApplication.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            text = self.tr("Dark")
        elif scheme == Qt.ColorScheme.Light:
            text = self.tr("Light")
        else:
            text = self.tr("Not reported (Follow the system uses light)")
        self.system_colours.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        self._show_system_colours()
        super().showEvent(event)

    def set_choices(self, choices: SettingsChoices) -> None:
        """Fresh lists of routines, patterns and sounds (call before showing a reused dialog)."""
        self._choices = choices
        for key, editor in self.editors.items():
            named = choices.for_key(key)
            if named is not None and isinstance(editor, NamedChoiceEditor):
                editor.blockSignals(True)
                editor.set_choices(named)
                editor.blockSignals(False)

    # ----------------------------------------------------------------- values

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
                draft = _with_value(draft, key, value)
            except ValidationError:
                bad += 1
                self._show_error(key, self._plain_error(key))
            else:
                self._show_error(key, "")
        self.draft = draft
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bad == 0)
        self._follow_switches()

    def _follow_switches(self) -> None:
        """Grey out what only matters while its check box is on (quiet hours' times, …)."""
        for key, switch in labels.DEPENDS.items():
            on = bool(self.editors[switch].value()) and self.editors[switch].widget.isEnabled()
            widget = self.editors[key].widget
            widget.setEnabled(on)
            label = self._forms[key].labelForField(widget)
            if label is not None:
                label.setEnabled(on)

    def _plain_error(self, key: str) -> str:
        section, _, name = key.partition(".")
        return labels.plain_error(key, bounds(SECTIONS[section].model_fields[name]))

    def _show_error(self, key: str, text: str) -> None:
        error, widget = self.errors[key], self.editors[key].widget
        error.setText(text)
        widget.setAccessibleDescription(text)
        if self._forms[key].isRowVisible(widget):
            self._forms[key].setRowVisible(error, bool(text))
        if widget.property("invalid") != bool(text):
            widget.setProperty("invalid", bool(text))
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def accept(self) -> None:
        self._service.replace(self.draft)
        super().accept()

    # ----------------------------------------------------------------- extensions

    def hide_row(self, key: str) -> None:
        """Hide a field's row where a feature offers a better editor for it; the field's value
        still counts (the feature sets it through ``editors[key]``)."""
        form = self._forms[key]
        form.setRowVisible(self.editors[key].widget, False)
        form.setRowVisible(self.errors[key], False)

    def add_row(self, section: str, label: str, widget: QWidget) -> None:
        """A feature's own row on a section's page (e.g. the sound output list)."""
        self._add_to(self.section_forms[section], label, widget)

    def add_diagnostic_row(self, label: str, widget: QWidget) -> None:
        """A read-only fact on "About this computer" (idle source, last input, keep-awake
        method, speech engine)."""
        self._add_to(self.diagnostics_form, label, widget)

    def _add_to(self, form: QFormLayout, label: str, widget: QWidget) -> None:
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        form.addRow(caption, widget)
        widget.setAccessibleName(label)
        if isinstance(widget, QLabel):
            widget.setWordWrap(True)
            policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            widget.setSizePolicy(policy)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def _with_value(settings: Settings, key: str, value: Any) -> Settings:
    """``settings`` with ``key`` set to an editor's typed value (not ``access.with_value``, which
    reads command-line text: it would turn the id "none", Silence, into None)."""
    section, _, name = key.partition(".")
    raw = settings.model_dump()
    raw[section][name] = value
    return Settings.model_validate(raw)


def _form(content: QWidget) -> QFormLayout:
    form = QFormLayout(content)
    form.setContentsMargins(16, 12, 16, 12)
    form.setVerticalSpacing(8)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
    return form


_PLATFORMS = {"xcb": "X11", "wayland": "Wayland", "windows": "Windows", "cocoa": "macOS"}
