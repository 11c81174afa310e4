"""A finished session tells the person who is not looking at the window: through the desktop's
notification service where there is one, otherwise through the tray."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject

from acumat_desktop import APP_DISPLAY_NAME
from acumat_desktop.core.session import Finished, SessionEvent
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.tray import Tray

log = logging.getLogger(__name__)


class Notifier(Protocol):
    """The part of DesktopNotifications this uses."""

    def available(self) -> bool: ...

    def show(self, summary: str, body: str, actions: Sequence[tuple[str, str]]) -> bool: ...


class SessionEndNotice(QObject):
    def __init__(
        self,
        *,
        parent: QObject,
        session: SessionService,
        window: MainWindow,
        tray: Tray | None,
        notifier: Notifier | None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._tray = tray
        self._notifier = notifier
        session.happened.connect(self._on_event)

    def looking(self) -> bool:
        """The window is shown, not minimised and active: the person sees the summary."""
        window = self._window
        return window.isVisible() and not window.isMinimized() and window.isActiveWindow()

    def text(self, event: Finished) -> str:
        minutes = max(1, round(event.record.actual_s / 60))
        return self.tr("%1: %n minutes done", "", minutes).replace("%1", event.record.routine_name)

    def _on_event(self, event: SessionEvent) -> None:
        if not isinstance(event, Finished) or self.looking():
            return
        body = self.text(event)
        notifier = self._notifier
        if notifier is not None and notifier.available() and notifier.show(body, "", []):
            return
        if self._tray is not None:
            self._tray.message(APP_DISPLAY_NAME, body)
        else:
            log.info("session finished, nobody to tell: %s", body)
