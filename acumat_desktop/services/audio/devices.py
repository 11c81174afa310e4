"""The sound outputs the system offers, as the settings name them, and when they change."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QMediaDevices

from acumat_desktop.core.audio.device_keys import device_key


@dataclass(frozen=True)
class OutputDevice:
    key: str  # what sound.output_device holds (see core.audio.device_keys)
    description: str
    is_default: bool


class OutputDevices(QObject):
    """QMediaDevices' audio outputs; ``changed`` when one comes or goes, or the server restarts."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._media = QMediaDevices(self)
        self._media.audioOutputsChanged.connect(self.changed)

    def outputs(self) -> list[OutputDevice]:
        default = QMediaDevices.defaultAudioOutput()
        default_id = None if default.isNull() else bytes(default.id().data())
        return [
            OutputDevice(
                device_key(raw := bytes(dev.id().data())), dev.description(), raw == default_id
            )
            for dev in QMediaDevices.audioOutputs()
        ]
