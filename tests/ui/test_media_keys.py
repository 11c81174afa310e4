"""MediaKeysFeature built alone: a real SessionService on a fake clock, a window stand-in, and
the player on a private D-Bus driven by gdbus as the desktop would drive it."""

from __future__ import annotations

import logging
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.session import SessionEngine, SessionPlan, SessionState
from acumat_desktop.services.session_service import SessionService
from acumat_desktop.services.shutdown import ShutdownManager
from acumat_desktop.wiring.media import MediaKeysFeature, sound_names

SERVICE = "org.mpris.MediaPlayer2.acumat"
PATH = "/org/mpris/MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
PLAN = SessionPlan("desk-break", "Desk break", 300.0, None, "rain:0.7,wind:0.3")
_NAMES: list[str] = []


def connect(address: str) -> QDBusConnection:
    name = f"acumat-media-keys-test-{len(_NAMES)}"
    _NAMES.append(name)
    return QDBusConnection.connectToBus(address, name)


@pytest.fixture(scope="module")
def bus_address(qapp: object) -> Iterator[str]:
    if shutil.which("dbus-daemon") is None or shutil.which("gdbus") is None:
        pytest.skip("dbus-daemon and gdbus are needed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert daemon.stdout is not None
        yield daemon.stdout.readline().decode().strip()  # printed as soon as it listens
    finally:
        for name in _NAMES:
            QDBusConnection.disconnectFromBus(name)
        daemon.terminate()
        daemon.wait(10)


class Window:
    def __init__(self) -> None:
        self.raised = 0

    def bring_forward(self) -> None:
        self.raised += 1


class Sounds:
    def sounds(self) -> list[dict[str, str]]:
        return [
            {"id": "rain", "name": "Rain", "kind": "builtin"},
            {"id": "wind", "name": "Wind", "kind": "builtin"},
        ]

    def check_sound(self, spec: str) -> None:
        return None


class Parts:
    def __init__(self, qtbot: QtBot, address: str, tmp_path: Path) -> None:
        self.qtbot, self.address, self.tmp_path = qtbot, address, tmp_path
        self.clock = FakeClock()
        self.session = SessionService(SessionEngine(self.clock))
        self.window = Window()
        self.shutdown = ShutdownManager()
        self.parent = QObject()
        self.feature = MediaKeysFeature(
            parent=self.parent,
            session=self.session,
            window=self.window,
            bus=connect(address),
            shutdown=self.shutdown,
            sounds=Sounds(),
        )
        self.watcher = connect(address).interface()

    def state(self) -> SessionState:
        return self.session.state

    def on_bus(self) -> bool:
        return bool(self.watcher.isServiceRegistered(SERVICE).value())

    def gdbus(self, method: str, *args: str) -> str:
        out = self.tmp_path / f"gdbus-{time.monotonic_ns()}.txt"
        with out.open("w") as sink:
            proc = subprocess.Popen(
                [
                    "gdbus",
                    "call",
                    "--address",
                    self.address,
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
            self.qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
        text = out.read_text()
        assert proc.returncode == 0, text
        return text

    def key(self, name: str) -> None:
        self.gdbus(f"{PLAYER}.{name}")

    def player(self) -> str:
        return self.gdbus("org.freedesktop.DBus.Properties.GetAll", PLAYER)


@pytest.fixture
def parts(qtbot: QtBot, bus_address: str, tmp_path: Path) -> Iterator[Parts]:
    p = Parts(qtbot, bus_address, tmp_path)
    yield p
    p.shutdown.run()


def test_on_the_bus_only_while_a_session_is_active(parts: Parts) -> None:
    assert not parts.on_bus()
    parts.session.start(PLAN)
    assert parts.on_bus()
    props = parts.player()
    assert "'PlaybackStatus': <'Playing'>" in props
    assert "'xesam:title': <'Desk break'>" in props
    assert "'xesam:artist': <['Rain', 'Wind']>" in props
    assert "'mpris:length': <int64 300000000>" in props
    assert "'mpris:trackid': <objectpath '/io/github/acumat/session/1'>" in props
    assert "'Position': <int64 0>" in props
    assert "'CanPlay': <true>" in props and "'CanPause': <true>" in props
    assert "'CanGoNext': <false>" in props
    parts.clock.advance(60)
    assert "'Position': <int64 60000000>" in parts.player()
    parts.key("Stop")
    assert parts.state() is SessionState.STOPPED
    assert not parts.on_bus()


def test_the_keys_pause_resume_and_stop_the_session(parts: Parts) -> None:
    parts.session.start(PLAN)
    parts.key("PlayPause")
    assert parts.state() is SessionState.PAUSED
    assert "'PlaybackStatus': <'Paused'>" in parts.player()
    parts.key("Pause")  # already paused: stays so
    assert parts.state() is SessionState.PAUSED
    parts.key("PlayPause")
    assert parts.state() is SessionState.RUNNING
    assert "'PlaybackStatus': <'Playing'>" in parts.player()
    parts.key("Play")  # already running: nothing
    assert parts.state() is SessionState.RUNNING
    parts.key("Pause")
    parts.key("Play")
    assert parts.state() is SessionState.RUNNING
    parts.key("Next")  # not offered: the session goes on
    assert parts.state() is SessionState.RUNNING
    parts.gdbus("org.mpris.MediaPlayer2.Raise")
    assert parts.window.raised == 1
    parts.key("Stop")
    assert parts.state() is SessionState.STOPPED


def test_a_finished_session_leaves_the_bus_and_the_next_is_a_new_track(parts: Parts) -> None:
    parts.session.start(PLAN)
    parts.clock.advance(PLAN.planned_s + 1)
    parts.session.engine.poll()
    assert parts.state() is SessionState.FINISHED
    assert not parts.on_bus()
    parts.session.start(SessionPlan("sleep", "Sleep", 600.0, None, None))
    props = parts.player()
    assert "'mpris:trackid': <objectpath '/io/github/acumat/session/2'>" in props
    assert "'xesam:title': <'Sleep'>" in props
    assert "'xesam:artist': <@as []>" in props
    assert "'mpris:length': <int64 600000000>" in props


def test_one_minute_less_shortens_the_track(parts: Parts) -> None:
    parts.session.start(PLAN)
    parts.clock.advance(30)
    assert parts.session.adjust(-60) == -60
    props = parts.player()
    assert "'mpris:length': <int64 240000000>" in props
    assert "'Position': <int64 30000000>" in props


def test_shutdown_gives_the_name_back(parts: Parts) -> None:
    parts.session.start(PLAN)
    assert parts.on_bus()
    parts.shutdown.run()
    assert not parts.on_bus()
    assert parts.feature.player is None


def test_without_a_session_bus_it_is_off_and_says_so_once(
    qapp: object, caplog: pytest.LogCaptureFixture
) -> None:
    session = SessionService(SessionEngine(FakeClock()))
    shutdown = ShutdownManager()
    with caplog.at_level(logging.INFO, logger="acumat_desktop.wiring.media"):
        feature = MediaKeysFeature(
            parent=session, session=session, window=Window(), bus=None, shutdown=shutdown
        )
        dead = MediaKeysFeature(
            parent=session,
            session=session,
            window=Window(),
            bus=connect("unix:path=/nonexistent/bus"),
            shutdown=shutdown,
        )
    assert feature.player is None and dead.player is None
    session.start(PLAN)
    session.stop()
    shutdown.run()
    assert [r.getMessage() for r in caplog.records].count(
        "no D-Bus session bus: media keys and desktop media controls are off"
    ) == 2


def test_sound_names() -> None:
    assert sound_names(None, Sounds()) == ()
    assert sound_names("none", Sounds()) == ()
    assert sound_names("rain", Sounds()) == ("Rain",)
    assert sound_names("rain:0.7, creek:0.3", Sounds()) == ("Rain", "creek")
    assert sound_names("rain", None) == ("rain",)
    assert sound_names("Evening mix", Sounds()) == ("Evening mix",)
