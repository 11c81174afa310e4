"""Lock and suspend signals from a fake desktop on a private D-Bus (standing in for both the
session and the system bus)."""

from __future__ import annotations

import pytest
from private_bus import FakeDesktop, fake_desktop  # noqa: F401  (fixture)
from pytestqt.qtbot import QtBot

from acumat_desktop.services.session_lock import SessionLockMonitor

SESSION = "/org/freedesktop/login1/session/_3"


@pytest.fixture
def monitor(fake_desktop: FakeDesktop, qtbot: QtBot) -> SessionLockMonitor:  # noqa: F811
    mon = SessionLockMonitor(fake_desktop.connect(), fake_desktop.connect())
    watching = mon.start()
    assert "logind-sleep" in watching
    assert "logind-lock" in watching
    assert "org.freedesktop.ScreenSaver" in watching
    assert "org.gnome.ScreenSaver" in watching
    return mon


@pytest.mark.parametrize(
    ("path", "interface"),
    [("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
     ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")],
)
def test_screensaver_active_changed(
    monitor: SessionLockMonitor, fake_desktop: FakeDesktop, qtbot: QtBot,  # noqa: F811
    path: str, interface: str,
) -> None:
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(path, interface, "ActiveChanged", "true")
    assert blocker.args == [True]
    assert monitor.is_locked
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(path, interface, "ActiveChanged", "false")
    assert blocker.args == [False]


def test_logind_locked_hint(
    monitor: SessionLockMonitor, fake_desktop: FakeDesktop, qtbot: QtBot  # noqa: F811
) -> None:
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(SESSION, "org.freedesktop.login1.Session", "PropertiesChanged",
                          "LockedHint=true")
    assert blocker.args == [True]
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(SESSION, "org.freedesktop.login1.Session", "PropertiesChanged",
                          "LockedHint=false")
    assert blocker.args == [False]


def test_prepare_for_sleep(
    monitor: SessionLockMonitor, fake_desktop: FakeDesktop, qtbot: QtBot  # noqa: F811
) -> None:
    with qtbot.waitSignal(monitor.sleeping, timeout=3000) as blocker:
        fake_desktop.emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                          "PrepareForSleep", "true")
    assert blocker.args == [True]
    with qtbot.waitSignal(monitor.sleeping, timeout=3000) as blocker:
        fake_desktop.emit("/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                          "PrepareForSleep", "false")
    assert blocker.args == [False]


def test_repeated_state_is_not_re_emitted(monitor: SessionLockMonitor, qtbot: QtBot) -> None:
    with qtbot.waitSignal(monitor.locked, timeout=1000):
        monitor.set_locked(True)
    with qtbot.assertNotEmitted(monitor.locked):
        monitor.set_locked(True)


def test_no_bus_degrades_quietly(qapp: object) -> None:
    from PySide6.QtDBus import QDBusConnection

    dead = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "acumat-test-dead-lock")
    assert SessionLockMonitor(dead, dead).start() == []
