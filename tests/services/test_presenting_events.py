"""Presenting noticed by events, not polling: X11 property changes on a real Xvfb (a window made
full-screen and active as an EWMH window manager would, with xprop), D-Bus signals from the fake
desktop on a private bus, and the sitting loop that sleeps through a presentation until one of
them wakes it.

Nothing here asks a check on a timer: a callback that fires proves the event arrived. That an
event does *not* come is shown on the same connection's order: the server answers a later
request (or delivers a later signal) only after everything it sent before.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from private_bus import FakeDesktop, fake_desktop  # noqa: F401  (fixture)
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot
from xvfb_display import run_on, xvfb  # noqa: F401  (fixture)

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.reminders import ReminderPolicy
from acumat_desktop.services.idle._dbus import SignalWatch
from acumat_desktop.services.presenting import (
    GnomeInhibitCheck,
    NotificationsInhibitedCheck,
    PresentingDetector,
    WindowsNotificationStateCheck,
    X11FullscreenCheck,
)
from acumat_desktop.services.sitting_monitor import SittingMonitor
from acumat_desktop.settings.model import RemindersSettings

NOTIFICATIONS = ("/org/freedesktop/Notifications", "org.freedesktop.Notifications")
SESSION_MANAGER = ("/org/gnome/SessionManager", "org.gnome.SessionManager")


# -- X11 -----------------------------------------------------------------------------------------
@pytest.fixture
def windows(xvfb: str) -> Iterator[Callable[[], str]]:  # noqa: F811
    """Maps real client windows (xmessage) on the Xvfb; returns their ids."""
    if shutil.which("xmessage") is None or shutil.which("xdotool") is None:
        pytest.skip("xmessage and xdotool are needed")
    procs: list[subprocess.Popen[bytes]] = []

    def make() -> str:
        name = f"acumat-presenting-{len(procs)}"
        procs.append(
            subprocess.Popen(
                ["xmessage", "-name", name, "slides"],
                env={**os.environ, "DISPLAY": xvfb},
                stderr=subprocess.DEVNULL,
            )
        )
        return run_on(xvfb, "xdotool", "search", "--sync", "--classname", name).stdout.split()[0]

    yield make
    for proc in procs:
        proc.terminate()
        proc.wait(10)


def _activate(display: str, window: str) -> None:
    run_on(display, "xprop", "-root", "-f", "_NET_ACTIVE_WINDOW", "32c",
           "-set", "_NET_ACTIVE_WINDOW", window)  # fmt: skip


def _fullscreen(display: str, window: str, on: bool = True) -> None:
    if on:
        run_on(display, "xprop", "-id", window, "-f", "_NET_WM_STATE", "32a",
               "-set", "_NET_WM_STATE", "_NET_WM_STATE_FULLSCREEN")  # fmt: skip
    else:
        run_on(display, "xprop", "-id", window, "-remove", "_NET_WM_STATE")


def _settled(check: X11FullscreenCheck) -> bool | None:
    """Ask once more (a round trip on the check's connection: every event the server sent
    before is in by then) and deliver what came."""
    answer = check.is_presenting()
    for _ in range(3):
        QCoreApplication.processEvents()
    return answer


def test_x11_fullscreen_is_noticed_by_events(
    qtbot: QtBot,
    xvfb: str,  # noqa: F811
    windows: Callable[[], str],
) -> None:
    window = windows()
    _activate(xvfb, window)
    check = X11FullscreenCheck(xvfb)
    assert check.is_presenting() is False
    seen: list[bool | None] = []
    assert check.watch(lambda: seen.append(check.is_presenting()))
    _fullscreen(xvfb, window)
    qtbot.waitUntil(lambda: seen[-1:] == [True], timeout=5000)
    _fullscreen(xvfb, window, on=False)
    qtbot.waitUntil(lambda: seen[-1:] == [False], timeout=5000)
    check.unwatch()
    count = len(seen)
    _fullscreen(xvfb, window)
    assert _settled(check) is True
    assert len(seen) == count  # no longer listening
    check.close()


def test_x11_follows_the_active_window(
    qtbot: QtBot,
    xvfb: str,  # noqa: F811
    windows: Callable[[], str],
) -> None:
    editor, slides = windows(), windows()
    _activate(xvfb, editor)
    check = X11FullscreenCheck(xvfb)
    assert check.is_presenting() is False
    seen: list[bool | None] = []
    assert check.watch(lambda: seen.append(check.is_presenting()))
    _fullscreen(xvfb, slides)  # a window in the background: not what the user looks at
    assert _settled(check) is False
    assert seen == []
    _activate(xvfb, slides)
    qtbot.waitUntil(lambda: seen[-1:] == [True], timeout=5000)
    _fullscreen(xvfb, slides, on=False)  # the newly active window is followed
    qtbot.waitUntil(lambda: seen[-1:] == [False], timeout=5000)
    check.close()


def test_x11_a_change_before_the_watch_began_is_not_lost(
    qtbot: QtBot,
    xvfb: str,  # noqa: F811
    windows: Callable[[], str],
) -> None:
    window = windows()
    _activate(xvfb, window)
    check = X11FullscreenCheck(xvfb)
    assert check.is_presenting() is False
    _fullscreen(xvfb, window)  # after the last answer, before anyone listened
    seen: list[bool | None] = []
    assert check.watch(lambda: seen.append(check.is_presenting()))
    qtbot.waitUntil(lambda: seen[-1:] == [True], timeout=5000)
    check.close()


def test_x11_without_a_server_has_nothing_to_watch() -> None:
    check = X11FullscreenCheck(":199")
    assert check.watch(lambda: None)
    assert check.is_presenting() is None


# -- D-Bus ---------------------------------------------------------------------------------------
class Sentinel:
    """A signal on the checks' own connection, sent after the one under test: once it is in,
    everything the bus sent before it is too."""

    def __init__(self, bus: QDBusConnection, desktop: FakeDesktop) -> None:
        self.seen = 0
        self._desktop = desktop
        self._watch = SignalWatch(bus, self._got)
        assert self._watch.add("org.acumat.Fake", "/", "org.acumat.Fake", "Sentinel")

    def _got(self, _message: QDBusMessage) -> None:
        self.seen += 1

    def flush(self, qtbot: QtBot) -> None:
        wanted = self.seen + 1
        self._desktop.emit("/", "org.acumat.Fake", "Sentinel", "1")
        qtbot.waitUntil(lambda: self.seen == wanted, timeout=5000)


def test_notifications_inhibited_is_noticed_by_its_signal(
    qtbot: QtBot,
    fake_desktop: FakeDesktop,  # noqa: F811
) -> None:
    bus = fake_desktop.connect()
    sentinel = Sentinel(bus, fake_desktop)
    check = NotificationsInhibitedCheck(bus)
    assert check.is_presenting() is False
    seen: list[bool | None] = []
    assert check.watch(lambda: seen.append(check.is_presenting()))
    fake_desktop.emit(*SESSION_MANAGER, "PropertiesChanged", "Inhibited=true")  # another's
    sentinel.flush(qtbot)
    assert seen == []
    fake_desktop.set("inhibited", "true")
    fake_desktop.emit(*NOTIFICATIONS, "PropertiesChanged", "Inhibited=true")
    qtbot.waitUntil(lambda: seen == [True], timeout=5000)
    check.unwatch()
    fake_desktop.set("inhibited", "false")
    fake_desktop.emit(*NOTIFICATIONS, "PropertiesChanged", "Inhibited=false")
    sentinel.flush(qtbot)
    assert seen == [True]  # unsubscribed
    check.close()


def test_gnome_inhibition_is_noticed_by_its_signals(
    qtbot: QtBot,
    fake_desktop: FakeDesktop,  # noqa: F811
) -> None:
    check = GnomeInhibitCheck(fake_desktop.connect())
    assert check.is_presenting() is False
    seen: list[bool | None] = []
    assert check.watch(lambda: seen.append(check.is_presenting()))
    fake_desktop.set("inhibited_actions", "8")
    fake_desktop.emit(*SESSION_MANAGER, "InhibitorAdded", "/org/gnome/SessionManager/Inhibitor1")
    qtbot.waitUntil(lambda: seen == [True], timeout=5000)
    fake_desktop.set("inhibited_actions", "0")
    fake_desktop.emit(*SESSION_MANAGER, "PropertiesChanged", "InhibitedActions=0")
    qtbot.waitUntil(lambda: seen == [True, False], timeout=5000)
    check.close()


def test_a_detector_with_a_check_that_has_no_events_must_poll() -> None:
    detector = PresentingDetector(
        [X11FullscreenCheck(":199"), WindowsNotificationStateCheck(lambda: 5)]
    )
    assert detector.watch(lambda: None) is False
    detector.unwatch()
    assert PresentingDetector([X11FullscreenCheck(":199")]).watch(lambda: None) is True


# -- the sitting loop ----------------------------------------------------------------------------
class Busy:
    """The user types all along."""

    name = "busy"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock

    def available(self) -> bool:
        return True

    def idle_seconds(self) -> float | None:
        return 0.0

    def close(self) -> None:
        pass


def test_the_loop_sleeps_through_a_presentation_until_it_ends(
    qtbot: QtBot,
    xvfb: str,  # noqa: F811
    windows: Callable[[], str],
) -> None:
    window = windows()
    _activate(xvfb, window)
    _fullscreen(xvfb, window)
    clock = FakeClock()
    values = RemindersSettings(quiet_hours=False, sit_limit=timedelta(seconds=60))
    detector = PresentingDetector([X11FullscreenCheck(xvfb)])
    monitor = SittingMonitor(clock, Busy(clock), ReminderPolicy(clock, values, settle_s=0),
                             values=values, presenting=detector, interval_ms=5000)  # fmt: skip
    due: list[int] = []
    monitor.reminder_due.connect(due.append)
    clock.advance(61)
    monitor.poll()
    assert monitor.last_decision is not None and monitor.last_decision.reason == "presenting"
    assert monitor.presenting_by_events is True
    next_look = monitor.next_look_in
    assert next_look is not None and next_look > 5  # no 5-second steps while it lasts
    _fullscreen(xvfb, window, on=False)
    qtbot.waitUntil(lambda: due != [], timeout=5000)  # woken by the event, not by a timer
    assert monitor.presenting_by_events is None  # the watch ends with the deferral
    monitor.apply_settings()
    detector.close()
