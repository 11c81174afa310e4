"""First run end to end: a session started from the command line before the safety note was read
waits, paused, behind the note inside the one main window (no second window beside or behind)."""

from __future__ import annotations

from tests.e2e.conftest import AppRunner
from tests.e2e.test_foundation_e2e import main_window_shown, visible_windows
from tests.harness.desktop import wait_for


def test_a_cli_start_before_the_note_waits_in_the_main_window(acumat: AppRunner) -> None:
    unread = acumat.run("settings", "set", "session.safety_note_seen", "false")
    assert unread.returncode == 0, unread.stderr  # a first run, whatever the fixture set
    acumat.launch("--minimized")
    acumat.wait_running()
    started = acumat.run("start", "sleep", "--minutes", "5", "--sound", "none", timeout=60)
    assert started.returncode == 0, started.stderr

    def paused() -> bool:
        status = acumat.status()
        return status is not None and status["session"]["state"] == "paused"

    wait_for(paused, 10, "the session to wait behind the safety note")
    wait_for(lambda: main_window_shown(acumat), 10, "the main window, brought forward")
    assert visible_windows(acumat, "Before you lie down") == []  # not a window of its own
    assert len(visible_windows(acumat)) == 1
    status = acumat.status()
    assert status is not None and status["session"]["remaining_s"] == 300.0
