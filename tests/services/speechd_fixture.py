"""A speech-dispatcher of the test's own (on its own socket, logging what it is given) and a
sound server for its output module: import the fixtures by name where they are used."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.services.pulse_fixture import HAVE_PULSE, start_pulseaudio

__all__ = ["private_speechd", "said_in_log", "sounding", "speaking_speechd"]


@pytest.fixture
def private_speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A speech-dispatcher of this test's own, on its own socket, logging what it is given;
    SPEECHD_ADDRESS points there. Yields its log."""
    server = shutil.which("speech-dispatcher")
    if server is None or shutil.which("spd-say") is None:
        pytest.skip("speech-dispatcher is not installed")
    sock, logs = tmp_path / "speechd.sock", tmp_path / "speechd-logs"
    logs.mkdir()
    args = [server, "-s", "-t", "60", "-c", "unix_socket", "-S", str(sock)]
    daemon = subprocess.Popen(
        [*args, "-L", str(logs), "-l", "5"],
        start_new_session=True,  # its output modules in its group, ended with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not sock.exists():
            assert daemon.poll() is None and time.monotonic() < deadline, "speechd did not start"
            time.sleep(0.05)  # a foreign process's socket: no signal to wait on
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{sock}")
        yield logs / "speech-dispatcher.log"
    finally:
        os.killpg(daemon.pid, signal.SIGKILL)
        daemon.wait(5)


@pytest.fixture
def sounding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A sound server for speech-dispatcher's output module: without one its first message
    never ends and the server stops answering."""
    if not HAVE_PULSE:
        pytest.skip("pulseaudio is not installed")
    env, stop = start_pulseaudio(tmp_path / "pulse")
    monkeypatch.setenv("PULSE_SERVER", env["PULSE_SERVER"])
    yield
    stop()


@pytest.fixture
def speaking_speechd(sounding: None, private_speechd: Path) -> Path:
    """A private speech-dispatcher that really speaks (into a private PulseAudio)."""
    return private_speechd


def said_in_log(log: Path, words: str) -> bool:
    """The server was given ``words``."""
    return log.exists() and words in log.read_text(errors="replace")
