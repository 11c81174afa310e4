"""The foundation end to end: the installed ``acumat`` on Xvfb with a real XEmbed tray."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time

from acumat_desktop.core.status import Status
from acumat_desktop.settings.codec import decode
from tests.e2e.conftest import ACUMAT, AppRunner
from tests.harness.desktop import tray_icons, wait_for


def visible_windows(runner: AppRunner, name: str = "^AcuMat$") -> list[tuple[int, int]]:
    """Sizes of the visible top-level windows titled ``name``."""
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env=runner.env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    sizes = []
    for wid in found:
        geometry = subprocess.run(
            ["xdotool", "getwindowgeometry", wid],
            env=runner.env,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for line in geometry.splitlines():
            if "Geometry:" in line:
                width, height = line.split(":")[1].strip().split("x")
                sizes.append((int(width), int(height)))
    return sizes


def main_window_shown(runner: AppRunner) -> bool:
    return any(w > 200 and h > 200 for w, h in visible_windows(runner))


def test_minimized_start_puts_an_icon_in_the_tray_and_shows_no_window(acumat: AppRunner) -> None:
    acumat.launch("--minimized")
    status = acumat.wait_running()
    assert status["tray"]["available"] is True
    wait_for(lambda: tray_icons(acumat.desktop.x_tree()), 15, "AcuMat's icon in trayer's panel")
    assert not main_window_shown(acumat)


def test_second_launch_raises_the_first_window_and_exits(acumat: AppRunner) -> None:
    first = acumat.launch("--minimized")
    acumat.wait_running()
    assert not main_window_shown(acumat)
    second = acumat.run(timeout=20)
    assert second.returncode == 0, second.stderr
    wait_for(lambda: main_window_shown(acumat), 10, "the first instance's window")
    assert first.poll() is None, "the first instance must keep running"
    assert len(tray_icons(acumat.desktop.x_tree())) == 1, "exactly one instance in the tray"


def test_status_json_follows_the_contract(acumat: AppRunner) -> None:
    acumat.launch("--minimized")
    acumat.wait_running()
    result = acumat.run("status", "--json")
    assert result.returncode == 0
    assert result.stdout.count("\n") == 1, "one JSON object on one line"
    raw = json.loads(result.stdout)
    Status.model_validate(raw)  # extra="forbid": no missing or unknown keys
    assert set(raw) == {"version", "session", "sitting", "reminders", "audio", "tray"}
    assert raw["session"]["state"] == "idle"
    assert isinstance(raw["sitting"]["source"], str)


def test_commands_without_a_running_app_exit_3(acumat: AppRunner) -> None:
    for command in (["status"], ["status", "--json"], ["show"], ["quit"]):
        result = acumat.run(*command)
        assert result.returncode == 3, command
        assert "AcuMat is not running" in result.stderr


def test_settings_set_goes_through_the_running_app(acumat: AppRunner) -> None:
    acumat.launch("--minimized")
    acumat.wait_running()
    assert acumat.run("settings", "set", "reminders.sit_limit", "15s").returncode == 0
    assert acumat.run("settings", "get", "reminders.sit_limit").stdout.strip() == "PT15S"
    bad = acumat.run("settings", "set", "reminders.sit_limit", "soon")
    assert bad.returncode == 2
    assert "reminders.sit_limit" in bad.stderr
    # The app saves (debounced) and the value is on disk.
    wait_for(
        lambda: (
            acumat.settings_file.exists()
            and decode(
                acumat.settings_file.read_text()
            ).settings.reminders.sit_limit.total_seconds()
            == 15
        ),
        10,
        "the debounced save",
    )
    assert acumat.run("quit").returncode == 0
    wait_for(lambda: acumat.procs[0].poll() is not None, 15, "the app to quit")
    assert acumat.procs[0].returncode == 0
    assert "Traceback" not in acumat.log_text(), "quitting must be clean"


def test_corrupt_settings_are_kept_aside_and_the_app_starts(acumat: AppRunner) -> None:
    acumat.settings_file.parent.mkdir(parents=True, exist_ok=True)
    garbage = b'{"schema_version": 1, "sound": {"master_volume": 7, "muted": true}, "remi'
    acumat.settings_file.write_bytes(garbage)
    acumat.launch("--minimized")
    acumat.wait_running()
    aside = list(acumat.settings_file.parent.glob("settings.json.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == garbage
    assert decode(acumat.settings_file.read_text()).clean


def test_invalid_keys_fall_back_alone(acumat: AppRunner) -> None:
    acumat.settings_file.parent.mkdir(parents=True, exist_ok=True)
    acumat.settings_file.write_text(
        json.dumps({"schema_version": 1, "sound": {"master_volume": 7, "muted": True}})
    )
    acumat.launch("--minimized")
    acumat.wait_running()
    assert acumat.run("settings", "get", "sound.muted").stdout.strip() == "true"
    assert acumat.run("settings", "get", "sound.master_volume").stdout.strip() == "0.6"
    assert list(acumat.settings_file.parent.glob("settings.json.corrupt-*"))


def test_sigkill_during_repeated_settings_set_never_leaves_a_broken_file(acumat: AppRunner) -> None:
    """The CLI writes the file itself when no app runs; kill it at random instants."""
    rng = random.Random(20261124)
    # The kill instants cover the writer's real lifetime on this machine, start to exit.
    started = time.monotonic()
    assert acumat.run("settings", "set", "sound.master_volume", "0.5").returncode == 0
    lifetime = time.monotonic() - started
    killed = 0
    for round_ in range(24):
        value = f"0.{round_ % 9 + 1}"
        proc = subprocess.Popen(
            [ACUMAT, "settings", "set", "sound.master_volume", value],
            env=acumat.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, lifetime))  # a random instant to kill at, not synchronisation
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        text = acumat.settings_file.read_text()
        decoded = decode(text)
        assert decoded.clean, (round_, text)
    assert killed > 0, "no writer was killed: the test proved nothing"


def test_two_simultaneous_launches_make_one_instance(acumat: AppRunner) -> None:
    first = acumat.launch("--minimized")
    second = acumat.launch("--minimized")
    acumat.wait_running()
    wait_for(lambda: (first.poll() is None) != (second.poll() is None), 20, "one launch to exit")
    loser = first if first.poll() is not None else second
    assert loser.returncode == 0
    wait_for(lambda: tray_icons(acumat.desktop.x_tree()), 15, "the tray icon")
    assert len(tray_icons(acumat.desktop.x_tree())) == 1
