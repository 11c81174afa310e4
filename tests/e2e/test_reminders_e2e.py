"""The reminder loop end to end: the installed ``acumat`` on Xvfb with the real X11 idle source.

Input comes from xdotool (XTest), which the X server counts as user input; the poll interval is
shortened with ACUMAT_IDLE_POLL_MS so the whole file stays well under a minute and a half.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for

TITLE = "Time for the mat"  # Qt appends " — AcuMat" (the display name) itself
SETTINGS = (
    ("reminders.sit_limit", "15s"),
    ("reminders.natural_break", "6s"),
    ("reminders.quiet_hours", "false"),
    ("reminders.work_days", "mon,tue,wed,thu,fri,sat,sun"),
)


class Fidget:
    """Moves the pointer a pixel back and forth every ``every`` seconds while running."""

    def __init__(self, env: dict[str, str], every: float = 0.5) -> None:
        self.env = env
        self.every = every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        step = 1
        while not self._stop.is_set():
            subprocess.run(
                ["xdotool", "mousemove_relative", "--", str(step), "0"],
                env=self.env,
                check=False,
                capture_output=True,
                timeout=5,
            )
            step = -step
            self._stop.wait(self.every)  # the pace of the simulated user, not synchronisation

    def __enter__(self) -> Fidget:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)


def reminder_windows(runner: AppRunner) -> list[str]:
    return subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", TITLE],
        env=runner.env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()


def start_app(acumat: AppRunner) -> None:
    acumat.env["ACUMAT_IDLE_POLL_MS"] = "400"
    acumat.launch("--minimized")
    status = acumat.wait_running()
    assert status["sitting"]["source"] == "x11"
    for key, value in SETTINGS:
        result = acumat.run("settings", "set", key, value)
        assert result.returncode == 0, result.stderr


def sitting(acumat: AppRunner) -> float:
    status = acumat.status()
    assert status is not None
    return float(status["sitting"]["active_s"])


@pytest.fixture
def fullscreen(acumat: AppRunner) -> Iterator[str]:
    """A mapped client window marked fullscreen and active, as an EWMH window manager would."""
    proc = subprocess.Popen(
        ["xmessage", "-name", "acumat-slides", "slides"], env=acumat.env, stderr=subprocess.DEVNULL
    )
    try:
        found = subprocess.run(
            ["xdotool", "search", "--sync", "--classname", "acumat-slides"],
            env=acumat.env,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
        yield found.stdout.split()[0]
    finally:
        proc.terminate()
        proc.wait(10)
        xprop(acumat, "-root", "-remove", "_NET_ACTIVE_WINDOW")


def xprop(acumat: AppRunner, *args: str) -> None:
    subprocess.run(["xprop", *args], env=acumat.env, check=True, capture_output=True, timeout=10)


def test_sitting_brings_the_reminder_snooze_shows_and_a_break_resets(
    acumat: AppRunner, tmp_path: Path
) -> None:
    start_app(acumat)
    with Fidget(acumat.env):
        wait_for(lambda: reminder_windows(acumat), 40, "the reminder window")
        shot = acumat.desktop.screenshot(tmp_path / "reminder.png")
        print(f"screenshot: {shot}")
        status = acumat.status()
        assert status is not None
        assert status["sitting"]["active_s"] >= 15
        assert status["reminders"]["shown_today"] >= 1
        assert status["reminders"]["last_shown_at"]

        snooze = acumat.run("reminders", "snooze", "5")
        assert snooze.returncode == 0, snooze.stderr
        status = acumat.status()
        assert status is not None
        assert status["reminders"]["snoozed_until"]
        wait_for(lambda: not reminder_windows(acumat), 10, "the snoozed reminder to go")
    # No input for longer than the natural break (6 s): the user stood up.
    wait_for(lambda: sitting(acumat) == 0, 20, "sitting.active_s to reset after a break")
    assert acumat.status()["reminders"]["snoozed_until"] is None  # type: ignore[index]


def test_a_fullscreen_window_defers_the_reminder_until_it_goes(
    acumat: AppRunner, fullscreen: str
) -> None:
    start_app(acumat)
    xprop(
        acumat,
        "-id",
        fullscreen,
        "-f",
        "_NET_WM_STATE",
        "32a",
        "-set",
        "_NET_WM_STATE",
        "_NET_WM_STATE_FULLSCREEN",
    )
    xprop(
        acumat, "-root", "-f", "_NET_ACTIVE_WINDOW", "32c", "-set", "_NET_ACTIVE_WINDOW", fullscreen
    )
    with Fidget(acumat.env):
        wait_for(lambda: sitting(acumat) >= 19, 40, "sitting past the limit")
        assert not reminder_windows(acumat), "no reminder over a fullscreen window"
        assert acumat.status()["reminders"]["shown_today"] == 0  # type: ignore[index]
        xprop(acumat, "-id", fullscreen, "-remove", "_NET_WM_STATE")
        wait_for(lambda: reminder_windows(acumat), 35, "the deferred reminder")
