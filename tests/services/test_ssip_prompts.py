"""A routine's prompts and the breathing cues on one speech-dispatcher connection: each said at
its SSIP priority (a prompt is a ``message``, a cue a ``notification``), against the stand-in
server for the commands and the real one for what it does with them."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.speech import RoutinePrompts, SpokenCues
from tests.services.speechd_fixture import (
    private_speechd,
    sounding,
    speaking_speechd,
)
from tests.services.test_ssip_speech import FakeServer, FakeSpawner, probe, server, speech_for

__all__ = ["private_speechd", "server", "sounding", "speaking_speechd"]  # fixtures

PROMPT = "Move the pillow under your neck"


def priorities_and_words(server: FakeServer) -> list[str]:
    return [c.removeprefix("SET self PRIORITY ") for c in server.commands if "PRIORITY" in c]


def test_a_prompt_is_a_message_and_a_cue_a_notification(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.speak("Breathe in")
    qtbot.waitUntil(lambda: len(server.said) == 1, timeout=5000)
    speech.speak(PROMPT, prompt=True)
    speech.speak("Turn over", prompt=True)
    speech.speak("Hold")
    qtbot.waitUntil(lambda: len(server.said) == 4, timeout=5000)
    assert server.said == ["Breathe in", PROMPT, "Turn over", "Hold"]
    assert priorities_and_words(server) == ["notification", "message", "notification"]
    assert "CANCEL self" not in server.commands, "nothing of ours is cut off by hand"


def test_a_newer_cue_replaces_one_not_yet_sent_but_never_a_prompt(
    qtbot: QtBot, server: FakeServer
) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.speak(PROMPT, prompt=True)
    speech.speak("Breathe in")
    speech.speak("Hold")  # before the server took anything
    qtbot.waitUntil(lambda: len(server.said) == 2, timeout=5000)
    assert server.said == [PROMPT, "Hold"]


def test_the_words_of_a_speak_in_flight_always_follow_it(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    server.hold = {"SPEAK"}
    speech.speak("Breathe in")
    qtbot.waitUntil(lambda: server.commands[-1:] == ["SPEAK"], timeout=5000)
    speech.speak("Hold")  # the server waits for "Breathe in"'s words: they must come next
    server.hold = set()
    server.resume()
    qtbot.waitUntil(lambda: len(server.said) == 2, timeout=5000)
    assert server.said == ["Breathe in", "Hold"]


def test_prompts_asked_for_while_connecting_are_all_said_before_the_newest_cue(
    qtbot: QtBot, server: FakeServer
) -> None:
    clock = [10.0]
    spawner = FakeSpawner(server, auto=False)
    speech = speech_for(server, spawner, clock)
    speech.speak("Breathe in")
    speech.speak(PROMPT, prompt=True)
    speech.speak("Turn over", prompt=True)
    speech.speak("Hold")
    qtbot.waitUntil(lambda: spawner.asked == 1, timeout=5000)
    clock[0] += 1.0
    spawner.finish()
    qtbot.waitUntil(lambda: len(server.said) == 3, timeout=5000)
    assert server.said == [PROMPT, "Turn over", "Hold"]


def test_stop_cuts_off_prompts_too(qtbot: QtBot, server: FakeServer) -> None:
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    server.hold = {"SPEAK"}
    speech.speak(PROMPT, prompt=True)
    speech.speak("Turn over", prompt=True)
    qtbot.waitUntil(lambda: server.commands[-1:] == ["SPEAK"], timeout=5000)
    speech.stop()  # the session paused: the second prompt is not sent
    server.hold = set()
    server.resume()
    qtbot.waitUntil(lambda: server.commands[-1:] == ["CANCEL self"], timeout=5000)
    assert server.said == [PROMPT]


def test_routine_prompts_are_said_once_the_engine_answered(
    qtbot: QtBot, server: FakeServer
) -> None:
    server.listen()
    built: list[SpokenCues] = []

    def speech() -> SpokenCues:
        if not built:
            built.append(SpokenCues(backend=speech_for(server)))
        return built[0]

    prompts = RoutinePrompts(speech)
    assert not prompts.ready and not prompts.say_text(PROMPT), "nothing built before prepare"
    assert built == []
    prompts.prepare()  # a session with prompts starts
    assert not prompts.say_text(PROMPT), "not before the engine answered: the prompt chimes"
    qtbot.waitUntil(lambda: prompts.ready, timeout=5000)
    built[0].set_volume(0.5, muted=True)
    assert not prompts.say_text(PROMPT), "muted: chimes (as quietly)"
    built[0].set_volume(0.5, muted=False)
    assert prompts.say_text(PROMPT)
    qtbot.waitUntil(lambda: server.said == [PROMPT], timeout=5000)
    assert "SET self PRIORITY message" in server.commands


# --- the real speech-dispatcher -------------------------------------------------------------
def test_the_real_server_says_a_prompt_whole_over_the_cues(
    qtbot: QtBot, speaking_speechd: Path
) -> None:
    """A cue being said is cut off by the prompt; a cue that comes while the prompt is said
    never cuts it off (the server drops it or says it afterwards, as its queue stands)."""
    cues = SpokenCues()
    qtbot.waitUntil(lambda: cues.ready, timeout=10_000)
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    cues.say("inhale")
    qtbot.waitUntil(lambda: len(spoken) == 1, timeout=10_000)
    assert cues.say_text(PROMPT)
    qtbot.waitUntil(lambda: len(spoken) == 2, timeout=10_000)
    cues.say("hold")
    qtbot.waitUntil(lambda: len(spoken) == 3, timeout=10_000)
    log = speaking_speechd
    qtbot.waitUntil(lambda: prompt_said(log) is not None, timeout=20_000)
    assert prompt_said(log) == "whole", "nothing cut the prompt off"
    text = log.read_text(errors="replace")
    assert f"Queueing message |{PROMPT}| with priority 2" in text  # message
    assert "Queueing message |Hold| with priority 4" in text  # notification
    cues.shutdown()


def prompt_said(log: Path) -> str | None:
    """From the server's log: "whole" once the prompt's synthesis ended on its own, "cut" if
    the synthesiser was stopped before, None while it is still being said."""
    text = log.read_text(errors="replace") if log.exists() else ""
    start = text.find(f"output module: |<speak>{PROMPT}</speak>")
    if start < 0:
        return None
    stop, end = text.find("Module stop!", start), text.find("reporting end", start)
    if stop >= 0 and (end < 0 or stop < end):
        return "cut"
    return "whole" if end >= 0 else None
