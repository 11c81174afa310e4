"""The Sound tab's own rows: the output device as a list to pick from (the free-text row it
replaces is hidden, its value set from the list), and which speech engine speaks the cues."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, SignalInstance
from PySide6.QtWidgets import QLabel, QLineEdit

from acumat_desktop.ui.output_device_combo import OutputDeviceCombo

if TYPE_CHECKING:
    from acumat_desktop.services.audio.devices import OutputDevice
    from acumat_desktop.ui.settings_dialog import SettingsDialog

DEVICE_KEY = "sound.output_device"


class DeviceSource(Protocol):
    """What OutputDevices offers."""

    @property
    def changed(self) -> SignalInstance: ...

    def outputs(self) -> list[OutputDevice]: ...

    def watch(self, on: bool) -> None: ...


class SoundDialogRows(QObject):
    """Lives as long as the dialog. The outputs list is refreshed when the dialog is shown and
    whenever the system's outputs change while it is open (watched only then)."""

    def __init__(
        self, dialog: SettingsDialog, devices: DeviceSource, speech_engine: Callable[[], str]
    ) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.devices = devices
        self.combo = OutputDeviceCombo()
        self.speech_label = QLabel(speech_engine())
        self.speech_label.setObjectName("sound.speech_engine")
        self.speech_label.setWordWrap(True)
        dialog.add_row("sound", self.tr("Sound output"), self.combo)
        dialog.add_diagnostic_row(self.tr("Speech engine for spoken cues"), self.speech_label)
        dialog.hide_row(DEVICE_KEY)
        self._editor = dialog.editors[DEVICE_KEY]
        if isinstance(self._editor.widget, QLineEdit):  # follows load() and Restore Defaults
            self._editor.widget.textChanged.connect(self.combo.set_current_key)
        self.combo.set_current_key(str(self._editor.value() or ""))
        self.combo.chosen.connect(self._on_chosen)
        devices.changed.connect(self._on_devices_changed)
        dialog.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        self.combo.set_devices([(d.key, d.description) for d in self.devices.outputs()])

    def _on_devices_changed(self) -> None:
        if self.dialog.isVisible():
            self.refresh()

    def _on_chosen(self, key: str) -> None:
        self._editor.set_value(key or None)
        self._editor.edited.emit()  # the dialog validates and takes it into its draft

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dialog and event.type() == QEvent.Type.Show:
            self.refresh()
            self.devices.watch(True)
        elif watched is self.dialog and event.type() == QEvent.Type.Hide:
            self.devices.watch(False)
        return False
