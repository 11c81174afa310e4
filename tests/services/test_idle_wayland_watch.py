"""ext-idle-notify watches without polling: a scripted compositor on a socket pair, the events
delivered through the Qt event loop."""

from __future__ import annotations

import socket
import struct
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.services.idle.base import IdleWatcher
from acumat_desktop.services.idle.wayland import WaylandIdleSource


def _event(object_id: int, opcode: int, payload: bytes = b"") -> bytes:
    return struct.pack("=II", object_id, (8 + len(payload)) << 16 | opcode) + payload


def _global(name: int, interface: str, version: int) -> bytes:
    raw = interface.encode() + b"\0"
    text = struct.pack("=I", len(raw)) + raw + b"\0" * (-len(raw) % 4)
    return _event(2, 0, struct.pack("=I", name) + text + struct.pack("=I", version))


def _requests(server: socket.socket) -> list[tuple[int, int, bytes]]:
    server.settimeout(1)
    data = server.recv(65536)
    out = []
    while data:
        object_id, word = struct.unpack_from("=II", data)
        size = word >> 16
        out.append((object_id, word & 0xFFFF, data[8:size]))
        data = data[size:]
    return out


class Calls:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


@pytest.fixture
def compositor(qtbot: QtBot) -> Iterator[tuple[WaylandIdleSource, socket.socket]]:
    client, server = socket.socketpair()
    server.sendall(
        _global(7, "wl_seat", 8)
        + _global(9, "ext_idle_notifier_v1", 1)
        + _event(3, 0, struct.pack("=I", 0))
    )
    source = WaylandIdleSource(sock=client, timeout_ms=5000)
    assert source.available()
    _requests(server)  # the handshake
    yield source, server
    source.close()
    server.close()


def test_the_natural_break_arrives_as_an_idled_event(
    compositor: tuple[WaylandIdleSource, socket.socket], qtbot: QtBot
) -> None:
    source, server = compositor
    assert isinstance(source, IdleWatcher)
    calls = Calls()
    assert source.watch(300.0, False, calls)
    assert _requests(server) == [(5, 1, struct.pack("=III", 7, 300_000, 4))]
    assert source.watch(300.0, False, calls)  # the same watch again: kept, not restarted
    server.sendall(_event(7, 0))  # idled, for the watch
    qtbot.waitUntil(lambda: calls.count == 1, timeout=2000)
    assert _requests(server) == [(7, 0, b"")]  # the spent watch is destroyed


def test_the_return_arrives_as_resumed(
    compositor: tuple[WaylandIdleSource, socket.socket], qtbot: QtBot
) -> None:
    source, server = compositor
    server.sendall(_event(6, 0))  # idled on the 5 s notification: the user is away
    qtbot.waitUntil(lambda: (source.idle_seconds() or 0) >= 5.0, timeout=2000)
    calls = Calls()
    assert source.watch(None, True, calls)
    server.sendall(_event(6, 1))  # resumed
    qtbot.waitUntil(lambda: calls.count == 1, timeout=2000)
    assert source.idle_seconds() == 0.0


def test_an_input_watch_while_active_fires_at_once(
    compositor: tuple[WaylandIdleSource, socket.socket], qtbot: QtBot
) -> None:
    source, _server = compositor
    calls = Calls()
    assert source.watch(None, True, calls)
    qtbot.waitUntil(lambda: calls.count == 1, timeout=2000)


def test_a_new_threshold_replaces_the_watch_and_unwatch_removes_it(
    compositor: tuple[WaylandIdleSource, socket.socket],
) -> None:
    source, server = compositor
    calls = Calls()
    source.watch(300.0, False, calls)
    source.watch(600.0, False, calls)
    source.unwatch()
    assert _requests(server) == [
        (5, 1, struct.pack("=III", 7, 300_000, 4)),
        (7, 0, b""),
        (5, 1, struct.pack("=III", 8, 600_000, 4)),  # a fresh id, never a reused one
        (8, 0, b""),
    ]
    source.close()
    assert not source.watch(300.0, False, calls)
