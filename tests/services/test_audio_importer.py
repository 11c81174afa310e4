"""Importing user sounds with QAudioDecoder: success makes a looping, normalised sound."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.audio import dsp
from acumat_desktop.services.audio.importer import SoundImporter
from acumat_desktop.services.audio.soundscapes import SoundCatalogue, SoundInfo

pytestmark = pytest.mark.qt_log_ignore("pipewire", "PulseAudioService", "ffmpeg")


def _write_wav(path: Path, seconds: float, rate: int = 44_100) -> None:
    t = np.arange(int(seconds * rate)) / rate
    rng = np.random.default_rng(5)
    mono = 0.5 * np.sin(2 * np.pi * 220 * t) + 0.05 * rng.standard_normal(t.size)
    pcm = (np.stack([mono, mono * 0.8], axis=1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


def test_a_wav_is_imported_normalised_and_listed(tmp_path: Path, qtbot: QtBot) -> None:
    source = tmp_path / "My Hum.wav"
    _write_wav(source, 4.0)
    user_dir = tmp_path / "user-sounds"
    importer = SoundImporter(user_dir)
    with qtbot.waitSignal(importer.imported, timeout=10_000) as blocker:
        importer.import_file(source)
    info = blocker.args[0]
    assert isinstance(info, SoundInfo)
    assert (info.id, info.name, info.kind) == ("user-my-hum", "My Hum", "user")
    assert (user_dir / "user-my-hum.wav").read_bytes() == source.read_bytes()
    catalogue = SoundCatalogue(tmp_path / "cache", user_dir)
    assert info in catalogue.sounds()
    loop = catalogue.load(info.id)
    assert loop.shape[1] == 2
    assert loop.shape[0] == pytest.approx(3.0 * 48_000, rel=0.02)  # 4 s resampled, minus 1 s fade
    assert dsp.integrated_loudness(loop, 48_000) == pytest.approx(-27.0, abs=1.0)
    assert dsp.true_peak_db(loop) <= -6.0


@pytest.mark.qt_log_ignore("Could not open media")  # Qt's own word on the bad file
def test_an_undecodable_file_fails_with_its_name_and_changes_nothing(
    tmp_path: Path, qtbot: QtBot
) -> None:
    bad = tmp_path / "notes.mp3"
    bad.write_bytes(b"this is not audio at all " * 100)
    user_dir = tmp_path / "user-sounds"
    importer = SoundImporter(user_dir)
    with qtbot.waitSignal(importer.failed, timeout=10_000) as blocker:
        importer.import_file(bad)
    message = blocker.args[0]
    assert "notes.mp3" in message
    assert len(message) > len("Cannot import notes.mp3: ")
    assert not user_dir.exists() or not any(user_dir.iterdir())
    assert not importer.busy
