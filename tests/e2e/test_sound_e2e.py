"""Sound end to end: the installed ``acumat`` plays into the private PulseAudio's null sink, and
we record that sink's monitor with sox to hear what a user would hear.

Bells and cues are switched off here so each recording measures the ambience alone.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from acumat_desktop.core.audio import synth
from acumat_desktop.core.status import Status
from acumat_desktop.services.audio.player import NO_OUTPUT_NOTICE
from acumat_desktop.services.audio.soundscapes import SoundCatalogue
from acumat_desktop.wiring.sound_session import START_FADE_S, STOP_FADE_S
from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for
from tests.services.pulse_fixture import start_pulseaudio

TRIM = ("trim", "0")
SILENCE = 1e-4  # a null sink's monitor playing nothing records exactly 0
AUDIBLE = 0.001  # rain at -27 LUFS through the default 60 % master (0.6^3 gain) is ~0.005


@pytest.fixture(scope="module")
def sound_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module, with rain rendered once (1.5-5 s) instead of once per app."""
    root = tmp_path_factory.mktemp("cache")
    SoundCatalogue(root / "acumat-desktop" / "sounds").load("rain")
    return root


@pytest.fixture
def app(acumat: AppRunner, sound_cache: Path) -> AppRunner:
    acumat.env["XDG_CACHE_HOME"] = str(sound_cache)
    for key, value in (
        ("session.countdown", "0s"),
        ("sound.bells", "false"),
        ("sound.cue_sounds", "false"),
    ):
        assert acumat.run("settings", "set", key, value).returncode == 0
    return acumat


def record_rms(runner: AppRunner, seconds: float = 1.0, sink: str = "test") -> float:
    result = subprocess.run(
        ["sox", "-q", "-t", "pulseaudio", f"{sink}.monitor", "-n", *TRIM, str(seconds), "stat"],
        env={**runner.env, "PULSE_LATENCY_MSEC": "50"},
        capture_output=True,
        text=True,
        timeout=seconds + 15,
        check=True,
    )
    found = re.search(r"RMS\s+amplitude:\s+([\d.e+-]+)", result.stderr)
    assert found, result.stderr
    return float(found.group(1))


def audio(runner: AppRunner) -> dict[str, object]:
    status = runner.status()
    assert status is not None
    Status.model_validate(status)
    audio: dict[str, object] = status["audio"]
    return audio


def ok(runner: AppRunner, *argv: str) -> None:
    result = runner.run(*argv, timeout=60)
    assert result.returncode == 0, (argv, result.stderr)


def wait_playing(runner: AppRunner) -> None:
    wait_for(lambda: audio(runner)["output"], 15, "an audio output")
    time.sleep(START_FADE_S + 0.5)  # the fade-in, and the sink's first buffers


def test_rain_is_audible_follows_volume_and_mute_and_fades_out_on_stop(app: AppRunner) -> None:
    app.launch("--minimized")
    app.wait_running()
    idle = audio(app)
    assert (idle["output"], idle["muted"], idle["layers"]) == (None, False, []), (
        "no engine until needed"
    )
    ok(app, "start", "sleep", "--minutes", "3", "--sound", "rain")
    assert audio(app)["layers"] == [{"sound": "rain", "volume": 1.0}]
    wait_playing(app)
    at_default = record_rms(app)
    assert at_default > AUDIBLE, "a session with rain is audible"

    ok(app, "volume", "100")
    time.sleep(0.4)  # the 30 ms ramp and the 200 ms buffer
    loud = record_rms(app)
    ok(app, "volume", "20")
    time.sleep(0.4)
    quiet = record_rms(app)
    # the slider is perceptual (cubic): 20 % is 0.2^3 of full gain, about -42 dB
    assert loud > at_default > quiet > SILENCE
    assert 0.2**3 / 2.5 < quiet / loud < 0.2**3 * 2.5, (quiet, loud)
    assert app.run("volume").stdout.strip() == "20%"

    ok(app, "mute")
    assert audio(app)["muted"] is True
    time.sleep(0.4)
    assert record_rms(app, 0.5) < SILENCE
    ok(app, "unmute")
    ok(app, "volume", "100")
    time.sleep(0.4)
    assert record_rms(app, 0.5) > AUDIBLE

    ok(app, "stop")
    time.sleep(STOP_FADE_S + 0.3)  # the stop fade and the output buffer
    assert record_rms(app) < SILENCE, "stopped: silent within the fade time"
    wait_for(lambda: audio(app)["layers"] == [], 5, "the layers to be released")

    ok(app, "start", "sleep", "--minutes", "3", "--sound", "none")
    assert audio(app)["layers"] == []
    time.sleep(1.0)
    assert record_rms(app) < SILENCE, "--sound none plays no ambience"
    ok(app, "stop")


def test_without_a_sound_server_a_session_still_runs_and_says_so_once(
    app: AppRunner, tmp_path: Path
) -> None:
    app.env["PULSE_SERVER"] = f"unix:{tmp_path / 'no-such-server.sock'}"
    app.launch("--minimized")
    app.wait_running()
    for _ in range(2):
        ok(app, "start", "sleep", "--minutes", "3", "--sound", "rain")
        status = app.status()
        assert status is not None and status["session"]["state"] == "running"
        time.sleep(1.0)
        assert audio(app)["output"] is None
        ok(app, "stop")
    log = Path(app.env["XDG_STATE_HOME"]) / "acumat-desktop" / "log" / "acumat.log"
    wait_for(lambda: NO_OUTPUT_NOTICE in log.read_text(errors="replace"), 10, "the notice")
    assert log.read_text(errors="replace").count(NO_OUTPUT_NOTICE) == 1


def test_sounds_lists_the_catalogue_with_and_without_the_app(app: AppRunner) -> None:
    offline = json.loads(app.run("sounds", "--json").stdout)
    assert [s["id"] for s in offline] == list(synth.SOUNDSCAPES)
    assert all(set(s) == {"id", "name", "kind"} for s in offline)
    app.launch("--minimized")
    app.wait_running()
    assert json.loads(app.run("sounds", "--json").stdout) == offline
    bad = app.run("volume", "loud")
    assert bad.returncode == 2 and "volume" in bad.stderr


def pactl(runner: AppRunner, *args: str) -> str:
    result = subprocess.run(
        ["pactl", *args], env=runner.env, capture_output=True, text=True, timeout=10, check=True
    )
    return result.stdout.strip()


class OwnPulse:
    """A PulseAudio of the test's own (the shared one is never unplugged or killed), on a
    fixed socket: ``kill()`` takes it away mid-session, ``start()`` brings it back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env, stop = start_pulseaudio(folder)
        self._stop: Callable[[], None] | None = stop

    def kill(self) -> None:
        if self._stop is not None:
            self._stop()
            self._stop = None

    def start(self) -> None:
        assert self._stop is None
        self._stop = start_pulseaudio(self.folder)[1]

    def restart(self) -> None:
        self.kill()
        time.sleep(0.5)  # the server is away for a moment
        self.start()


@pytest.fixture
def own_pulse(app: AppRunner, tmp_path: Path) -> Iterator[OwnPulse]:
    server = OwnPulse(tmp_path / "pulse")
    app.env.update(server.env)
    yield server
    app.run("quit", timeout=10)
    app.stop_all()
    server.kill()


def start_rain(app: AppRunner) -> None:
    app.launch("--minimized")
    app.wait_running()
    ok(app, "start", "sleep", "--minutes", "5", "--sound", "rain")
    wait_playing(app)


def test_an_unplugged_chosen_device_moves_the_audio_to_the_default(
    app: AppRunner, own_pulse: OwnPulse
) -> None:
    module = pactl(app, "load-module", "module-null-sink", "sink_name=usb")
    ok(app, "settings", "set", "sound.output_device", "usb")
    start_rain(app)
    assert record_rms(app, 0.5, "usb") > AUDIBLE, "the chosen device plays"
    assert record_rms(app, 0.5) < SILENCE, "and the default does not"
    pactl(app, "unload-module", module)
    wait_for(lambda: record_rms(app, 0.5) > AUDIBLE, 10, "audio on the default device")
    assert audio(app)["output"]


def answers_quickly(app: AppRunner) -> float:
    """Ask ``acumat status`` and return how long the answer took (the app must answer)."""
    started = time.monotonic()
    status = app.status()
    took = time.monotonic() - started
    assert status is not None, "the app answers"
    assert status["session"]["state"] == "running"
    return took


def stay_responsive(app: AppRunner, seconds: float) -> float:
    """Poll the app for ``seconds``; the slowest answer."""
    slowest, until = 0.0, time.monotonic() + seconds
    while time.monotonic() < until:
        slowest = max(slowest, answers_quickly(app))
    return slowest


def test_audio_comes_back_after_sound_server_outages_of_1_5_and_15_s(
    app: AppRunner, own_pulse: OwnPulse
) -> None:
    """Issue 9: an outage of 5 s or more used to abort the app in libpulse (Qt's context
    manager gives up after one failed retry). Measured per outage: the slowest status answer
    while the server is away, and how long after its return the rain is audible again."""
    start_rain(app)
    assert record_rms(app, 0.5) > AUDIBLE
    proc = app.procs[-1]
    for outage in (1.0, 5.0, 15.0):
        own_pulse.kill()
        slowest = stay_responsive(app, outage)
        own_pulse.start()
        back = time.monotonic()
        wait_for(lambda: record_rms(app, 0.3) > AUDIBLE, 5, f"audio after a {outage:.0f} s outage")
        heard_after = time.monotonic() - back
        print(f"outage {outage:.0f} s: slowest status {slowest:.2f} s, audible {heard_after:.1f} s")
        assert slowest < 1.0, (outage, slowest)
        assert heard_after < 5.0, (outage, heard_after)
        assert proc.poll() is None, app.log_text()[-3000:]
        assert audio(app)["output"], "the engine says where it plays"
    assert "Assertion" not in app.log_text()


def test_a_sound_server_that_never_comes_back_leaves_the_app_silent_and_running(
    app: AppRunner, own_pulse: OwnPulse
) -> None:
    start_rain(app)
    own_pulse.kill()
    assert stay_responsive(app, 7.0) < 1.0
    assert app.procs[-1].poll() is None
    wait_for(lambda: audio(app)["output"] is None, 5, "the output to be reported gone")
    log = Path(app.env["XDG_STATE_HOME"]) / "acumat-desktop" / "log" / "acumat.log"
    wait_for(lambda: NO_OUTPUT_NOTICE in log.read_text(errors="replace"), 5, "the notice")
    assert stay_responsive(app, 3.0) < 1.0
    assert log.read_text(errors="replace").count(NO_OUTPUT_NOTICE) == 1


def test_stop_fades_a_ringing_bell_within_the_stop_fade(app: AppRunner) -> None:
    ok(app, "settings", "set", "sound.bells", "true")
    app.launch("--minimized")
    app.wait_running()
    ok(app, "start", "sleep", "--minutes", "3", "--sound", "none")
    wait_for(lambda: audio(app)["output"], 15, "an audio output")
    time.sleep(0.8)  # the start bell rings for about 9 s
    assert record_rms(app, 0.5) > AUDIBLE, "the start bell rings"
    ok(app, "stop")
    time.sleep(STOP_FADE_S + 0.3)  # the stop fade and the output buffer
    assert record_rms(app, 1.0) < SILENCE, "the bell faded with the stop, not rung out"
