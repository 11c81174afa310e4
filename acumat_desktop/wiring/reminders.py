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

from acumat_desktop.core.commands import CommandError
from acumat_desktop.core.protocol import Request
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.services.idle.factory import create_idle_source
from acumat_desktop.services.notifications import DesktopNotifications
from acumat_desktop.services.presenting import create_presenting_detector
from acumat_desktop.services.session_lock import SessionLockMonitor
from acumat_desktop.services.session_lock_windows import WindowsSessionWatch
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.settings_dialog import SettingsDialog
from acumat_desktop.wiring.reminders_commands import register_reminder_commands, reminders_status
from acumat_desktop.wiring.reminders_history import ReminderHistorySink, SittingLedger
from acumat_desktop.wiring.reminders_prompt import ReminderPrompter
from acumat_desktop.wiring.reminders_tray import IdleSourceRows, RemindersTray

if TYPE_CHECKING:
    from acumat_desktop.app import Parts

log = logging.getLogger(__name__)

POLL_ENV = "ACUMAT_IDLE_POLL_MS"
DEFAULT_POLL_MS = 5000
MIN_POLL_MS = 100
SESSION_ACTIVE = frozenset({"countdown", "running", "paused"})
DESK_BREAK = "desk-break"


def poll_interval_ms(env: Mapping[str, str] = os.environ) -> int:
    raw = env.get(POLL_ENV, "").strip()
    if not raw:
        return DEFAULT_POLL_MS
    try:
        return max(MIN_POLL_MS, int(raw))
    except ValueError:
        log.warning("%s=%r is not a number of milliseconds; using %d", POLL_ENV, raw,
                    DEFAULT_POLL_MS)
        return DEFAULT_POLL_MS


class RemindersFeature(QObject):
    """Holds the reminder parts (kept alive as a child of the application)."""

    def __init__(
        self, parts: Parts, monitor: SittingMonitor, history: ReminderHistorySink | None
    ) -> None:
        super().__init__(parts.app)
        self.p = parts
        self.monitor = monitor
        self.ledger = SittingLedger(parts.clock, history)
        self.notifier = DesktopNotifications(parent=self)
        self.prompter = ReminderPrompter(
            monitor, self.ledger,
            style=lambda: parts.settings.settings.reminders.style,
            start_desk_break=self.start_desk_break,
            tray=parts.tray, notifier=self.notifier, parent=self,
        )
        self.tray = RemindersTray(parts.tray, monitor, self) if parts.tray is not None else None
        monitor.changed.connect(lambda: self.ledger.observe(monitor.tracker.active_s))
        parts.settings.changed.connect(self.on_settings)
        parts.session.state_changed.connect(self.on_session_state)
        parts.app.aboutToQuit.connect(self.ledger.flush)
        parts.board.provide("sitting", lambda: dict(monitor.tracker.snapshot()))
        parts.board.provide("reminders", lambda: reminders_status(monitor))
        register_reminder_commands(
            parts.commands, monitor, parts.settings, self.prompter.snoozed_elsewhere
        )
        parts.dialog_extensions.append(self.extend_dialog)

    def on_settings(self, settings: Settings) -> None:
        self.monitor.values = self.monitor.policy.values = settings.reminders
        self.monitor.apply_settings()
        if self.tray is not None:
            self.tray.refresh()

    def on_session_state(self, state: str) -> None:
        # A finished (or stopped) session resets the streak inside set_session_running(False).
        self.monitor.set_session_running(state in SESSION_ACTIVE)

    def start_desk_break(self) -> bool:
        commands = self.p.commands
        if "start" not in commands.names():
            return False
        try:
            commands.dispatch(Request("start", {"routine": DESK_BREAK}))
        except CommandError as exc:
            log.warning("could not start the %s routine: %s", DESK_BREAK, exc)
            return False
        return True

    def extend_dialog(self, dialog: SettingsDialog) -> None:
        IdleSourceRows(dialog, self.monitor.source)


def wire(parts: Parts) -> None:
    values = parts.settings.settings.reminders
    source = create_idle_source()
    lock = SessionLockMonitor(parent=parts.app)
    lock.start()
    if sys.platform == "win32":  # session and power messages, delivered to the main window
        WindowsSessionWatch(parts.app, lock, int(parts.window.winId()), parent=lock)
    monitor = SittingMonitor(
        parts.clock, source, ReminderPolicy(parts.clock, values),
        values=values, lock=lock, presenting=create_presenting_detector(),
        interval_ms=poll_interval_ms(), parent=parts.app,
    )
    RemindersFeature(parts, monitor, parts.history)  # the app's one history database

