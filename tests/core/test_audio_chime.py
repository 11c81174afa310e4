"""The soft chime that marks a routine prompt without a speech engine."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
import pytest

from acumat_desktop.core.audio import SAMPLE_RATE, cues
from acumat_desktop.core.audio.chime import CHIME_PEAK_DB, CHIME_S, NOTES, render_chime

F32 = npt.NDArray[np.float32]
FRAME = 2048  # 43 ms: 23 Hz resolution, enough to tell notes a tone apart
HOP = 480  # 10 ms
STABLE_FRAMES = 6  # a note is a pitch that holds for 60 ms


def cue_renderers() -> list[Callable[[str, int], F32]]:
    """The breathing-cue design the engine plays, to check the chime against."""
    return [cues.render_cue]


def notes(sound: F32) -> list[float]:
    """The sequence of notes heard: the loudest frequency of each 10 ms step, kept where it
    holds for STABLE_FRAMES steps, consecutive repeats merged."""
    mono = sound.astype(np.float64).mean(axis=1)
    window = np.hanning(FRAME)
    peak = float(np.abs(mono).max())
    freqs = np.fft.rfftfreq(FRAME, 1 / SAMPLE_RATE)
    track: list[int | None] = []
    for start in range(0, mono.shape[0] - FRAME, HOP):
        part = mono[start : start + FRAME]
        if np.abs(part).max() < peak / 30:  # under -30 dB: nothing heard
            track.append(None)
            continue
        track.append(int(np.argmax(np.abs(np.fft.rfft(part * window)))))
    heard: list[float] = []
    run, last = 0, None
    for bin_ in track:
        run = run + 1 if bin_ is not None and last is not None and abs(bin_ - last) <= 1 else 1
        last = bin_
        if bin_ is not None and run == STABLE_FRAMES:
            f = float(freqs[bin_])
            if not heard or abs(f - heard[-1]) > 0.03 * f:
                heard.append(f)
    return heard


def test_the_chime_is_soft_stereo_and_starts_and_ends_in_silence() -> None:
    chime = render_chime()
    assert chime.dtype == np.float32 and chime.shape == (round(CHIME_S * SAMPLE_RATE), 2)
    assert abs(20 * np.log10(np.abs(chime).max()) - CHIME_PEAK_DB) < 0.01
    assert np.array_equal(chime[:, 0], chime[:, 1])
    assert chime[0, 0] == 0.0 and abs(chime[-1, 0]) < 1e-6, "no click at either end"
    assert np.abs(np.diff(chime[:, 0])).max() < 0.05, "no jump inside it either"


def test_the_chime_is_the_same_every_time_and_follows_the_rate() -> None:
    assert np.array_equal(render_chime(), render_chime())
    assert render_chime(22_050, 1).shape == (round(CHIME_S * 22_050), 1)


def test_the_chime_is_three_rising_notes() -> None:
    heard = notes(render_chime())
    assert len(heard) == 3
    assert heard == pytest.approx(list(NOTES), rel=0.02)


@pytest.mark.parametrize("render", cue_renderers())
@pytest.mark.parametrize("kind", ["inhale", "hold", "exhale"])
def test_no_breathing_cue_sounds_like_the_chime(
    render: Callable[[str, int], F32], kind: str
) -> None:
    cue = notes(render(kind, SAMPLE_RATE))
    chime = notes(render_chime())
    assert len(cue) < len(chime), f"{kind}: {cue} has as many notes as the chime {chime}"
