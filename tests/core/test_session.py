"""The session engine, driven through whole sessions with a fake clock."""

from __future__ import annotations

from datetime import timedelta
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, Phase, phase_at
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import (
    MIN_LEFT_S,
    Adjusted,
    CountdownOver,
    CountdownTick,
    CueDue,
    FeelingNoted,
    Finished,
    OneMinuteLeft,
    Paused,
    Resumed,
    SessionEngine,
    SessionEvent,
    SessionPlan,
    SessionState,
    SessionStateError,
    Started,
    Stopped,
    Suspended,
    TimedCue,
)
from acumat_desktop.core.status import SessionStatus

RESONANCE = BUILTIN_PATTERNS["resonance"]
E = TypeVar("E", bound=SessionEvent)


class Recorder:
    def __init__(self, engine: SessionEngine) -> None:
        self.events: list[SessionEvent] = []
        self.unsubscribe = engine.subscribe(self.events.append)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]


def make(
    minutes: float = 40, *, countdown: float = 0.0, pattern: str | None = None, cues: tuple = ()
) -> tuple[FakeClock, SessionEngine, Recorder, SessionPlan]:
    clock = FakeClock()
    engine = SessionEngine(clock)
    rec = Recorder(engine)
    plan = SessionPlan(
        routine_id="back-neck",
        routine_name="Back and neck",
        planned_s=minutes * 60,
        pattern=BUILTIN_PATTERNS[pattern] if pattern else None,
        countdown_s=countdown,
        cues=cues,
    )
    return clock, engine, rec, plan


def run_until_idle(clock: FakeClock, engine: SessionEngine, limit_s: float = 4 * 3600) -> None:
    """Drive the engine the way the app does: sleep until next_due_in, then poll."""
    spent = 0.0
    for _ in range(10_000):
        due = engine.next_due_in()
        if due is None:
            return
        clock.advance(due)
        spent += due
        engine.poll()
        assert spent <= limit_s
    raise AssertionError("the engine never settled")


def test_forty_minute_session_in_milliseconds() -> None:
    cues = (TimedCue(300.0, "Move the pillow under your neck"), TimedCue(1200.0, "Half way"))
    clock, engine, rec, plan = make(40, countdown=5, pattern="resonance", cues=cues)
    start, wall0 = clock.monotonic(), clock.now()
    engine.start(plan)
    assert engine.state.value == "countdown"
    run_until_idle(clock, engine)
    assert engine.state is SessionState.FINISHED
    kinds = [type(e) for e in rec.events]
    assert kinds == [
        Started,
        CountdownTick, CountdownTick, CountdownTick, CountdownTick, CountdownTick,
        CountdownOver,
        CueDue, CueDue,
        OneMinuteLeft,
        Finished,
    ]  # fmt: skip
    assert [e.seconds_left for e in rec.of(CountdownTick)] == [5, 4, 3, 2, 1]
    assert [e.text for e in rec.of(CueDue)] == [c.text for c in cues]
    # 40 min is 218.18 resonance breaths; the session ends at the end of the 219th exhale.
    real = 219 * RESONANCE.cycle_seconds
    assert clock.monotonic() - start == pytest.approx(5 + real)
    (finished,) = rec.of(Finished)
    assert isinstance(finished, Finished)
    assert finished.completed
    assert finished.record.actual_s == pytest.approx(real)
    assert finished.record.planned_s == 2400
    assert finished.record.breaths == 219
    assert finished.record.started_at == wall0 + timedelta(seconds=5)  # after the countdown
    # Polling more changes nothing: every event fired once.
    for _ in range(10):
        clock.advance(30)
        engine.poll()
    assert len(rec.events) == len(kinds)
    assert engine.next_due_in() is None


def test_end_falls_on_a_full_exhale() -> None:
    clock, engine, _rec, plan = make(1.0, pattern="box")
    engine.start(plan)
    run_until_idle(clock, engine)
    elapsed = engine.elapsed_s
    assert elapsed == pytest.approx(60.0)  # 60 s is 3 3/4 box breaths: in the final empty hold
    clock, engine, _rec, plan = make(1.1, pattern="box")  # 66 s: mid-inhale of breath 5
    engine.start(plan)
    run_until_idle(clock, engine)
    assert engine.elapsed_s == pytest.approx(76.0)  # 4 breaths + inhale, hold, exhale
    assert phase_at(BUILTIN_PATTERNS["box"], engine.elapsed_s - 1e-3).phase is Phase.EXHALE


def test_pause_freezes_remaining_exactly() -> None:
    clock, engine, rec, plan = make(20)
    engine.start(plan)
    clock.advance(123.456)
    engine.poll()
    assert engine.pause()
    frozen = engine.remaining_s
    breath = engine.breath
    assert frozen == pytest.approx(1200 - 123.456)
    clock.advance(7 * 3600)
    engine.poll()
    assert engine.remaining_s == frozen
    assert engine.breath == breath
    assert engine.next_due_in() is None
    assert engine.snapshot()["state"] == "paused"
    assert engine.resume()
    assert engine.remaining_s == frozen
    clock.advance(10)
    assert engine.remaining_s == pytest.approx(frozen - 10)
    assert [type(e) for e in rec.events] == [Started, Paused, Resumed]
    assert not engine.resume()  # not paused: nothing happens


def test_pause_during_countdown_holds_the_countdown() -> None:
    clock, engine, _rec, plan = make(5, countdown=10)
    engine.start(plan)
    clock.advance(3.5)
    engine.pause()
    clock.advance(100)
    engine.poll()
    assert engine.countdown_remaining_s == pytest.approx(6.5)
    assert engine.elapsed_s == 0
    engine.resume()
    clock.advance(6.5)
    engine.poll()
    assert engine.state is SessionState.RUNNING
    assert engine.remaining_s == pytest.approx(300)


def test_adjust_plus_and_minus_one_minute() -> None:
    clock, engine, rec, plan = make(10)
    engine.start(plan)
    clock.advance(60)
    assert engine.adjust(+60) == 60
    assert engine.remaining_s == pytest.approx(600)
    assert engine.plan is not None
    assert engine.plan.planned_s == 660
    assert engine.adjust(-60) == -60
    assert engine.remaining_s == pytest.approx(540)
    clock.advance(500)  # 40 s left
    applied = engine.adjust(-60)
    assert applied == pytest.approx(-10)  # never below MIN_LEFT_S left
    assert engine.remaining_s == pytest.approx(MIN_LEFT_S)
    assert engine.adjust(-60) == 0  # already at the minimum: never lengthens
    assert [type(e) for e in rec.events] == [Started, Adjusted, Adjusted, OneMinuteLeft, Adjusted]


def test_adjust_while_paused_keeps_the_pause() -> None:
    clock, engine, _rec, plan = make(10)
    engine.start(plan)
    clock.advance(100)
    engine.pause()
    engine.adjust(60)
    clock.advance(1000)
    assert engine.remaining_s == pytest.approx(560)


def test_one_minute_left_and_finished_fire_once_even_after_adjust() -> None:
    clock, engine, rec, plan = make(3)
    engine.start(plan)
    clock.advance(130)
    engine.poll()
    engine.poll()
    assert len(rec.of(OneMinuteLeft)) == 1
    engine.adjust(60)  # 110 s left again
    clock.advance(60)
    engine.poll()
    assert len(rec.of(OneMinuteLeft)) == 1
    clock.advance(100)
    engine.poll()
    engine.poll()
    assert len(rec.of(Finished)) == 1
    assert not engine.stop()  # over already
    assert not rec.of(Stopped)


def test_short_session_has_no_one_minute_warning() -> None:
    clock, engine, rec, plan = make(0.5)
    engine.start(plan)
    run_until_idle(clock, engine)
    assert not rec.of(OneMinuteLeft)
    assert len(rec.of(Finished)) == 1


def test_late_poll_fires_everything_due_in_order() -> None:
    cues = (TimedCue(400, "second"), TimedCue(100, "first"), TimedCue(9999, "never: after the end"))
    clock, engine, rec, plan = make(10, countdown=5, cues=cues)
    engine.start(plan)
    clock.advance(3600)
    engine.poll()
    texts = [e.text for e in rec.of(CueDue)]
    assert texts == ["first", "second"]
    assert [type(e) for e in rec.events][-4:] == [CueDue, CueDue, OneMinuteLeft, Finished]
    assert engine.elapsed_s == pytest.approx(600)  # counted from the countdown's end


def test_stop_records_what_was_done() -> None:
    clock, engine, rec, plan = make(20, pattern="relax-4-6")
    engine.start(plan)
    clock.advance(95)
    assert engine.stop()
    (stopped,) = rec.of(Stopped)
    assert isinstance(stopped, Stopped)
    assert not stopped.record.completed
    assert stopped.record.actual_s == pytest.approx(95)
    assert stopped.record.breaths == 9
    assert engine.snapshot()["state"] == "idle"
    assert not engine.stop()
    engine.set_feeling(4)
    (noted,) = rec.of(FeelingNoted)
    assert isinstance(noted, FeelingNoted)
    assert noted.record.feeling == 4


def test_feeling_only_after_the_end_and_in_range() -> None:
    clock, engine, _rec, plan = make(1)
    with pytest.raises(SessionStateError):
        engine.set_feeling(3)
    engine.start(plan)
    with pytest.raises(SessionStateError):
        engine.set_feeling(3)
    run_until_idle(clock, engine)
    with pytest.raises(ValueError, match="between 1 and 5"):
        engine.set_feeling(6)
    engine.set_feeling(5)
    assert engine.record is not None
    assert engine.record.feeling == 5


def test_start_while_running_is_refused_then_allowed_after_the_end() -> None:
    _clock, engine, _rec, plan = make(1)
    engine.start(plan)
    with pytest.raises(SessionStateError):
        engine.start(plan)
    engine.stop()
    engine.start(plan)
    assert engine.state is SessionState.RUNNING
    assert engine.remaining_s == pytest.approx(60)


def test_suspend_pauses_and_says_so() -> None:
    clock, engine, rec, plan = make(20)
    engine.start(plan)
    clock.advance(100)
    engine.poll()
    clock.jump_wall(3600)  # asleep for an hour: monotonic time stood still
    clock.advance(1)
    engine.poll()
    assert engine.state is SessionState.PAUSED
    (suspended,) = rec.of(Suspended)
    assert isinstance(suspended, Suspended)
    assert suspended.paused
    assert suspended.wall_gap_s == pytest.approx(3600)
    assert engine.remaining_s == pytest.approx(1099)
    engine.suspended(50)  # reported again by the OS service: already paused
    assert rec.of(Suspended)[-1] == Suspended(50, paused=False)
    assert len(rec.of(Paused)) == 1


def test_explicit_suspend_report_pauses() -> None:
    clock, engine, rec, plan = make(20)
    engine.suspended(10)  # idle: nothing to do
    assert rec.events == []
    engine.start(plan)
    clock.advance(10)
    engine.suspended(600)
    assert engine.state is SessionState.PAUSED
    assert engine.remaining_s == pytest.approx(1190)


def test_small_wall_jumps_are_not_a_suspend() -> None:
    clock, engine, _rec, plan = make(20)
    engine.start(plan)
    clock.jump_wall(5)
    clock.advance(1)
    engine.poll()
    assert engine.state is SessionState.RUNNING


def test_snapshot_matches_the_status_contract() -> None:
    clock, engine, _rec, plan = make(10, countdown=3, pattern="box")
    idle = engine.snapshot()
    assert SessionStatus.model_validate(idle).state == "idle"
    engine.start(plan)
    counting = engine.snapshot()
    SessionStatus.model_validate(counting)
    assert counting["state"] == "countdown", "a status bar can tell a countdown from a session"
    assert counting["countdown_remaining_s"] == 3
    assert counting["elapsed_s"] == 0
    assert counting["breathing"] == {"pattern": "box", "phase": None, "phase_remaining_s": None}
    clock.advance(3 + 5)
    engine.poll()
    snap = engine.snapshot()
    SessionStatus.model_validate(snap)
    assert snap["state"] == "running" and snap["countdown_remaining_s"] == 0
    assert snap["routine"] == "back-neck"
    assert snap["planned_s"] == 600
    assert snap["elapsed_s"] == pytest.approx(5)
    assert snap["remaining_s"] == pytest.approx(600 - 5)  # the chosen time, not the 604 s run
    assert engine.remaining_s == pytest.approx(604 - 5)  # the run: 600 s is mid-exhale
    assert snap["breathing"] == {"pattern": "box", "phase": "hold", "phase_remaining_s": 3.0}
    engine.stop()
    assert engine.snapshot() == idle
    engine.start(plan)
    run_until_idle(clock, engine)
    done = engine.snapshot()
    SessionStatus.model_validate(done)
    assert (done["state"], done["remaining_s"], done["breathing"]["phase"]) == (
        "finished",
        0,
        None,
    )


def test_the_session_counts_the_minutes_as_chosen_and_lets_the_last_exhale_finish() -> None:
    """A box-breathing 10-minute session: 600 s falls mid-exhale, so the run ends at 604 s;
    the chosen time still reads 10:00 and reaches 0 at 600 s, one minute left at 540 s."""
    clock, engine, rec, plan = make(10, pattern="box")
    engine.start(plan)
    assert (engine.chosen_s, engine.chosen_remaining_s, engine.total_s) == (600, 600, 604)
    assert engine.snapshot()["remaining_s"] == 600
    clock.advance(540)
    engine.poll()
    assert [e.remaining_s for e in rec.of(OneMinuteLeft)] == [pytest.approx(60)]
    clock.advance(60)
    engine.poll()
    assert engine.state is SessionState.RUNNING, "the last exhale is still finishing"
    assert engine.chosen_remaining_s == 0 and engine.remaining_s == pytest.approx(4)
    assert engine.snapshot()["remaining_s"] == 0
    breath = engine.breath
    assert breath is not None and breath.phase is Phase.EXHALE
    assert engine.next_due_in() == pytest.approx(4)
    clock.advance(4)
    engine.poll()
    finished = rec.of(Finished)
    assert len(finished) == 1 and finished[0].record.actual_s == pytest.approx(604)
    assert engine.chosen_remaining_s == 0 and engine.remaining_s == 0


def test_unsubscribe_and_a_failing_subscriber() -> None:
    _clock, engine, rec, plan = make(1)

    def broken(event: SessionEvent) -> None:
        raise RuntimeError("boom")

    engine.subscribe(broken)
    rec.unsubscribe()
    engine.start(plan)  # the broken subscriber is logged, not raised
    assert rec.events == []
    assert engine.state is SessionState.RUNNING


def test_plan_validation() -> None:
    with pytest.raises(ValueError, match="planned_s"):
        SessionPlan("x", "X", planned_s=0)
    with pytest.raises(ValueError, match="countdown_s"):
        SessionPlan("x", "X", planned_s=60, countdown_s=-1)


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(["advance", "pause", "resume", "plus", "minus", "poll"]),
            st.floats(min_value=0.0, max_value=400.0),
        ),
        max_size=30,
    )
)
def test_any_sequence_keeps_the_books_straight(steps: list[tuple[str, float]]) -> None:
    clock, engine, rec, plan = make(15, countdown=5, pattern="cyclic-sigh")
    engine.start(plan)
    running_time = 0.0
    for action, value in steps:
        before = engine.state
        if action == "advance":
            clock.advance(value)
            if before is SessionState.RUNNING:
                running_time += value
        elif action == "pause":
            engine.pause()
        elif action == "resume":
            engine.resume()
        elif action == "plus":
            engine.adjust(60)
        elif action == "minus":
            engine.adjust(-60)
        else:
            engine.poll()
        if engine.state in (SessionState.RUNNING, SessionState.PAUSED):
            assert engine.elapsed_s + engine.remaining_s == pytest.approx(engine.total_s)
            assert engine.remaining_s >= 0
    run_until_idle(clock, engine)
    if engine.state is SessionState.PAUSED:
        engine.resume()
        run_until_idle(clock, engine)
    assert engine.state is SessionState.FINISHED
    assert len(rec.of(Finished)) == 1
    assert len(rec.of(OneMinuteLeft)) <= 1
    assert engine.record is not None
    assert engine.record.actual_s >= 60.0 - 1e-6 or engine.record.actual_s >= MIN_LEFT_S
