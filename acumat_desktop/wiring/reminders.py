"""Desk-break reminders wired into the app: idle source, lock and presenting detection, the
sitting monitor, status parts, commands, the popup or notification, the tray and history.

Environment: ``ACUMAT_IDLE_POLL_MS`` (read only here) shortens the idle poll, e.g. 500 for the
end-to-end tests; the default is 5000 ms, and values below 100 ms are raised to 100.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from acumat_desktop import DESKTOP_FILE_ID
from acumat_desktop.core.clock import Clock
from acumat_desktop.core.commands import CommandRegistry
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.core.session import ACTIVE_STATES, SessionState
from acumat_desktop.core.sitting_ledger import ReminderHistorySink, SittingLedger
from acumat_desktop.core.status import StatusBoard
from acumat_desktop.services.idle.factory import create_idle_source
from acumat_desktop.services.notifications import DesktopNotifications
from acumat_desktop.services.presenting import create_presenting_detector
from acumat_desktop.services.session_lock import SessionLockMonitor
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.shutdown import ShutdownManager
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.tray import Tray
from acumat_desktop.wiring.ports import RoutineStarter
from acumat_desktop.wiring.reminders_commands import register_reminder_commands, reminders_status
from acumat_desktop.wiring.reminders_prompt import ReminderPrompter
from acumat_desktop.wiring.reminders_tray import IdleSourceRows, RemindersTray

if TYPE_CHECKING:  # the dialog's module is imported when it first opens
    from acumat_desktop.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

POLL_ENV = "ACUMAT_IDLE_POLL_MS"
DEFAULT_POLL_MS = 5000
MIN_POLL_MS = 100
DESK_BREAK = "desk-break"


def poll_interval_ms(env: Mapping[str, str] = os.environ) -> int:
    raw = env.get(POLL_ENV, "").strip()
    if not raw:
        return DEFAULT_POLL_MS
    try:
        return max(MIN_POLL_MS, int(raw))
    except ValueError:
        log.warning(
            "%s=%r is not a number of milliseconds; using %d", POLL_ENV, raw, DEFAULT_POLL_MS
        )
        return DEFAULT_POLL_MS


class RemindersFeature(QObject):
    """Holds the reminder parts (kept alive as a child of the application)."""

    def __init__(
        self,
        *,
        parent: QObject,
        monitor: SittingMonitor,
        clock: Clock,
        settings: SettingsService,
        session: SessionService,
        history: ReminderHistorySink | None,
        tray: Tray | None,
        commands: CommandRegistry,
        board: StatusBoard,
        starter: RoutineStarter,
        shutdown: ShutdownManager,
    ) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self._starter = starter
        self.ledger = SittingLedger(clock, history)
        self.notifier = DesktopNotifications(desktop_entry=DESKTOP_FILE_ID, parent=self)
        self.prompter = ReminderPrompter(
            monitor,
            self.ledger,
            style=lambda: settings.settings.reminders.style,
            start_desk_break=self.start_desk_break,
            desk_break_minutes=lambda: round(starter.minutes_for(DESK_BREAK).minutes),
            tray=tray,
            notifier=self.notifier,
            parent=self,
        )
        self.tray = RemindersTray(tray, monitor, self) if tray is not None else None
        monitor.changed.connect(lambda: self.ledger.observe(monitor.tracker.active_s))
        settings.changed.connect(self.on_settings)
        session.state_changed.connect(self.on_session_state)
        shutdown.register("sitting ledger", self.ledger.flush)
        board.provide("sitting", monitor.sitting_snapshot)  # a fresh look: samples are sparse
        board.provide("reminders", lambda: reminders_status(monitor))
        register_reminder_commands(commands, monitor, settings, self.prompter.snoozed_elsewhere)

    def on_settings(self, settings: Settings) -> None:
        self.monitor.values = self.monitor.policy.values = settings.reminders
        self.monitor.apply_settings()
        if self.tray is not None:
            self.tray.refresh()

    def on_session_state(self, state: SessionState) -> None:
        # A finished (or stopped) session resets the streak inside set_session_running(False).
        self.monitor.set_session_running(state in ACTIVE_STATES)

    def start_desk_break(self) -> bool:
        try:
            self._starter.start(DESK_BREAK)
        except ValueError as exc:
            log.warning("could not start the %s routine: %s", DESK_BREAK, exc)
            return False
        return True

    def extend_dialog(self, dialog: SettingsDialog) -> None:
        IdleSourceRows(dialog, self.monitor.source)


def create_sitting_monitor(
    app: QApplication, clock: Clock, settings: Settings, window: QWidget
) -> SittingMonitor:
    """The sitting monitor on this platform's idle, lock and presenting sources."""
    values = settings.reminders
    source = create_idle_source()
    lock = SessionLockMonitor(parent=app)
    lock.start()
    if sys.platform == "win32":  # session and power messages, delivered to the main window
        from acumat_desktop.services.session_lock_windows import WindowsSessionWatch

        WindowsSessionWatch(app, lock, int(window.winId()), parent=lock)
    return SittingMonitor(
        clock,
        source,
        ReminderPolicy(clock, values),
        values=values,
        lock=lock,
        presenting=create_presenting_detector(),
        interval_ms=poll_interval_ms(),
        parent=app,
    )
