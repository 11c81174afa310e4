"""Session -> sound: what the audio engine is told during a session, on a fake clock."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.audio import score as sound_session
from acumat_desktop.core.audio.mix import parse_mix
from acumat_desktop.core.audio.mixer import Mixer
from acumat_desktop.core.audio.score import Cue, CueKind
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.services.audio.score_driver import Prompter
from acumat_desktop.settings.model import SoundSettings
from acumat_desktop.wiring.sound_session import SessionSound

BOX = BUILTIN_PATTERNS["box"]  # 4-4-4-4
CUE_KINDS = ("inhale", "hold", "exhale")


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
    ducks: list[tuple[float, str]] = field(default_factory=list)  # under spoken cues, likewise

    def set_layers(self, layers: list[tuple[str, float]]) -> None:
        self.calls.append(("layers", list(layers)))

    def fade_in(self, seconds: float) -> None:
        self.calls.append(("fade_in", seconds))

    def fade_out(self, seconds: float) -> None:
        self.calls.append(("fade_out", round(seconds, 3)))

    bell_cost: float = 0.0  # seconds the clock moves while a bell is rendered

    def play_bell(self, kind: str) -> None:
        self.calls.append(("bell", kind))
        self.clock.advance(self.bell_cost)

    def schedule_cues(self, cues: list[tuple[float, str]]) -> None:
        now = self.clock.monotonic()
        self.cues.extend((round(now + s, 6), k) for s, k in cues)

    def schedule_ducks(self, cues: list[tuple[float, str]]) -> None:
        now = self.clock.monotonic()
        self.ducks.extend((round(now + s, 6), k) for s, k in cues)

    def clear_cues(self) -> None:
        self.calls.append(("clear_cues", None))
        now = self.clock.monotonic()
        self.cues = [c for c in self.cues if c[0] < now]
        self.ducks = [c for c in self.ducks if c[0] < now]

    def fade_out_oneshots(self, seconds: float) -> None:
        self.calls.append(("fade_out_oneshots", seconds))

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def named(self, name: str) -> list[object]:
        return [arg for n, arg in self.calls if n == name]


@dataclass
class FakeSpeaker:
    """Records what would be said, and when (session seconds; the session began at 1000)."""

    clock: FakeClock
    available: bool = True
    said: list[tuple[float, str]] = field(default_factory=list)
    stops: int = 0
    asked: int = 0  # how often the app asked for the speech engine (the first use builds it)
    late: list[float] = field(default_factory=list)  # how late each cue was said to be

    def say(self, kind: str, *, late_s: float = 0.0) -> None:
        self.said.append((round(self.clock.monotonic() - 1000.0, 6), kind))
        self.late.append(round(late_s, 6))

    def say_text(self, text: str) -> None:
        self.said.append((round(self.clock.monotonic() - 1000.0, 6), text))

    def stop(self) -> None:
        self.stops += 1


@dataclass
class Rig:
    clock: FakeClock
    session: SessionEngine
    out: FakeOutput
    sound: SessionSound
    settings: list[SoundSettings]
    eyes_closed: list[bool]
    speaker: FakeSpeaker
    notices: list[str]

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


def make_rig(
    clock: FakeClock, out: FakeOutput | None = None, prompter: Prompter | None = None
) -> Rig:
    session = SessionEngine(clock)
    output = out or FakeOutput(clock)
    settings = [SoundSettings()]
    eyes_closed = [False]
    speaker = FakeSpeaker(clock)

    def ask_speaker() -> FakeSpeaker:
        speaker.asked += 1
        return speaker

    sound = SessionSound(
        lambda: output,
        session,
        lambda: settings[0],
        parse_mix,
        eyes_closed=lambda: eyes_closed[0],
        speaker=ask_speaker,
        prompter=prompter,
        clock=clock,
    )
    notices: list[str] = []
    sound.noticed.connect(notices.append)
    session.subscribe(sound.on_event)
    return Rig(clock, session, output, sound, settings, eyes_closed, speaker, notices)


@pytest.fixture
def rig(qtbot: QtBot) -> Rig:
    return make_rig(FakeClock(monotonic=1000.0))


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
    wait_ms = rig.sound.timer_remaining_ms
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


def test_minute_bell_then_end_bell_and_release(rig: Rig) -> None:
    rig.start(minutes=2)
    rig.advance(rig.session.total_s - 59)
    assert rig.out.named("bell") == ["start", "minute"]
    rig.advance(59)
    assert rig.out.named("bell") == ["start", "minute", "end"]
    assert rig.out.named("layers")[-1] == []
    assert rig.sound.timer_remaining_ms == pytest.approx(sound_session.END_BELL_S * 1000, abs=2)
    rig.advance(sound_session.END_BELL_S - 0.1)
    assert rig.out.named("stop") == [], "the end bell rings out first"
    rig.advance(0.1)
    assert rig.out.named("stop") == [None]
    assert not rig.sound.timer_active


def test_stop_fades_out_then_stops_but_never_stops_a_new_session(rig: Rig) -> None:
    rig.start()
    rig.advance(3)
    rig.session.stop()
    assert rig.out.named("fade_out") == [sound_session.STOP_FADE_S]
    rig.advance(sound_session.STOP_FADE_S + 0.3)
    assert rig.out.named("stop") == [None]
    rig.session.stop()  # nothing more
    rig.start("ocean")
    rig.session.stop()
    rig.advance(1.0)
    rig.start("wind")  # started again before the second stop's delay ran out
    rig.advance(sound_session.STOP_FADE_S + 0.3)
    assert rig.out.named("stop") == [None], "a late stop must not end the new session"
    assert rig.out.named("layers")[-1] == [("wind", 1.0)]


def test_countdown_plays_ambience_places_the_cues_ahead_and_rings_when_it_ends(rig: Rig) -> None:
    rig.start(countdown=5)
    assert rig.out.named("layers") == [[("rain", 1.0)]]
    assert rig.out.named("bell") == []
    assert min(rig.out.cues) == (1005.0, "inhale"), "the first inhale lands when it ends"
    placed = list(rig.out.cues)
    rig.advance(5)
    assert rig.out.named("bell") == ["start"]
    assert rig.out.cues == placed, "nothing placed twice"


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


@pytest.mark.parametrize(("minute_bell", "bells"), [(False, True), (True, False)])
def test_the_minute_bell_follows_its_own_setting(rig: Rig, minute_bell: bool, bells: bool) -> None:
    rig.settings[0] = SoundSettings(minute_bell=minute_bell, bells=bells)
    rig.start(minutes=2)
    rig.advance(rig.session.total_s - 59)
    expected = (["start"] if bells else []) + (["minute"] if minute_bell else [])
    assert rig.out.named("bell") == expected


def test_eyes_closed_mode_sounds_the_cues_even_when_cue_sounds_are_off(rig: Rig) -> None:
    rig.settings[0] = SoundSettings(cue_sounds=False)
    rig.eyes_closed[0] = True
    rig.start()
    assert rig.cue_times() == box_boundaries(sound_session.CUE_WINDOW_S)
    rig.eyes_closed[0] = False  # switched off mid-session: the cues to come go
    rig.advance(2)
    rig.sound.options_changed()
    assert all(t < 2 for t, _ in rig.cue_times())
    rig.advance(sound_session.CUE_REFRESH_S)
    assert all(t < 2 for t, _ in rig.cue_times())


def test_spoken_cues_replace_the_tones_and_are_said_on_each_boundary(rig: Rig) -> None:
    rig.settings[0] = SoundSettings(spoken_cues=True, bells=False)
    rig.start()
    assert rig.out.cues == [], "no cue tones while the words are spoken"
    expected = box_boundaries(sound_session.CUE_WINDOW_S)
    ducks = [(round(t - 1000.0, 6), k) for t, k in rig.out.ducks]
    assert ducks == expected, "the ambience dips on the same boundaries as under tones"
    assert rig.speaker.said == [(0.0, "inhale")]
    # the timer is armed for the next boundary, and firing it says the next words
    assert rig.sound.timer_remaining_ms == pytest.approx(4000, abs=2)
    for _ in range(5):
        rig.advance(4.0)
    assert rig.speaker.said == expected[:6]
    assert rig.sound.words_due[0] == Cue(24.0, CueKind.EXHALE)


def test_a_spoken_cue_woken_late_says_only_the_latest_and_never_a_stale_one(rig: Rig) -> None:
    rig.settings[0] = SoundSettings(spoken_cues=True)
    rig.start()
    rig.advance(8.5)  # the boundaries at 4 (hold) and 8 (exhale) passed while the app stalled
    assert rig.speaker.said == [(0.0, "inhale"), (8.5, "exhale")]
    rig.advance(4.5)  # 12 (hold) is now a second behind: too late to say
    assert rig.speaker.said == [(0.0, "inhale"), (8.5, "exhale")]
    assert rig.sound.words_due[0] == Cue(16.0, CueKind.INHALE)


def test_a_spoken_cue_tells_the_speaker_how_late_its_boundary_was(rig: Rig) -> None:
    """The speech engine counts a cue's wait behind a prompt from its boundary, not from when
    the driver asked: the driver says how late the timer woke for it."""
    rig.settings[0] = SoundSettings(spoken_cues=True)
    rig.start()
    rig.advance(4.2)  # the timer woke 200 ms after the boundary at 4 (hold)
    rig.advance(3.8)  # on time for 8 (exhale)
    assert rig.speaker.said == [(0.0, "inhale"), (4.2, "hold"), (8.0, "exhale")]
    assert rig.speaker.late == [0.0, 0.2, 0.0]


def test_without_a_speech_engine_tones_play_and_a_notice_comes_once(rig: Rig) -> None:
    rig.speaker.available = False
    rig.settings[0] = SoundSettings(spoken_cues=True, cue_sounds=False)
    for _ in range(2):
        began = rig.clock.monotonic()
        rig.start()
        assert [(t - began, k) for t, k in rig.out.cues[:2]] == [(0.0, "inhale"), (4.0, "hold")]
        rig.advance(4.0)
        rig.session.stop()
        rig.out.cues.clear()
    assert rig.speaker.said == []
    assert len(rig.notices) == 1 and "speech engine" in rig.notices[0]


def test_switching_to_spoken_cues_mid_session_drops_the_tones_to_come(rig: Rig) -> None:
    rig.start()
    rig.advance(5.0)
    rig.settings[0] = SoundSettings(spoken_cues=True)
    rig.sound.options_changed()
    assert all(t < 5 for t, _ in rig.cue_times()), "tones to come were cleared"
    assert rig.sound.words_due[0] == Cue(8.0, CueKind.EXHALE)
    rig.advance(3.0)
    assert rig.speaker.said == [(8.0, "exhale")]
    rig.session.pause()
    assert rig.sound.words_due == [] and rig.speaker.stops >= 1, "a pause hushes the words"


def test_stop_fades_a_ringing_bell_with_the_ambience(rig: Rig) -> None:
    rig.start()
    rig.advance(1.0)
    rig.session.stop()
    assert rig.out.named("fade_out_oneshots") == [sound_session.STOP_FADE_S]
    assert rig.out.named("fade_out") == [sound_session.STOP_FADE_S]
