from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import (
    MAX_MESSAGE_BYTES,
    ProtocolError,
    Request,
    decode_reply,
    decode_request,
    encode_request,
)


def registry() -> CommandRegistry:
    reg = CommandRegistry()
    reg.register("echo", lambda args: args)

    def refuse(args: dict[str, object]) -> object:
        raise CommandError("minutes 99 is outside 5–10")

    def crash(args: dict[str, object]) -> object:
        raise RuntimeError("boom")

    reg.register("refuse", refuse)
    reg.register("crash", crash)
    return reg


def test_request_round_trips() -> None:
    request = Request("start", {"routine": "sleep", "minutes": 10}, 4)
    line = encode_request(request)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode_request(line.rstrip(b"\n")) == request


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (b"not json", "not a JSON message"),
        (b"[1,2]", "JSON object"),
        (b'{"v": 99, "cmd": "status"}', "protocol version 99"),
        (b'{"v": 1}', "'cmd'"),
        (b'{"v": 1, "cmd": "x", "args": []}', "'args'"),
        (b'{"v": 1, "cmd": "x", "id": [1]}', "'id'"),
        (b"\xff\xfe", "not a JSON message"),
    ],
)
def test_malformed_requests_get_an_error_reply(line: bytes, fragment: str) -> None:
    reply = decode_reply(registry().handle_line(line))
    assert not reply.ok
    assert reply.code == "bad-request"
    assert fragment in reply.message


def test_oversized_request_is_refused() -> None:
    line = json.dumps({"v": 1, "cmd": "echo", "args": {"x": "a" * MAX_MESSAGE_BYTES}}).encode()
    with pytest.raises(ProtocolError, match="too large"):
        decode_request(line)


def test_dispatch_outcomes() -> None:
    reg = registry()
    ok = decode_reply(reg.handle_line(encode_request(Request("echo", {"a": 1}))))
    assert ok.ok and ok.result == {"a": 1}
    unknown = decode_reply(reg.handle_line(encode_request(Request("nope"))))
    assert (unknown.ok, unknown.code) == (False, "unknown-command")
    refused = decode_reply(reg.handle_line(encode_request(Request("refuse"))))
    assert (refused.code, refused.message) == ("bad-args", "minutes 99 is outside 5–10")
    crashed = decode_reply(reg.handle_line(encode_request(Request("crash"))))
    assert crashed.code == "failed" and "boom" in crashed.message


def test_a_command_cannot_be_registered_twice() -> None:
    reg = registry()
    with pytest.raises(ValueError, match="twice"):
        reg.register("echo", lambda args: None)


@given(st.binary(max_size=512))
def test_any_bytes_get_a_reply_and_never_raise(line: bytes) -> None:
    reply = decode_reply(registry().handle_line(line))
    assert isinstance(reply.ok, bool)
