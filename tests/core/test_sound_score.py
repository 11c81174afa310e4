"""The session's sound score on a fake clock, without Qt: what sounds when."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

import pytest

from acumat_desktop.core.audio import score as sc
from acumat_desktop.core.audio.mix import parse_mix
from acumat_desktop.core.audio.score import (
    Action,
    BellKind,
    ClearCues,
    Cue,
    CueKind,
    CueMode,
    DuckUnder,
    FadeIn,
    FadeOut,
    FadeTo,
    PlayCues,
    Prompt,
    Release,
    RingBell,
    Say,
    ScoreOptions,
    SessionScore,
    SetLayers,
)
from acumat_desktop.core.breathing import BUILTIN_PATTERNS, Phase
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import (
    SessionEngine,
    SessionEvent,
    SessionPlan,
    Started,
    TimedCue,
)

A = TypeVar("A", bound=Action)
BOX = BUILTIN_PATTERNS["box"]  # 4-4-4-4
BOX_KINDS = (CueKind.INHALE, CueKind.HOLD, CueKind.EXHALE, CueKind.HOLD)


class MovingClock(FakeClock):
    """A clock that also moves by ``step`` each time it is read, as a real one does while the
    code runs (a bell rendered on the GUI thread, a slow machine)."""

    def __init__(self, step: float) -> None:
        super().__init__(monotonic=1000.0)
        self.step = step

    def monotonic(self) -> float:
        value = super().monotonic()
        self.advance(self.step)
        return value

    def now(self) -> datetime:
        value = super().now()
        self.advance(self.step)
        return value


@dataclass
class Rig:
    clock: FakeClock
    session: SessionEngine
    score: SessionScore
    options: list[ScoreOptions]
    actions: list[Action] = field(default_factory=list)

    def on_event(self, event: SessionEvent) -> None:
        self.actions += self.score.on_event(event)

    def start(
        self,
        minutes: float = 10,
        countdown: float = 0,
        sound: str | None = "rain",
        cues: tuple[TimedCue, ...] = (),
    ) -> None:
        plan = SessionPlan("lying", "Lying down", minutes * 60, BOX, sound, countdown, cues)
        self.session.start(plan)

    def step(self) -> None:
        """Wake when the session or the score has something due, as the two timers do."""
        due = [d for d in (self.session.next_due_in(), self.score.next_due_in()) if d is not None]
        assert due, "nothing is due: the timers would sleep"
        self.clock.advance(min(due))
        self.session.poll()
        self.actions += self.score.poll()

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)
        self.session.poll()
        self.actions += self.score.poll()

    def run_until(self, elapsed: float) -> None:
        while self.session.elapsed_s < elapsed:
            self.step()

    def of(self, kind: type[A]) -> list[A]:
        return [a for a in self.actions if isinstance(a, kind)]

    def cues(self) -> list[tuple[float, CueKind]]:
        return [(round(c.at_s, 9), c.kind) for a in self.of(PlayCues) for c in a.cues]

    def ducks(self) -> list[tuple[float, CueKind]]:
        return [(round(c.at_s, 9), c.kind) for a in self.of(DuckUnder) for c in a.cues]


def make_rig(clock: FakeClock, options: ScoreOptions | None = None) -> Rig:
    session = SessionEngine(clock)
    opts = [options or ScoreOptions()]
    score = SessionScore(session, clock, lambda: opts[0], parse_mix)
    rig = Rig(clock, session, score, opts)
    session.subscribe(rig.on_event)
    return rig


@pytest.fixture
def rig() -> Rig:
    return make_rig(FakeClock(monotonic=1000.0))


def box_boundaries(until: float, since: float = 0.0) -> list[tuple[float, CueKind]]:
    return [
        (4.0 * i, BOX_KINDS[i % 4]) for i in range(math.ceil(until / 4)) if 4.0 * i >= since - 1e-9
    ]


def test_one_cue_kind_enum_matches_the_breathing_phases_and_the_engines_keys() -> None:
    assert {sc.BREATH_CUES[p] for p in (Phase.INHALE, Phase.HOLD, Phase.EXHALE)} == {
        CueKind.INHALE,
        CueKind.HOLD,
        CueKind.EXHALE,
    }
    assert Phase.REST not in sc.BREATH_CUES
    assert [k.value for k in CueKind] == ["inhale", "hold", "exhale", "prompt"]


def test_start_fades_the_mix_in_then_cues_from_zero_then_rings_the_start_bell(rig: Rig) -> None:
    rig.start()
    kinds = [type(a) for a in rig.actions]
    assert kinds == [ClearCues, SetLayers, FadeIn, PlayCues, RingBell]
    assert rig.of(SetLayers) == [SetLayers((("rain", 1.0),))]
    assert rig.of(FadeIn) == [FadeIn(sc.START_FADE_S)]
    assert rig.of(RingBell) == [RingBell(BellKind.START)], "after the cues: it never delays them"
    assert rig.cues() == box_boundaries(sc.CUE_WINDOW_S)
    assert rig.score.next_due_in() == pytest.approx(sc.CUE_REFRESH_S)


@pytest.mark.parametrize("step", [0.001, 0.02, 0.1])
@pytest.mark.parametrize("countdown", [0.0, 5.0])
def test_every_boundary_from_the_first_inhale_once_on_a_clock_that_moves(
    step: float, countdown: float
) -> None:
    """The clock moves on every read: each scheduling step runs "late". Three minutes of
    refills place every boundary exactly once, at its session time, the first inhale at 0."""
    rig = make_rig(MovingClock(step))
    rig.start(minutes=3, countdown=countdown)
    rig.run_until(rig.session.total_s - 1.0)
    cues = rig.cues()
    assert cues[0] == (0.0, CueKind.INHALE), "the first inhale, at t = 0 after the countdown"
    assert cues == box_boundaries(rig.session.total_s), "none lost or doubled at refill edges"
    assert len(rig.of(PlayCues)) >= 9, "the schedule was refilled many times"


def slow_subscriber(clock: FakeClock, seconds: float) -> Callable[[SessionEvent], None]:
    """A subscriber ahead of the score that takes ``seconds`` over the session's start (the
    window redrawing, a first bell rendered on the GUI thread)."""

    def on_event(event: SessionEvent) -> None:
        if isinstance(event, Started):
            clock.advance(seconds)

    return on_event


def make_late_rig(seconds: float) -> Rig:
    clock = FakeClock(monotonic=1000.0)
    session = SessionEngine(clock)
    session.subscribe(slow_subscriber(clock, seconds))
    score = SessionScore(session, clock, ScoreOptions, parse_mix)
    rig = Rig(clock, session, score, [ScoreOptions()])
    session.subscribe(rig.on_event)
    return rig


def test_the_first_inhale_is_placed_at_zero_even_when_scheduling_runs_late() -> None:
    rig = make_late_rig(0.4)
    rig.start()
    assert rig.session.elapsed_s == pytest.approx(0.4), "the score saw the start 0.4 s late"
    assert rig.cues()[0] == (0.0, CueKind.INHALE), "a little late: still sounds, at once"
    assert rig.cues() == box_boundaries(sc.CUE_WINDOW_S + 0.4)


def test_only_long_past_boundaries_are_skipped() -> None:
    rig = make_late_rig(4.5)  # the app stalled through the first two boundaries
    rig.start()
    assert rig.cues()[:2] == [(4.0, CueKind.HOLD), (8.0, CueKind.EXHALE)], (
        "0 s is 4.5 s past (skipped); 4 s is 0.5 s past, under LATE_CUE_S (kept)"
    )


def test_with_a_countdown_the_cues_are_placed_ahead_of_its_end(rig: Rig) -> None:
    rig.start(countdown=5)
    assert rig.score.session_time_s == pytest.approx(-5.0)
    assert rig.cues() == box_boundaries(sc.CUE_WINDOW_S), "placed ahead: on time from t = 0"
    assert rig.of(RingBell) == []
    rig.advance(5.0)
    assert rig.score.session_time_s == pytest.approx(0.0)
    assert rig.of(RingBell) == [RingBell(BellKind.START)], "the bell rings as the clock starts"
    assert rig.cues() == box_boundaries(sc.CUE_WINDOW_S), "and nothing is placed twice"


def test_a_pause_in_the_countdown_takes_the_cues_back_and_resume_places_them_again(
    rig: Rig,
) -> None:
    rig.start(countdown=5)
    rig.clock.advance(2.0)
    rig.session.pause()
    assert rig.actions[-2:] == [ClearCues(), FadeOut(sc.PAUSE_FADE_S)]
    rig.actions.clear()
    rig.clock.advance(60.0)
    rig.session.resume()
    assert rig.score.session_time_s == pytest.approx(-3.0)
    assert rig.cues() == box_boundaries(sc.CUE_WINDOW_S)


def test_refills_are_due_on_time_and_the_last_stops_at_the_session_end(rig: Rig) -> None:
    rig.start(minutes=1)
    placed = []
    while rig.session.state.value == "running":
        rig.step()
        placed.append(rig.score.cued_until)
    assert rig.score.cued_until == pytest.approx(rig.session.total_s)
    assert rig.cues() == box_boundaries(rig.session.total_s)


def test_pause_clears_and_resume_cues_from_the_session_time_of_the_pause(rig: Rig) -> None:
    rig.start()
    rig.clock.advance(6)
    rig.session.pause()
    assert rig.actions[-2:] == [ClearCues(), FadeOut(sc.PAUSE_FADE_S)]
    assert rig.score.next_due_in() is None, "nothing runs while paused"
    rig.actions.clear()
    rig.clock.advance(100)
    rig.session.resume()
    assert rig.of(FadeTo) == [FadeTo(1.0, sc.RESUME_FADE_S)]
    assert rig.cues()[0] == (8.0, CueKind.EXHALE)
    assert rig.cues() == box_boundaries(6.0 + sc.CUE_WINDOW_S, since=6.0)


def test_cues_off_places_none_and_switching_on_cues_from_now(rig: Rig) -> None:
    rig.options[0] = ScoreOptions(cue_mode=CueMode.OFF, bells=False)
    rig.start()
    rig.clock.advance(9)
    rig.actions += rig.score.poll()
    assert rig.cues() == [] and rig.of(RingBell) == []
    rig.options[0] = ScoreOptions(cue_mode=CueMode.TONES)
    rig.actions += rig.score.options_changed()
    assert rig.cues()[0] == (12.0, CueKind.HOLD)


def test_spoken_cues_duck_on_the_boundaries_and_are_said_when_due(rig: Rig) -> None:
    rig.options[0] = ScoreOptions(cue_mode=CueMode.SPEECH, bells=False)
    rig.start()
    assert rig.cues() == []
    assert rig.ducks() == box_boundaries(sc.CUE_WINDOW_S)
    assert rig.of(Say) == [Say(Cue(0.0, CueKind.INHALE))]
    assert rig.score.next_due_in() == pytest.approx(4.0)
    rig.run_until(20.0)
    said = [(a.cue.at_s, a.cue.kind) for a in rig.of(Say)]
    assert said == box_boundaries(20.0 + 1e-6)


def test_a_spoken_cue_woken_late_says_only_the_latest_and_never_a_stale_one(rig: Rig) -> None:
    rig.options[0] = ScoreOptions(cue_mode=CueMode.SPEECH)
    rig.start()
    rig.clock.advance(8.5)
    rig.actions += rig.score.poll()
    assert [a.cue.at_s for a in rig.of(Say)] == [0.0, 8.0]
    rig.clock.advance(4.9)  # 12 s is 1.4 s behind
    rig.actions += rig.score.poll()
    assert [a.cue.at_s for a in rig.of(Say)] == [0.0, 8.0]
    assert rig.score.words_due[0] == Cue(16.0, CueKind.INHALE)


PROMPTS = (TimedCue(90.0, "Move the pillow under your neck"), TimedCue(30.0, "Relax your jaw"))


def test_routine_prompts_sound_at_their_time_in_order(rig: Rig) -> None:
    rig.start(minutes=3, cues=PROMPTS)
    assert [c.at_s for c in rig.score.prompts_due] == [30.0, 90.0]
    rig.advance(29.9)
    assert rig.of(Prompt) == []
    assert rig.score.next_due_in() == pytest.approx(0.1)
    rig.run_until(120.0)
    prompts = rig.of(Prompt)
    assert prompts == [
        Prompt(Cue(30.0, CueKind.PROMPT, "Relax your jaw")),
        Prompt(Cue(90.0, CueKind.PROMPT, "Move the pillow under your neck")),
    ]
    assert rig.score.prompts_due == []


def test_a_prompt_is_to_be_spoken_only_while_the_cues_are(rig: Rig) -> None:
    rig.options[0] = ScoreOptions(cue_mode=CueMode.SPEECH)
    rig.start(minutes=3, cues=PROMPTS)
    rig.advance(30.0)
    rig.options[0] = ScoreOptions(cue_mode=CueMode.TONES)
    rig.advance(60.0)
    assert [(p.cue.at_s, p.spoken) for p in rig.of(Prompt)] == [(30.0, True), (90.0, False)]


def test_the_timer_wakes_for_a_prompt(rig: Rig) -> None:
    rig.options[0] = ScoreOptions(cue_mode=CueMode.TONES, end_fade_s=0)
    rig.start(minutes=3, cues=(TimedCue(7.5, "Settle"),))
    assert rig.score.next_due_in() == pytest.approx(7.5)


def test_prompts_are_silent_when_cues_are_and_stale_ones_are_skipped(rig: Rig) -> None:
    rig.options[0] = ScoreOptions(cue_mode=CueMode.OFF)
    rig.start(minutes=3, cues=PROMPTS)
    rig.run_until(60.0)
    assert rig.of(Prompt) == [], "cues off: the words are on screen only"
    rig.options[0] = ScoreOptions(cue_mode=CueMode.TONES)
    rig.clock.advance(90.0 + sc.LATE_PROMPT_S + 1 - rig.session.elapsed_s)
    rig.session.poll()
    rig.actions += rig.score.poll()
    assert rig.of(Prompt) == [], "the machine slept through it: too late to mark"


def test_end_fade_ends_with_the_session_and_the_output_is_released_after_the_bell(
    rig: Rig,
) -> None:
    rig.start(minutes=10)
    total, fade = rig.session.total_s, 60.0
    rig.run_until(total - fade - sc.CUE_REFRESH_S)
    assert rig.of(FadeOut) == []
    assert rig.score.next_due_in() == pytest.approx(total - fade - rig.session.elapsed_s)
    rig.step()
    assert rig.session.elapsed_s == pytest.approx(total - fade)
    assert [a.seconds for a in rig.of(FadeOut)] == [pytest.approx(fade)]
    rig.run_until(total)
    assert rig.of(RingBell)[-1] == RingBell(BellKind.END)
    assert rig.of(SetLayers)[-1] == SetLayers(())
    assert rig.score.next_due_in() == pytest.approx(sc.END_BELL_S)
    rig.clock.advance(sc.END_BELL_S)
    assert rig.score.poll() == [Release()]
    assert rig.score.next_due_in() is None


def test_a_short_session_fades_for_at_most_half_of_itself(rig: Rig) -> None:
    rig.start(minutes=1)
    rig.run_until(40.0)
    assert rig.of(FadeOut) == [FadeOut(30.0)]


def test_more_time_during_the_end_fade_brings_the_ambience_back_part_way(rig: Rig) -> None:
    rig.start(minutes=5)
    rig.advance(250.0)
    assert rig.of(FadeOut) == [FadeOut(50.0)]
    rig.session.adjust(60)
    assert rig.of(FadeTo)[-1] == FadeTo(1.0, sc.RESUME_FADE_S)
    rig.run_until(rig.session.total_s - 60.0)
    assert [a.seconds for a in rig.of(FadeOut)] == [50.0, pytest.approx(60.0)]


def test_stop_fades_everything_and_releases_only_the_session_it_ended(rig: Rig) -> None:
    rig.start()
    rig.clock.advance(3)
    rig.session.stop()
    assert rig.actions[-3:] == [
        ClearCues(),
        FadeOut(sc.STOP_FADE_S),
        sc.FadeOutOneshots(sc.STOP_FADE_S),
    ]
    rig.clock.advance(1.0)
    rig.start(sound="wind")
    assert rig.score.next_due_in() == pytest.approx(sc.CUE_REFRESH_S), "no release pending"
    rig.clock.advance(5.0)
    assert Release() not in rig.score.poll()


def test_minute_bell_follows_its_setting_and_an_unplayable_sound_plays_no_ambience(
    rig: Rig,
) -> None:
    rig.options[0] = ScoreOptions(minute_bell=False)
    rig.start(minutes=2, sound="rain:loud")
    assert rig.of(SetLayers) == [SetLayers(())]
    rig.run_until(rig.session.total_s - 50)
    assert rig.of(RingBell) == [RingBell(BellKind.START)]


def test_set_mix_only_during_a_session(rig: Rig) -> None:
    with pytest.raises(RuntimeError, match="no session"):
        rig.score.set_mix([("rain", 0.5)])
    rig.start()
    assert rig.score.set_mix([("rain", 0.5), ("rain", 0.2)]) == [SetLayers((("rain", 0.2),))]
    assert rig.score.mix == [("rain", 0.2)]


def test_a_suspend_pauses_the_cues_with_the_session() -> None:
    clock = FakeClock(monotonic=1000.0)
    rig = make_rig(clock)
    rig.start()
    clock.jump_wall(timedelta(hours=1).total_seconds())
    rig.session.poll()
    assert rig.of(FadeOut) == [FadeOut(sc.PAUSE_FADE_S)]
    assert rig.score.next_due_in() is None
