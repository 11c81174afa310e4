"""ext-idle-notify-v1: the wire codec, and the client against a scripted compositor on a
socketpair (the compositor's bytes are packed by hand here, not with the code under test)."""

from __future__ import annotations

import socket
import struct
from collections.abc import Iterator

import pytest

from acumat_desktop.services.idle import wayland
from acumat_desktop.services.idle.wayland import WaylandIdleSource, decode, encode, pack_string


def test_string_is_length_prefixed_nul_terminated_and_padded() -> None:
    assert pack_string("wl_seat") == struct.pack("=I", 8) + b"wl_seat\0"
    assert pack_string("abcd") == struct.pack("=I", 5) + b"abcd\0\0\0\0"
    assert len(pack_string("ext_idle_notifier_v1")) % 4 == 0


def test_header_packs_size_and_opcode() -> None:
    msg = encode(5, 1, b"\x01\x00\x00\x00")
    object_id, word = struct.unpack("=II", msg[:8])
    assert (object_id, word >> 16, word & 0xFFFF) == (5, 12, 1)


def test_decode_keeps_partial_messages_for_later() -> None:
    data = encode(6, 0) + encode(6, 1)
    first, rest = decode(data[:11])
    assert [(m.object_id, m.opcode) for m in first] == [(6, 0)]
    second, rest = decode(rest + data[11:])
    assert [(m.object_id, m.opcode) for m in second] == [(6, 1)]
    assert rest == b""


def test_decode_rejects_a_corrupt_size() -> None:
    with pytest.raises(ValueError, match="size"):
        decode(struct.pack("=II", 1, 4 << 16))


def test_socket_path_from_environment() -> None:
    env = {"XDG_RUNTIME_DIR": "/run/user/1000", "WAYLAND_DISPLAY": "wayland-1"}
    assert wayland.socket_path(env) == "/run/user/1000/wayland-1"
    assert wayland.socket_path({"WAYLAND_DISPLAY": "/tmp/w"}) == "/tmp/w"
    assert wayland.socket_path({}) is None


def _event(object_id: int, opcode: int, payload: bytes = b"") -> bytes:
    return struct.pack("=II", object_id, (8 + len(payload)) << 16 | opcode) + payload


def _global(name: int, interface: str, version: int) -> bytes:
    raw = interface.encode() + b"\0"
    text = struct.pack("=I", len(raw)) + raw + b"\0" * (-len(raw) % 4)
    return _event(2, 0, struct.pack("=I", name) + text + struct.pack("=I", version))


class Now:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def pair() -> Iterator[tuple[socket.socket, socket.socket]]:
    client, server = socket.socketpair()
    yield client, server
    client.close()
    server.close()


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


def test_client_binds_and_follows_idled_and_resumed(
    pair: tuple[socket.socket, socket.socket],
) -> None:
    client, server = pair
    server.sendall(
        _global(1, "wl_compositor", 5)
        + _global(7, "wl_seat", 8)
        + _global(9, "ext_idle_notifier_v1", 1)
        + _event(3, 0, struct.pack("=I", 0))
    )
    now = Now()
    source = WaylandIdleSource(sock=client, timeout_ms=5000, monotonic=now)
    assert source.available()
    requests = _requests(server)
    # get_registry(2), sync(3), bind seat, bind notifier, get_idle_notification
    assert requests[0] == (1, 1, struct.pack("=I", 2))
    assert requests[1] == (1, 0, struct.pack("=I", 3))
    assert requests[2][:2] == (2, 0)
    assert requests[2][2][:4] == struct.pack("=I", 7)
    assert b"wl_seat\0" in requests[2][2]
    assert requests[2][2][-4:] == struct.pack("=I", 4)
    assert requests[3][2][:4] == struct.pack("=I", 9)
    assert requests[4] == (5, 1, struct.pack("=III", 6, 5000, 4))

    assert source.idle_seconds() == 0.0
    server.sendall(_event(6, 0))  # idled: idle for the timeout already
    assert source.idle_seconds() == pytest.approx(5.0)
    now.t += 30
    assert source.idle_seconds() == pytest.approx(35.0)
    server.sendall(_event(6, 1))  # resumed
    assert source.idle_seconds() == 0.0
    server.close()
    assert source.idle_seconds() is None
    assert not source.available()


def test_compositor_without_the_protocol(pair: tuple[socket.socket, socket.socket]) -> None:
    client, server = pair
    server.sendall(_global(7, "wl_seat", 8) + _event(3, 0, struct.pack("=I", 0)))
    source = WaylandIdleSource(sock=client)
    assert not source.available()
    assert source.idle_seconds() is None


def test_no_compositor_socket() -> None:
    assert not WaylandIdleSource("/nonexistent/wayland-0").available()
