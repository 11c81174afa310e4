"""Session -> sound: what the audio engine is told during a session, on a fake clock."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.audio.mixer import Mixer
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.settings.model import SoundSettings
from acumat_desktop.wiring import sound_session
from acumat_desktop.wiring.sound_session import SessionSound, parse_mix

BOX = BUILTIN_PATTERNS["box"]  # 4-4-4-4


class RecordingMixer(Mixer):
    def __init__(self) -> None:
        super().__init__()
        self.fades: list[tuple[float, float]] = []

    def fade_to(self, level: float, seconds: float, from_level: float | None = None) -> None:
        self.fades.append((level, seconds))
        super().fade_to(level, seconds, from_level)


@dataclass
class FakeOutput:
    """Records what the session asks of the audio engine; t is the session time of each call."""

    clock: FakeClock
    mixer: RecordingMixer = field(default_factory=RecordingMixer)
    calls: list[tuple[str, object]] = field(default_factory=list)
    cues: list[tuple[float, str]] = field(default_factory=list)  # absolute monotonic seconds

    def set_layers(self, layers: list[tuple[str, float]]) -> None:
        self.calls.append(("layers", list(layers)))

    def fade_in(self, seconds: float) -> None:
        self.calls.append(("fade_in", seconds))

    def fade_out(self, seconds: float) -> None:
        self.calls.append(("fade_out", round(seconds, 3)))

    def play_bell(self, kind: str) -> None:
        self.calls.append(("bell", kind))

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None:
        now = self.clock.monotonic()
        self.cues.extend((round(now + s, 6), k) for s, k in cues)

    def clear_cues(self) -> None:
        self.calls.append(("clear_cues", None))
        now = self.clock.monotonic()
        self.cues = [c for c in self.cues if c[0] < now]

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def named(self, name: str) -> list[object]:
        return [arg for n, arg in self.calls if n == name]


@dataclass
class Rig:
    clock: FakeClock
    session: SessionEngine
    out: FakeOutput
    sound: SessionSound
    settings: list[SoundSettings]

    def advance(self, seconds: float) -> None:
        """Let time pass as the app does: the session's events, then the sound's timer."""
        self.clock.advance(seconds)
        self.session.poll()
        self.sound.poll()

    def start(self, sound: str | None = "rain", minutes: float = 10, countdown: float = 0) -> None:
        plan = SessionPlan("lying", "Lying down", minutes * 60, BOX, sound, countdown)
        self.session.start(plan)

    def cue_times(self) -> list[tuple[float, str]]:
        """Scheduled cues as session seconds (the session started at monotonic 1000)."""
        return [(round(t - 1000.0, 6), k) for t, k in self.out.cues]


@pytest.fixture
def rig(qtbot: QtBot) -> Rig:
    clock = FakeClock(monotonic=1000.0)
    session = SessionEngine(clock)
    out = FakeOutput(clock)
    settings = [SoundSettings()]
    sound = SessionSound(lambda: out, session, lambda: settings[0], parse_mix)
    session.subscribe(sound.on_event)
    return Rig(clock, session, out, sound, settings)


def box_boundaries(until: float) -> list[tuple[float, str]]:
    kinds = ("inhale", "hold", "exhale", "hold")
    return [(4.0 * i, kinds[i % 4]) for i in range(math.ceil(until / 4))]


def test_parse_mix() -> None:
    assert parse_mix("rain") == [("rain", 1.0)]
    assert parse_mix("rain:0.7, wind:0.3") == [("rain", 0.7), ("wind", 0.3)]
    for bad in ("rain:loud", "rain:1.5", ":0.5"):
        with pytest.raises(ValueError, match=r"rain|layer"):
            parse_mix(bad)


def test_start_plays_the_mix_fades_in_rings_and_cues_the_first_window(rig: Rig) -> None:
    rig.start("rain:0.7,wind:0.3")
    assert rig.out.named("layers") == [[("rain", 0.7), ("wind", 0.3)]]
    assert rig.out.named("fade_in") == [sound_session.START_FADE_S]
    assert rig.out.named("bell") == ["start"]
    assert rig.cue_times() == box_boundaries(sound_session.CUE_WINDOW_S)
    assert rig.sound.timer_active


@pytest.mark.parametrize("sound", [None, "none", "None"])
def test_no_sound_means_no_ambience(rig: Rig, sound: str | None) -> None:
    rig.start(sound)
    assert rig.out.named("layers") == [[]]
    assert rig.sound.mix == []


def test_cues_roll_forward_each_boundary_once_on_the_beat(rig: Rig) -> None:
    rig.start()
    for _ in range(9):  # three minutes in refresh-sized steps
        rig.advance(sound_session.CUE_REFRESH_S)
    assert rig.cue_times() == box_boundaries(180.0 + sound_session.CUE_WINDOW_S)


def test_cues_are_off_when_the_setting_is(rig: Rig) -> None:
    rig.settings[0] = SoundSettings(cue_sounds=False, bells=False)
    rig.start()
    rig.advance(30)
    assert rig.out.cues == []
    assert rig.out.named("bell") == []


def test_pause_clears_cues_and_fades_resume_fades_back_and_cues_from_there(rig: Rig) -> None:
    rig.start()
    rig.advance(6)
    rig.session.pause()
    assert rig.out.named("fade_out") == [sound_session.PAUSE_FADE_S]
    assert all(t < 6 for t, _ in rig.cue_times()), "no cue left to ring during the pause"
    assert not rig.sound.timer_active, "nothing runs while paused"
    rig.clock.advance(100)  # paused time is not session time
    rig.session.resume()
    assert rig.out.mixer.fades[-1] == (1.0, sound_session.RESUME_FADE_S)
    # session time 6 resumed at monotonic 1106: the next boundary (8 s, exhale) is 2 s away
    later = [(round(t - 1106.0, 6), k) for t, k in rig.out.cues if t >= 1106]
    assert later[0] == (2.0, "exhale")


def test_end_fade_ends_with_the_session(rig: Rig) -> None:
    rig.start(minutes=10)
    total = rig.session.total_s  # 10 min, to the end of the breath's exhale
    fade = SoundSettings().end_fade.total_seconds()
    while rig.session.elapsed_s < total - fade - sound_session.CUE_REFRESH_S:
        rig.advance(sound_session.CUE_REFRESH_S)
    assert rig.out.named("fade_out") == []
    wait_ms = rig.sound._timer.remainingTime()
    assert wait_ms == pytest.approx((total - fade - rig.session.elapsed_s) * 1000, abs=2), (
        "the timer is armed for the fade's start, not just the next refresh"
    )
    rig.advance(total - fade - rig.session.elapsed_s)
    assert rig.out.named("fade_out") == [fade]


def test_a_short_session_fades_for_at_most_half_of_itself(rig: Rig) -> None:
    rig.start(minutes=1)
    rig.advance(10)
    assert rig.out.named("fade_out") == []
    rig.advance(20)
    assert rig.out.named("fade_out") == [30.0]


def test_more_time_during_the_end_fade_brings_the_ambience_back(rig: Rig) -> None:
    rig.start(minutes=5)
    rig.advance(250)
    assert rig.out.named("fade_out") == [50.0]
    rig.session.adjust(60)
    assert rig.out.mixer.fades[-1] == (1.0, sound_session.RESUME_FADE_S)
    rig.advance(2)
    assert rig.out.named("fade_out") == [50.0], "the fade waits for the new end"
    rig.advance(rig.session.remaining_s - 60)
    assert rig.out.named("fade_out") == [50.0, 60.0]


def test_minute_bell_then_end_bell_and_release(
    rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound_session, "END_BELL_S", 0.05)
    rig.start(minutes=2)
    rig.advance(rig.session.total_s - 59)
    assert rig.out.named("bell") == ["start", "minute"]
    rig.advance(59)
    assert rig.out.named("bell") == ["start", "minute", "end"]
    assert rig.out.named("layers")[-1] == []
    qtbot.waitUntil(lambda: rig.out.named("stop") == [None], timeout=2000)
    assert not rig.sound.timer_active


def test_stop_fades_out_then_stops_but_never_stops_a_new_session(
    rig: Rig, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sound_session, "STOP_FADE_S", 0.05)
    rig.start()
    rig.advance(3)
    rig.session.stop()
    assert rig.out.named("fade_out") == [0.05]
    qtbot.waitUntil(lambda: rig.out.named("stop") == [None], timeout=2000)
    rig.session.stop()  # nothing more
    rig.start("ocean")
    rig.session.stop()
    rig.start("wind")  # started again before the second stop's delay ran out
    qtbot.wait(500)
    assert rig.out.named("stop") == [None], "a late stop must not end the new session"
    assert rig.out.named("layers")[-1] == [("wind", 1.0)]


def test_countdown_plays_ambience_and_starts_bell_and_cues_when_it_ends(rig: Rig) -> None:
    rig.start(countdown=5)
    assert rig.out.named("layers") == [[("rain", 1.0)]]
    assert rig.out.named("bell") == [] and rig.out.cues == []
    rig.advance(5)
    assert rig.out.named("bell") == ["start"]
    first = min(rig.out.cues)
    assert first == (1005.0, "inhale"), "the first inhale lands when the countdown ends"


def test_layers_change_only_during_a_session(rig: Rig) -> None:
    with pytest.raises(RuntimeError, match="no session"):
        rig.sound.set_mix([("rain", 0.5)])
    rig.start()
    rig.sound.set_mix([("rain", 0.5), ("ocean", 0.2)])
    assert rig.out.named("layers")[-1] == [("rain", 0.5), ("ocean", 0.2)]
    assert rig.sound.mix == [("rain", 0.5), ("ocean", 0.2)]


def test_end_fade_setting_zero_never_fades(rig: Rig) -> None:
    rig.settings[0] = SoundSettings(end_fade=timedelta(0))
    rig.start(minutes=2)
    rig.advance(110)
    assert rig.out.named("fade_out") == []
