"""Lock and suspend signals from a fake desktop on a private D-Bus (standing in for both the
session and the system bus)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from private_bus import FakeDesktop, fake_desktop  # noqa: F401  (fixture)
from pytestqt.qtbot import QtBot

from acumat_desktop.services import session_lock
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
    [
        ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
        ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ],
)
def test_screensaver_active_changed(
    monitor: SessionLockMonitor,
    fake_desktop: FakeDesktop,  # noqa: F811
    qtbot: QtBot,
    path: str,
    interface: str,
) -> None:
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(path, interface, "ActiveChanged", "true")
    assert blocker.args == [True]
    assert monitor.is_locked
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(path, interface, "ActiveChanged", "false")
    assert blocker.args == [False]


def test_logind_locked_hint(
    monitor: SessionLockMonitor,
    fake_desktop: FakeDesktop,  # noqa: F811
    qtbot: QtBot,
) -> None:
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(
            SESSION, "org.freedesktop.login1.Session", "PropertiesChanged", "LockedHint=true"
        )
    assert blocker.args == [True]
    with qtbot.waitSignal(monitor.locked, timeout=3000) as blocker:
        fake_desktop.emit(
            SESSION, "org.freedesktop.login1.Session", "PropertiesChanged", "LockedHint=false"
        )
    assert blocker.args == [False]


def test_prepare_for_sleep(
    monitor: SessionLockMonitor,
    fake_desktop: FakeDesktop,  # noqa: F811
    qtbot: QtBot,
) -> None:
    with qtbot.waitSignal(monitor.sleeping, timeout=3000) as blocker:
        fake_desktop.emit(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", "true"
        )
    assert blocker.args == [True]
    with qtbot.waitSignal(monitor.sleeping, timeout=3000) as blocker:
        fake_desktop.emit(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", "false"
        )
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


@pytest.fixture
def hung_bus(tmp_path: Path) -> Iterator[str]:
    """A socket that accepts connections (the kernel's backlog) but never answers: what a
    stopped or deadlocked dbus-daemon looks like to a client."""
    path = tmp_path / "hung-bus"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        server.listen(8)
        yield f"unix:path={path},guid=0123"


@pytest.fixture
def answering_bus(tmp_path: Path) -> Iterator[str]:
    path = tmp_path / "bus"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(1)

    def answer() -> None:
        conn, _ = server.accept()
        with conn:
            while b"\r\n" not in conn.recv(256):
                pass
            conn.sendall(b"OK 0123456789abcdef\r\n")

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    yield f"unix:path={path}"
    thread.join(5)
    server.close()


def test_a_hung_bus_is_told_from_a_live_one(hung_bus: str, answering_bus: str) -> None:
    started = time.monotonic()
    assert session_lock.bus_hangs(hung_bus, timeout_s=0.2)
    assert time.monotonic() - started < 2, "the probe keeps its deadline"
    assert not session_lock.bus_hangs(answering_bus, timeout_s=5)
    assert not session_lock.bus_hangs("unix:path=/nonexistent/bus")  # absent: Qt fails at once
    assert not session_lock.bus_hangs("disabled:")
    assert not session_lock.bus_hangs(None)


def test_a_hung_bus_does_not_hang_the_monitor(
    hung_bus: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Before: the monitor opened both buses in its constructor, and Qt blocks on a daemon
    that never answers, so a hung D-Bus hung AcuMat's start-up for good."""
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", hung_bus)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", hung_bus)
    monkeypatch.setattr(session_lock, "BUS_PROBE_TIMEOUT_S", 0.2)
    started = time.monotonic()
    monitor = SessionLockMonitor()
    assert monitor.start() == []
    assert time.monotonic() - started < 5
    assert "D-Bus system bus" in caplog.text and "does not answer" in caplog.text
    assert "D-Bus session bus" in caplog.text
