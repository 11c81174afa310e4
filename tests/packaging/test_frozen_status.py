"""The .deb's frozen ``acumat status --json``: answered before PyInstaller's runtime hooks load
Qt (status bars run it every few seconds), with the same output as the full command line.

A socket stands where the app's would be; when the frozen client connects, the socket's peer
credentials name its process, whose memory map says whether Qt is loaded at that moment.
Skips, as tests/packaging/test_deb.py does, until ``packaging/linux/build-deb.sh`` has run.
"""

from __future__ import annotations

import json
import socket
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.harness.control_socket import fake_control_socket
from tests.packaging import test_deb
from tests.packaging.test_deb import LIB, clean_env

deb = test_deb.deb  # the fixtures of test_deb.py: the built package, unpacked
unpacked = test_deb.unpacked

STATUS = {"version": "0.1.0", "session": {"state": "idle", "remaining_s": 0.0}, "tray": {}}


@dataclass
class FakeApp:
    runtime: Path
    reply: bytes = b""  # the answer to every request
    qt_loaded: list[bool] = field(default_factory=list)  # per request, when it came


def _peer_maps_qt(conn: socket.socket) -> bool:
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid = struct.unpack("3i", creds)[0]
    return "libQt6Core" in Path(f"/proc/{pid}/maps").read_text()


@pytest.fixture
def fake_app(tmp_path: Path) -> Iterator[FakeApp]:
    app = FakeApp(tmp_path / "run")

    def answer(conn: socket.socket) -> None:
        loaded = _peer_maps_qt(conn)  # as the client connects
        if conn.recv(4096):  # not a mere probe of whether the app runs
            app.qt_loaded.append(loaded)
            conn.sendall(app.reply)

    with fake_control_socket(app.runtime, answer):
        yield app


def _frozen(root: Path, home: Path, runtime: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**clean_env(home), "XDG_RUNTIME_DIR": str(runtime)}
    return subprocess.run(
        [str(root / LIB / "acumat"), *argv],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_frozen_status_answers_before_qt_loads(
    unpacked: Path,
    tmp_path: Path,
    fake_app: FakeApp,
) -> None:
    fake_app.reply = json.dumps({"v": 1, "id": 1, "ok": True, "result": STATUS}).encode() + b"\n"
    done = _frozen(unpacked, tmp_path, fake_app.runtime, "status", "--json")
    assert (done.returncode, done.stdout) == (0, json.dumps(STATUS, separators=(",", ":")) + "\n")
    assert fake_app.qt_loaded == [False]


def test_frozen_status_hands_an_error_to_the_full_command_line(
    unpacked: Path,
    tmp_path: Path,
    fake_app: FakeApp,
) -> None:
    error = {"v": 1, "id": 1, "ok": False, "error": {"code": "failed", "message": "no status"}}
    fake_app.reply = json.dumps(error).encode() + b"\n"
    done = _frozen(unpacked, tmp_path, fake_app.runtime, "status", "--json")
    assert done.returncode == 1
    assert "no status" in done.stderr
    # The short path asked first; then the bundle went on, through its hooks, to the full CLI.
    assert fake_app.qt_loaded[0] is False
    assert len(fake_app.qt_loaded) > 1
