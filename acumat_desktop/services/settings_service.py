"""The running app's settings: one owner, live change signals, debounced atomic saves.

A change from the command line is saved at once (``save_now``) so ``acumat settings set`` answers
only once the value is on disk. A save that fails keeps the change (in memory, still to be
saved) and emits ``save_failed`` with one plain line, once per distinct problem.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from acumat_desktop.services.settings_store import SettingsSaveError, SettingsStore
from acumat_desktop.settings import access
from acumat_desktop.settings.model import Settings

log = logging.getLogger(__name__)


class SettingsService(QObject):
    """Holds the current Settings; every change goes through here and is saved once, shortly."""

    changed = Signal(object)  # the new Settings
    save_failed = Signal(str)  # one line naming why the settings could not be saved

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
        self._failure: str | None = None  # the last save problem said (said once)
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

    @property
    def save_problem(self) -> str | None:
        """Why the last save failed, or None once saving works."""
        return self._failure

    def flush(self) -> None:
        """Write now if anything changed (called by the debounce timer and at quit). A failure
        is logged and emitted as ``save_failed``; the change stays to be saved next time."""
        try:
            self.save_now()
        except SettingsSaveError:
            return

    def save_now(self) -> None:
        """Write now if anything changed; raises SettingsSaveError naming the reason."""
        self._timer.stop()
        if not self._dirty:
            return
        try:
            self._store.save(self._settings)
        except SettingsSaveError as exc:
            log.error("%s", exc)
            if str(exc) != self._failure:
                self._failure = str(exc)
                self.save_failed.emit(self._failure)
            raise
        self._dirty = False
        self._failure = None
