"""Routine prompts said by speech-dispatcher's client in a child process: a fake ``spd-say``
(a script answering as the real one does) for every case, and the real one against a private
speech-dispatcher where it is installed."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.prompt_voice import PromptVoice, intensity

FAKE = """#!{python}
import json, sys, time
from pathlib import Path
args = sys.argv[1:]
Path({log!r}).open("a").write(json.dumps(args) + "\\n")
mode = {mode!r}
if mode == "hang":
    time.sleep(60)
if args == ["-O"]:
    if mode == "no-server":
        sys.stderr.write("Failed to connect to Speech Dispatcher\\n")
        sys.exit(1)
    print("OUTPUT MODULES")
    if mode != "no-modules":
        print("espeak-ng")
    sys.exit(0)
sys.exit(1 if mode == "say-fails" else 0)
"""


def fake_spd_say(tmp_path: Path, mode: str = "ok") -> tuple[str, Path]:
    log = tmp_path / f"spd-say-{mode}.log"
    script = tmp_path / f"spd-say-{mode}"
    script.write_text(FAKE.format(python=sys.executable, log=str(log), mode=mode))
    script.chmod(0o755)
    return str(script), log


def calls(log: Path) -> list[list[str]]:
    """Each run's arguments; a line still being written is not one yet."""
    if not log.exists():
        return []
    lines = log.read_text().split("\n")[:-1]  # every whole line ends with a newline
    return [json.loads(line) for line in lines]


MADE: list[PromptVoice] = []


@pytest.fixture(autouse=True)
def _shut_down_voices() -> Iterator[None]:
    """As the app does at quit: no child outlives its test (Qt warns of a running one)."""
    yield
    while MADE:
        MADE.pop().shutdown()


def made(voice: PromptVoice) -> PromptVoice:
    MADE.append(voice)
    return voice


def voice_for(
    tmp_path: Path, mode: str = "ok", probe_deadline_ms: int = 10_000
) -> tuple[PromptVoice, Path]:
    program, log = fake_spd_say(tmp_path, mode)
    voice = PromptVoice(
        program=program, which=lambda name: name, probe_deadline_ms=probe_deadline_ms
    )
    return made(voice), log


def probe(qtbot: QtBot, voice: PromptVoice, timeout: int = 10_000) -> bool:
    with qtbot.waitSignal(voice.probed, timeout=timeout) as blocker:
        voice.prepare()
    return bool(blocker.args[0])


def test_not_ready_until_an_engine_answered(qtbot: QtBot, tmp_path: Path) -> None:
    voice, log = voice_for(tmp_path)
    before = (voice.ready, voice.say_text("Turn over"))
    assert before == (False, False), "a prompt before the answer is not said"
    assert probe(qtbot, voice) and voice.ready
    assert calls(log) == [["-O"]]


def test_a_prompt_reaches_the_engine_at_the_master_volume(qtbot: QtBot, tmp_path: Path) -> None:
    voice, log = voice_for(tmp_path)
    probe(qtbot, voice)
    voice.set_volume(0.75, muted=False)
    assert voice.say_text("-move the pillow under your neck")
    expected = ["-N", "AcuMat", "-i", "50", "--", "-move the pillow under your neck"]
    qtbot.waitUntil(lambda: calls(log)[-1:] == [expected], timeout=10_000)
    assert (intensity(0.0), intensity(0.5), intensity(1.0)) == (-100, 0, 100)


def test_muted_silent_or_blank_says_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    voice, log = voice_for(tmp_path)
    probe(qtbot, voice)
    voice.set_volume(0.5, muted=True)
    assert not voice.say_text("Turn over")
    voice.set_volume(0.0, muted=False)
    assert not voice.say_text("Turn over")
    voice.set_volume(0.5, muted=False)
    assert not voice.say_text("   ")
    assert calls(log) == [["-O"]]


@pytest.mark.parametrize("mode", ["no-server", "no-modules"])
def test_no_engine_answering_means_not_ready(qtbot: QtBot, tmp_path: Path, mode: str) -> None:
    voice, _ = voice_for(tmp_path, mode)
    assert not probe(qtbot, voice)
    assert not voice.ready and not voice.say_text("Turn over")


def test_without_spd_say_nothing_is_started(qtbot: QtBot) -> None:
    voice = made(PromptVoice(which=lambda name: None))
    assert not probe(qtbot, voice) and not voice.probing


def test_a_program_that_cannot_start_is_no_engine(qtbot: QtBot, tmp_path: Path) -> None:
    missing = str(tmp_path / "gone")
    voice = made(PromptVoice(program=missing, which=lambda name: name))
    assert not probe(qtbot, voice)


def test_a_hung_server_is_given_up_on_at_the_deadline(qtbot: QtBot, tmp_path: Path) -> None:
    voice, _ = voice_for(tmp_path, "hang", probe_deadline_ms=300)
    assert not probe(qtbot, voice, timeout=10_000)
    assert not voice.probing


def test_a_failed_say_makes_later_prompts_chime(qtbot: QtBot, tmp_path: Path) -> None:
    voice, _ = voice_for(tmp_path, "say-fails")
    assert probe(qtbot, voice)
    assert voice.say_text("Turn over")
    qtbot.waitUntil(lambda: not voice.ready, timeout=10_000)
    assert not voice.say_text("Sit up")


def test_shutdown_kills_a_child_still_running(qtbot: QtBot, tmp_path: Path) -> None:
    voice, log = voice_for(tmp_path, "hang")
    voice.prepare()
    qtbot.waitUntil(lambda: calls(log) == [["-O"]], timeout=10_000)
    voice.shutdown()
    assert not voice.probing and not voice.ready
    voice.prepare()
    assert calls(log) == [["-O"]], "nothing more after shutdown"


# --- the real speech-dispatcher -------------------------------------------------------------
@pytest.fixture
def private_speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A speech-dispatcher of this test's own, on its own socket, logging what it is given."""
    server = shutil.which("speech-dispatcher")
    if server is None or shutil.which("spd-say") is None:
        pytest.skip("speech-dispatcher is not installed")
    sock, logs = tmp_path / "speechd.sock", tmp_path / "speechd-logs"
    logs.mkdir()
    args = [server, "-s", "-t", "60", "-c", "unix_socket", "-S", str(sock)]
    daemon = subprocess.Popen(
        [*args, "-L", str(logs), "-l", "5"],
        start_new_session=True,  # its output modules in its group, ended with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not sock.exists():
            assert daemon.poll() is None and time.monotonic() < deadline, "speechd did not start"
            time.sleep(0.05)  # a foreign process's socket: no signal to wait on
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{sock}")
        yield logs / "speech-dispatcher.log"
    finally:
        os.killpg(daemon.pid, signal.SIGKILL)
        daemon.wait(5)


def test_the_real_speech_dispatcher_gets_the_words(qtbot: QtBot, private_speechd: Path) -> None:
    voice = made(PromptVoice())
    assert probe(qtbot, voice, timeout=10_000), "spd-say -O answered with its modules"
    assert voice.say_text("move the pillow under your neck")
    qtbot.waitUntil(
        lambda: (
            private_speechd.exists()
            and "move the pillow under your neck" in private_speechd.read_text(errors="replace")
        ),
        timeout=10_000,
    )
    voice.shutdown()


def test_no_speech_dispatcher_at_the_address_is_no_engine(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("spd-say") is None:
        pytest.skip("spd-say is not installed")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody.sock'}")
    assert not probe(qtbot, made(PromptVoice()), timeout=10_000)
