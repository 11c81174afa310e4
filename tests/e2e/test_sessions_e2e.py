"""Sessions end to end: the CLI drives the running app on Xvfb; status --json tells the truth."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from acumat_desktop.core.status import Status
from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for


def session(runner: AppRunner) -> dict[str, object]:
    status = runner.status()
    assert status is not None
    Status.model_validate(status)
    session_part: dict[str, object] = status["session"]
    return session_part


def test_start_pause_resume_stop_through_the_cli(acumat: AppRunner) -> None:
    assert acumat.run("settings", "set", "session.countdown", "0s").returncode == 0
    # `start` launches the app itself when it is not running.
    started = acumat.run("start", "sleep", "--minutes", "3", "--sound", "none", timeout=60)
    assert started.returncode == 0, started.stderr
    now = session(acumat)
    assert now["state"] == "running"
    assert now["routine"] == "sleep"
    assert now["planned_s"] == 180.0
    routines = {r["id"]: r for r in json.loads(acumat.run("routines", "--json").stdout)}
    assert now["breathing"]["pattern"] == routines["sleep"]["breathing"]  # type: ignore[index]
    breathing = now["breathing"]
    assert breathing["phase"] in ("inhale", "hold", "exhale", "rest")  # type: ignore[index]
    assert isinstance(breathing["phase_remaining_s"], float)  # type: ignore[index]

    assert acumat.run("pause").returncode == 0
    paused = session(acumat)
    assert paused["state"] == "paused"
    frozen = paused["remaining_s"]
    wait_for(lambda: session(acumat)["remaining_s"] == frozen, 5, "a frozen remaining time")
    again = acumat.run("pause")
    assert again.returncode == 2
    assert "paused" in again.stderr

    assert acumat.run("resume").returncode == 0
    wait_for(lambda: session(acumat)["remaining_s"] < frozen, 5, "time running again")  # type: ignore[operator]
    assert session(acumat)["state"] == "running"

    assert acumat.run("stop").returncode == 0
    assert session(acumat)["state"] == "idle"
    history = Path(acumat.env["XDG_DATA_HOME"]) / "acumat-desktop" / "history.sqlite3"
    with sqlite3.connect(history) as db:
        rows = db.execute("SELECT routine_id, completed FROM sessions").fetchall()
    assert rows == [("sleep", 0)]


def test_bad_start_arguments_exit_2_and_start_nothing(acumat: AppRunner) -> None:
    acumat.launch("--minimized")
    acumat.wait_running()
    for argv, named in (
        (["start", "nap"], "nap"),
        (["start", "sleep", "--minutes", "99"], "99"),
        (["start", "sleep", "--breathing", "panting"], "panting"),
        (["start", "sleep", "--minutes", "soon"], "soon"),
        (["start", "sleep", "--sound", "traffic"], "traffic"),
    ):
        result = acumat.run(*argv)
        assert result.returncode == 2, argv
        assert named in result.stderr
    assert session(acumat)["state"] == "idle"


def test_routines_and_patterns_lists(acumat: AppRunner) -> None:
    routines = json.loads(acumat.run("routines", "--json").stdout)
    ids = {r["id"] for r in routines}
    assert {
        "first-time",
        "back-neck",
        "muscle-recovery",
        "stress-release",
        "sleep",
        "desk-break",
        "tired-feet",
        "reading-tv",
        "headache",
        "cellulite",
    } <= ids
    for row in routines:
        assert {
            "id",
            "name",
            "minutes",
            "min_minutes",
            "max_minutes",
            "position",
            "breathing",
            "sound",
        } <= set(row)
    patterns = {p["id"] for p in json.loads(acumat.run("patterns", "--json").stdout)}
    assert {"resonance", "relax-4-6", "box", "4-7-8", "cyclic-sigh", "none"} <= patterns


def test_pause_without_a_session_or_app(acumat: AppRunner) -> None:
    assert acumat.run("pause").returncode == 3
    acumat.launch("--minimized")
    acumat.wait_running()
    result = acumat.run("stop")
    assert result.returncode == 2
    assert "idle" in result.stderr
