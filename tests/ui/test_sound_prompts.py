"""A routine's prompts in the built app, with cue tones (spoken cues off): spoken by the real
speech-dispatcher over the same socket connection as spoken cues where one answers (opened when
the session starts, let go when it ends), else the soft chime."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.session import SessionPlan, TimedCue
from acumat_desktop.services.audio.speech import SpokenCues
from acumat_desktop.services.audio.ssip import SsipSpeech, State
from tests.services.speechd_fixture import private_speechd, said_in_log, sounding, speaking_speechd
from tests.ui.test_sound_shutdown import parts
from tests.ui.test_sound_wiring import FakeEngine

__all__ = ["parts", "private_speechd", "sounding", "speaking_speechd"]  # fixtures

WORDS = "Move the pillow under your neck"


def start_with_a_prompt(parts: AcuMat, at_s: float) -> None:
    parts.settings.set("sound.bells", False)
    cues = (TimedCue(at_s, WORDS),)
    parts.session.start(
        SessionPlan("lying", "Lying", 300.0, BUILTIN_PATTERNS["box"], "rain", 0, cues)
    )


def speech_of(parts: AcuMat) -> SpokenCues | None:
    """The app's speech engine, if it has been asked for."""
    return parts.sound._speech


def prompt_shots(parts: AcuMat) -> list[object]:
    mixer = FakeEngine.built[-1].mixer
    return [s for s in mixer.pending_oneshots() if s.kind == "prompt" and not s.ducks]


def test_without_a_speech_engine_the_prompt_chimes(
    parts: AcuMat, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody.sock'}")
    start_with_a_prompt(parts, 1.0)
    speech = speech_of(parts)
    assert speech is not None, "asked for when the session started"
    qtbot.waitUntil(lambda: not speech.available, timeout=10_000)
    qtbot.waitUntil(lambda: len(prompt_shots(parts)) == 1, timeout=5000)


def test_where_speech_dispatcher_answers_the_prompt_is_spoken(
    parts: AcuMat, qtbot: QtBot, speaking_speechd: Path
) -> None:
    assert speech_of(parts) is None, "nothing asked for at start-up"
    start_with_a_prompt(parts, 1.0)
    speech = speech_of(parts)
    assert speech is not None, "the connection opens when a session with prompts starts"
    with qtbot.waitSignal(speech.spoken, timeout=10_000) as said:
        pass
    assert said.args == [WORDS] and prompt_shots(parts) == []
    qtbot.waitUntil(lambda: said_in_log(speaking_speechd, WORDS), timeout=10_000)
    text = speaking_speechd.read_text(errors="replace")
    assert f"Queueing message |{WORDS}| with priority 2" in text, "said as a message"
    backend = speech._backend
    assert isinstance(backend, SsipSpeech) and backend.ready
    parts.session.stop()
    assert backend.state is State.IDLE, "the session is over: the server may quit"
