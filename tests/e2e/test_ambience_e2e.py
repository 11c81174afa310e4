"""Ambience end to end: ``acumat sounds play rain --minutes 1`` plays into the private
PulseAudio's null sink without a session, ``status --json`` says so, and ``acumat sounds stop``
fades it to silence within the stop fade. We record the sink's monitor, as a user would hear it.
"""

from __future__ import annotations

import subprocess
import time
import wave
from pathlib import Path

import numpy as np

from acumat_desktop.core.audio.ambience import FADE_IN_S, STOP_FADE_S
from tests.e2e.conftest import AppRunner
from tests.e2e.test_sound_e2e import AUDIBLE, SILENCE, app, audio, ok, record_rms, sound_cache
from tests.harness.desktop import wait_for

__all__ = ["app", "sound_cache"]  # the fixtures, shared with the session sound's tests

WINDOW_S = 0.05


def record(runner: AppRunner, path: Path, seconds: float) -> subprocess.Popen[bytes]:
    """Start recording the null sink's monitor into ``path`` (16-bit WAV) for ``seconds``."""
    return subprocess.Popen(
        [
            "sox",
            "-q",
            "-t",
            "pulseaudio",
            "test.monitor",
            "-b",
            "16",
            str(path),
            "trim",
            "0",
            str(seconds),
        ],
        env={**runner.env, "PULSE_LATENCY_MSEC": "50"},
    )


def window_rms(path: Path) -> np.ndarray:
    """The RMS of each 50 ms window of ``path``, full scale 1.0."""
    with wave.open(str(path)) as wav:
        rate, channels = wav.getframerate(), wav.getnchannels()
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
    samples = data.reshape(-1, channels).astype(np.float64) / 32768.0
    step = round(rate * WINDOW_S)
    count = len(samples) // step
    blocks = samples[: count * step].reshape(count, step, channels)
    return np.sqrt((blocks**2).mean(axis=(1, 2)))


def test_ambience_plays_without_a_session_and_stop_fades_it_out(
    app: AppRunner, tmp_path: Path
) -> None:
    app.launch("--minimized")
    app.wait_running()
    ok(app, "sounds", "play", "rain", "--minutes", "1")
    status = app.status()
    assert status is not None and status["session"]["state"] == "idle", "no session"
    ambience = audio(app)["ambience"]
    assert isinstance(ambience, dict)
    assert ambience["playing"] is True and ambience["mix"] == "rain"
    assert 50 < ambience["sleep_timer_remaining_s"] <= 60
    assert audio(app)["layers"] == [{"sound": "rain", "volume": 1.0}]
    wait_for(lambda: audio(app)["output"], 15, "an audio output")
    time.sleep(FADE_IN_S + 0.5)  # the fade-in, and the sink's first buffers
    playing = record_rms(app)
    assert playing > AUDIBLE, "ambience is audible without a session"

    wav = tmp_path / "stop.wav"
    recorder = record(app, wav, 4.0)
    time.sleep(0.6)  # some ambience before the stop, as a reference level
    asked = time.monotonic()
    ok(app, "sounds", "stop")
    answered = time.monotonic() - asked
    recorder.wait(20)
    levels = window_rms(wav)
    before = float(np.median(levels[2:8]))  # 0.1-0.4 s: the full level
    assert before > AUDIBLE
    # the first window clearly down, after the stop was asked (0.6 s into the recording) and
    # over 0.2 s, since rain's own drops and lulls move single windows by more than that
    asked_at = round(0.6 / WINDOW_S)
    smooth = np.convolve(levels, np.ones(4) / 4, mode="full")[: len(levels)]
    falling = asked_at + int(np.argmax(smooth[asked_at:] < before * 0.7))
    silent = int(np.argmax(levels < SILENCE))  # the first silent window
    assert levels[silent] < SILENCE and falling > 0, levels
    # the fade's last drops may still cross the threshold once, just above it; from the first
    # window ten times quieter than that, nothing may come back
    quiet = int(np.argmax(levels < SILENCE / 10))
    assert levels[quiet] < SILENCE / 10 and quiet - silent < 8, levels  # within 0.4 s
    assert (levels[quiet:] < SILENCE).all(), "silent after the fade, and it stays so"
    fade_s = (silent - falling) * WINDOW_S
    print(  # measurements for the report (pytest -s)
        f"\nambience level {playing:.4f} RMS; before stop {before:.4f}; "
        f"fade to silence {fade_s:.2f} s; silent about {silent * WINDOW_S - 0.6:.2f} s after "
        f"the stop was asked (recording start included; stop answered in {answered:.2f} s)"
    )
    assert fade_s <= STOP_FADE_S + 0.5, f"silent within the stop fade, not {fade_s:.2f} s"
    assert audio(app)["ambience"] == {
        "playing": False,
        "paused": False,
        "mix": None,
        "sleep_timer_remaining_s": None,
    }
    wait_for(lambda: audio(app)["layers"] == [], 5, "the layers to be released")


def test_a_session_started_over_ambience_takes_it_over_without_a_gap(
    app: AppRunner, tmp_path: Path
) -> None:
    app.launch("--minimized")
    app.wait_running()
    ok(app, "sounds", "play", "rain")
    wait_for(lambda: audio(app)["output"], 15, "an audio output")
    time.sleep(FADE_IN_S + 0.5)
    wav = tmp_path / "handover.wav"
    recorder = record(app, wav, 9.0)
    time.sleep(0.6)
    ok(app, "start", "sleep", "--minutes", "3", "--sound", "ocean")  # ocean renders first
    status = app.status()
    assert status is not None and status["session"]["state"] == "running"
    assert audio(app)["ambience"]["playing"] is False  # type: ignore[index]
    recorder.wait(30)
    levels = window_rms(wav)
    before = float(np.median(levels[2:8]))
    after = float(np.median(levels[-20:]))  # the session's ocean alone
    lowest = float(levels[2:].min())
    print(
        f"\nhand-over: before {before:.4f} RMS, lowest 50 ms window {lowest:.4f} "
        f"({lowest / before:.0%}), end {after:.4f}"
    )
    # a gap falls well under both sounds; the ocean before its first wave may be quieter than
    # a heavy shower of rain (a CI run: rain at 0.0085 RMS, twice its usual, lowest 0.0027)
    assert lowest > min(before, after) * 0.35, "no gap while the session takes the sound over"
    wait_for(lambda: audio(app)["layers"] == [{"sound": "ocean", "volume": 1.0}], 15, "ocean alone")
    ok(app, "stop")
