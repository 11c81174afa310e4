"""A private PulseAudio server with a null sink, and a way to measure what it plays.

Reusable: ``start_pulseaudio(tmp_dir)`` returns the environment to give a client
(``PULSE_SERVER``) and a stop function; ``record_stats(env)`` records the null sink's monitor
with sox for an exact length and returns sox's ``stat`` figures; ``pulse_server`` is a
module-scoped pytest fixture that also exports PULSE_SERVER to this process (Qt reads it when
QtMultimedia first talks to the sound server, so use it before anything touches QMediaDevices).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

SINK = "test"
HAVE_PULSE = shutil.which("pulseaudio") is not None and shutil.which("sox") is not None
needs_pulse = pytest.mark.skipif(not HAVE_PULSE, reason="pulseaudio and sox are not installed")


def start_pulseaudio(
    tmp_dir: Path, sink: str = SINK, timeout: float = 10.0
) -> tuple[dict[str, str], Callable[[], None]]:
    """Start ``pulseaudio`` on a private socket in ``tmp_dir`` with a null sink named ``sink``."""
    tmp_dir.mkdir(parents=True, exist_ok=True)
    sock = tmp_dir / "pulse.sock"
    home = tmp_dir / "home"
    runtime = tmp_dir / "runtime"
    for d in (home, runtime):
        d.mkdir(exist_ok=True, mode=0o700)
    server_env = dict(os.environ, HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    server_env.pop("PULSE_SERVER", None)
    server_env.pop("DISPLAY", None)
    cmd = [
        "pulseaudio",
        "-n",
        "--daemonize=no",
        "--exit-idle-time=-1",
        "--disallow-exit",
        "--system=false",
        "--disable-shm=true",
        "-L",
        f"module-native-protocol-unix auth-anonymous=1 socket={sock}",
        "-L",
        f"module-null-sink sink_name={sink}",
        "-L",
        "module-always-sink",
    ]
    log = (tmp_dir / "pulseaudio.log").open("wb")
    proc = subprocess.Popen(cmd, env=server_env, stdout=log, stderr=subprocess.STDOUT)

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        log.close()

    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            stop()
            text = (tmp_dir / "pulseaudio.log").read_text(errors="replace")
            raise RuntimeError(f"pulseaudio exited ({proc.returncode}):\n{text}")
        if _accepts(sock):
            break
        if time.monotonic() > deadline:
            stop()
            raise RuntimeError("pulseaudio did not open its socket in time")
        time.sleep(0.05)  # waiting for an external process, not synchronising Qt
    return {"PULSE_SERVER": f"unix:{sock}"}, stop


def _accepts(sock: Path) -> bool:
    if not sock.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        try:
            s.connect(str(sock))
        except OSError:
            return False
    return True


def record_stats(env: dict[str, str], seconds: float = 1.0, sink: str = SINK) -> dict[str, float]:
    """Record exactly ``seconds`` of the sink's monitor; sox ``stat`` figures by name."""
    result = subprocess.run(
        [
            "sox",
            "-q",
            "-t",
            "pulseaudio",
            f"{sink}.monitor",
            "-n",
            "trim",
            "0",
            str(seconds),
            "stat",
        ],
        # without a latency hint the client asks for ~2 s fragments and each recording
        # takes 2-4 s longer than its length
        env=dict(os.environ, PULSE_LATENCY_MSEC="50", **env),
        capture_output=True,
        text=True,
        timeout=seconds + 15,
        check=True,
    )
    stats: dict[str, float] = {}
    for line in result.stderr.splitlines():
        m = re.match(r"^(.+?):\s+(-?[\d.]+(?:e[-+]?\d+)?)\s*$", line.strip())
        if m:
            stats[m.group(1).strip()] = float(m.group(2))
    return stats


def record_rms(env: dict[str, str], seconds: float = 1.0, sink: str = SINK) -> float:
    return record_stats(env, seconds, sink)["RMS     amplitude"]


@pytest.fixture(scope="module")
def pulse_server() -> Iterator[dict[str, str]]:
    """A private PulseAudio for this module, exported to this process as PULSE_SERVER."""
    if not HAVE_PULSE:
        pytest.skip("pulseaudio and sox are not installed")
    tmp = Path(tempfile.mkdtemp(prefix="acumat-pulse-"))
    env, stop = start_pulseaudio(tmp)
    previous = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = env["PULSE_SERVER"]
    try:
        yield env
    finally:
        if previous is None:
            os.environ.pop("PULSE_SERVER", None)
        else:
            os.environ["PULSE_SERVER"] = previous
        stop()
        shutil.rmtree(tmp, ignore_errors=True)
