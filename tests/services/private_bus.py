"""A private D-Bus daemon with the fake desktop service on it, for the D-Bus backed tests.

QtDBus makes its session bus connection once per process, so tests never touch
``QDBusConnection.sessionBus()``: they connect by address under a unique name and hand that
connection to the code under test.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage

FAKE = Path(__file__).with_name("fake_dbus_service.py")
_names = itertools.count()


def _readline(stream: object, deadline: float) -> str:
    fd = stream.fileno()  # type: ignore[attr-defined]
    buf = b""
    while not buf.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no line within the deadline (got {buf!r})")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 1)
            if not chunk:
                raise EOFError(buf.decode())
            buf += chunk
    return buf.decode().strip()


@dataclass
class FakeDesktop:
    address: str
    control: QDBusConnection

    def connect(self) -> QDBusConnection:
        """A fresh connection for the code under test."""
        bus = QDBusConnection.connectToBus(self.address, f"acumat-test-{next(_names)}")
        assert bus.isConnected()
        return bus

    def _call(self, member: str, *args: str) -> None:
        msg = QDBusMessage.createMethodCall("org.acumat.Fake", "/", "org.acumat.Fake", member)
        msg.setArguments(list(args))
        reply = self.control.call(msg)
        assert reply.type() == QDBusMessage.MessageType.ReplyMessage, reply.errorMessage()

    def set(self, key: str, value: str) -> None:
        self._call("Set", key, value)

    def emit(self, path: str, interface: str, member: str, value: str) -> None:
        self._call("Emit", path, interface, member, value)


@contextlib.contextmanager
def bus_with_service(script: Path, name: str) -> Iterator[tuple[str, QDBusConnection]]:
    """A private dbus-daemon with the fake service ``script`` on it, ready: its address and a
    connection named ``name``-N for the test to steer the service with (skips the test where
    dbus-daemon is missing)."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
    )
    service: subprocess.Popen[bytes] | None = None
    try:
        address = _readline(daemon.stdout, time.monotonic() + 10)
        service = subprocess.Popen([sys.executable, str(script), address], stdout=subprocess.PIPE)
        assert _readline(service.stdout, time.monotonic() + 20) == "ready"
        control = QDBusConnection.connectToBus(address, f"{name}-{next(_names)}")
        yield address, control
        QDBusConnection.disconnectFromBus(control.name())
    finally:
        for proc in (service, daemon):
            if proc is not None:
                proc.terminate()
                proc.wait(10)


@pytest.fixture(scope="module")
def fake_desktop(qapp: object) -> Iterator[FakeDesktop]:
    with bus_with_service(FAKE, "acumat-control") as (address, control):
        yield FakeDesktop(address, control)
