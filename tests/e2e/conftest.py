"""End-to-end fixtures: one private desktop per test session, fresh XDG folders per test."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.harness.desktop import Desktop, HarnessError, missing_tools, wait_for

TOOLS = ("Xvfb", "trayer", "dbus-daemon", "pulseaudio", "pactl", "xwininfo", "xdotool", "import")
ACUMAT = str(Path(sys.executable).with_name("acumat"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    missing = missing_tools(*TOOLS)
    if missing:
        pytest.skip(
            f"end-to-end tests need {', '.join(missing)} "
            "(see README: the test command installs them)"
        )
    if not Path(ACUMAT).exists():
        pytest.skip(f"the acumat command is not installed next to {sys.executable}")
    desk = Desktop(tmp_path_factory.mktemp("desktop"))
    try:
        desk.start_xvfb()
        desk.start_dbus()
        desk.start_pulse()
        desk.start_tray()
    except (HarnessError, OSError):
        desk.close()
        raise
    yield desk
    desk.close()


class AppRunner:
    """Runs the installed ``acumat`` with the private desktop and this test's own folders."""

    def __init__(self, desktop: Desktop, env: dict[str, str], root: Path) -> None:
        self.desktop = desktop
        self.env = env
        self.root = root
        self.procs: list[subprocess.Popen[bytes]] = []

    def run(self, *args: str, timeout: float = 30, **kw: Any) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [ACUMAT, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            **kw,
        )

    def launch(self, *args: str) -> subprocess.Popen[bytes]:
        log = (self.root / f"app-{len(self.procs)}.log").open("wb")
        proc = subprocess.Popen(
            [ACUMAT, *args],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.procs.append(proc)
        return proc

    def status(self) -> dict[str, Any] | None:
        result = self.run("status", "--json", timeout=10)
        return json.loads(result.stdout) if result.returncode == 0 else None

    def wait_running(self, timeout: float = 30) -> dict[str, Any]:
        status = wait_for(self.status, timeout, "AcuMat to answer on its control socket", 0.1)
        assert isinstance(status, dict)
        return status

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.root.glob("app-*.log")))

    @property
    def settings_file(self) -> Path:
        return Path(self.env["XDG_CONFIG_HOME"]) / "acumat-desktop" / "settings.json"

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(5)


@pytest.fixture
def acumat(desktop: Desktop, xdg_dirs: dict[str, Path], tmp_path: Path) -> Iterator[AppRunner]:
    env = {**os.environ, **desktop.env, **{k: str(v) for k, v in xdg_dirs.items()}}
    env.pop("QT_QPA_PLATFORM", None)  # a real X server here
    env["QT_QPA_PLATFORM"] = "xcb"
    runner = AppRunner(desktop, env, tmp_path)
    # A first run holds a session behind the safety note until it is read (tests/e2e/
    # test_first_run_e2e.py tests that); the other tests start sessions as a regular user.
    runner.run("settings", "set", "session.safety_note_seen", "true")
    yield runner
    runner.run("quit", timeout=10)
    runner.stop_all()
