"""The output device list from the sound server itself: right again after PulseAudio went away
and came back (Qt's process-wide context never reconnects, so QMediaDevices' list stays stale),
on a private PulseAudio that is stopped and restarted."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.services.audio import pulse_sinks
from acumat_desktop.services.audio.devices import OutputDevice, OutputDevices
from tests.services.pulse_fixture import needs_pulse, start_pulseaudio


@needs_pulse
def test_the_list_comes_back_right_after_the_sound_server_restarts(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    env, stop = start_pulseaudio(tmp_path / "pulse")
    monkeypatch.setenv("PULSE_SERVER", env["PULSE_SERVER"])
    devices = OutputDevices(poll_ms=100)
    try:
        assert devices.outputs() == [OutputDevice("test", "Null Output", True)]
        devices.watch(True)
        with qtbot.waitSignal(devices.changed, timeout=5000):
            stop()
        assert devices.outputs() == [], "no server, no outputs (and no autospawn)"
        with qtbot.waitSignal(devices.changed, timeout=15_000):
            _, stop = start_pulseaudio(tmp_path / "pulse", sink="after")
        assert devices.outputs() == [OutputDevice("after", "Null Output", True)]
    finally:
        devices.watch(False)
        stop()


def test_without_a_server_there_is_nothing_and_no_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not pulse_sinks.available():
        pytest.skip("no libpulse here")
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nobody/pulse.sock")
    assert pulse_sinks.list_sinks() is None
    assert OutputDevices().outputs() == []


def test_the_list_is_watched_only_when_asked(qtbot: QtBot) -> None:
    answers = [[pulse_sinks.Sink("a", "A", True)]]
    devices = OutputDevices(sinks=lambda: answers[-1], poll_ms=10)
    before = devices.watching
    devices.watch(True)
    assert (before, devices.watching) == (False, True)
    with qtbot.waitSignal(devices.changed, timeout=2000):
        answers.append([pulse_sinks.Sink("a", "A", False), pulse_sinks.Sink("b", "B", True)])
    assert [d.key for d in devices.outputs() if d.is_default] == ["b"]
    devices.watch(False)
    assert not devices.watching
