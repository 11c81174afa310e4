"""The sound outputs the system offers, as the settings name them, and when they change.

On Linux they are asked of the sound server itself (:mod:`.pulse_sinks`, a connection of our
own per question), so the list is right again once PulseAudio has gone away and come back:
Qt's process-wide context never reconnects, and QMediaDevices' list stays stale after that.
While someone watches (the settings dialog is open) the list is asked for every
``POLL_MS`` and ``changed`` is emitted when it differs. Elsewhere, QMediaDevices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from acumat_desktop.core.audio.device_keys import device_key
from acumat_desktop.services.audio import pulse_sinks

POLL_MS = 1500  # about 0.3 ms of CPU a question, only while the dialog is open


@dataclass(frozen=True)
class OutputDevice:
    key: str  # what sound.output_device holds (see core.audio.device_keys)
    description: str
    is_default: bool


SinkLister = Callable[[], list[pulse_sinks.Sink] | None]


class OutputDevices(QObject):
    """The audio outputs; ``changed`` when one comes or goes, or the server restarts.
    ``sinks`` lists the sound server's sinks (None: no server now); by default libpulse on
    Linux, and None elsewhere, where QMediaDevices is used."""

    changed = Signal()

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sinks: SinkLister | None = None,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        if sinks is None and pulse_sinks.available():
            sinks = pulse_sinks.list_sinks
        self._sinks = sinks
        self._last: list[OutputDevice] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)
        if sinks is None:
            from PySide6.QtMultimedia import QMediaDevices

            self._media = QMediaDevices(self)
            self._media.audioOutputsChanged.connect(self.changed)

    @property
    def watching(self) -> bool:
        return self._timer.isActive()

    def watch(self, on: bool) -> None:
        """Look for changes (from the server) while ``on``; QMediaDevices tells by itself."""
        if self._sinks is None or on == self._timer.isActive():
            return
        if on:
            self._last = self.outputs()
            self._timer.start()
        else:
            self._timer.stop()

    def outputs(self) -> list[OutputDevice]:
        if self._sinks is None:
            return _qt_outputs()
        sinks = self._sinks() or []
        return [
            OutputDevice(device_key(s.name.encode()), s.description, s.is_default) for s in sinks
        ]

    def _poll(self) -> None:
        now = self.outputs()
        if now != self._last:
            self._last = now
            self.changed.emit()


def _qt_outputs() -> list[OutputDevice]:
    from PySide6.QtMultimedia import QMediaDevices

    default = QMediaDevices.defaultAudioOutput()
    default_id = None if default.isNull() else bytes(default.id().data())
    return [
        OutputDevice(
            device_key(raw := bytes(dev.id().data())), dev.description(), raw == default_id
        )
        for dev in QMediaDevices.audioOutputs()
    ]
