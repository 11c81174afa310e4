"""Ambience outside sessions, wired: the sound feature alone on a fake clock, a recording stand-in
for the audio engine, the panel's previews, the tray's submenu, the commands and the status."""

from __future__ import annotations

import math
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from acumat_desktop.core.audio.ambience import FADE_IN_S, HANDOVER_S, AmbienceState
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import BAD_ARGS, FAILED, Request
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.core.status import Status, StatusBoard
from acumat_desktop.services.audio import player
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import SettingsStore
from acumat_desktop.services.shutdown import ShutdownManager
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.tray import Tray
from acumat_desktop.wiring.media import MediaKeysFeature
from acumat_desktop.wiring.sound import SoundFeature
from tests.ui.test_media_keys import PATH, PLAYER, SERVICE, Window, bus_address, connect
from tests.ui.test_sound_wiring import FakeEngine

__all__ = ["bus_address"]  # the private session bus, shared with the media keys' tests


@dataclass
class Parts:
    sound: SoundFeature
    session: SessionService
    clock: FakeClock
    commands: CommandRegistry
    board: StatusBoard
    tray: Tray

    @property
    def engine(self) -> FakeEngine:
        return FakeEngine.built[-1]

    def call(self, cmd: str, **args: object) -> object:
        return self.commands.dispatch(Request(cmd, dict(args)))

    def advance(self, seconds: float) -> None:
        """Move the clock, then fire the ambience timer if it fell due (as Qt would)."""
        self.clock.advance(seconds)
        self.sound.ambience.poll()


@pytest.fixture
def parts(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Parts]:
    monkeypatch.setattr(player, "AudioEngine", FakeEngine)
    FakeEngine.built.clear()
    clock = FakeClock()
    actions = AppActions()
    window = MainWindow(actions, QIcon())
    qtbot.addWidget(window)
    session = SessionService(SessionEngine(clock))
    shutdown, commands, board = ShutdownManager(), CommandRegistry(), StatusBoard("test")
    tray = Tray(actions, QIcon())
    sound = SoundFeature(
        parent=session,
        data_dir=tmp_path / "data",
        cache_dir=tmp_path / "cache",
        settings=SettingsService(SettingsStore(tmp_path / "settings.json"), Settings()),
        session=session,
        window=window,
        tray=tray,
        commands=commands,
        board=board,
        shutdown=shutdown,
        clock=clock,
    )
    yield Parts(sound, session, clock, commands, board, tray)
    session.stop()
    shutdown.run()


def start(parts: Parts, sound: str) -> None:
    parts.session.start(SessionPlan("sleep", "Sleep", 300.0, BUILTIN_PATTERNS["box"], sound))


def test_ambience_plays_without_a_session_and_shows_in_the_status(parts: Parts) -> None:
    result = parts.call("ambience.play", mix="rain", minutes=15)
    assert result == {
        "playing": True,
        "paused": False,
        "mix": "rain",
        "sleep_timer_remaining_s": 900.0,
    }
    assert parts.engine.layers == [("rain", 1.0)]
    assert ("fade_in", (FADE_IN_S,)) in parts.engine.calls
    parts.clock.advance(60)
    audio = Status.model_validate(parts.board.snapshot() | {"version": "t"}).audio
    assert audio.ambience.playing and audio.ambience.sleep_timer_remaining_s == 840.0
    assert [layer.sound for layer in audio.layers] == ["rain"]
    assert parts.sound.panel.layers() == [("rain", 1.0)], "the panel shows what plays"


def test_the_sleep_timer_wakes_once_fades_and_releases(parts: Parts) -> None:
    parts.sound.play_ambience("ocean", minutes=1)
    driver = parts.sound.ambience
    assert driver.timer_active and driver.timer_remaining_ms == pytest.approx(30_000, abs=50)
    parts.advance(30)
    assert ("fade_out", (30.0,)) in parts.engine.calls
    parts.advance(30)
    assert ("stop", ()) in parts.engine.calls
    assert not parts.sound.ambience.timer_active
    assert parts.sound.ambience_status()["playing"] is False


def test_stop_fades_out_then_releases(parts: Parts) -> None:
    parts.sound.play_ambience("rain")
    assert not parts.sound.ambience.timer_active, "no timer runs without a sleep timer"
    assert parts.call("ambience.stop") == {
        "playing": False,
        "paused": False,
        "mix": None,
        "sleep_timer_remaining_s": None,
    }
    assert ("fade_out", (2.0,)) in parts.engine.calls
    assert ("stop", ()) not in parts.engine.calls
    parts.advance(2.5)
    assert ("stop", ()) in parts.engine.calls


def test_bad_requests_name_the_problem(parts: Parts) -> None:
    with pytest.raises(CommandError, match="thunder") as unknown:
        parts.call("ambience.play", mix="thunder")
    assert unknown.value.code == BAD_ARGS
    with pytest.raises(CommandError, match="minutes") as minutes:
        parts.call("ambience.play", mix="rain", minutes=0)
    assert minutes.value.code == BAD_ARGS
    with pytest.raises(CommandError, match="at least one"):
        parts.call("ambience.play", mix="none")
    start(parts, "rain")
    with pytest.raises(CommandError, match="session") as busy:
        parts.call("ambience.play", mix="ocean")
    assert busy.value.code == FAILED


def test_a_session_cross_fades_out_of_the_ambience_without_silence(parts: Parts) -> None:
    parts.sound.play_ambience("rain:0.8")
    parts.engine.calls.clear()
    start(parts, "ocean")
    engine = parts.engine
    assert ("fade_in", (3.0,)) not in engine.calls, "no fade up from silence"
    assert engine.mixer.fade_level == pytest.approx(1.0)
    assert engine.layers == [("rain", 0.8), ("ocean", 0.0)]
    assert parts.sound.ambience.ambience.state is AmbienceState.STOPPED
    parts.advance(1.0)
    assert engine.layers == [("rain", 0.8), ("ocean", 0.0)], "ambience on while ocean loads"
    engine.mixer.set_layer("ocean", np.zeros((4800, 2), dtype=np.float32), 0.0)  # loaded
    parts.advance(0.1)
    parts.advance(HANDOVER_S / 2)
    half = math.cos(math.pi / 4) ** (1 / 3)  # equal power, in the mixer's cubic gain
    assert dict(engine.layers)["rain"] == pytest.approx(0.8 * half, abs=0.03)
    assert dict(engine.layers)["ocean"] == pytest.approx(half, abs=0.03)
    parts.advance(HANDOVER_S)
    assert engine.layers == [("ocean", 1.0)]
    assert parts.sound.director.mix == [("ocean", 1.0)]
    assert not parts.sound.ambience.timer_active


def test_a_session_without_sound_keeps_the_ambience(parts: Parts) -> None:
    parts.sound.play_ambience("rain:0.6,wind:0.3", minutes=30)
    start(parts, "none")
    assert parts.engine.layers == [("rain", 0.6), ("wind", 0.3)]
    assert parts.sound.director.mix == [("rain", 0.6), ("wind", 0.3)], "now the session's"
    assert parts.sound.ambience_status()["playing"] is False
    assert not parts.sound.ambience.timer_active, "the sleep timer ends: the session decides"


def test_panel_previews_play_and_stop(parts: Parts, qtbot: QtBot) -> None:
    panel = parts.sound.panel
    assert panel.preview_sound.isEnabled() and panel.preview_sound.text() == "▶"
    panel.add_choice.setCurrentIndex(panel.add_choice.findData("ocean"))
    panel.preview_sound.click()
    assert parts.engine.layers == [("ocean", 1.0)]
    assert panel.preview_sound.text() == "■" and panel.add_button.isEnabled()
    panel.layers_edited.emit([("ocean", 0.5)])  # the layers of ambience can be changed
    assert parts.engine.layers == [("ocean", 0.5)]
    panel.preview_sound.click()
    assert not parts.sound.ambience_status()["playing"]
    assert panel.preview_sound.text() == "▶"
    start(parts, "rain")
    assert not panel.preview_sound.isEnabled(), "no previews during a session"


def test_a_saved_mix_previews_from_the_panel(parts: Parts) -> None:
    parts.sound.presets.save("Evening", [("rain", 0.5), ("wind", 0.2)])
    panel = parts.sound.panel
    panel.set_mixes(parts.sound.presets.names())
    panel.preview_mix.click()
    assert parts.engine.layers == [("rain", 0.5), ("wind", 0.2)]
    assert parts.sound.ambience_status()["mix"] == "Evening"


def test_the_tray_plays_ambience_with_a_sleep_timer_and_stops_it(parts: Parts) -> None:
    menu = parts.sound.ambience_menu
    assert not parts.sound.stop_ambience_action.isEnabled()
    menu.aboutToShow.emit()
    names = [action.text() for action in menu.actions()]
    assert "Rain" in names and "Ocean waves" in names
    thirty = next(a for a in menu.timer_actions if a.data() == 30)
    thirty.trigger()
    next(a for a in menu.actions() if a.text() == "Ocean waves").trigger()
    status = parts.sound.ambience_status()
    assert status["mix"] == "ocean" and status["sleep_timer_remaining_s"] == 1800.0
    assert parts.sound.stop_ambience_action.isEnabled()
    parts.sound.stop_ambience_action.trigger()
    assert not parts.sound.ambience_status()["playing"]


def test_ambience_is_an_mpris_player_while_no_session_runs(
    parts: Parts, qtbot: QtBot, bus_address: str, tmp_path: Path
) -> None:
    media = MediaKeysFeature(
        parent=parts.session,
        session=parts.session,
        window=Window(),
        bus=connect(bus_address),
        shutdown=ShutdownManager(),
        sounds=parts.sound,
        ambience=parts.sound.ambience,
    )
    watcher = connect(bus_address).interface()

    def on_bus() -> bool:
        return bool(watcher.isServiceRegistered(SERVICE).value())

    def gdbus(method: str, *args: str) -> str:
        out = tmp_path / f"gdbus-{time.monotonic_ns()}.txt"
        with out.open("w") as sink:
            proc = subprocess.Popen(
                [
                    "gdbus",
                    "call",
                    "--address",
                    bus_address,
                    "--dest",
                    SERVICE,
                    "--object-path",
                    PATH,
                    "--method",
                    method,
                    *args,
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
            qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
        return out.read_text()

    try:
        assert not on_bus()
        parts.sound.play_ambience("rain:0.7,wind:0.3", minutes=30)
        assert on_bus()
        props = gdbus("org.freedesktop.DBus.Properties.GetAll", PLAYER)
        assert "'PlaybackStatus': <'Playing'>" in props
        assert "'xesam:title': <'Rain, Wind'>" in props
        assert "/io/github/acumat/ambience/" in props
        gdbus(f"{PLAYER}.Pause")
        assert parts.sound.ambience.info().state is AmbienceState.PAUSED
        parts.clock.advance(600)
        assert parts.sound.ambience_status()["sleep_timer_remaining_s"] == 1800.0, "it waits"
        assert "<'Paused'>" in gdbus(
            "org.freedesktop.DBus.Properties.Get", PLAYER, "PlaybackStatus"
        )
        gdbus(f"{PLAYER}.PlayPause")
        assert parts.sound.ambience.info().playing
        start(parts, "ocean")  # the session takes the player over
        assert on_bus() and "Sleep" in gdbus("org.freedesktop.DBus.Properties.GetAll", PLAYER)
        parts.session.stop()
        assert not on_bus()
        parts.sound.play_ambience("rain")
        gdbus(f"{PLAYER}.Stop")
        assert not parts.sound.ambience_status()["playing"]
        assert not on_bus()
    finally:
        media.close()


def test_the_pickers_play_button_previews_the_chosen_sound_or_the_routines_own(
    parts: Parts, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QWidget

    from acumat_desktop.services.routine_library import RoutineLibrary
    from acumat_desktop.ui.routine_choices import pattern_choices, sound_choices
    from acumat_desktop.ui.routine_details import RoutineDetails

    host = QWidget()
    qtbot.addWidget(host)
    details = RoutineDetails(pattern_choices(), sound_choices(), host)
    parts.sound.attach_preview(details)
    routine = next(r for r in RoutineLibrary(user_dir=tmp_path / "none").all() if r.sound != "none")
    details.show_routine(routine, routine.minutes)
    assert details.sound_preview.isEnabled() and details.sound_preview.text() == "▶"
    details.sound_preview.click()  # the routine's own sound ("Routine default")
    assert parts.sound.ambience_status()["mix"] == routine.sound
    assert details.sound_preview.text() == "■"
    details.sound_preview.click()
    assert not parts.sound.ambience_status()["playing"]
    assert details.sound_preview.text() == "▶"
    details.sound_combo.setCurrentIndex(details.sound_combo.findData("stream"))
    details.sound_preview.click()
    assert parts.engine.layers == [("stream", 1.0)]
    details.show_routine(None, 0)
    assert not details.sound_preview.isEnabled()
