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
from acumat_desktop.ui.plurals import install_english_plurals
from acumat_desktop.ui.reminder_popup import (
    ReminderPopup,
    popup_position,
    sitting_phrase,
)
from acumat_desktop.ui.tray import TooltipLine, TraySection
from acumat_desktop.wiring.reminders_prompt import ReminderPrompter

# Offscreen windows cannot be raised; a stays-on-top window asks to be when shown.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (15, "15 seconds"),
        (1, "1 second"),
        (60, "1 minute"),
        (52 * 60 + 40, "52 minutes"),
        (3600, "1 hour"),
        (3600 + 5 * 60, "1 hour 5 minutes"),
        (2 * 3600 + 60, "2 hours 1 minute"),
    ],
)
def test_sitting_phrase(qapp: object, seconds: int, text: str) -> None:
    install_english_plurals()
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
    # Qt appends the application's display name itself: the title must not name the app.
    assert popup.windowTitle() == "Time for the mat"
    popup.show_reminder(52 * 60, can_snooze=True, snooze_minutes=10, break_minutes=5)
    qtbot.waitExposed(popup)
    assert popup.headline.text() == "Time for the mat"
    assert popup.message.text() == "You've been sitting for 52 minutes."
    assert popup.start_button.text() == "Start a 5-minute desk break"
    assert popup.snooze_button.text() == "Snooze 10 minutes"
    for button in (popup.start_button, popup.snooze_button, popup.moved_button, popup.close_button):
        assert button.accessibleName()
        assert button.isVisible()
    assert not popup.isActiveWindow()


def test_one_primary_action_above_two_quiet_ones(qtbot: QtBot) -> None:
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    popup.show_reminder(3600, can_snooze=True, snooze_minutes=1)
    qtbot.waitExposed(popup)
    assert popup.start_button.text() == "Start a desk break", "no length known: none claimed"
    assert popup.snooze_button.text() == "Snooze 1 minute"
    assert popup.start_button.isDefault() and popup.start_button.property("role") == "primary"
    for quiet in (popup.snooze_button, popup.moved_button):
        assert quiet.isFlat() and not quiet.isDefault()
        assert quiet.y() > popup.start_button.y(), "the quiet answers sit below the primary"
    assert popup.start_button.width() > popup.snooze_button.width()
    assert popup.close_button.y() < popup.message.y(), "the close button sits by the headline"


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
    [
        ("start_button", "start_requested"),
        ("snooze_button", "snooze_requested"),
        ("moved_button", "moved_requested"),
        ("close_button", "close_requested"),
    ],
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
    def __init__(self, qtbot: QtBot, max_snoozes: int = 3, minutes: int | None = 5) -> None:
        self.clock = FakeClock()  # a weekday morning, outside quiet hours
        values = RemindersSettings(
            sit_limit=timedelta(seconds=60),
            natural_break=timedelta(seconds=20),
            max_snoozes=max_snoozes,
        )
        self.source = ScriptedSource(self.clock)
        self.monitor = SittingMonitor(
            self.clock,
            self.source,
            ReminderPolicy(self.clock, values, settle_s=5),
            values=values,
            interval_ms=3_600_000,
        )
        self.sink = Sink()
        self.starts = 0
        self.prompter = ReminderPrompter(
            self.monitor,
            SittingLedger(self.clock, self.sink),
            style=lambda: "popup",
            start_desk_break=self._start,
            desk_break_minutes=lambda: minutes,
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


def test_the_prompter_names_the_break_length_and_close_snoozes(qtbot: QtBot) -> None:
    rig = Rig(qtbot, minutes=7)
    rig.sit(65)
    popup = rig.prompter.popup
    assert popup.start_button.text() == "Start a 7-minute desk break"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert rig.sink.events == ["shown", "snoozed"], "closing is a snooze while one is allowed"
    assert rig.monitor.policy.snapshot()["snoozed_until"] is not None


def test_close_at_the_snooze_cap_only_puts_the_popup_away(qtbot: QtBot) -> None:
    rig = Rig(qtbot, max_snoozes=0)
    rig.sit(65)
    popup = rig.prompter.popup
    qtbot.mouseClick(popup.close_button, Qt.MouseButton.LeftButton)
    assert not popup.isVisible()
    assert rig.sink.events == ["shown"]


class FakeTray:
    def __init__(self) -> None:
        self.sitting: list[float | None] = []
        self.lines: dict[TooltipLine, str | None] = {}

    def add_menu(self, section: TraySection, menu: object) -> None:
        pass

    def set_sitting_progress(self, fraction: float | None) -> None:
        self.sitting.append(fraction)

    def set_tooltip_line(self, key: TooltipLine, text: str | None) -> None:
        self.lines[key] = text


def test_the_tray_ring_returns_to_calm_after_a_snooze(qtbot: QtBot) -> None:
    from acumat_desktop.wiring.reminders_tray import RemindersTray

    install_english_plurals()
    rig = Rig(qtbot)
    tray = FakeTray()
    keep = RemindersTray(tray, rig.monitor)  # type: ignore[arg-type]
    rig.sit(65)
    assert tray.sitting[-1] == 1.0, "full ring when the reminder is due"
    qtbot.mouseClick(rig.prompter.popup.snooze_button, Qt.MouseButton.LeftButton)
    assert None in tray.sitting[-1:], "snoozed: no red ring"
    assert tray.lines[TooltipLine.SITTING] == "Sitting for 1 minute; the reminder is snoozed"
    rig.sit(10 * 60 + 10)
    assert rig.prompter.popup.isVisible()
    assert tray.sitting[-1] == 1.0, "due again: the ring is back"
    assert keep.menu.title() == "Pause reminders"
