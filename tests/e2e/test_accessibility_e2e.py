"""What a screen reader gets: the app's AT-SPI tree, read with Debian's pyatspi."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for

DUMP = Path(__file__).resolve().parents[1] / "harness" / "atspi_dump.py"
SYSTEM_PYTHON = "/usr/bin/python3"
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "spin button",
    "combo box",
    "slider",
    "text",
    "menu item",
    "list item",
    "page tab",
}


def atspi_tree(runner: AppRunner) -> list[tuple[int, str, str, str]]:
    result = subprocess.run(
        [SYSTEM_PYTHON, str(DUMP), "acumat-desktop"],
        env=runner.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    rows = []
    for line in result.stdout.splitlines():
        depth, role, name, description = [*line.split("\t"), "", "", ""][:4]
        rows.append((int(depth), role, name, description))
    return rows


@pytest.fixture
def accessible(acumat: AppRunner) -> AppRunner:
    probe = (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
        if shutil.which(SYSTEM_PYTHON)
        else None
    )
    if probe is None or probe.returncode != 0:
        pytest.skip("Debian's python3-pyatspi is needed to read the accessibility tree")
    acumat.env["QT_LINUX_ACCESSIBILITY_ALWAYS_ON"] = "1"
    acumat.env["NO_AT_BRIDGE"] = "0"
    return acumat


def test_session_page_speaks_to_a_screen_reader(accessible: AppRunner) -> None:
    assert accessible.run("settings", "set", "session.countdown", "0s").returncode == 0
    accessible.launch()
    accessible.wait_running()
    assert accessible.run("start", "sleep", "--sound", "none").returncode == 0
    tree: list[tuple[int, str, str, str]] = []

    def has_timer() -> bool:
        tree[:] = atspi_tree(accessible)
        return any(name == "Session timer" for _, _, name, _ in tree)

    wait_for(has_timer, 30, "the session timer in the accessibility tree", interval=0.5)
    roles = {(role, name) for _, role, name, _ in tree}
    assert ("frame", "AcuMat") in roles
    for wanted in ("Pause session", "Stop session", "One minute less", "One minute more"):
        assert any(name == wanted for _, _, name, _ in tree), wanted
    timer = next(row for row in tree if row[2] == "Session timer")
    assert "left" in timer[3], "the timer describes the time left"
    unnamed = [row for row in tree if row[1] in INTERACTIVE and not row[2].strip()]
    assert not unnamed, f"controls a screen reader cannot name: {unnamed}"
