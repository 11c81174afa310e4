"""The reminder popup: words, buttons, focus, placement, reuse; and the prompter's answers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.core.sitting_ledger import SittingLedger
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.settings.model import RemindersSettings
from acumat_desktop.ui.reminder_popup import (
    WINDOW_TITLE,
    ReminderPopup,
    popup_position,
    sitting_phrase,
)
from acumat_desktop.wiring.reminders_prompt import ReminderPrompter

# Offscreen windows cannot be raised; a stays-on-top window asks to be when shown.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(15, "15 seconds"), (1, "1 second"), (60, "1 minute"), (52 * 60 + 40, "52 minutes"),
     (3600, "1 hour"), (3600 + 5 * 60, "1 hour 5 minutes"), (2 * 3600 + 60, "2 hours 1 minute")],
)
def test_sitting_phrase(seconds: int, text: str) -> None:
    assert sitting_phrase(seconds) == text


def test_position_next_to_a_top_tray_icon_and_inside_the_screen() -> None:
    screen = QRect(0, 0, 1280, 800)
    size = QSize(360, 110)
    pos = popup_position(size, screen, QRect(1256, 0, 24, 24))
    assert pos.y() >= 24, "below a top panel's icon"
    assert pos.x() + size.width() <= 1280 - 12, "kept inside the screen"
    bottom = popup_position(size, screen, QRect(600, 776, 24, 24))
    assert bottom.y() + size.height() <= 776, "above a bottom panel's icon"
    assert popup_position(size, screen, None) == QPoint(1280 - 1 - 12 - 360, 800 - 1 - 12 - 110)


def test_popup_is_calm_named_and_never_takes_the_focus(qtbot: QtBot) -> None:
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    flags = popup.windowFlags()
    assert flags & Qt.WindowType.Tool
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert popup.windowTitle() == WINDOW_TITLE
    popup.show_reminder(52 * 60, can_snooze=True, snooze_minutes=10)
    qtbot.waitExposed(popup)
    assert popup.message.text() == "You've been sitting for 52 minutes — time for the mat"
    assert popup.snooze_button.text() == "Snooze 10 min"
    for button in (popup.start_button, popup.snooze_button, popup.moved_button):
        assert button.accessibleName()
        assert button.isVisible()
    assert not popup.isActiveWindow()


def test_snooze_hidden_at_the_cap_and_the_popup_reused(qtbot: QtBot) -> None:
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    popup.show_reminder(900, can_snooze=True)
    popup.show_reminder(1500, can_snooze=False)
    assert popup.shown_count == 2
    assert popup.isVisible()
    assert popup.snooze_button.isHidden()
    assert "25 minutes" in popup.message.text()
    popup.withdraw()
    assert not popup.isVisible()


@pytest.mark.parametrize(
    ("button", "signal"),
    [("start_button", "start_requested"), ("snooze_button", "snooze_requested"),
     ("moved_button", "moved_requested")],
)
def test_each_answer_emits_and_hides(qtbot: QtBot, button: str, signal: str) -> None:
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    popup.show_reminder(900, can_snooze=True)
    with qtbot.waitSignal(getattr(popup, signal), timeout=1000):
        qtbot.mouseClick(getattr(popup, button), Qt.MouseButton.LeftButton)
    assert not popup.isVisible()


class ScriptedSource:
    """Input at every poll while ``active``; otherwise idle grows with the clock."""

    name = "scripted"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.active = True
        self.last_input = clock.monotonic()

    def available(self) -> bool:
        return True

    def idle_seconds(self) -> float | None:
        if self.active:
            self.last_input = self.clock.monotonic()
        return self.clock.monotonic() - self.last_input

    def close(self) -> None:
        pass


class Sink:
    def __init__(self) -> None:
        self.events: list[str] = []
        self.sitting: list[float] = []

    def record_reminder_event(self, kind: str, at: object) -> None:
        self.events.append(kind)

    def add_sitting(self, day: object, seconds: float) -> None:
        self.sitting.append(seconds)


class Rig:
    def __init__(self, qtbot: QtBot, max_snoozes: int = 3) -> None:
        self.clock = FakeClock()  # a weekday morning, outside quiet hours
        values = RemindersSettings(
            sit_limit=timedelta(seconds=60), natural_break=timedelta(seconds=20),
            max_snoozes=max_snoozes,
        )
        self.source = ScriptedSource(self.clock)
        self.monitor = SittingMonitor(
            self.clock, self.source, ReminderPolicy(self.clock, values, settle_s=5),
            values=values, interval_ms=3_600_000,
        )
        self.sink = Sink()
        self.starts = 0
        self.prompter = ReminderPrompter(
            self.monitor, SittingLedger(self.clock, self.sink), style=lambda: "popup",
            start_desk_break=self._start,
        )
        qtbot.addWidget(self.prompter.popup)

    def _start(self) -> bool:
        self.starts += 1
        return True

    def sit(self, seconds: float, step: float = 5.0) -> None:
        for _ in range(int(seconds / step)):
            self.clock.advance(step)
            self.monitor.poll()


def test_due_reminder_shows_once_and_snooze_repeats_it_later(qtbot: QtBot) -> None:
    rig = Rig(qtbot)
    rig.sit(65)
    popup = rig.prompter.popup
    assert popup.isVisible() and popup.shown_count == 1
    rig.sit(30)
    assert popup.shown_count == 1, "stays up, not re-shown each poll"
    qtbot.mouseClick(popup.snooze_button, Qt.MouseButton.LeftButton)
    assert not popup.isVisible()
    rig.sit(9 * 60)
    assert not popup.isVisible(), "snoozed for the setting's 10 minutes"
    rig.sit(70)
    assert popup.isVisible() and popup.shown_count == 2, "repeats after the snooze"
    assert rig.sink.events == ["shown", "snoozed", "shown"]


def test_going_idle_withdraws_and_moving_resets(qtbot: QtBot) -> None:
    rig = Rig(qtbot)
    rig.sit(65)
    popup = rig.prompter.popup
    assert popup.isVisible()
    rig.source.active = False  # the user walks away for longer than the natural break
    rig.sit(25)
    assert not popup.isVisible()
    assert rig.monitor.tracker.active_s == 0
    rig.source.active = True
    rig.sit(80)
    assert popup.isVisible()
    qtbot.mouseClick(popup.moved_button, Qt.MouseButton.LeftButton)
    assert rig.monitor.tracker.active_s == 0
    assert rig.sink.events[-1] == "followed"


def test_start_desk_break_and_no_snooze_at_the_cap(qtbot: QtBot) -> None:
    rig = Rig(qtbot, max_snoozes=0)
    rig.sit(65)
    popup = rig.prompter.popup
    assert popup.snooze_button.isHidden()
    qtbot.mouseClick(popup.start_button, Qt.MouseButton.LeftButton)
    assert rig.starts == 1
    assert not popup.isVisible()
    assert rig.sink.events == ["shown", "followed"]

