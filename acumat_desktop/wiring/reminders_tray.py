"""Reminders in the tray (Pause reminders submenu, the sitting ring, the tooltip line) and in the
settings dialog (the active idle source and "last input N s ago", live only while visible)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from acumat_desktop.services.idle.base import IdleSource
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.ui.plurals import install_english_plurals
from acumat_desktop.ui.tray import TooltipLine, Tray, TraySection

if TYPE_CHECKING:  # the dialog's module is imported when it first opens
    from acumat_desktop.ui.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

RING_STEPS = 48  # the ring is redrawn only when the fraction crosses one of these steps
PAUSES: tuple[float | None, ...] = (30 * 60.0, 3600.0, 7200.0, None)  # None: until tomorrow


def sitting_fraction(active_s: float, limit_s: float) -> float:
    """Progress toward the limit, quantised to what the ring can show."""
    if limit_s <= 0:
        return 1.0
    return round(min(1.0, max(0.0, active_s / limit_s)) * RING_STEPS) / RING_STEPS


def sitting_tooltip(owner: QObject, active_s: float, *, snoozed: bool = False) -> str | None:
    if active_s <= 0:
        return None
    minutes = int(active_s // 60)
    if snoozed:
        return QCoreApplication.translate(
            "RemindersTray", "Sitting for %n minutes; the reminder is snoozed", "", minutes
        )
    if not minutes:
        return QCoreApplication.translate("RemindersTray", "Sitting for under a minute")
    return QCoreApplication.translate("RemindersTray", "Sitting for %n minutes", "", minutes)


class RemindersTray(QObject):
    def __init__(self, tray: Tray, monitor: SittingMonitor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        install_english_plurals()  # "Sitting for 1 minute" in the tooltip
        self.tray = tray
        self.monitor = monitor
        self._fraction: float | None = -1.0
        self.menu = QMenu(self.tr("Pause reminders"))
        self.menu.setObjectName("pauseRemindersMenu")
        self.pause_actions: list[QAction] = []
        labels = (
            self.tr("For 30 minutes"),
            self.tr("For 1 hour"),
            self.tr("For 2 hours"),
            self.tr("Until tomorrow"),
        )
        for label, seconds in zip(labels, PAUSES, strict=True):
            action = QAction(label, self.menu)
            action.triggered.connect(lambda _=False, s=seconds: monitor.pause(s))
            self.menu.addAction(action)
            self.pause_actions.append(action)
        self.menu.addSeparator()
        self.resume_action = QAction(self.tr("Resume reminders"), self.menu)
        self.resume_action.triggered.connect(self.resume)
        self.menu.addAction(self.resume_action)
        tray.add_menu(TraySection.REMINDERS, self.menu)
        monitor.changed.connect(self.refresh)
        self.refresh()

    def resume(self) -> None:
        self.monitor.policy.unpause()
        if self.monitor.polling:
            self.monitor.poll()
        self.refresh()

    def refresh(self) -> None:
        """The ring shows sitting time toward the limit while a reminder can come; while one is
        snoozed or reminders are paused the person has answered, so the icon returns to calm
        (no ring, no red) until the reminder is due again."""
        values = self.monitor.values
        active = self.monitor.tracker.active_s
        snapshot = self.monitor.policy.snapshot()
        paused = snapshot["paused_until"] is not None
        snoozed = snapshot["snoozed_until"] is not None
        self.resume_action.setEnabled(paused)
        self.menu.menuAction().setEnabled(bool(values.enabled))
        fraction = (
            sitting_fraction(active, values.sit_limit.total_seconds())
            if values.enabled and not (paused or snoozed)
            else None
        )
        if fraction != self._fraction:
            self._fraction = fraction
            self.tray.set_sitting_progress(fraction)
        tooltip = sitting_tooltip(self, active, snoozed=snoozed) if values.enabled else None
        self.tray.set_tooltip_line(TooltipLine.SITTING, tooltip)


class IdleSourceRows(QObject):
    """Adds two rows to "About this computer"; the last-input row ticks only while visible."""

    def __init__(self, dialog: SettingsDialog, source: IdleSource, interval_ms: int = 1000) -> None:
        super().__init__(dialog)
        self.source = source
        name = source.name
        text = (
            name
            if name != "none"
            else self.tr(
                "none found — reminders fall back to plain elapsed time since your last break"
            )
        )
        self.source_label = QLabel(text)
        self.source_label.setObjectName("reminders.idle_source")
        self.input_label = QLabel()
        self.input_label.setObjectName("reminders.last_input")
        dialog.add_diagnostic_row(self.tr("Keyboard and mouse watched through"), self.source_label)
        dialog.add_diagnostic_row(self.tr("Last keyboard or mouse use"), self.input_label)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.update_text)
        dialog.installEventFilter(self)
        if dialog.isVisible():
            self._start()

    def _start(self) -> None:
        self.update_text()
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._start()
        elif event.type() == QEvent.Type.Hide:
            self.timer.stop()
        return False

    def update_text(self) -> None:
        idle = self.source.idle_seconds()
        self.input_label.setText(
            self.tr("unknown") if idle is None else self.tr("%n seconds ago", "", int(idle))
        )
