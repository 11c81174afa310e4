"""A routine's prompts in the built app, with cue tones (spoken cues off): spoken through the
real speech-dispatcher where one answers, else the soft chime; the speech engine is asked for
when the session starts, never built at the prompt."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.session import SessionPlan, TimedCue
from tests.services.test_prompt_voice import private_speechd
from tests.ui.test_sound_shutdown import parts
from tests.ui.test_sound_wiring import FakeEngine

__all__ = ["parts", "private_speechd"]  # fixtures: the app with a stand-in engine; a speechd

WORDS = "Move the pillow under your neck"


def start_with_a_prompt(parts: AcuMat, at_s: float) -> None:
    cues = (TimedCue(at_s, WORDS),)
    parts.session.start(
        SessionPlan("lying", "Lying", 300.0, BUILTIN_PATTERNS["box"], "rain", 0, cues)
    )


def prompt_shots(parts: AcuMat) -> list[object]:
    mixer = FakeEngine.built[-1].mixer
    return [s for s in mixer.pending_oneshots() if s.kind == "prompt" and not s.ducks]


def test_without_a_speech_engine_the_prompt_chimes(
    parts: AcuMat, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody.sock'}")
    voice = parts.sound.prompt_voice
    with qtbot.waitSignal(voice.probed, timeout=10_000) as probed:
        start_with_a_prompt(parts, 1.0)
    assert probed.args == [False]
    qtbot.waitUntil(lambda: len(prompt_shots(parts)) == 1, timeout=5000)
    assert parts.sound._speech is None, "the in-process speech engine was never built"


def test_where_speech_dispatcher_answers_the_prompt_is_spoken(
    parts: AcuMat, qtbot: QtBot, private_speechd: Path
) -> None:
    voice = parts.sound.prompt_voice
    with qtbot.waitSignal(voice.probed, timeout=10_000) as probed:
        start_with_a_prompt(parts, 1.0)
    assert probed.args == [True]
    with qtbot.waitSignal(voice.said, timeout=5000) as said:
        pass
    assert said.args == [WORDS] and prompt_shots(parts) == []
    qtbot.waitUntil(
        lambda: private_speechd.exists() and WORDS in private_speechd.read_text(errors="replace"),
        timeout=10_000,
    )
    assert parts.sound._speech is None, "the in-process speech engine was never built"
