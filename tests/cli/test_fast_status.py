"""``acumat status --json``'s short path: the same output as the full command line, and a quiet
hand-over to it whenever anything is unexpected."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from acumat_desktop import APP_NAME
from acumat_desktop.cli import fast_status
from tests.harness.control_socket import fake_control_socket


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bytes]]:
    """A socket where the app's would be; answers each request with the next queued line."""
    runtime = tmp_path / "run"
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    replies: list[bytes] = []

    def answer(conn: socket.socket) -> None:
        if conn.recv(4096):  # a probe of whether the app runs sends nothing
            conn.sendall(replies.pop(0))

    with fake_control_socket(runtime, answer):
        yield replies


def test_prints_the_status_exactly_as_the_full_command_line_does(
    server: list[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    status = {"version": "1", "session": {"state": "idle", "remaining_s": 0.0}, "tray": {}}
    server.append(json.dumps({"v": 1, "id": 1, "ok": True, "result": status}).encode() + b"\n")
    assert fast_status.status_json() == 0
    assert capsys.readouterr().out == json.dumps(status, separators=(",", ":")) + "\n"


@pytest.mark.parametrize(
    "reply",
    [
        b'{"v": 1, "id": 1, "ok": false, "error": {"code": "busy", "message": "busy"}}\n',
        b"not json\n",
        b"",
    ],
)
def test_anything_unexpected_is_left_to_the_full_command_line(
    server: list[bytes], capsys: pytest.CaptureFixture[str], reply: bytes
) -> None:
    server.append(reply)
    assert fast_status.status_json() is None
    assert capsys.readouterr().out == ""


def test_no_app_is_left_to_the_full_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert fast_status.status_json() is None


def test_the_short_path_loads_neither_qt_nor_the_command_line() -> None:
    code = (
        "import sys, acumat_desktop.cli.fast_status;"
        "print(sorted(m for m in ('argparse', 'PySide6', 'pydantic', 'platformdirs') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    ).stdout
    assert out.strip() == "[]"


def test_the_socket_is_where_the_app_listens() -> None:
    assert fast_status.APP_NAME == APP_NAME


def test_a_reply_nested_past_the_recursion_limit_is_left_to_the_full_command_line(
    server: list[bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    nested = b"[" * 100_000 + b"]" * 100_000
    server.append(b'{"v": 1, "id": 1, "ok": true, "result": ' + nested + b"}\n")
    assert fast_status.status_json() is None
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    "status",
    [
        {"version": "0.1.0", "session": {"state": "running", "remaining_s": 299.875}},
        {"routine": "Rücken & Nacken", "emoji": "\U0001f9d8", "limits": [1e-7, 1e21, -0.0]},
        {"reminders": {"state": None, "can_snooze": False}, "tray": {}},
    ],
)
def test_the_same_output_as_the_full_command_line(
    server: list[bytes], capsys: pytest.CaptureFixture[str], status: dict[str, object]
) -> None:
    from acumat_desktop.cli.main import main as cli_main

    reply = json.dumps({"v": 1, "id": 1, "ok": True, "result": status}).encode() + b"\n"
    server.extend([reply, reply])
    assert cli_main(["status", "--json"]) == 0
    full = capsys.readouterr().out
    assert fast_status.status_json() == 0
    assert capsys.readouterr().out == full


HOOK = Path(__file__).parents[2] / "packaging" / "pyinstaller" / "rth_status_fast.py"


def _run_hook(*argv: str) -> subprocess.CompletedProcess[str]:
    """The frozen bundle's first runtime hook, run as the bootloader runs it (a script)."""
    return subprocess.run(
        [sys.executable, str(HOOK), *argv],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
    )


def test_the_frozen_bundles_first_hook_answers_and_ends_the_process(
    server: list[bytes],
) -> None:
    status = {"session": {"state": "idle"}}
    server.append(json.dumps({"v": 1, "id": 1, "ok": True, "result": status}).encode() + b"\n")
    done = _run_hook("status", "--json")
    assert (done.returncode, done.stdout) == (0, json.dumps(status, separators=(",", ":")) + "\n")


def test_the_frozen_bundles_first_hook_lets_anything_else_through(
    server: list[bytes],
) -> None:
    server.append(b'{"v": 1, "id": 1, "ok": false, "error": {"code": "busy"}}\n')
    for argv in (("status", "--json"), ("status",), ("start", "--json")):
        done = _run_hook(*argv)  # the bundle goes on: the other hooks, then the full CLI
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
