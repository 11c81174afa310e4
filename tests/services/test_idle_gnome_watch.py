"""Mutter's idle watches: the return by ``AddUserActiveWatch``/``WatchFired``, the natural break
by one timer that asks ``GetIdletime`` when it could have completed; a fake Mutter on a
private D-Bus daemon."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from private_bus import _readline
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from acumat_desktop.services.idle.base import IdleWatcher
from acumat_desktop.services.idle.gnome import GnomeIdleSource

FAKE = Path(__file__).with_name("fake_mutter_watches.py")
_names = itertools.count()


class Mutter:
    def __init__(self, address: str) -> None:
        self.address = address
        self.control = QDBusConnection.connectToBus(address, f"mutter-control-{next(_names)}")

    def connect(self) -> QDBusConnection:
        return QDBusConnection.connectToBus(self.address, f"mutter-client-{next(_names)}")

    def call(self, member: str, *args: str) -> list[object]:
        msg = QDBusMessage.createMethodCall(
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            member,
        )
        msg.setArguments(list(args))
        reply = self.control.call(msg)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()
        return list(reply.arguments())


@pytest.fixture(scope="module")
def mutter(qapp: object) -> Iterator[Mutter]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
    )
    service: subprocess.Popen[bytes] | None = None
    try:
        address = _readline(daemon.stdout, time.monotonic() + 10)
        service = subprocess.Popen([sys.executable, str(FAKE), address], stdout=subprocess.PIPE)
        assert _readline(service.stdout, time.monotonic() + 20) == "ready"
        yield Mutter(address)
    finally:
        for proc in (service, daemon):
            if proc is not None:
                proc.terminate()
                proc.wait(10)


class Calls:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def test_the_return_arrives_by_watch_fired(mutter: Mutter, qtbot: QtBot) -> None:
    source = GnomeIdleSource(mutter.connect())
    assert isinstance(source, IdleWatcher)
    mutter.call("SetIdle", "600000")
    calls = Calls()
    assert source.watch(None, True, calls)
    assert mutter.call("Watches") == [1]
    mutter.call("Input")
    qtbot.waitUntil(lambda: calls.count == 1, timeout=3000)
    source.close()


def test_the_natural_break_is_asked_when_it_could_complete(mutter: Mutter, qtbot: QtBot) -> None:
    source = GnomeIdleSource(mutter.connect())
    mutter.call("SetIdle", "200")
    calls = Calls()
    assert source.watch(0.5, False, calls)  # 0.3 s to go
    mutter.call("SetIdle", "0")  # input meanwhile: the first look finds it short, sleeps again
    qtbot.waitUntil(
        lambda: (
            calls.count == 0 and source._watches is not None and source._watches.timer.isActive()
        ),
        timeout=3000,
    )
    mutter.call("SetIdle", "500")
    qtbot.waitUntil(lambda: calls.count == 1, timeout=3000)
    source.close()


def test_unwatch_removes_the_active_watch(mutter: Mutter, qtbot: QtBot) -> None:
    source = GnomeIdleSource(mutter.connect())
    calls = Calls()
    assert source.watch(None, True, calls)
    source.unwatch()
    mutter.call("Input")
    qtbot.wait(200)  # a stale WatchFired would be delivered in far less than this
    assert calls.count == 0
    source.close()
