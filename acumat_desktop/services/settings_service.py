"""The running app's settings: one owner, live change signals, debounced atomic saves."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.settings import access
from acumat_desktop.settings.model import Settings

log = logging.getLogger(__name__)


class SettingsService(QObject):
    """Holds the current Settings; every change goes through here and is saved once, shortly."""

    changed = Signal(object)  # the new Settings

    def __init__(
        self,
        store: SettingsStore,
        settings: Settings,
        debounce_ms: int = 400,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def path(self) -> str:
        return str(self._store.path)

    def get(self, key: str) -> Any:
        return access.get_value(self._settings, key)

    def set(self, key: str, value: Any) -> Any:
        """Validate and apply one value; raises SettingsKeyError/SettingsValueError untouched."""
        self.replace(access.with_value(self._settings, key, value))
        return access.get_value(self._settings, key)

    def reset(self, key: str | None = None) -> None:
        self.replace(access.reset(key, self._settings))

    def replace(self, settings: Settings) -> None:
        if settings == self._settings:
            return
        self._settings = settings
        self._dirty = True
        self._timer.start()
        self.changed.emit(settings)

    def flush(self) -> None:
        """Write now if anything changed (called by the debounce timer and at quit)."""
        self._timer.stop()
        if not self._dirty:
            return
        try:
            self._store.save(self._settings)
        except OSError as exc:
            log.error("could not save settings to %s: %s", self._store.path, exc)
            return
        self._dirty = False
