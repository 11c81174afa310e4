"""History end to end: a session started and stopped through the CLI is in the running app's
history, read back with ``acumat history``."""

from __future__ import annotations

import json

from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for


def test_a_stopped_session_appears_in_the_history(acumat: AppRunner) -> None:
    assert acumat.run("settings", "set", "session.countdown", "0s").returncode == 0
    started = acumat.run("start", "sleep", "--minutes", "5", "--sound", "none", timeout=60)
    assert started.returncode == 0, started.stderr
    empty = acumat.run("history", "--json")
    assert (empty.returncode, json.loads(empty.stdout)) == (0, [])

    def ran_a_moment() -> bool:
        status = acumat.status()
        return status is not None and status["session"]["remaining_s"] < 299

    wait_for(ran_a_moment, 10, "the session to run a moment", 0.2)
    assert acumat.run("stop").returncode == 0

    result = acumat.run("history", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 1, rows
    row = rows[0]
    assert row["routine"] == "sleep" and row["routine_name"] == "Before sleep"
    assert row["completed"] is False
    assert row["planned_s"] == 300.0
    assert 1.0 <= row["actual_s"] < 60.0
    assert row["sound"] is None

    text = acumat.run("history")
    assert text.returncode == 0
    assert text.stdout.splitlines()[0].endswith("Before sleep  0 of 5 min  stopped")
    bad = acumat.run("history", "--limit", "0")
    assert bad.returncode == 2 and "limit" in bad.stderr
