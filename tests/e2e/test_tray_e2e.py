"""The tray coming and going while AcuMat runs: trayer stopped and started under a running app."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Iterator

import pytest

from tests.e2e.conftest import AppRunner
from tests.e2e.test_foundation_e2e import main_window_shown
from tests.harness.desktop import Desktop, selection_owned, tray_icons, wait_for


def tray_running(desk: Desktop) -> bool:
    return selection_owned(desk.env["DISPLAY"], "_NET_SYSTEM_TRAY_S0")


def _is_trayer(proc: subprocess.Popen[bytes]) -> bool:
    return isinstance(proc.args, list) and bool(proc.args) and proc.args[0] == "trayer"


def stop_tray(desk: Desktop) -> None:
    """End the harness's trayer (only that process group) and wait until the tray is gone."""
    for proc in [p for p in desk._procs if _is_trayer(p)]:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        desk._procs.remove(proc)
    wait_for(lambda: not tray_running(desk), 10, "the system tray to go away")


@pytest.fixture
def no_tray(acumat: AppRunner) -> Iterator[Desktop]:
    """The private desktop without its tray; the tray is back afterwards for the other tests."""
    desk = acumat.desktop
    stop_tray(desk)
    yield desk
    acumat.run("quit", timeout=10)
    if not tray_running(desk):
        desk.start_tray()


def tray_available(acumat: AppRunner) -> object:
    status = acumat.status()
    return None if status is None else status["tray"]["available"]


def test_started_without_a_tray_the_window_shows(acumat: AppRunner, no_tray: Desktop) -> None:
    acumat.launch("--minimized")
    status = acumat.wait_running()
    assert status["tray"]["available"] is False
    wait_for(lambda: main_window_shown(acumat), 15, "the window, the only way in without a tray")


def test_a_tray_started_later_gets_the_icon(acumat: AppRunner, no_tray: Desktop) -> None:
    """Before: a tray that appeared after start-up was never used."""
    acumat.launch("--minimized")
    acumat.wait_running()
    wait_for(lambda: main_window_shown(acumat), 15, "the window while there is no tray")
    no_tray.start_tray()
    wait_for(lambda: tray_icons(no_tray.x_tree()), 15, "AcuMat's icon in the new tray")
    wait_for(lambda: tray_available(acumat) is True, 10, "status to say tray.available: true")


def test_a_tray_that_goes_away_brings_the_window_forward(acumat: AppRunner) -> None:
    """Before: the app was left with no icon and no window, and status still said
    tray.available: true."""
    desk = acumat.desktop
    acumat.launch("--minimized")
    acumat.wait_running()
    wait_for(lambda: tray_icons(desk.x_tree()), 15, "AcuMat's icon in trayer's panel")
    assert not main_window_shown(acumat)
    try:
        stop_tray(desk)
        wait_for(lambda: main_window_shown(acumat), 15, "the window once the tray is gone")
        wait_for(lambda: tray_available(acumat) is False, 10, "status: tray.available false")
        assert acumat.procs[0].poll() is None, "AcuMat keeps running"
    finally:
        acumat.run("quit", timeout=10)
        if not tray_running(desk):
            desk.start_tray()
