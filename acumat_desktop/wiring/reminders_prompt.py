"""How a due reminder reaches the user: the popup near the tray, a desktop notification
(reminders.style "notification" on Linux, falling back to the popup without a server), or the
tray balloon elsewhere; and what each answer does."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QRect

from acumat_desktop.core.sitting_ledger import ReminderEvent, SittingLedger
from acumat_desktop.services.notifications import DesktopNotifications
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.ui.reminder_popup import ReminderPopup, sitting_phrase
from acumat_desktop.ui.tray import Tray

log = logging.getLogger(__name__)

TITLE = "Time for the mat"


class ReminderPrompter(QObject):
    """Shows the reminder the way the settings ask and turns answers into monitor commands."""

    def __init__(
        self,
        monitor: SittingMonitor,
        ledger: SittingLedger,
        *,
        style: Callable[[], str],
        start_desk_break: Callable[[], bool],
        tray: Tray | None = None,
        notifier: DesktopNotifications | None = None,
        platform: str = sys.platform,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.ledger = ledger
        self._style = style
        self._start = start_desk_break
        self._tray = tray
        self._notifier = notifier
        self._platform = platform
        self._popup: ReminderPopup | None = None
        self.shown_as: str | None = None  # "popup", "notification", "balloon"
        monitor.reminder_due.connect(self.show)
        monitor.reminder_withdrawn.connect(self.withdraw)
        if notifier is not None:
            notifier.action_invoked.connect(self._on_notification_action)

    @property
    def popup(self) -> ReminderPopup:
        """The one popup, made on first use and reused."""
        if self._popup is None:
            self._popup = ReminderPopup()
            self._popup.start_requested.connect(self.start_desk_break)
            self._popup.snooze_requested.connect(self.snooze)
            self._popup.moved_requested.connect(self.moved)
        return self._popup

    # -- showing -----------------------------------------------------------------------------
    def show(self, sitting_s: int) -> None:
        self.ledger.event(ReminderEvent.SHOWN)
        can_snooze = self.monitor.policy.can_snooze
        snooze_min = self.monitor.values.snooze.total_seconds() / 60.0
        style = self._style()
        if style == "notification" and self._platform.startswith("linux"):
            if self._notify(sitting_s, can_snooze, snooze_min):
                return
            log.info("no notification server: showing the popup instead")
        elif style == "notification" and self._tray is not None:
            self._tray.message(TITLE, self._text(sitting_s))
            self.shown_as = "balloon"
            return
        anchor: QRect | None = self._tray.icon.geometry() if self._tray is not None else None
        self.popup.show_reminder(
            sitting_s, can_snooze=can_snooze, snooze_minutes=snooze_min, anchor=anchor
        )
        self.shown_as = "popup"

    def _notify(self, sitting_s: int, can_snooze: bool, snooze_min: float) -> bool:
        notifier = self._notifier
        if notifier is None or not notifier.available():
            return False
        actions = [("start", "Start desk break")]
        if can_snooze:
            actions.append(("snooze", f"Snooze {snooze_min:g} min"))
        actions.append(("moved", "I just moved"))
        if not notifier.show(TITLE, self._text(sitting_s), actions):
            return False
        self.shown_as = "notification"
        return True

    @staticmethod
    def _text(sitting_s: float) -> str:
        return f"You've been sitting for {sitting_phrase(sitting_s)} — time for the mat"

    def withdraw(self) -> None:
        if self._popup is not None:
            self._popup.withdraw()
        if self._notifier is not None:
            self._notifier.close()
        self.shown_as = None

    # -- answers -----------------------------------------------------------------------------
    def start_desk_break(self) -> None:
        self.ledger.event(ReminderEvent.FOLLOWED)
        self.withdraw()
        if not self._start():
            log.info("cannot start the desk-break routine here; the reminder just hides")

    def snooze(self) -> None:
        if self.monitor.snooze():
            self.ledger.event(ReminderEvent.SNOOZED)
        self.withdraw()

    def snoozed_elsewhere(self) -> None:
        """A snooze from the command line: count it and put the reminder away."""
        self.ledger.event(ReminderEvent.SNOOZED)
        self.withdraw()

    def moved(self) -> None:
        self.ledger.event(ReminderEvent.FOLLOWED)
        self.withdraw()
        self.monitor.i_moved()

    def _on_notification_action(self, key: str) -> None:
        handlers = {"start": self.start_desk_break, "snooze": self.snooze, "moved": self.moved}
        handler = handlers.get(key)
        if handler is not None:
            handler()
