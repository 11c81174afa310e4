"""The MPRIS player on a private D-Bus, seen by real clients (gdbus, dbus-send, playerctl):
both interfaces introspected, every value with the type the specification gives it
(``mpris:length`` and ``Position`` int64 even when small, ``mpris:trackid`` an object path,
``xesam:artist`` an array of strings), ``PropertiesChanged`` as (s, a{sv}, as), and the
methods reaching the callbacks."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from private_bus import _readline
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from acumat_desktop.services.mpris import (
    OBJECT_PATH,
    PLAYER,
    ROOT,
    MprisPlayer,
    NowPlaying,
    PlaybackStatus,
    PlayerControls,
)

SERVICE = "org.mpris.MediaPlayer2.acumat"
PROPS = "org.freedesktop.DBus.Properties"
TRACK = "/io/github/acumat/session/1"
TWENTY_MIN_US = 1_200_000_000  # below 2**31: PySide alone would send it as int32
FORTY_MIN_US = 2_400_000_000  # above 2**31
_NAMES: list[str] = []


def connect(address: str) -> QDBusConnection:
    name = f"acumat-mpris-test-{len(_NAMES)}"
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
        yield _readline(daemon.stdout, time.monotonic() + 10)
    finally:
        for name in _NAMES:
            QDBusConnection.disconnectFromBus(name)
        daemon.terminate()
        daemon.wait(10)


class Client:
    """Runs a D-Bus client process while the Qt loop keeps serving the player."""

    def __init__(self, qtbot: QtBot, address: str, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.address = address
        self.tmp_path = tmp_path
        self.env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}

    def run(self, *argv: str, ok: bool = True) -> str:
        out = self.tmp_path / f"out-{time.monotonic_ns()}.txt"
        with out.open("w") as sink:
            proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, env=self.env)
            self.qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
        text = out.read_text()
        assert (proc.returncode == 0) == ok, text
        return text

    def gdbus(self, *args: str, ok: bool = True) -> str:
        return self.run(
            "gdbus",
            "call",
            "--address",
            self.address,
            "--dest",
            SERVICE,
            "--object-path",
            OBJECT_PATH,
            "--method",
            *args,
            ok=ok,
        )

    def get_all(self, interface: str) -> str:
        return self.gdbus(f"{PROPS}.GetAll", interface)


class Player:
    def __init__(self, bus: QDBusConnection, quit_supported: bool = False) -> None:
        self.now = NowPlaying(
            status=PlaybackStatus.PLAYING,
            track_id=TRACK,
            title="Desk break",
            artists=("Rain", "Wind"),
            album="AcuMat",
            length_us=TWENTY_MIN_US,
            position_us=300_000_000,
            can_play=True,
            can_pause=True,
        )
        self.calls: list[str] = []

        def record(name: str) -> Callable[[], None]:
            return lambda: self.calls.append(name)

        self.mpris = MprisPlayer(
            bus,
            lambda: self.now,
            PlayerControls(
                play=record("play"),
                pause=record("pause"),
                play_pause=record("play_pause"),
                stop=record("stop"),
                raise_window=record("raise"),
                quit=record("quit") if quit_supported else None,
            ),
            name="acumat",
            identity="AcuMat",
            desktop_entry="io.github.acumat.AcuMat.desktop",
        )


@pytest.fixture
def player(bus_address: str) -> Iterator[Player]:
    p = Player(connect(bus_address))
    assert p.mpris.exported
    assert p.mpris.publish()
    yield p
    p.mpris.close()


@pytest.fixture
def client(qtbot: QtBot, bus_address: str, tmp_path: Path) -> Client:
    return Client(qtbot, bus_address, tmp_path)


def test_introspection_lists_both_interfaces_with_the_spec_types(
    player: Player, client: Client
) -> None:
    xml = client.run(
        "gdbus",
        "introspect",
        "--xml",
        "--address",
        client.address,
        "--dest",
        SERVICE,
        "--object-path",
        OBJECT_PATH,
    )
    interfaces = {i.get("name"): i for i in ET.fromstring(xml).iter("interface")}
    assert {ROOT, PLAYER, PROPS} <= interfaces.keys()

    def props(name: str) -> dict[str | None, str | None]:
        return {p.get("name"): p.get("type") for p in interfaces[name].iter("property")}

    assert props(ROOT) == {
        "CanQuit": "b",
        "CanRaise": "b",
        "HasTrackList": "b",
        "Identity": "s",
        "DesktopEntry": "s",
        "SupportedUriSchemes": "as",
        "SupportedMimeTypes": "as",
    }
    assert props(PLAYER) == {
        "PlaybackStatus": "s",
        "Rate": "d",
        "Metadata": "a{sv}",
        "Volume": "d",
        "Position": "x",
        "MinimumRate": "d",
        "MaximumRate": "d",
        "CanGoNext": "b",
        "CanGoPrevious": "b",
        "CanPlay": "b",
        "CanPause": "b",
        "CanSeek": "b",
        "CanControl": "b",
    }
    methods = {m.get("name") for m in interfaces[PLAYER].iter("method")}
    assert {
        "Play",
        "Pause",
        "PlayPause",
        "Stop",
        "Next",
        "Previous",
        "Seek",
        "SetPosition",
        "OpenUri",
    } <= methods
    assert {m.get("name") for m in interfaces[ROOT].iter("method")} == {"Raise", "Quit"}


def test_getall_gives_every_value_its_spec_type(player: Player, client: Client) -> None:
    out = client.get_all(PLAYER)
    # gdbus names every type it cannot infer from the value: an int32 would print as <1200..>.
    assert f"'mpris:length': <int64 {TWENTY_MIN_US}>" in out
    assert "'Position': <int64 300000000>" in out
    assert f"'mpris:trackid': <objectpath '{TRACK}'>" in out
    assert "'xesam:title': <'Desk break'>" in out
    assert "'xesam:artist': <['Rain', 'Wind']>" in out
    assert "'PlaybackStatus': <'Playing'>" in out
    assert "'Rate': <1.0>" in out
    assert "'CanGoNext': <false>" in out and "'CanSeek': <false>" in out
    assert "'CanPlay': <true>" in out and "'CanControl': <true>" in out
    assert "'Metadata': <{" in out  # a{sv} inside the variant, no variant in a variant
    root = client.get_all(ROOT)
    assert "'DesktopEntry': <'io.github.acumat.AcuMat'>" in root
    assert "'Identity': <'AcuMat'>" in root
    assert "'SupportedMimeTypes': <@as []>" in root  # an empty as, not av
    assert "'CanQuit': <false>" in root and "'CanRaise': <true>" in root


def test_the_raw_wire_types_as_dbus_send_prints_them(player: Player, client: Client) -> None:
    """dbus-send spells out each type: the proof that nothing is int32 or a nested variant."""
    if shutil.which("dbus-send") is None:
        pytest.skip("dbus-send is not installed")
    player.now = replace(player.now, length_us=FORTY_MIN_US, position_us=5)
    out = client.run(
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={SERVICE}",
        OBJECT_PATH,
        f"{PROPS}.Get",
        f"string:{PLAYER}",
        "string:Metadata",
    )
    flat = " ".join(out.split())
    assert f'string "mpris:length" variant int64 {FORTY_MIN_US}' in flat
    assert f'string "mpris:trackid" variant object path "{TRACK}"' in flat
    assert 'string "xesam:artist" variant array [ string "Rain" string "Wind" ]' in flat
    assert 'string "xesam:title" variant string "Desk break"' in flat
    assert "reply_serial=2 variant array [ dict entry( string " in flat  # Get's v holds a{sv}
    assert flat.count("variant") == 1 + 5  # that one, then one per entry (album too)
    out = client.run(
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={SERVICE}",
        OBJECT_PATH,
        f"{PROPS}.Get",
        f"string:{PLAYER}",
        "string:Position",
    )
    assert "variant int64 5" in " ".join(out.split())


def test_properties_changed_carries_s_asv_as(
    qtbot: QtBot, player: Player, client: Client, tmp_path: Path
) -> None:
    log = tmp_path / "monitor.txt"
    with log.open("w") as sink:
        monitor = subprocess.Popen(
            [
                "gdbus",
                "monitor",
                "--address",
                client.address,
                "--dest",
                SERVICE,
                "--object-path",
                OBJECT_PATH,
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        # gdbus subscribes before it looks up the owner: this line means it listens.
        qtbot.waitUntil(lambda: "is owned by" in log.read_text(), timeout=10_000)
        player.now = replace(player.now, status=PlaybackStatus.PAUSED)
        player.mpris.changed()
        qtbot.waitUntil(lambda: "PropertiesChanged" in log.read_text(), timeout=10_000)
        player.now = replace(
            player.now,
            status=PlaybackStatus.PLAYING,
            track_id=TRACK + "0",
            title="Sleep",
            length_us=600_000_000,
        )
        player.mpris.changed()
        qtbot.waitUntil(lambda: log.read_text().count("PropertiesChanged") == 2, timeout=10_000)
        player.mpris.changed()  # nothing differs: nothing is sent (the next one comes third)
        player.now = replace(player.now, status=PlaybackStatus.STOPPED)
        player.mpris.changed()
        qtbot.waitUntil(lambda: log.read_text().count("PropertiesChanged") == 3, timeout=10_000)
    finally:
        monitor.terminate()
        monitor.wait(10)
    lines = [line for line in log.read_text().splitlines() if "PropertiesChanged" in line]
    assert lines[0].endswith(
        f"{PROPS}.PropertiesChanged ('{PLAYER}', {{'PlaybackStatus': <'Paused'>}}, @as [])"
    )
    second = lines[1]
    assert "'PlaybackStatus': <'Playing'>" in second
    assert "'mpris:length': <int64 600000000>" in second
    assert f"'mpris:trackid': <objectpath '{TRACK}0'>" in second
    assert "'xesam:title': <'Sleep'>" in second
    assert second.endswith("}>}, @as [])")
    assert lines[2].endswith(f"('{PLAYER}', {{'PlaybackStatus': <'Stopped'>}}, @as [])")


def test_methods_reach_the_callbacks(player: Player, client: Client) -> None:
    for method in ("PlayPause", "Pause", "Play", "Stop", "Next", "Previous", "Quit"):
        iface = ROOT if method == "Quit" else PLAYER
        assert client.gdbus(f"{iface}.{method}").strip() == "()"
    client.gdbus(f"{ROOT}.Raise")
    client.gdbus(f"{PLAYER}.Seek", "10000000")
    client.gdbus(f"{PLAYER}.SetPosition", TRACK, "10000000")
    # Next, Previous, Seek, SetPosition and (CanQuit false) Quit do nothing.
    assert player.calls == ["play_pause", "pause", "play", "stop", "raise"]


def test_quit_when_offered(bus_address: str, client: Client) -> None:
    p = Player(connect(bus_address), quit_supported=True)
    assert p.mpris.publish()
    try:
        assert "'CanQuit': <true>" in client.get_all(ROOT)
        client.gdbus(f"{ROOT}.Quit")
        assert p.calls == ["quit"]
    finally:
        p.mpris.close()


def test_unknown_and_read_only_properties_are_errors(player: Player, client: Client) -> None:
    out = client.gdbus(f"{PROPS}.Get", PLAYER, "Shuffle", ok=False)
    assert "UnknownProperty" in out
    out = client.gdbus(f"{PROPS}.Set", PLAYER, "Volume", "<0.5>", ok=False)
    assert "PropertyReadOnly" in out
    assert "UnknownInterface" in client.gdbus(f"{PROPS}.GetAll", "org.example.No", ok=False)


def test_nothing_playing_has_an_empty_track(player: Player, client: Client) -> None:
    player.now = NowPlaying()
    out = client.get_all(PLAYER)
    assert (
        "'Metadata': <{'mpris:trackid': <objectpath "
        "'/org/mpris/MediaPlayer2/TrackList/NoTrack'>}>" in out
    )
    assert "'PlaybackStatus': <'Stopped'>" in out
    assert "'Position': <int64 0>" in out


def test_withdraw_leaves_the_bus_and_publish_comes_back(player: Player, bus_address: str) -> None:
    watcher = connect(bus_address).interface()
    assert watcher.isServiceRegistered(SERVICE).value()
    player.mpris.withdraw()
    assert not watcher.isServiceRegistered(SERVICE).value()
    assert player.mpris.publish()
    assert watcher.isServiceRegistered(SERVICE).value()


def test_playerctl_reads_and_drives_it(player: Player, client: Client) -> None:
    """A real MPRIS client: ``duration()`` only accepts an int64 mpris:length."""
    if shutil.which("playerctl") is None:
        pytest.skip("playerctl is not installed")
    assert client.run("playerctl", "--list-all").split() == ["acumat"]
    assert client.run("playerctl", "-p", "acumat", "status").strip() == "Playing"
    fmt = "{{title}}|{{artist}}|{{duration(mpris:length)}}|{{duration(position)}}"
    out = client.run("playerctl", "-p", "acumat", "metadata", "--format", fmt)
    assert out.strip() == "Desk break|Rain, Wind|20:00|5:00"
    client.run("playerctl", "-p", "acumat", "play-pause")
    client.run("playerctl", "-p", "acumat", "stop")
    assert player.calls == ["play_pause", "stop"]


def test_without_a_bus_it_is_off_quietly(qapp: object) -> None:
    dead = connect("unix:path=/nonexistent/bus")
    p = Player(dead)
    assert not p.mpris.exported
    assert not p.mpris.publish()
    p.mpris.changed()
    p.mpris.close()
