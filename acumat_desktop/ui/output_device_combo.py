"""A combo box of sound outputs: "System default" first, then each device by its description."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

Device = tuple[str, str]  # (the key the settings hold, the description people read)


class OutputDeviceCombo(QComboBox):
    """Shows the outputs it is given and keeps the chosen one; a chosen device that is not
    there now stays listed as "not connected", so opening the dialog never changes the choice.
    ``chosen`` gives the key ("" for the system default) when the user picks an entry."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sound.output_device.choice")
        self.setAccessibleName(self.tr("Sound output"))
        self._key = ""
        self._devices: list[Device] = []
        self.activated.connect(self._on_activated)
        self._rebuild()

    def set_devices(self, devices: list[Device]) -> None:
        self._devices = list(devices)
        self._rebuild()

    def set_current_key(self, key: str | None) -> None:
        self._key = key or ""
        self._rebuild()

    def current_key(self) -> str:
        return self._key

    def _rebuild(self) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("System default"), "")
        for key, description in self._devices:
            self.addItem(description, key)
        if self._key and self._key not in {key for key, _ in self._devices}:
            self.addItem(self.tr("{0} (not connected)").format(self._key), self._key)
        self.setCurrentIndex(self.findData(self._key))
        self.blockSignals(False)

    def _on_activated(self, index: int) -> None:
        key = str(self.itemData(index) or "")
        if key != self._key:
            self._key = key
            self.chosen.emit(key)
