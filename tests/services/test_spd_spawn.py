"""Spawning speech-dispatcher with ``spd-say -O`` in a child: a fake ``spd-say`` (a script
answering as the real one does) for every case."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.spd_spawn import ServerSpawner

FAKE = """#!{python}
import json, sys, time
from pathlib import Path
Path({log!r}).open("a").write(json.dumps(sys.argv[1:]) + "\\n")
mode = {mode!r}
if mode == "hang":
    time.sleep(60)
if mode == "no-server":
    sys.stderr.write("Failed to connect to Speech Dispatcher\\n")
    sys.exit(1)
print("OUTPUT MODULES")
if mode != "no-modules":
    print("espeak-ng")
"""

MADE: list[ServerSpawner] = []


@pytest.fixture(autouse=True)
def _shut_down() -> Iterator[None]:
    """As the app does at quit: no child outlives its test (Qt warns of a running one)."""
    yield
    while MADE:
        MADE.pop().shutdown()


def spawner_for(tmp_path: Path, mode: str = "ok", deadline_ms: int = 10_000) -> ServerSpawner:
    log = tmp_path / "calls.log"
    script = tmp_path / f"spd-say-{mode}"
    script.write_text(FAKE.format(python=sys.executable, log=str(log), mode=mode))
    script.chmod(0o755)
    spawner = ServerSpawner(
        program=str(script), which=lambda name: name, probe_deadline_ms=deadline_ms
    )
    MADE.append(spawner)
    return spawner


def calls(tmp_path: Path) -> list[list[str]]:
    log = tmp_path / "calls.log"
    lines = log.read_text().split("\n")[:-1] if log.exists() else []
    return [json.loads(line) for line in lines]


def probe(qtbot: QtBot, spawner: ServerSpawner) -> bool:
    with qtbot.waitSignal(spawner.probed, timeout=10_000) as blocker:
        spawner.prepare()
    return bool(blocker.args[0])


def test_a_server_with_a_module_answers(qtbot: QtBot, tmp_path: Path) -> None:
    spawner = spawner_for(tmp_path)
    assert probe(qtbot, spawner) and not spawner.probing
    assert calls(tmp_path) == [["-O"]]


@pytest.mark.parametrize("mode", ["no-server", "no-modules"])
def test_no_engine_answering(qtbot: QtBot, tmp_path: Path, mode: str) -> None:
    assert not probe(qtbot, spawner_for(tmp_path, mode))


def test_without_spd_say_nothing_is_started(qtbot: QtBot) -> None:
    spawner = ServerSpawner(which=lambda name: None)
    MADE.append(spawner)
    assert not probe(qtbot, spawner) and not spawner.probing


def test_a_program_that_cannot_start_is_no_engine(qtbot: QtBot, tmp_path: Path) -> None:
    spawner = ServerSpawner(program=str(tmp_path / "gone"), which=lambda name: name)
    MADE.append(spawner)
    assert not probe(qtbot, spawner)


def test_a_hung_server_is_given_up_on_at_the_deadline(qtbot: QtBot, tmp_path: Path) -> None:
    spawner = spawner_for(tmp_path, "hang", deadline_ms=300)
    assert not probe(qtbot, spawner) and not spawner.probing


def test_shutdown_kills_a_probe_still_running(qtbot: QtBot, tmp_path: Path) -> None:
    spawner = spawner_for(tmp_path, "hang")
    spawner.prepare()
    qtbot.waitUntil(lambda: calls(tmp_path) == [["-O"]], timeout=10_000)
    spawner.shutdown()
    assert not spawner.probing
    spawner.prepare()
    assert calls(tmp_path) == [["-O"]], "nothing more after shutdown"
