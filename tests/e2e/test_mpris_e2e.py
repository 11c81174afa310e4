"""Media keys end to end: the installed app on the private desktop's session bus, driven through
MPRIS by gdbus (and playerctl when installed) as GNOME Shell, KDE or a headset would drive it;
``acumat status --json`` tells what the session really did."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import acumat_desktop.app
from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for

SERVICE = "org.mpris.MediaPlayer2.acumat"
PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"

pytestmark = pytest.mark.skipif(
    "MediaKeysFeature" not in Path(acumat_desktop.app.__file__).read_text(),
    reason="needs MediaKeysFeature in app.build_features",
)


def bus(runner: AppRunner, *args: str) -> str:
    result = subprocess.run(
        ["gdbus", "call", "--session", *args],
        env=runner.env,
        capture_output=True,
        text=True,
        timeout=15,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def player(runner: AppRunner, method: str, *args: str) -> str:
    return bus(runner, "--dest", SERVICE, "--object-path", PATH, "--method", method, *args)


def on_bus(runner: AppRunner) -> bool:
    out = bus(
        runner,
        "--dest",
        "org.freedesktop.DBus",
        "--object-path",
        "/org/freedesktop/DBus",
        "--method",
        "org.freedesktop.DBus.NameHasOwner",
        SERVICE,
    )
    return out.strip() == "(true,)"


def status(runner: AppRunner) -> str:
    return player(runner, "org.freedesktop.DBus.Properties.Get", PLAYER, "PlaybackStatus")


def state(runner: AppRunner) -> str:
    now = runner.status()
    assert now is not None
    return str(now["session"]["state"])


def test_media_keys_pause_resume_and_stop_the_session(acumat: AppRunner) -> None:
    assert acumat.run("settings", "set", "session.countdown", "0s").returncode == 0
    started = acumat.run("start", "desk-break", "--sound", "none", timeout=60)
    assert started.returncode == 0, started.stderr
    assert state(acumat) == "running"
    wait_for(lambda: on_bus(acumat), 10, "the MPRIS name on the session bus")
    assert status(acumat).strip() == "(<'Playing'>,)"

    props = player(acumat, "org.freedesktop.DBus.Properties.GetAll", PLAYER)
    assert "'xesam:title': <'Desk break'>" in props
    length = re.search(r"'mpris:length': <int64 (\d+)>", props)
    assert length is not None, props  # int64, as the specification says
    assert int(length.group(1)) >= 5 * 60 * 1_000_000  # at least the planned 5 minutes
    assert re.search(r"'Position': <int64 \d+>", props)
    assert "'mpris:trackid': <objectpath '/io/github/acumat/session/1'>" in props
    root = player(acumat, "org.freedesktop.DBus.Properties.GetAll", "org.mpris.MediaPlayer2")
    assert "'Identity': <'AcuMat'>" in root
    assert re.search(r"'DesktopEntry': <'io\.github\.acumat\.[A-Za-z]+'>", root)

    player(acumat, f"{PLAYER}.PlayPause")
    assert state(acumat) == "paused"
    assert status(acumat).strip() == "(<'Paused'>,)"
    player(acumat, f"{PLAYER}.PlayPause")
    assert state(acumat) == "running"
    assert status(acumat).strip() == "(<'Playing'>,)"

    player(acumat, f"{PLAYER}.Stop")
    assert state(acumat) == "idle"
    wait_for(lambda: not on_bus(acumat), 10, "the MPRIS name to leave the bus")


def test_playerctl_sees_and_drives_the_session(acumat: AppRunner) -> None:
    if shutil.which("playerctl") is None:
        pytest.skip("playerctl is not installed")

    def playerctl(*args: str) -> str:
        result = subprocess.run(
            ["playerctl", "-p", "acumat", *args],
            env=acumat.env,
            capture_output=True,
            text=True,
            timeout=15,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    assert acumat.run("settings", "set", "session.countdown", "0s").returncode == 0
    started = acumat.run("start", "desk-break", "--minutes", "3", "--sound", "none", timeout=60)
    assert started.returncode == 0, started.stderr
    wait_for(lambda: on_bus(acumat), 10, "the MPRIS name on the session bus")
    assert playerctl("status") == "Playing"
    # duration() takes only an int64 length: a real client reading the time left.
    shown = playerctl("metadata", "--format", "{{title}} {{duration(mpris:length)}}")
    assert re.fullmatch(r"Desk break 3:\d\d", shown), shown  # 3 min, to the end of an exhale
    playerctl("play-pause")
    assert state(acumat) == "paused"
    assert playerctl("status") == "Paused"
    playerctl("play")
    assert state(acumat) == "running"
    playerctl("stop")
    assert state(acumat) == "idle"
    wait_for(lambda: not on_bus(acumat), 10, "the MPRIS name to leave the bus")
