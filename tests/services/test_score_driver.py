"""The score driver: cues on their boundaries however late each step runs, from the first
inhale on, to the sample across refills, back on the clock after an underrun; routine prompts
said or chimed. On a fake clock (one that moves on every read, too)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.audio import score as sound_session
from acumat_desktop.core.audio.mixer import OneShot, seconds_to_position
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionPlan, TimedCue
from acumat_desktop.settings.model import SoundSettings
from tests.core.test_sound_score import MovingClock
from tests.services.test_sound_session import (
    BOX,
    CUE_KINDS,
    FakeOutput,
    RecordingMixer,
    Rig,
    box_boundaries,
    make_rig,
)


@pytest.fixture
def rig(qtbot: QtBot) -> Rig:
    return make_rig(FakeClock(monotonic=1000.0))


def test_a_slow_start_bell_never_delays_or_drops_the_first_inhale(rig: Rig) -> None:
    rig.out.bell_cost = 0.16  # the first session's bell is rendered on the GUI thread
    rig.start()
    assert rig.out.named("bell") == ["start"]
    assert min(rig.out.cues) == (1000.0, "inhale"), "on the session's t = 0, not 160 ms later"
    assert [k for _, k in sorted(rig.out.cues)[:4]] == ["inhale", "hold", "exhale", "hold"]


@pytest.mark.parametrize("step", [0.002, 0.03])
def test_every_cue_lands_on_its_boundary_on_a_clock_that_moves(qtbot: QtBot, step: float) -> None:
    """Each read of the clock moves it, so every step of the sound runs a little late; three
    minutes of refills still place each boundary once, at its own time."""
    clock = MovingClock(step)
    rig = make_rig(clock)
    rig.start(minutes=3, countdown=5)
    zero = 1005.0  # the session's t = 0, give or take the clock reads of start()
    while rig.session.state.value == "running" or rig.session.state.value == "countdown":
        due = [rig.session.next_due_in(), rig.sound.score.next_due_in()]
        clock.advance(min(d for d in due if d is not None))
        rig.session.poll()
        rig.sound.poll()
    total = rig.session.total_s
    expected = box_boundaries(total)
    got = sorted(rig.out.cues)
    assert [k for _, k in got] == [k for _, k in expected], "each boundary once, none lost"
    errors = [abs(t - zero - at) for (t, _), (at, _) in zip(got, expected, strict=True)]
    assert max(errors) < 12 * step, "each placed at its session time, relative to its start"


def test_a_routine_prompt_is_said_where_a_speech_engine_can(rig: Rig) -> None:
    rig.settings[0] = SoundSettings(spoken_cues=True)
    plan = SessionPlan(
        "lying", "Lying down", 180, BOX, "rain", 0, (TimedCue(30.0, "Relax your jaw"),)
    )
    rig.session.start(plan)
    rig.advance(29.0)
    assert all(words != "Relax your jaw" for _, words in rig.speaker.said)
    assert rig.sound.timer_remaining_ms == pytest.approx(1000, abs=2)
    rig.advance(1.0)
    assert rig.speaker.said[-1] == (30.0, "Relax your jaw")
    assert not [s for s in rig.out.mixer.pending_oneshots() if s.kind == "prompt"]


def test_with_cue_tones_a_prompt_chimes_and_never_wakes_the_speech_engine(rig: Rig) -> None:
    """Building the speech engine blocks the GUI thread and the GIL for seconds: the audio
    thread starves and every later cue slips. Only spoken cues (probed at the start) use it."""
    plan = SessionPlan("lying", "Lying down", 180, BOX, "rain", 0, (TimedCue(12.0, "Turn"),))
    rig.session.start(plan)
    rig.advance(12.0)
    assert [s.kind for s in rig.out.mixer.pending_oneshots()] == ["prompt"]
    assert rig.speaker.asked == 0 and rig.speaker.said == []


def test_without_a_speech_engine_a_routine_prompt_rings_a_soft_chime(rig: Rig) -> None:
    rig.speaker.available = False
    plan = SessionPlan("lying", "Lying down", 180, BOX, "rain", 0, (TimedCue(12.0, "Turn over"),))
    rig.session.start(plan)
    rig.advance(12.0)
    assert rig.speaker.said == []
    chimes = [s for s in rig.out.mixer.pending_oneshots() if s.kind == "prompt"]
    assert len(chimes) == 1 and chimes[0].position == rig.out.mixer.position, "at once"
    assert (1012.0, "prompt") in rig.out.ducks, "the ambience dips under it"


@dataclass
class FakePrompter:
    """The prompt voice: ready once prepared (when ``answers``), records what it says."""

    clock: FakeClock
    answers: bool = True
    takes: bool = True  # say_text hands the words on (False: muted, or it failed)
    ready: bool = False
    prepared: int = 0
    said: list[tuple[float, str]] = field(default_factory=list)

    def prepare(self) -> None:
        self.prepared += 1
        self.ready = self.answers

    def say_text(self, text: str) -> bool:
        if self.takes:
            self.said.append((round(self.clock.monotonic() - 1000.0, 6), text))
        return self.takes


def prompt_rig(prompter: FakePrompter, *cues: TimedCue) -> Rig:
    rig = make_rig(prompter.clock, prompter=prompter)
    rig.session.start(SessionPlan("lying", "Lying down", 180, BOX, "rain", 0, cues))
    return rig


def chimes(rig: Rig) -> list[OneShot]:
    return [s for s in rig.out.mixer.pending_oneshots() if s.kind == "prompt"]


def test_with_cue_tones_a_prompt_is_spoken_where_an_engine_answered(qtbot: QtBot) -> None:
    """Spoken cues off: the prompt voice, asked at the start, says it; the session's own
    speech engine (seconds to build) is never woken, and no chime rings over the words."""
    prompter = FakePrompter(FakeClock(monotonic=1000.0))
    rig = prompt_rig(prompter, TimedCue(12.0, "Move the pillow under your neck"))
    assert prompter.prepared == 1, "asked when the session starts, not at the prompt"
    rig.advance(12.0)
    assert prompter.said == [(12.0, "Move the pillow under your neck")]
    assert chimes(rig) == [] and rig.speaker.asked == 0
    assert (1012.0, "prompt") in rig.out.ducks, "the ambience dips under the words"


def test_a_session_without_prompts_asks_for_no_engine(qtbot: QtBot) -> None:
    prompter = FakePrompter(FakeClock(monotonic=1000.0))
    prompt_rig(prompter)
    assert prompter.prepared == 0


@pytest.mark.parametrize(("answers", "takes"), [(False, True), (True, False)])
def test_no_engine_or_a_failed_say_chimes(qtbot: QtBot, answers: bool, takes: bool) -> None:
    prompter = FakePrompter(FakeClock(monotonic=1000.0), answers=answers, takes=takes)
    rig = prompt_rig(prompter, TimedCue(12.0, "Turn over"))
    rig.advance(12.0)
    assert prompter.said == [] and len(chimes(rig)) == 1


def test_spoken_cues_say_prompts_through_their_own_engine(qtbot: QtBot) -> None:
    prompter = FakePrompter(FakeClock(monotonic=1000.0))
    rig = make_rig(prompter.clock, prompter=prompter)
    rig.settings[0] = SoundSettings(spoken_cues=True)
    rig.session.start(
        SessionPlan("lying", "Lying down", 180, BOX, "rain", 0, (TimedCue(12.0, "Turn"),))
    )
    rig.advance(12.0)
    assert rig.speaker.said[-1] == (12.0, "Turn") and prompter.said == []


class ClockedMixer(RecordingMixer):
    """A mixer whose output runs: its position moves with the clock (the session began at
    monotonic 1000), ``lost`` frames behind once the output has underrun."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock
        self.lost = 0

    @property
    def position(self) -> int:
        return round((self.clock.monotonic() - 1000.0) * self.rate) - self.lost


@dataclass
class PlacingOutput(FakeOutput):
    """Places cues in its mixer as the audio engine does: counted from what is heard now,
    which the engine knows only to within one 50 ms block (``stale`` frames behind)."""

    stale: int = 0
    sounds: dict[str, np.ndarray] = field(
        default_factory=lambda: {k: np.ones((10, 2), np.float32) for k in CUE_KINDS}
    )

    clocked: ClockedMixer = field(init=False)

    def __post_init__(self) -> None:
        self.mixer = self.clocked = ClockedMixer(self.clock)

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None:
        super().schedule_cues(cues)
        heard = self.mixer.position - self.stale
        for seconds, kind in cues:
            position = seconds_to_position(heard, seconds, self.mixer.rate)
            self.mixer.schedule(OneShot(position, self.sounds[kind], kind, ducks=True))

    def cue_shots(self) -> list[OneShot]:
        return [s for s in self.mixer.pending_oneshots() if s.kind in CUE_KINDS]


def test_refills_keep_the_beat_to_the_sample_whatever_the_engine_thinks_is_heard(
    qtbot: QtBot,
) -> None:
    clock = FakeClock(monotonic=1000.0)
    out = PlacingOutput(clock)
    rig = make_rig(clock, out)
    rig.start(minutes=5)
    out.stale = 2000  # from now on the engine's idea of "now" is 42 ms behind
    for _ in range(9):
        rig.advance(sound_session.CUE_REFRESH_S)
    shots = out.cue_shots()
    expected = box_boundaries(180.0 + sound_session.CUE_WINDOW_S)
    assert [s.kind for s in shots] == [k for _, k in expected], "each boundary once"
    rate = out.mixer.rate
    assert [s.position for s in shots] == [round(t * rate) for t, _ in expected]
    assert all(s.samples is out.sounds[s.kind] for s in shots), "the engine's own sounds"


def test_after_an_underrun_the_next_refill_puts_the_cues_back_on_the_session_clock(
    qtbot: QtBot,
) -> None:
    clock = FakeClock(monotonic=1000.0)
    out = PlacingOutput(clock)
    rig = make_rig(clock, out)
    rig.start(minutes=5)
    rig.advance(sound_session.CUE_REFRESH_S)  # the output runs: its pace is noted
    rig.advance(5.0)
    out.clocked.lost = round(0.4 * out.mixer.rate)  # the output stalled for 400 ms
    rig.advance(sound_session.CUE_REFRESH_S - 5.0)
    rate = out.mixer.rate
    by_time = {round(s.position / rate): s.position for s in out.cue_shots()}
    assert by_time[48] == round(48 * rate), "placed before the stall: it sounds late"
    assert by_time[52] == round(52 * rate) - out.clocked.lost, "placed after: on time again"
    assert by_time[56] - by_time[52] == round(4 * rate), "and on the beat"
