"""AudioEngine and the outputs list against a real PulseAudio null sink, measured by recording
its monitor (one module: QtMultimedia talks to one sound server per process).

Qt 6.11's PulseAudio backend does not report a sink's removal while nothing plays on it (the
list catches up at the next change), so removal is tested where it matters: under a playing
engine, in tests/e2e/test_sound_e2e.py."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from pulse_fixture import needs_pulse, pulse_server, record_rms  # noqa: F401  (fixture)
from pytestqt.qtbot import QtBot

from acumat_desktop.core.audio import cues as cue_sounds
from acumat_desktop.core.audio import dsp
from acumat_desktop.core.audio.device_keys import device_id
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.services.audio.devices import OutputDevices
from acumat_desktop.services.audio.native_feeder import PulseSinkThread
from acumat_desktop.services.audio.player import (
    NO_OUTPUT_NOTICE,
    SERVER_CHECK_S,
    SERVER_SETTLE_S,
    STALL_S,
    START_GRACE_S,
    AudioEngine,
    StallWatch,
    pulse_socket_paths,
    unix_socket_answers,
)
from acumat_desktop.services.audio.soundscapes import SoundCatalogue

pytestmark = [
    needs_pulse,
    # Qt's multimedia backend reports, as warnings, that there is no PipeWire here
    pytest.mark.qt_log_ignore("pipewire", "PulseAudioService"),
]

SILENCE = 1e-4  # sox RMS of a null sink playing nothing is exactly 0
HEARD_MARGIN_S = 0.1  # past a change's ramp: the heard position is an estimate


@pytest.fixture
def engine(
    pulse_server: dict[str, str],  # noqa: F811
    tmp_path: Path,
    qtbot: QtBot,
) -> Iterator[AudioEngine]:
    catalogue = SoundCatalogue(tmp_path / "sounds", seconds=6.0)
    eng = AudioEngine(tmp_path / "sounds", catalogue=catalogue)
    yield eng
    eng.shutdown()


def _play(engine: AudioEngine, qtbot: QtBot, layers: list[tuple[str, float]]) -> None:
    engine.set_layers(layers)
    qtbot.waitUntil(lambda: engine.status()["output"] is not None, timeout=5000)
    qtbot.waitUntil(lambda: {s for s, _ in engine.mixer.layers()} == {s for s, _ in layers})
    _heard_settled(engine, qtbot)


def _heard_settled(engine: AudioEngine, qtbot: QtBot, change_s: float = dsp.RAMP_SECONDS) -> None:
    """Wait until what the sink plays is what the mixer renders since the last change (which
    takes ``change_s`` of audio: a ramp, a fade): the position rendered now, moved on by as
    much, has been heard. The audio queued at the server (150-300 ms) is allowed for, however
    much it is: the heard position is the one written less the server's own latency."""
    mixer = engine.mixer
    settled = mixer.position + round((change_s + HEARD_MARGIN_S) * mixer.rate)
    qtbot.waitUntil(lambda: engine._heard_position() >= settled, timeout=5000)


def test_a_layer_is_audible(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    assert record_rms(pulse_server, 0.5) < SILENCE
    _play(engine, qtbot, [("pink-noise", 1.0)])
    rms = record_rms(pulse_server, 1.0)
    # pink noise at -27 LUFS has an RMS of about 0.03-0.05 of full scale
    assert rms > 0.01
    assert engine.status()["layers"] == [{"sound": "pink-noise", "volume": 1.0}]
    assert engine.status()["output"]


def test_fade_out_reaches_silence_within_the_fade_time(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    _play(engine, qtbot, [("rain", 1.0)])
    assert record_rms(pulse_server, 0.5) > 0.01
    engine.fade_out(1.0)
    _heard_settled(engine, qtbot, change_s=1.0)  # the fade's second of audio has been heard
    assert record_rms(pulse_server, 1.0) < SILENCE


def test_no_layers_is_silence_and_keeps_the_output_closed(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    engine.set_layers([])
    qtbot.wait(300)
    assert record_rms(pulse_server, 1.0) < SILENCE
    assert engine.status()["output"] is None


def test_master_volume_changes_the_recorded_level_by_the_curve(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    _play(engine, qtbot, [("brown-noise", 1.0)])
    full = record_rms(pulse_server, 1.0)
    engine.set_master_volume(0.5)
    _heard_settled(engine, qtbot)  # no full-level audio still queued at the server
    half = record_rms(pulse_server, 1.0)
    expected = dsp.perceptual_gain(0.5)  # 0.125, -18 dB
    assert half / full == pytest.approx(expected, rel=0.25)


def test_stop_silences_and_releases_the_output(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    _play(engine, qtbot, [("ocean", 0.8)])
    engine.stop()
    # closes once the ramped-out audio has drained (the idle close would take > 3 s)
    qtbot.waitUntil(lambda: engine.status()["output"] is None, timeout=3000)
    assert engine.status()["layers"] == []
    assert record_rms(pulse_server, 0.5) < SILENCE


def test_bells_and_cues_sound_over_silence(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    engine.play_bell("start")
    engine.schedule_cues([(0.3, "inhale"), (0.9, "exhale")])
    qtbot.waitUntil(lambda: engine.status()["output"] is not None, timeout=5000)
    assert record_rms(pulse_server, 1.0) > 0.005


def _pactl(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["pactl", *args], env={**os.environ, **env}, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_a_plugged_sink_appears_with_its_description(
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
) -> None:
    devices = OutputDevices(poll_ms=100)
    qtbot.waitUntil(lambda: [d.key for d in devices.outputs()] == ["test"], timeout=5000)
    (only,) = devices.outputs()
    assert only.is_default and device_id(only.key) == b"test"
    devices.watch(True)  # as the settings dialog does while it is open
    with qtbot.waitSignal(devices.changed, timeout=5000):
        module = _pactl(
            pulse_server,
            "load-module",
            "module-null-sink",
            "sink_name=usb",
            "sink_properties=device.description=USB-Headset",
        )
    try:
        qtbot.waitUntil(lambda: len(devices.outputs()) == 2, timeout=5000)
        usb = next(d for d in devices.outputs() if d.key == "usb")
        assert usb.description == "USB-Headset" and not usb.is_default
        assert device_id(usb.key) == b"usb"
    finally:
        _pactl(pulse_server, "unload-module", module)


_SILENT_RUN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from acumat_desktop.services.audio.player import AudioEngine
from acumat_desktop.services.audio.soundscapes import SoundCatalogue
app = QCoreApplication(sys.argv)
engine = AudioEngine(Path(sys.argv[1]), catalogue=SoundCatalogue(Path(sys.argv[1]), seconds=4.0))
notices = []
engine.noticed.connect(notices.append)
engine.set_layers([("pink-noise", 0.5)])
engine.play_bell("start")
engine.schedule_cues([(0.2, "inhale"), (0.6, "exhale")])
engine.set_master_volume(0.3)
QTimer.singleShot(400, lambda: engine.set_layers([("rain", 1.0)]))
QTimer.singleShot(1200, app.quit)
app.exec()
engine.shutdown()
print(json.dumps({"notices": notices, "status": engine.status()}))
"""


def test_without_a_sound_server_the_engine_runs_silently_and_says_so_once(tmp_path: Path) -> None:
    # QtMultimedia connects to the sound server once per process, so this runs in its own
    env = dict(os.environ, PULSE_SERVER=f"unix:{tmp_path}/no-such-server/pulse.sock")
    result = subprocess.run(
        [sys.executable, "-c", _SILENT_RUN, str(tmp_path / "sounds")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["notices"] == [NO_OUTPUT_NOTICE]
    assert report["status"]["output"] is None
    assert report["status"]["layers"] == [{"sound": "rain", "volume": 1.0}]


# --- the stall watchdog (pure decisions, driven by a FakeClock) ---------------------------


def _watch(progressed: bool = True) -> tuple[StallWatch, FakeClock]:
    """A watch on a fresh stream, after an earlier one was seen to play."""
    clock = FakeClock()
    watch = StallWatch(clock)
    if progressed:
        watch.note(0)
        watch.note(1000)
        watch.restart()
    return watch, clock


def test_a_backend_that_never_reports_progress_is_never_stuck() -> None:
    watch, clock = _watch(progressed=False)
    for _ in range(10):
        watch.note(0)
        clock.advance(START_GRACE_S)
        assert not watch.stuck() and not watch.wants_server_check()


def test_a_new_stream_is_not_stuck_while_it_starts() -> None:
    watch, clock = _watch()
    for _ in range(int(START_GRACE_S * 10) - 1):  # PulseAudio takes ~2.5 s to start a stream
        watch.note(0)
        clock.advance(0.1)
        assert not watch.stuck()
        assert not watch.wants_server_check()
    clock.advance(0.2)
    assert watch.stuck(), "nothing processed after the start grace"


def test_a_stream_that_stops_processing_is_stuck_after_stall_s() -> None:
    watch, clock = _watch()
    processed = 0
    for _ in range(100):  # 10 s of audio flowing
        processed += 100_000
        watch.note(processed)
        clock.advance(0.1)
        assert not watch.stuck()
    # the server goes away: the count freezes (the last move was 0.1 s ago)
    for _ in range(int(STALL_S * 10) - 2):
        watch.note(processed)
        clock.advance(0.1)
        assert not watch.stuck()
    clock.advance(0.2)
    assert watch.stuck()
    watch.note(processed + 1)  # it moves again
    assert not watch.stuck()


def test_rebuild_waits_for_the_server_to_answer_for_a_while() -> None:
    watch, clock = _watch()
    clock.advance(START_GRACE_S + 0.1)
    assert watch.stuck()
    decisions = []
    for answers in [False] * 6 + [True] * 6:  # down for 3 s, then back
        if watch.wants_server_check():
            decisions.append(watch.should_rebuild(answers))
        clock.advance(SERVER_CHECK_S)
    assert not any(decisions[:6]), "never rebuild while the server is down"
    # back: the first answer starts the settle time, the rebuild comes SERVER_SETTLE_S later
    settled_after = int(SERVER_SETTLE_S / SERVER_CHECK_S)
    assert decisions[6:] == [False] * settled_after + [True] * (6 - settled_after)


def test_a_server_that_drops_again_restarts_the_settle_time() -> None:
    watch, clock = _watch()
    clock.advance(START_GRACE_S + 0.1)
    assert watch.should_rebuild(True) is False
    clock.advance(SERVER_SETTLE_S - 0.1)
    assert watch.should_rebuild(False) is False
    clock.advance(0.2)
    assert watch.should_rebuild(True) is False, "the answers must be continuous"
    clock.advance(SERVER_SETTLE_S)
    assert watch.should_rebuild(True) is True


def test_server_checks_are_throttled_and_a_rebuilt_stream_gets_its_grace_again() -> None:
    watch, clock = _watch()
    clock.advance(START_GRACE_S + 0.1)
    assert watch.wants_server_check()
    clock.advance(SERVER_CHECK_S / 2)
    assert not watch.wants_server_check(), "a check at most every SERVER_CHECK_S"
    clock.advance(SERVER_CHECK_S / 2)
    assert watch.wants_server_check()
    watch.restart()
    clock.advance(START_GRACE_S - 0.1)
    assert not watch.stuck() and not watch.wants_server_check()


@pytest.mark.parametrize(
    ("env", "paths"),
    [
        ({"PULSE_SERVER": "unix:/run/a.sock"}, ["/run/a.sock"]),
        ({"PULSE_SERVER": "{abc}unix:/run/a.sock tcp:host:4713 /run/b"}, ["/run/a.sock", "/run/b"]),
        ({"PULSE_SERVER": "tcp:host:4713"}, []),
        ({"PULSE_RUNTIME_PATH": "/p", "XDG_RUNTIME_DIR": "/x"}, ["/p/native"]),
        ({"XDG_RUNTIME_DIR": "/x"}, ["/x/pulse/native"]),
        ({}, []),
    ],
)
def test_the_pulse_socket_is_found_where_libpulse_looks(
    env: dict[str, str], paths: list[str]
) -> None:
    assert pulse_socket_paths(env) == paths


def test_a_unix_socket_answers_only_while_something_listens(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sock")
    assert not unix_socket_answers(path)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        assert unix_socket_answers(path)
    assert not unix_socket_answers(path), "a socket file left behind does not answer"


# --- pumping: the ambience's level under cues, measured in a recording ----------------------


def _record_f32(env: dict[str, str], seconds: float, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            *("sox", "-q", "-t", "pulseaudio", "test.monitor", "-t", "f32", "-r", "48000"),
            *("-c", "2", str(path), "trim", "0", str(seconds)),
        ],
        env={**os.environ, **env, "PULSE_LATENCY_MSEC": "50"},
    )


def _band(audio: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """``audio`` (mono) keeping only ``lo``..``hi`` Hz (an FFT mask: fine for measuring)."""
    spectrum = np.fft.rfft(audio)
    freqs = np.fft.rfftfreq(audio.shape[0], 1 / 48_000)
    spectrum[(freqs < lo) | (freqs >= hi)] = 0
    return np.fft.irfft(spectrum, n=audio.shape[0])


def _level_db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(x**2) + 1e-30))


def _cue_onsets(recording: np.ndarray, template: np.ndarray, step: int, count: int) -> list[int]:
    """The ``count`` onsets, ``step`` frames apart, where ``template`` (the hold cue) matches
    ``recording`` best, by FFT correlation of their 1.8-2.2 kHz bands (where the cue rises
    ~20 dB over any bed)."""
    n = recording.shape[0] + template.shape[0]
    rec, tpl = _band(recording, 1780, 2240), _band(template, 1780, 2240)
    score = np.fft.irfft(np.fft.rfft(rec, n) * np.conj(np.fft.rfft(tpl, n)), n)
    score = score[: recording.shape[0] - template.shape[0]]
    best = int(np.argmax(score))
    grid = [best + k * step for k in range(-count, count + 1)]
    grid = [i for i in grid if 0 <= i < score.shape[0]]
    strong = [i for i in grid if score[i] > 0.3 * score[best]]
    return strong


def test_tone_cues_leave_the_ambience_level_and_a_spoken_cue_dips_it_3_db(
    engine: AudioEngine,
    pulse_server: dict[str, str],  # noqa: F811
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    """Issue 10: the ambience ducked 6 dB at every cue. The bed's level below 400 Hz (where
    the cues have nothing) 0.2-0.9 s into each cue against 1.35-2.2 s (between cues)."""
    _play(engine, qtbot, [("pink-noise", 1.0)])  # steady: rain's lows swing several dB
    path = tmp_path / "cues.f32"
    recorder = _record_f32(pulse_server, 18.0, path)
    gap = 2.4
    times = [1.5 + gap * i for i in range(6)]
    engine.schedule_cues([(t, "hold") for t in times])
    engine.schedule_ducks([(t, "hold") for t in times[3:]])  # as a spoken cue would
    assert recorder.wait(40) == 0
    mono = np.fromfile(path, dtype=np.float32).reshape(-1, 2).mean(axis=1).astype(np.float64)
    # cues land exactly ``gap`` apart (placed by sample position): find one, count back
    hold = cue_sounds.render_cue("hold")[:, 0].astype(np.float64)
    onsets = _cue_onsets(mono, hold, round(gap * 48_000), len(times))
    assert len(onsets) == len(times), onsets
    assert onsets[-1] + 105_600 < mono.shape[0], "every cue is in the recording"
    low = _band(mono, 40, 400)
    dips = []
    for at in onsets:
        under = low[at + 9_600 : at + 43_200]  # 0.2-0.9 s into the cue
        between = low[at + 64_800 : at + 105_600]  # 1.35-2.2 s: the next cue is at 2.4 s
        dips.append(_level_db(under) - _level_db(between))
    tone, spoken = dips[:3], dips[3:]
    print("dips under tones", [f"{d:.1f}" for d in tone], "spoken", [f"{d:.1f}" for d in spoken])
    assert abs(float(np.mean(tone))) < 1.0, tone
    assert all(abs(d) < 1.5 for d in tone), tone
    assert -3.6 < float(np.mean(spoken)) < -2.0, spoken


def test_a_stop_while_no_server_answers_ends_the_reconnect_attempts(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/no-server.sock")
    sounds = tmp_path / "sounds"
    engine = AudioEngine(sounds, catalogue=SoundCatalogue(sounds, seconds=4.0))
    try:
        sink = engine._sink
        assert isinstance(sink, PulseSinkThread)
        with qtbot.waitSignal(engine.noticed, timeout=5000):
            engine.set_layers([("pink-noise", 1.0)])
        assert sink.wanted, "it keeps trying while a session wants sound"
        engine.stop()
        assert not sink.wanted
    finally:
        engine.shutdown()
