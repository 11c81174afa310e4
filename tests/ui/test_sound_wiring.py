"""The sound feature inside the built app, with a recording stand-in for the audio engine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDockWidget, QToolButton
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.core.audio.mixer import Mixer
from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import SystemClock
from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import BAD_ARGS, FAILED, Request
from acumat_desktop.core.session import SessionEngine, SessionPlan
from acumat_desktop.core.status import Status, StatusBoard
from acumat_desktop.services.audio import player, prewarm
from acumat_desktop.services.audio.soundscapes import SoundCatalogue
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.settings_service import SettingsService
from acumat_desktop.services.settings_store import LoadResult, SettingsStore
from acumat_desktop.services.shutdown import ShutdownManager
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow
from acumat_desktop.ui.session_view import SessionView
from acumat_desktop.ui.tray import Tray
from acumat_desktop.wiring.sound import SoundFeature


class FakeEngine(QObject):
    """Stands in for AudioEngine: no sound server, no thread; remembers what it was told."""

    noticed = Signal(str)
    output_changed = Signal(object)
    built: list[FakeEngine] = []

    def __init__(
        self,
        cache_dir: Path,
        parent: QObject | None = None,
        *,
        user_dir: Path | None = None,
        catalogue: SoundCatalogue | None = None,
    ) -> None:
        super().__init__(parent)
        self.mixer = Mixer()
        self.layers: list[tuple[str, float]] = []
        self.calls: list[tuple[str, Any]] = []
        FakeEngine.built.append(self)

    def __getattr__(self, name: str) -> Any:
        if name in {
            "fade_in",
            "fade_out",
            "play_bell",
            "schedule_cues",
            "clear_cues",
            "stop",
            "fade_out_oneshots",
            "schedule_ducks",
            "set_master_volume",
            "set_muted",
            "set_device",
            "shutdown",
        }:
            return lambda *args: self.calls.append((name, args))
        raise AttributeError(name)

    def set_layers(self, layers: list[tuple[str, float]]) -> None:
        self.layers = list(layers)

    def status(self) -> dict[str, object]:
        return {
            "output": "Null Output",
            "muted": self.mixer.muted,
            "volume": 1.0,
            "layers": [{"sound": s, "volume": v} for s, v in self.layers],
        }


@pytest.fixture
def parts(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[AcuMat]:
    monkeypatch.setattr(player, "AudioEngine", FakeEngine)
    FakeEngine.built.clear()
    paths = AppPaths.for_user()
    paths.ensure()
    # The safety note has been read: a session starts at once rather than waiting behind it.
    settings = Settings.model_validate({"session": {"safety_note_seen": True}})
    built = build(create_application(), paths, LoadResult(settings), minimized=False)
    qtbot.addWidget(built.window)
    yield built
    built.session.stop()
    built.window.allow_close()
    built.window.close()
    built.close()
    built.sound.deleteLater()


def feature(parts: AcuMat) -> SoundFeature:
    return parts.sound


def call(parts: AcuMat, cmd: str, **args: Any) -> Any:
    return parts.commands.dispatch(Request(cmd, args))


def start(parts: AcuMat, sound: str | None = "rain") -> None:
    plan = SessionPlan("sleep", "Sleep", 300.0, BUILTIN_PATTERNS["box"], sound)
    parts.session.start(plan)


def test_the_engine_is_built_only_when_a_session_needs_it(parts: AcuMat) -> None:
    assert FakeEngine.built == []
    audio = parts.board.snapshot()["audio"]
    ambience = {"playing": False, "paused": False, "mix": None, "sleep_timer_remaining_s": None}
    assert audio == {"output": None, "muted": False, "layers": [], "ambience": ambience}
    assert [s["id"] for s in call(parts, "sounds")][:2] == ["rain", "ocean"]
    start(parts, "rain:0.6,ocean:0.4")
    assert len(FakeEngine.built) == 1
    status = parts.board.snapshot()
    Status.model_validate(status)
    assert status["audio"]["layers"] == [
        {"sound": "rain", "volume": 0.6},
        {"sound": "ocean", "volume": 0.4},
    ]
    assert "volume" not in status["audio"]


def test_volume_and_mute_commands_change_the_settings_and_every_view(parts: AcuMat) -> None:
    sound = feature(parts)
    assert call(parts, "volume", percent=20) == {"percent": 20}
    assert parts.settings.settings.sound.master_volume == 0.2
    assert sound.panel.master.value() == 20
    assert call(parts, "mute") == {"muted": True}
    assert sound.mute_action.isChecked() and sound.panel.mute.isChecked()
    assert parts.board.snapshot()["audio"]["muted"] is True
    call(parts, "unmute")
    assert not sound.panel.mute.isChecked()
    for bad in (101, -1, "50", True, 2.5):
        with pytest.raises(CommandError, match="0 to 100") as error:
            call(parts, "volume", percent=bad)
        assert error.value.code == BAD_ARGS


def test_tray_style_mute_action_mutes_the_engine(parts: AcuMat) -> None:
    start(parts)
    engine = FakeEngine.built[-1]
    feature(parts).mute_action.trigger()
    assert parts.settings.settings.sound.muted is True
    assert ("set_muted", (True,)) in engine.calls


def test_layers_change_during_a_session_only(parts: AcuMat) -> None:
    with pytest.raises(CommandError, match="no session") as error:
        call(parts, "sound.layers", layers=[["rain", 0.5]])
    assert error.value.code == FAILED
    start(parts)
    result = call(parts, "sound.layers", layers=[["ocean", 0.5], ["wind", 0.25]])
    assert result == {
        "layers": [{"sound": "ocean", "volume": 0.5}, {"sound": "wind", "volume": 0.25}]
    }
    assert FakeEngine.built[-1].layers == [("ocean", 0.5), ("wind", 0.25)]
    assert feature(parts).panel.layers() == [("ocean", 0.5), ("wind", 0.25)]
    for bad, named in (([["thunder", 0.5]], "thunder"), ([["rain", 2]], "rain"), ("rain", "list")):
        with pytest.raises(CommandError, match=named):
            call(parts, "sound.layers", layers=bad)


def test_the_panel_follows_the_session(parts: AcuMat) -> None:
    panel = feature(parts).panel
    assert not panel.add_button.isEnabled()
    start(parts, "rain")
    assert panel.layers() == [("rain", 1.0)]
    assert panel.add_button.isEnabled()
    parts.session.stop()
    assert panel.layers() == []
    assert not panel.add_button.isEnabled()


def test_a_saved_mix_is_stored_atomically_and_can_start_a_session(parts: AcuMat) -> None:
    sound = feature(parts)
    start(parts, "rain:0.5,wind:0.2")
    sound.panel.save_mix_requested.emit("Windy rain")
    stored = json.loads((parts.services.paths.data / "mixes.json").read_text())
    assert stored == {"version": 1, "mixes": {"Windy rain": [["rain", 0.5], ["wind", 0.2]]}}
    assert sound.panel.mix_choice.currentText() == "Windy rain"
    parts.session.stop()
    start(parts, "Windy rain")
    assert FakeEngine.built[-1].layers == [("rain", 0.5), ("wind", 0.2)]


def test_no_output_notice_goes_to_the_window_and_once_to_the_tray(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The sound feature built alone, given only what it uses (a tray that records)."""
    monkeypatch.setattr(player, "AudioEngine", FakeEngine)
    messages: list[str] = []

    class TrayStub(Tray):
        def message(self, title: str, text: str) -> None:
            messages.append(text)

    actions = AppActions()
    window = MainWindow(actions, QIcon())
    qtbot.addWidget(window)
    session = SessionService(SessionEngine(SystemClock()))
    shutdown = ShutdownManager()
    sound = SoundFeature(
        parent=session,
        data_dir=tmp_path / "data",
        cache_dir=tmp_path / "cache",
        settings=SettingsService(SettingsStore(tmp_path / "settings.json"), Settings()),
        session=session,
        window=window,
        tray=TrayStub(actions, QIcon()),
        commands=CommandRegistry(),
        board=StatusBoard("test"),
        shutdown=shutdown,
    )
    session.start(SessionPlan("sleep", "Sleep", 300.0, BUILTIN_PATTERNS["box"], "rain"))
    engine = FakeEngine.built[-1]
    engine.noticed.emit(player.NO_OUTPUT_NOTICE)
    engine.noticed.emit(player.NO_OUTPUT_NOTICE)
    assert window.warning.text() == player.NO_OUTPUT_NOTICE
    assert messages == [player.NO_OUTPUT_NOTICE]
    session.stop()
    shutdown.run()
    assert sound.engine_built and ("shutdown", ()) in engine.calls


def test_an_import_that_fails_names_the_file(parts: AcuMat, qtbot: QtBot, tmp_path: Path) -> None:
    sound = feature(parts)
    missing = tmp_path / "creek.ogg"
    sound.panel.import_requested.emit(missing)
    qtbot.waitUntil(lambda: "creek.ogg" in sound.panel.message.text())
    assert "not found" in sound.panel.message.text()
    assert "creek.ogg" in parts.window.notice.text()


def test_eyes_closed_mode_from_the_settings_brings_the_cues(parts: AcuMat) -> None:
    parts.settings.set("sound.cue_sounds", False)
    start(parts)
    engine = FakeEngine.built[-1]
    assert not [c for c in engine.calls if c[0] == "schedule_cues"]
    parts.settings.set("session.eyes_closed", True)
    cues = [args[0] for name, args in engine.calls if name == "schedule_cues"]
    assert cues and cues[0][0][1] in {"inhale", "hold", "exhale"}


def test_a_chosen_output_reaches_the_engine_as_its_id_and_the_dialog_is_extended(
    parts: AcuMat,
) -> None:
    start(parts)
    engine = FakeEngine.built[-1]
    parts.settings.set("sound.output_device", "hex:ff00")
    parts.settings.set("sound.output_device", "usb")
    assert [a for n, a in engine.calls if n == "set_device"] == [(b"\xff\x00",), (b"usb",)]
    assert feature(parts).extend_dialog in parts.shell.dialog_extensions


def test_nothing_is_rendered_ahead_while_soundscapes_are_generated_as_they_play(
    parts: AcuMat, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(prewarm.LOOPS_ENV, raising=False)
    feature(parts)._prewarm()
    assert feature(parts).prewarm_process is None, "no child, no CPU spent at start-up"


def test_prewarm_renders_the_default_soundscape_in_a_child_process(
    parts: AcuMat, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.setenv(prewarm.LOOPS_ENV, "1")
    parts.settings.set("sound.default_soundscape", "pink-noise")
    sound = feature(parts)
    assert not sound.catalogue.is_cached("pink-noise")
    sound._prewarm()
    process = sound.prewarm_process
    assert process is not None
    assert process.processId() not in (0, os.getpid()), "rendered outside the app process"
    with qtbot.waitSignal(process.finished, timeout=60000):
        pass
    assert sound.catalogue.is_cached("pink-noise")
    assert sound.prewarm_process is None
    sound._prewarm()  # cached now: nothing to start
    assert sound.prewarm_process is None


def test_shutdown_stops_a_running_prewarm(parts: AcuMat, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(prewarm.LOOPS_ENV, "1")
    sound = feature(parts)
    sound._prewarm()
    process = sound.prewarm_process
    assert process is not None
    sound.shutdown()
    assert sound.prewarm_process is None
    assert process.state() == process.ProcessState.NotRunning


def test_prewarm_delay_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:

    monkeypatch.setenv("ACUMAT_PREWARM_DELAY_MS", "-1")
    assert prewarm.prewarm_delay_ms() is None
    monkeypatch.setenv("ACUMAT_PREWARM_DELAY_MS", "250")
    assert prewarm.prewarm_delay_ms() == 250
    monkeypatch.delenv("ACUMAT_PREWARM_DELAY_MS")
    assert prewarm.prewarm_delay_ms() == prewarm.PREWARM_DELAY_MS


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_the_sound_is_behind_one_icon_not_docked(parts: AcuMat, qtbot: QtBot) -> None:
    """The menu bar's speaker opens the popover; once the session page's own icon is attached,
    it alone shows while a session runs."""
    sound = feature(parts)
    window = parts.window
    assert window.findChildren(QDockWidget) == []
    assert window.menuBar().cornerWidget() is sound.corner_button
    window.show()
    qtbot.waitExposed(window)
    sound.corner_button.click()
    qtbot.waitUntil(sound.panel.isVisible)
    sound.panel.close()
    page_icon = QToolButton(window)
    page_icon.hide()
    sound.attach(page_icon)
    assert page_icon.isVisibleTo(window)
    start(parts)
    assert not sound.corner_button.isVisibleTo(window), "one speaker in sight"
    page_icon.click()
    qtbot.waitUntil(sound.panel.isVisible)
    assert sound.panel.add_button.isEnabled()
    sound.panel.close()
    parts.session.stop()
    page_icon.hide()  # its page gives way
    qtbot.waitUntil(lambda: sound.corner_button.isVisibleTo(window))


def shown(parts: AcuMat, qtbot: QtBot) -> tuple[SoundFeature, SessionView, MainWindow]:
    window = parts.window
    window.show()
    qtbot.waitExposed(window)
    return feature(parts), parts.sessions.view, window


def test_the_session_pages_icon_is_the_one_in_sight_during_a_session(
    parts: AcuMat, qtbot: QtBot
) -> None:
    sound, view, window = shown(parts, qtbot)
    start(parts)
    qtbot.waitUntil(lambda: view.sound_button.isVisibleTo(window))
    qtbot.waitUntil(lambda: not sound.corner_button.isVisibleTo(window))
    parts.session.stop()
    qtbot.waitUntil(lambda: sound.corner_button.isVisibleTo(window))
    assert not view.sound_button.isVisibleTo(window)


def test_one_speaker_in_sight_over_the_closing_words_too(parts: AcuMat, qtbot: QtBot) -> None:
    """A finished session's page stays up with its closing words (and its speaker icon) for
    a few seconds: the menu bar's speaker stays away until the page goes."""
    sound, view, window = shown(parts, qtbot)
    parts.session.start(SessionPlan("sleep", "Sleep", 0.2, None, "rain"))
    qtbot.waitUntil(view.is_closing, timeout=5000)
    assert view.sound_button.isVisibleTo(window), "the page's own icon, over the closing words"
    assert not sound.corner_button.isVisibleTo(window), "one speaker in sight"
    qtbot.waitUntil(lambda: not view.isVisibleTo(window), timeout=15_000)  # the summary
    qtbot.waitUntil(lambda: sound.corner_button.isVisibleTo(window))
