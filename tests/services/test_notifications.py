"""Desktop notifications against a fake, signature-checking notification server on a private
bus (Gio, like GNOME Shell, dunst and mako), and the fallback when there is none."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from private_bus import _readline
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from acumat_desktop import DESKTOP_FILE_ID
from acumat_desktop.services.notifications import (
    DesktopNotifications,
    gvariant_string,
    parse_notify_reply,
)

FAKE = Path(__file__).with_name("fake_notifications.py")
GI_PYTHON = "/usr/bin/python3"


def _has_gi() -> bool:
    if not Path(GI_PYTHON).exists():
        return False
    probe = subprocess.run([GI_PYTHON, "-c", "import gi"], capture_output=True, check=False)
    return probe.returncode == 0


_NAMES: list[str] = []


def connect(address: str) -> QDBusConnection:
    """A named connection, closed when the module's bus goes (left open, a connection to a
    stopped daemon crashes the interpreter at exit)."""
    name = f"acumat-notify-test-{len(_NAMES)}"
    _NAMES.append(name)
    return QDBusConnection.connectToBus(address, name)


class Server:
    def __init__(self, address: str) -> None:
        self.address = address
        self.control = connect(address)

    def _call(self, member: str, *args: Any) -> list[Any]:
        msg = QDBusMessage.createMethodCall(
            "org.freedesktop.Notifications",
            "/org/freedesktop/Notifications",
            "org.acumat.FakeNotifications",
            member,
        )
        msg.setArguments(list(args))
        reply = self.control.call(msg)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()
        return list(reply.arguments())

    def calls(self) -> list[dict[str, Any]]:
        return list(json.loads(self._call("Calls")[0]))

    def gdbus(self, method: str, *args: str) -> None:
        """Signals carry uint32 ids: emit them through gdbus, as the real server would."""
        subprocess.run(
            [
                "gdbus",
                "call",
                "--address",
                self.address,
                "--dest",
                "org.freedesktop.Notifications",
                "--object-path",
                "/org/freedesktop/Notifications",
                "--method",
                f"org.acumat.FakeNotifications.{method}",
                "--",
                *args,
            ],
            check=True,
            capture_output=True,
            timeout=10,
        )


@pytest.fixture(scope="module")
def bus_address(qapp: object) -> Iterator[str]:
    if shutil.which("dbus-daemon") is None or shutil.which("gdbus") is None or not _has_gi():
        pytest.skip("dbus-daemon, gdbus and a Python with PyGObject are needed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield _readline(daemon.stdout, time.monotonic() + 10)
    finally:
        for name in _NAMES:
            QDBusConnection.disconnectFromBus(name)
        daemon.terminate()
        daemon.wait(10)


@pytest.fixture
def server(bus_address: str) -> Iterator[Server]:
    proc = subprocess.Popen([GI_PYTHON, str(FAKE), bus_address], stdout=subprocess.PIPE)
    try:
        assert _readline(proc.stdout, time.monotonic() + 20) == "ready"
        yield Server(bus_address)
    finally:
        proc.terminate()
        proc.wait(10)


def notifier(address: str) -> DesktopNotifications:
    return DesktopNotifications(connect(address), address=address)


def test_gvariant_quoting_and_reply_parsing() -> None:
    assert gvariant_string("it's a \\ test") == "'it\\'s a \\\\ test'"
    assert parse_notify_reply("(uint32 42,)\n") == 42
    assert parse_notify_reply("garbage") is None


def test_notify_is_accepted_by_a_strict_server_and_replaced_in_place(
    qtbot: QtBot, server: Server
) -> None:
    n = notifier(server.address)
    assert n.available()
    actions = [
        ("start", "Start desk break"),
        ("snooze", "Snooze 10 min"),
        ("moved", "I just moved"),
    ]
    with qtbot.waitSignal(n.sent, timeout=10_000):
        assert n.show("Time for the mat", "You've been sitting for 52 minutes", actions)
    first = n.current_id
    assert first > 0
    with qtbot.waitSignal(n.sent, timeout=10_000):
        n.show("Time for the mat", "You've been sitting for 1 hour", actions)
    assert n.current_id == first, "shown again: replaced, not stacked"
    calls = server.calls()
    assert [c["replaces"] for c in calls] == [0, first]
    assert calls[0]["actions"] == [
        "start",
        "Start desk break",
        "snooze",
        "Snooze 10 min",
        "moved",
        "I just moved",
    ]
    assert calls[1]["body"] == "You've been sitting for 1 hour"
    assert calls[0]["timeout"] == 0, "stays until answered"


def test_the_desktop_entry_hint_names_the_app(qtbot: QtBot, server: Server) -> None:
    n = DesktopNotifications(
        connect(server.address),
        address=server.address,
        desktop_entry=DESKTOP_FILE_ID,
        category=None,
        resident=False,
    )
    with qtbot.waitSignal(n.sent, timeout=10_000):
        assert n.show("Back and neck: 20 minutes done", "", [])
    call = server.calls()[-1]
    assert call["hints"] == ["desktop-entry", "resident"]
    assert call["summary"] == "Back and neck: 20 minutes done"


def test_actions_and_dismissal_come_back_as_signals(qtbot: QtBot, server: Server) -> None:
    n = notifier(server.address)
    with qtbot.waitSignal(n.sent, timeout=10_000):
        n.show("Time for the mat", "body", [("moved", "I just moved")])
    with qtbot.waitSignal(n.action_invoked, timeout=10_000) as got:
        server.gdbus("Invoke", f"uint32 {n.current_id}", "'moved'")
    assert got.args == ["moved"]
    with qtbot.waitSignal(n.sent, timeout=10_000):
        n.show("Time for the mat", "again", [("moved", "I just moved")])
    with qtbot.waitSignal(n.dismissed, timeout=10_000):
        server.gdbus("Dismiss", f"uint32 {n.current_id}", "uint32 2")
    assert n.current_id == 0


def test_close_withdraws_without_reporting_a_dismissal(qtbot: QtBot, server: Server) -> None:
    n = notifier(server.address)
    with qtbot.waitSignal(n.sent, timeout=10_000):
        n.show("Time for the mat", "body", [("start", "Start desk break")])
    shown = n.current_id
    dismissed: list[bool] = []
    n.dismissed.connect(lambda: dismissed.append(True))
    n.close()
    qtbot.waitUntil(
        lambda: any(c["method"] == "CloseNotification" for c in server.calls()), timeout=10_000
    )
    assert [c["id"] for c in server.calls() if c["method"] == "CloseNotification"] == [shown]
    qtbot.waitUntil(lambda: not n.busy, timeout=10_000)
    qtbot.wait(200)  # let the NotificationClosed signal arrive, if it were to be reported
    assert dismissed == []


def test_no_server_means_unavailable(qapp: object, bus_address: str) -> None:
    n = notifier(bus_address)  # the daemon runs, but nobody owns the name
    assert not n.available()
    dead = connect("unix:path=/nonexistent/bus")
    assert not DesktopNotifications(dead).available()


def test_without_gdbus_it_is_unavailable(server: Server) -> None:
    assert notifier(server.address).available()
    lacking = DesktopNotifications(connect(server.address), address=server.address, gdbus="")
    assert not lacking.available()
