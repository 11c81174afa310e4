"""Spoken cues through QtTextToSpeech's ``mock`` engine (Qt ships it for tests; production
never picks it)."""

from __future__ import annotations

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.speech import NO_ENGINE_NOTICE, SpokenCues
from acumat_desktop.services.audio.speech_qt import QtSpeech, production_engines


def _engine(cues: SpokenCues) -> QTextToSpeech:
    found = cues.findChildren(QTextToSpeech)
    assert len(found) == 1
    return found[0]


def test_production_never_picks_the_test_engine() -> None:
    assert production_engines(["mock", "speechd"]) == ["speechd"]
    assert production_engines(["mock"]) == []
    assert "mock" not in production_engines(QTextToSpeech.availableEngines())


def test_the_cue_words_reach_the_engine(qtbot: QtBot) -> None:
    cues = SpokenCues(engines=["mock"])
    assert cues.available and cues.engine_name == "mock" and cues.describe() == "mock"
    heard: list[str] = []
    _engine(cues).sayingWord.connect(lambda word, *_: heard.append(word))
    cues.say("inhale")
    qtbot.waitUntil(lambda: heard == ["Breathe", "in"], timeout=3000)
    cues.say("exhale")
    qtbot.waitUntil(lambda: heard[2:] == ["Breathe", "out"], timeout=3000)
    cues.say("hold")
    qtbot.waitUntil(lambda: heard[4:] == ["Hold"], timeout=3000)


def test_muted_or_silent_says_nothing_and_volume_follows_the_master(qtbot: QtBot) -> None:
    cues = SpokenCues(engines=["mock"])
    said: list[str] = []
    cues.spoken.connect(said.append)
    cues.set_volume(0.4, muted=False)
    assert _engine(cues).volume() == pytest.approx(0.4)
    cues.set_volume(0.4, muted=True)
    cues.say("inhale")
    cues.set_volume(0.0, muted=False)
    cues.say("inhale")
    assert said == []
    assert _engine(cues).state() == QTextToSpeech.State.Ready


def test_stop_cuts_the_words_off(qtbot: QtBot) -> None:
    cues = SpokenCues(engines=["mock"])
    engine = _engine(cues)
    heard: list[str] = []
    engine.sayingWord.connect(lambda word, *_: heard.append(word))
    cues.say("exhale")
    qtbot.waitUntil(lambda: heard == ["Breathe"], timeout=3000)
    cues.stop()
    assert engine.state() == QTextToSpeech.State.Ready
    qtbot.wait(400)  # the mock engine would say "out" ~100 ms after "Breathe"
    assert heard == ["Breathe"]


@pytest.mark.qt_log_ignore("text-to-speech", "Text-to-speech")
def test_without_an_engine_it_says_why_and_stays_quiet() -> None:
    cues = SpokenCues(engines=["no-such-engine"])
    assert not cues.available and cues.engine_name is None
    assert NO_ENGINE_NOTICE in cues.describe()
    cues.say("inhale")  # nothing happens, nothing breaks
    cues.stop()


def test_a_routine_prompt_is_said_in_its_own_words(qtbot: QtBot) -> None:
    cues = SpokenCues(engines=["mock"])
    heard: list[str] = []
    _engine(cues).sayingWord.connect(lambda word, *_: heard.append(word))
    cues.say_text("Step off the mat")
    qtbot.waitUntil(lambda: heard == ["Step", "off", "the", "mat"], timeout=3000)
    cues.set_volume(0.5, muted=True)
    said: list[str] = []
    cues.spoken.connect(said.append)
    cues.say_text("Move the pillow")
    assert said == [], "muted: prompts are as quiet as the cues"


def test_a_prompt_cuts_off_a_cue_and_a_cue_never_cuts_off_a_prompt(qtbot: QtBot) -> None:
    """speech-dispatcher's priorities, kept by the QtTextToSpeech engines (Windows, macOS)."""
    cues = SpokenCues(engines=["mock"])
    heard: list[str] = []
    _engine(cues).sayingWord.connect(lambda word, *_: heard.append(word))
    cues.say("exhale")
    qtbot.waitUntil(lambda: heard == ["Breathe"], timeout=3000)
    assert cues.say_text("Step off the mat")  # cuts "Breathe out" off
    qtbot.waitUntil(lambda: heard[1:] == ["Step"], timeout=3000)
    cues.say("hold")  # dropped: the prompt goes on
    assert cues.say_text("Turn over")  # said after it
    qtbot.waitUntil(lambda: heard[-1:] == ["over"], timeout=5000)
    assert heard == ["Breathe", "Step", "off", "the", "mat", "Turn", "over"]
    cues.say("inhale")  # the prompts are over: cues are said again
    qtbot.waitUntil(lambda: heard[-2:] == ["Breathe", "in"], timeout=3000)


@pytest.mark.parametrize(
    ("asked_late_s", "prompt_ends_s", "said"),
    [
        (0.0, 0.1, True),
        (0.0, 0.5, False),
        (0.2, 0.15, False),  # the timer woke 200 ms late: the prompt ends 350 ms after the beat
        (0.0, 0.25, True),
    ],
)
def test_a_cue_during_a_prompt_is_said_at_its_end_only_if_still_on_time(
    qtbot: QtBot, asked_late_s: float, prompt_ends_s: float, said: bool
) -> None:
    """As over speech-dispatcher: a cue waits for the prompt, and is never said late; the
    tolerance counts from its boundary, ``asked_late_s`` before it was asked for."""
    clock = [10.0]
    speech = QtSpeech(engines=["mock"], clock=lambda: clock[0])
    cues = SpokenCues(backend=speech)
    heard: list[str] = []
    speech.spoken.connect(heard.append)
    engine = speech.findChild(QTextToSpeech)
    assert engine is not None
    assert cues.say_text("Step off the mat")
    qtbot.waitUntil(lambda: engine.state() in (QTextToSpeech.State.Speaking,), timeout=3000)
    cues.say("hold", late_s=asked_late_s)  # its boundary came while the prompt is said
    assert heard == ["Step off the mat"]
    clock[0] += prompt_ends_s  # the prompt ends this long after the cue was asked for
    qtbot.waitUntil(lambda: engine.state() is QTextToSpeech.State.Ready, timeout=5000)
    assert heard == (["Step off the mat", "Hold"] if said else ["Step off the mat"])
    speech.shutdown()
