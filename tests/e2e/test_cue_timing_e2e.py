"""Breathing cues on the beat, heard: the installed ``acumat`` runs a box-breathing session into
a 48 kHz float null sink of the private PulseAudio; sox records its monitor; each cue is found by
matching its waveform (the start bell is found the same way and subtracted first), and every
boundary must sound within 5 ms of where the session's clock puts it, from the first inhale on,
across the rolling schedule's refill (cues are placed 30 s ahead and topped up every 20 s).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from acumat_desktop.core.audio import SAMPLE_RATE, cues, synth
from acumat_desktop.core.audio.chime import render_chime
from acumat_desktop.core.audio.score import CUE_REFRESH_S, CUE_WINDOW_S
from tests.e2e.conftest import AppRunner
from tests.harness.desktop import wait_for

F64 = npt.NDArray[np.float64]
SINK = "cues48"
COUNTDOWN_S = 2.0
HEARD_S = 40.0  # boundaries 0..40 s: 11 cues, across the refill at 20 s
RECORD_S = COUNTDOWN_S + HEARD_S + 6.0  # the recording begins a moment before the session
MINUTES = 1
BOX_S = 4.0
BOX_KINDS = ("inhale", "hold", "exhale", "hold")
TOLERANCE_S = 0.005
MATCH = 0.9  # normalised correlation of a cue with the (bell-free) recording where it sounds


def pactl(runner: AppRunner, *args: str) -> str:
    result = subprocess.run(
        ["pactl", *args], env=runner.env, capture_output=True, text=True, timeout=10, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def sink(acumat: AppRunner) -> Iterator[str]:
    """A sink of our own at the mixer's rate and format, so nothing is resampled or rounded."""
    module = pactl(
        acumat,
        "load-module",
        "module-null-sink",
        f"sink_name={SINK}",
        "rate=48000",
        "format=float32le",
        "channels=2",
    )
    yield SINK
    acumat.run("quit", timeout=10)
    acumat.stop_all()
    pactl(acumat, "unload-module", module)


def mono(samples: npt.NDArray[np.float32]) -> F64:
    return np.asarray(samples, dtype=np.float64).mean(axis=1)


def match(signal: F64, template: F64) -> F64:
    """The normalised correlation of ``template`` at every offset of ``signal`` (1 = the same
    waveform there, at any level)."""
    n, m = signal.shape[0], template.shape[0]
    size = 1 << (n + m).bit_length()
    spectrum = np.fft.rfft(signal, size) * np.conj(np.fft.rfft(template, size))
    dots = np.fft.irfft(spectrum, size)[: n - m + 1]
    power = np.concatenate(([0.0], np.cumsum(signal**2)))
    energy = np.sqrt(np.maximum(power[m:] - power[:-m], 0.0) * float((template**2).sum()))
    floor = 1e-6 * float(np.sqrt((template**2).sum()))  # silence matches nothing
    return np.abs(dots) / np.maximum(energy, floor)


def peaks(score: F64, threshold: float, gap: int) -> list[int]:
    """Offsets where ``score`` passes ``threshold``, the best of each run ``gap`` apart."""
    found: list[int] = []
    for index in np.flatnonzero(score >= threshold):
        if found and index - found[-1] < gap:
            if score[index] > score[found[-1]]:
                found[-1] = int(index)
        else:
            found.append(int(index))
    return found


def subtract(recording: F64, sound: F64) -> tuple[F64, float | None]:
    """Find ``sound`` (a bell, a prompt's chime: louder than the cues they overlap) and take
    it out; return the rest and its onset in seconds (None if it is not there)."""
    score = match(recording, sound)
    at = int(np.argmax(score))
    if score[at] < MATCH:
        return recording, None
    part = recording[at : at + sound.shape[0]]
    sound = sound[: part.shape[0]]
    rest = recording.copy()
    rest[at : at + sound.shape[0]] -= float(part @ sound) / float(sound @ sound) * sound
    return rest, at / SAMPLE_RATE


def cue_designs() -> list[Callable[[str, int], npt.NDArray[np.float32]]]:
    """The breathing-cue design the engine plays (core/audio/cues.py)."""
    return [cues.render_cue]


def cue_onsets(recording: F64) -> list[tuple[float, str]]:
    """Every breathing cue in ``recording``: (onset seconds, kind), in time order."""
    found: list[tuple[float, str]] = []
    for kind in ("inhale", "hold", "exhale"):
        scores = [match(recording, mono(render(kind, SAMPLE_RATE))) for render in cue_designs()]
        score = max(scores, key=lambda s: float(s.max()))
        found += [(i / SAMPLE_RATE, kind) for i in peaks(score, MATCH, SAMPLE_RATE)]
    return sorted(found)


def record(runner: AppRunner, path: Path, seconds: float) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            "sox",
            "-q",
            "-t",
            "pulseaudio",
            f"{SINK}.monitor",
            *("-t", "raw", "-e", "floating-point", "-b", "32", "-c", "1", "-r", "48000"),
            str(path),
            *("trim", "0", str(seconds)),
        ],
        env={**runner.env, "PULSE_LATENCY_MSEC": "50"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_every_box_breathing_cue_sounds_within_5_ms_of_its_boundary(
    acumat: AppRunner, sink: str, tmp_path: Path
) -> None:
    assert CUE_REFRESH_S < CUE_WINDOW_S < HEARD_S, "the recording crosses a refill"
    for key, value in (
        ("session.countdown", f"{COUNTDOWN_S:g}s"),
        ("sound.bells", "true"),
        ("sound.cue_sounds", "true"),
        ("sound.output_device", sink),
    ):
        assert acumat.run("settings", "set", key, value).returncode == 0
    acumat.launch("--minimized")
    acumat.wait_running()
    raw = tmp_path / "cues.f32"
    sox = record(acumat, raw, RECORD_S)
    wait_for(lambda: raw.exists() and raw.stat().st_size > 0, 15, "sox to record")
    started = acumat.run(
        "start", "tired-feet", "--minutes", str(MINUTES), "--breathing", "box", "--sound", "none"
    )
    assert started.returncode == 0, started.stderr
    _, err = sox.communicate(timeout=RECORD_S + 30)
    assert sox.returncode == 0, err
    acumat.run("stop")

    recording = np.fromfile(raw, dtype=np.float32).astype(np.float64)
    rest, bell_at = subtract(recording, mono(synth.render_bell("start", SAMPLE_RATE)))
    assert bell_at is not None, "no start bell in the recording"
    rest, _ = subtract(rest, mono(render_chime()))  # the routine's prompt at 1 min, if heard
    onsets = cue_onsets(rest)
    assert onsets, "no cue heard"
    first_at, first_kind = onsets[0]
    assert first_kind == "inhale", f"the first cue heard is {first_kind}, not the first inhale"
    # The bell is rung "now" when the countdown ends, so it comes after the output's latency
    # (and, the first time, its rendering: ~490 ms measured); the inhale was placed ahead.
    assert 0.0 <= bell_at - first_at < 1.0, (
        "the first inhale sounds on the session's t = 0, the start bell as soon as it can after"
    )
    expected = [(k * BOX_S, BOX_KINDS[k % 4]) for k in range(len(onsets))]
    heard = [(round(at - first_at, 4), kind) for at, kind in onsets]
    assert [kind for _, kind in onsets] == [kind for _, kind in expected], heard
    assert onsets[-1][0] - first_at >= HEARD_S - TOLERANCE_S, "the cues of the refills were heard"
    errors_ms = [
        1000 * (at - first_at - t) for (at, _), (t, _) in zip(onsets, expected, strict=True)
    ]
    print(  # the figures, for the record (pytest -s)
        f"bell {1000 * (bell_at - first_at):.1f} ms after the first inhale; cue onset errors",
        "(ms):",
        " ".join(f"{e:+.3f}" for e in errors_ms),
    )
    assert max(abs(e) for e in errors_ms) <= 1000 * TOLERANCE_S, errors_ms
