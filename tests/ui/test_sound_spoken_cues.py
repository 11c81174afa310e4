"""Spoken breathing cues in the built app: said by a real speech-dispatcher on their boundaries
over its socket (nothing built in the app), the tones and a notice where none answers, and the
settings dialog's engine row filled in once the engine has answered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.session import SessionPlan
from acumat_desktop.services.audio.ssip import SsipSpeech, State
from acumat_desktop.ui.settings_dialog import SettingsDialog
from tests.services.speechd_fixture import private_speechd, sounding, speaking_speechd
from tests.ui.test_sound_shutdown import parts
from tests.ui.test_sound_wiring import FakeEngine

__all__ = ["parts", "private_speechd", "sounding", "speaking_speechd"]  # fixtures


def start_box(parts: AcuMat) -> None:
    parts.settings.set("sound.spoken_cues", True)
    parts.settings.set("sound.bells", False)
    parts.session.start(SessionPlan("lying", "Lying", 300.0, BUILTIN_PATTERNS["box"], "rain", 0))


def said(log: Path) -> list[str]:
    """The words the server was given, in order."""
    if not log.exists():
        return []
    marks = ("DATA:|Breathe in", "DATA:|Hold", "DATA:|Breathe out")
    lines = log.read_text(errors="replace").splitlines()
    return [m.removeprefix("DATA:|") for line in lines for m in marks if line.endswith(m)]


def tone_batches(parts: AcuMat) -> list[object]:
    return [args for name, args in FakeEngine.built[-1].calls if name == "schedule_cues"]


def test_cues_are_spoken_by_speech_dispatcher_from_the_first_inhale(
    parts: AcuMat, qtbot: QtBot, speaking_speechd: Path
) -> None:
    start_box(parts)
    qtbot.waitUntil(lambda: said(speaking_speechd)[:2] == ["Breathe in", "Hold"], timeout=10_000)
    backend = parts.sound.speech._backend
    assert isinstance(backend, SsipSpeech), "no QtTextToSpeech engine is built on Linux"
    assert tone_batches(parts) == [], "spoken cues replace the tones"
    parts.session.stop()
    assert backend.state is State.IDLE, "the session is over: the server may quit"


def test_without_a_speech_engine_the_tones_play_with_a_notice(
    parts: AcuMat, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody.sock'}")
    with qtbot.waitSignal(parts.sound.director.noticed, timeout=10_000) as notice:
        start_box(parts)
    assert "speech engine" in notice.args[0]
    qtbot.waitUntil(lambda: tone_batches(parts) != [], timeout=5000)


def test_the_dialog_row_names_the_engine_once_it_answered(
    parts: AcuMat, qtbot: QtBot, private_speechd: Path
) -> None:
    dialog = SettingsDialog(parts.settings)
    qtbot.addWidget(dialog)
    parts.sound.extend_dialog(dialog)
    label = dialog.findChild(QLabel, "sound.speech_engine")
    assert label is not None
    qtbot.waitUntil(lambda: label.text() == "speech-dispatcher (espeak-ng)", timeout=10_000)
    backend = parts.sound.speech._backend
    assert isinstance(backend, SsipSpeech)
    qtbot.waitUntil(lambda: backend.state is State.IDLE, timeout=5000)  # no session: let go
