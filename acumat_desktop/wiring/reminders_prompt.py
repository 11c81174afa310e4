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
from acumat_desktop.ui.plurals import install_english_plurals
from acumat_desktop.ui.reminder_popup import ReminderPopup, sitting_phrase, snooze_text, start_text
from acumat_desktop.ui.tray import Tray

log = logging.getLogger(__name__)


class ReminderPrompter(QObject):
    """Shows the reminder the way the settings ask and turns answers into monitor commands.

    ``desk_break_minutes`` says how long a desk break started now would be (the minutes the
    sessions feature would use), so the primary action can say "Start a 5-minute desk break";
    without it the button says "Start a desk break". Closing the popup without an answer is a
    snooze while one is allowed; at the cap it only puts the popup away."""

    def __init__(
        self,
        monitor: SittingMonitor,
        ledger: SittingLedger,
        *,
        style: Callable[[], str],
        start_desk_break: Callable[[], bool],
        desk_break_minutes: Callable[[], int | None] | None = None,
        tray: Tray | None = None,
        notifier: DesktopNotifications | None = None,
        platform: str = sys.platform,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        install_english_plurals()  # "1 minute" in a notification or balloon, too
        self.monitor = monitor
        self.ledger = ledger
        self._style = style
        self._start = start_desk_break
        self._break_minutes = desk_break_minutes
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
            self._popup.close_requested.connect(self.closed)
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
            self._tray.message(self.tr("Time for the mat"), self._text(sitting_s))
            self.shown_as = "balloon"
            return
        anchor: QRect | None = self._tray.icon.geometry() if self._tray is not None else None
        self.popup.show_reminder(
            sitting_s,
            can_snooze=can_snooze,
            snooze_minutes=snooze_min,
            break_minutes=self._minutes(),
            anchor=anchor,
        )
        self.shown_as = "popup"

    def _notify(self, sitting_s: int, can_snooze: bool, snooze_min: float) -> bool:
        notifier = self._notifier
        if notifier is None or not notifier.available():
            return False
        actions = [("start", start_text(self, self._minutes()))]
        if can_snooze:
            actions.append(("snooze", snooze_text(self, snooze_min)))
        actions.append(("moved", self.tr("I just moved")))
        if not notifier.show(self.tr("Time for the mat"), self._text(sitting_s), actions):
            return False
        self.shown_as = "notification"
        return True

    def _text(self, sitting_s: float) -> str:
        return self.tr("You've been sitting for %1.").replace("%1", sitting_phrase(sitting_s))

    def _minutes(self) -> int | None:
        if self._break_minutes is None:
            return None
        try:
            return self._break_minutes()
        except ValueError as exc:  # the desk-break routine is gone: say no length
            log.info("no desk-break length: %s", exc)
            return None

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

    def closed(self) -> None:
        """The close button or Escape: a snooze while one is allowed, else just put away."""
        if self.monitor.policy.can_snooze:
            self.snooze()
        else:
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
