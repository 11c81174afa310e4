"""A routine's prompts and the breathing cues on one speech-dispatcher connection: each said at
its SSIP priority (a prompt is a ``message``, a cue a ``notification``), against the stand-in
server for the commands and the real one for what it does with them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio.speech import RoutinePrompts, SpokenCues
from acumat_desktop.services.audio.ssip import SsipSpeech
from tests.services.speechd_fixture import (
    private_speechd,
    sounding,
    speaking_speechd,
)
from tests.services.test_ssip_speech import (
    FakeServer,
    FakeSpawner,
    all_sent,
    probe,
    server,
    speech_for,
)

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


def connecting(server: FakeServer) -> tuple[list[float], FakeSpawner, SsipSpeech]:
    """A speech whose server is being spawned (it answers at ``spawner.finish()``), on a
    clock the test moves."""
    clock = [10.0]
    spawner = FakeSpawner(server, auto=False)
    return clock, spawner, speech_for(server, spawner, clock)


def test_prompts_asked_for_while_connecting_are_all_said_before_the_newest_cue(
    qtbot: QtBot, server: FakeServer
) -> None:
    clock, spawner, speech = connecting(server)
    speech.speak("Breathe in")
    speech.speak(PROMPT, prompt=True)
    speech.speak("Turn over", prompt=True)
    speech.speak("Hold")
    qtbot.waitUntil(lambda: spawner.asked == 1, timeout=5000)
    clock[0] += 0.2  # within the cue's tolerance, once the prompts are over
    spawner.finish()
    qtbot.waitUntil(lambda: len(server.said) == 3, timeout=5000)
    assert server.said == [PROMPT, "Turn over", "Hold"]


def saying_a_prompt(qtbot: QtBot, server: FakeServer, clock: list[float]) -> SsipSpeech:
    """Connected, with :data:`PROMPT` being said (the server ends it at ``finish``)."""
    server.listen()
    server.speaking = {PROMPT}
    speech = speech_for(server, clock=clock)
    probe(qtbot, speech)
    speech.speak(PROMPT, prompt=True)
    qtbot.waitUntil(lambda: server.said == [PROMPT], timeout=5000)
    assert {"begin", "end", "cancel"} <= server.notify, "the server tells when words are said"
    return speech


def test_a_cue_during_a_prompt_waits_for_its_end_and_is_said_then_if_on_time(
    qtbot: QtBot, server: FakeServer
) -> None:
    clock = [50.0]
    speech = saying_a_prompt(qtbot, server, clock)
    speech.speak("Hold")  # its boundary comes while the prompt is being said
    all_sent(qtbot, server, speech, 0.5)
    assert server.said == [PROMPT] and server.commands.count("SPEAK") == 1, "not sent meanwhile"
    assert speech.prompting
    clock[0] += 0.1  # the prompt ends 100 ms after the boundary
    server.finish(PROMPT)
    qtbot.waitUntil(lambda: server.said == [PROMPT, "Hold"], timeout=5000)
    assert not speech.prompting
    clock[0] += 4.0
    speech.speak("Breathe out")  # the next boundary: sent at once
    qtbot.waitUntil(lambda: server.said[-1:] == ["Breathe out"], timeout=5000)


@pytest.mark.parametrize("code", [702, 703])
def test_a_cue_whose_moment_passed_during_the_prompt_is_dropped(
    qtbot: QtBot, server: FakeServer, code: int
) -> None:
    clock = [50.0]
    speech = saying_a_prompt(qtbot, server, clock)
    speech.speak("Breathe in")
    speech.speak("Hold")  # only the newest cue waits
    clock[0] += 0.5  # the prompt (or another client's words) ran half a second past it
    server.finish(PROMPT, code)
    qtbot.waitUntil(lambda: not speech.prompting, timeout=5000)
    all_sent(qtbot, server, speech, 0.5)
    assert server.said == [PROMPT], "never said late, on a breath it no longer belongs to"
    speech.speak("Breathe out")
    qtbot.waitUntil(lambda: server.said == [PROMPT, "Breathe out"], timeout=5000)


@pytest.mark.parametrize(
    ("late_s", "prompt_ends_s", "said"),
    [
        (0.2, 0.15, False),  # asked 200 ms after its boundary: the prompt ends 350 ms after it
        (0.0, 0.25, True),  # asked on its boundary: the prompt ends 250 ms after it
    ],
)
def test_a_cue_waiting_for_a_prompt_counts_its_tolerance_from_its_boundary(
    qtbot: QtBot, server: FakeServer, late_s: float, prompt_ends_s: float, said: bool
) -> None:
    """The session's timer may wake late for a cue: how late it already is when asked counts
    against the 300 ms it may wait behind a prompt, so it is said on its beat or not at all."""
    clock = [50.0]
    cues = SpokenCues(backend=saying_a_prompt(qtbot, server, clock))
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    cues.say("hold", late_s=late_s)  # the score's timer woke ``late_s`` after the boundary
    clock[0] += prompt_ends_s
    server.finish(PROMPT)
    backend = cues._backend
    assert isinstance(backend, SsipSpeech)
    qtbot.waitUntil(lambda: not backend.prompting, timeout=5000)
    all_sent(qtbot, server, backend, 0.5)
    assert server.said == ([PROMPT, "Hold"] if said else [PROMPT])
    assert spoken == (["Hold"] if said else [])


def test_a_late_cue_with_nothing_in_its_way_is_said_at_once(
    qtbot: QtBot, server: FakeServer
) -> None:
    """The score decides how late a cue may still be said when nothing of ours is said (its
    LATE_CUE_S); the tolerance is only for a wait behind a prompt."""
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.speak("Hold", late_s=0.5)
    qtbot.waitUntil(lambda: server.said == ["Hold"], timeout=5000)


def test_a_cue_asked_while_connecting_counts_its_tolerance_from_its_boundary(
    qtbot: QtBot, server: FakeServer
) -> None:
    clock, spawner, speech = connecting(server)
    speech.speak("Hold", late_s=0.2)
    qtbot.waitUntil(lambda: spawner.asked == 1, timeout=5000)
    clock[0] += 0.15  # 350 ms after its boundary when the server answers
    spawner.finish()
    qtbot.waitUntil(lambda: speech.ready, timeout=5000)
    all_sent(qtbot, server, speech, 0.5)
    assert server.said == [], "not said 350 ms after its beat"
    speech.speak("Breathe out", late_s=0.1)  # the connection holds nothing up now
    qtbot.waitUntil(lambda: server.said == ["Breathe out"], timeout=5000)


def test_events_that_come_before_a_reply_are_told_from_it(qtbot: QtBot, server: FakeServer) -> None:
    server.events_first = True  # as speech-dispatcher sends a CANCELED before the reply
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    spoken: list[str] = []
    speech.spoken.connect(spoken.append)
    speech.speak(PROMPT, prompt=True)
    qtbot.waitUntil(lambda: spoken == [PROMPT], timeout=5000)
    qtbot.waitUntil(lambda: not speech.prompting, timeout=5000)
    speech.speak("Hold")
    qtbot.waitUntil(lambda: spoken == [PROMPT, "Hold"], timeout=5000)
    assert server.said == [PROMPT, "Hold"] and speech.ready


def test_without_events_a_prompt_holds_the_cues_while_it_may_be_said(
    qtbot: QtBot, server: FakeServer
) -> None:
    server.refuse_events = True  # a server that does not tell: the prompt's length is guessed
    server.listen()
    speech = speech_for(server)
    probe(qtbot, speech)
    speech.speak("Hi", prompt=True)
    qtbot.waitUntil(lambda: server.said == ["Hi"], timeout=5000)
    speech.speak("Hold")
    all_sent(qtbot, server, speech, 0.5)
    assert server.said == ["Hi"] and speech.prompting
    qtbot.waitUntil(lambda: server.said == ["Hi", "Hold"], timeout=5000)  # once it may be over


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
LONG = "Move the pillow under your neck, lie back down slowly, and let your shoulders sink"


def test_the_real_server_says_a_prompt_whole_and_no_cue_late(
    qtbot: QtBot, speaking_speechd: Path
) -> None:
    """A cue being said is cut off by the prompt; a cue whose boundary comes while the prompt
    is said is never queued (the real server dropped it or said it seconds late, after the
    prompt); the next cue after the prompt's end is queued at once."""
    cues = SpokenCues()
    qtbot.waitUntil(lambda: cues.ready, timeout=10_000)
    spoken: list[str] = []
    cues.spoken.connect(spoken.append)
    cues.say("inhale")
    qtbot.waitUntil(lambda: len(spoken) == 1, timeout=10_000)
    assert cues.say_text(LONG)
    log = speaking_speechd
    qtbot.waitUntil(lambda: prompt_said(log, LONG) == "begun", timeout=10_000)
    cues.say("hold")  # seconds before the prompt ends
    qtbot.waitUntil(lambda: prompt_said(log, LONG) in ("whole", "cut"), timeout=30_000)
    assert prompt_said(log, LONG) == "whole", "nothing cut the prompt off"
    backend = cues._backend
    assert isinstance(backend, SsipSpeech)
    qtbot.waitUntil(lambda: not backend.prompting, timeout=10_000)
    cues.say("exhale")  # the boundary after the prompt
    qtbot.waitUntil(lambda: "Queueing message |Breathe out|" in log.read_text(), timeout=10_000)
    text = log.read_text(errors="replace")
    assert "Queueing message |Breathe in| with priority 4" in text  # notification
    assert f"Queueing message |{LONG}| with priority 2" in text  # message
    assert "|Hold|" not in text, "the cue of a boundary during the prompt was never queued"
    assert text.index("Queueing message |Breathe out|") > text.index(
        "reporting end", text.index(LONG)
    )
    assert spoken == ["Breathe in", LONG, "Breathe out"]
    cues.shutdown()


def prompt_said(log: Path, words: str) -> str | None:
    """From the server's log: None before the synthesiser has the prompt's words, "begun"
    while they are said, "whole" once their synthesis ended on its own, "cut" if the
    synthesiser was stopped before."""
    text = log.read_text(errors="replace") if log.exists() else ""
    start = text.find(f"output module: |<speak>{words}</speak>")
    if start < 0:
        return None
    stop, end = text.find("Module stop!", start), text.find("reporting end", start)
    if stop >= 0 and (end < 0 or stop < end):
        return "cut"
    return "whole" if end >= 0 else "begun"
