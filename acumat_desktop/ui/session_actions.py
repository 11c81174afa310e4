"""The session's commands, each one QAction: pause/resume, stop, one minute less, one minute more.

The same four actions serve the session page's buttons and keys, the tray and the menus, and
they all go through the session service (the one command path into the engine, which the
command line and the reminders use too). Their text says what they would do now.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from acumat_desktop.core.session import ACTIVE_STATES, SessionState
from acumat_desktop.services.session_service import SessionService

log = logging.getLogger(__name__)

ADJUST_STEP_S = 60.0


class SessionActions(QObject):
    """``confirm_stop()`` is asked before a stop; it answers True to stop."""

    def __init__(
        self,
        session: SessionService,
        parent: QObject | None = None,
        *,
        confirm_stop: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._confirm_stop = confirm_stop
        self.pause = self._action(
            self.tr("Pause session"), self.tr("Pause"), [Qt.Key.Key_Space], self.toggle_pause
        )
        self.stop = self._action(
            self.tr("Stop session…"), self.tr("Stop…"), [Qt.Key.Key_Escape], self.request_stop
        )
        self.less = self._action(
            self.tr("One minute less"),
            self.tr("−1 min"),
            [Qt.Key.Key_Minus, Qt.Key.Key_Underscore],
            lambda: self.adjust(-ADJUST_STEP_S),
        )
        self.more = self._action(
            self.tr("One minute more"),
            self.tr("+1 min"),
            [Qt.Key.Key_Plus, Qt.Key.Key_Equal],
            lambda: self.adjust(ADJUST_STEP_S),
        )
        session.state_changed.connect(self.sync)
        self.sync()

    def all(self) -> tuple[QAction, ...]:
        return (self.less, self.pause, self.more, self.stop)

    def _action(
        self, text: str, short: str, keys: list[Qt.Key], slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self)
        action.setIconText(short)  # what a button shows; menus show the whole text
        action.setShortcuts([QKeySequence(key) for key in keys])
        # Active while focus is in a widget the action is added to (the session page).
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        native = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
        action.triggered.connect(slot)
        return action

    # ----------------------------------------------------------------- commands

    def toggle_pause(self) -> None:
        if self._session.state is SessionState.PAUSED:
            self._session.resume()
        else:
            self._session.pause()

    def request_stop(self) -> None:
        """Stop after ``confirm_stop`` agrees (nothing happens if no session is active)."""
        if self._session.state not in ACTIVE_STATES:
            return
        if self._confirm_stop():
            self._session.stop()
        else:
            log.debug("stop declined; the session goes on")

    def adjust(self, seconds: float) -> None:
        if self._session.adjust(seconds) == 0:
            log.debug("adjust %+g s not applied in state %s", seconds, self._session.state)

    def sync(self, *_: object) -> None:
        state = self._session.state
        paused = state is SessionState.PAUSED
        self.pause.setText(self.tr("Resume session") if paused else self.tr("Pause session"))
        self.pause.setIconText(self.tr("Resume") if paused else self.tr("Pause"))
        for action in self.all():
            action.setEnabled(state in ACTIVE_STATES)
