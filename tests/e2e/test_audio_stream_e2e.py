"""Dropouts (issue 10): the installed app plays steady pink noise into the private PulseAudio's
null sink while another process keeps a core busy; we record the sink's monitor and look for
gaps. 20 s by default; ``ACUMAT_SOAK=1`` records 90 s (the reported gaps came about every 30 s).

Also checks what the server really holds for the app's stream (``pactl list sink-inputs``), not
only what was asked for: Qt's backend asked for 200 ms and the server held 10-16 ms.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from acumat_desktop.services.audio.soundscapes import SoundCatalogue
from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for

RATE = 48_000
SOAK_S = 90.0 if os.environ.get("ACUMAT_SOAK") == "1" else 20.0
MIN_GAP_S = 0.001  # a run of digital silence this long is a dropout
WINDOW_S = 0.010
DIP_DB = 20.0


@pytest.fixture(scope="module")
def noise_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cache")
    SoundCatalogue(root / "acumat-desktop" / "sounds").load("pink-noise")
    return root


@pytest.fixture
def app(acumat: AppRunner, noise_cache: Path) -> AppRunner:
    acumat.env["XDG_CACHE_HOME"] = str(noise_cache)
    for key, value in (
        ("session.countdown", "0s"),
        ("sound.bells", "false"),
        ("sound.cue_sounds", "false"),
    ):
        assert acumat.run("settings", "set", key, value).returncode == 0
    return acumat


@pytest.fixture
def busy_core() -> Iterator[None]:
    """Another process spinning on one of the two cores for the whole recording."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    yield
    spinner.kill()
    spinner.wait(5)


def record(runner: AppRunner, seconds: float, path: Path) -> npt.NDArray[np.float32]:
    """Record ``seconds`` of the null sink's monitor as float32 stereo."""
    subprocess.run(
        [
            *("sox", "-q", "-t", "pulseaudio", "test.monitor", "-t", "f32", "-r", str(RATE)),
            *("-c", "2", str(path), "trim", "0", str(seconds)),
        ],
        env={**runner.env, "PULSE_LATENCY_MSEC": "50"},
        timeout=seconds + 30,
        check=True,
    )
    return np.fromfile(path, dtype=np.float32).reshape(-1, 2)


def silent_runs(audio: npt.NDArray[np.float32]) -> list[int]:
    """Lengths (frames) of the runs where both channels are exactly zero."""
    zero = np.all(audio == 0.0, axis=1).astype(np.int8)
    edges = np.diff(np.concatenate(([0], zero, [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return [int(n) for n in ends - starts]


def window_levels_db(audio: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    n = round(WINDOW_S * RATE)
    frames = audio.shape[0] // n * n
    power = np.mean(audio[:frames].astype(np.float64) ** 2, axis=1).reshape(-1, n).mean(axis=1)
    return np.asarray(10 * np.log10(np.maximum(power, 1e-20)), dtype=np.float64)


def server_latencies_ms(runner: AppRunner) -> tuple[float, float] | None:
    """(buffer, sink) latency of the app's stream as the server reports them."""
    text = subprocess.run(
        ["pactl", "list", "sink-inputs"], env=runner.env, capture_output=True, text=True
    ).stdout
    buffer = re.search(r"Buffer Latency:\s+(\d+) usec", text)
    sink = re.search(r"Sink Latency:\s+(\d+) usec", text)
    if not buffer or not sink:
        return None
    return int(buffer.group(1)) / 1000, int(sink.group(1)) / 1000


@contextlib.contextmanager
def _sampling_latency(runner: AppRunner, into: list[tuple[float, float]]) -> Iterator[None]:
    """Ask the server every half second, in the background, what it holds for the app."""
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            found = server_latencies_ms(runner)
            if found:
                into.append(found)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        yield
    finally:
        done.set()
        sampler.join()


def test_steady_noise_plays_without_gaps_while_a_core_is_busy(
    app: AppRunner, busy_core: None, tmp_path: Path
) -> None:
    app.launch("--minimized")
    app.wait_running()
    assert app.run("volume", "100").returncode == 0
    started = app.run("start", "sleep", "--minutes", "5", "--sound", "pink-noise", timeout=60)
    assert started.returncode == 0, started.stderr
    wait_for(lambda: server_latencies_ms(app), 15, "the app's stream at the server")
    time.sleep(4.0)  # the fade-in (and the null sink's first, slow, wake-up)
    samples: list[tuple[float, float]] = []
    path = tmp_path / "noise.f32"
    with _sampling_latency(app, samples):
        audio = record(app, SOAK_S, path)
    assert audio.shape[0] >= (SOAK_S - 0.5) * RATE, "the recording is complete"
    runs = silent_runs(audio)
    longest = max(runs, default=0) / RATE
    levels = window_levels_db(audio)
    level = float(np.median(levels))
    lowest = float(levels.min())
    buffers = [b for b, _ in samples]
    totals = [b + s for b, s in samples]
    print(
        f"{SOAK_S:.0f} s: longest zero run {1000 * longest:.2f} ms, median 10 ms level "
        f"{level:.1f} dBFS, lowest {lowest:.1f} dBFS; server buffer "
        f"{min(buffers):.0f}-{max(buffers):.0f} ms, buffer+sink {min(totals):.0f}-"
        f"{max(totals):.0f} ms over {len(samples)} samples"
    )
    assert level > -60, "the noise is playing"
    assert longest < MIN_GAP_S, f"a {1000 * longest:.1f} ms run of digital silence"
    assert lowest > level - DIP_DB, f"a 10 ms window {level - lowest:.1f} dB under the noise"
    assert min(buffers) >= 100, samples
    assert min(totals) >= 150, samples
    assert max(totals) <= 400, samples
    assert "Audio buffer ran low" not in app.log_text()
