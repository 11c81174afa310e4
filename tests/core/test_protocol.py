from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import (
    BAD_REQUEST,
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


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        (b'{"v": true, "cmd": "echo"}', "protocol version true"),
        (b'{"v": 1.0, "cmd": "echo"}', "protocol version 1.0"),
        (b'{"v": "1", "cmd": "echo"}', 'protocol version "1"'),
        (b'{"v": 1, "cmd": "echo", "id": true}', "'id'"),
        (b'{"v": 1, "cmd": "echo", "id": 1.5}', "'id'"),
        (b'{"v": 1, "cmd": "echo", "id": "' + b"x" * 500 + b'"}', "'id'"),
        (b'{"v": 1, "cmd": ["echo"]}', "'cmd'"),
        (b'{"v": 1, "cmd": "echo", "args": null}', "'args'"),
        (b'{"v": 1, "cmd": "echo", "args": {"x": NaN}}', "NaN"),
        (b'{"v": 1, "cmd": "echo", "args": {"x": -Infinity}}', "Infinity"),
        (b'{"v": 1, "cmd": "echo", "args": {"x": ' + b"9" * 5000 + b"}}", "not a JSON"),
        (b"[" * 30_000 + b"]" * 30_000, "nested too deeply"),
        (b'{"v": 1, "cmd": "echo", "args": {"x": ' + b"[" * 40 + b"]" * 40 + b"}}", "nested"),
        (b'{"v": 1, "cmd": "echo"}\xc3\x28', "not UTF-8"),
        (b"\x00\x01\x02", "not a JSON message"),
        (b"", "not a JSON message"),
    ],
)
def test_odd_requests_are_bad_requests_never_internal_errors(line: bytes, fragment: str) -> None:
    """Before: {"v": true} and {"v": 1.0} passed as version 1, and deep JSON was answered with
    'internal error' and a logged traceback."""
    reply = decode_reply(registry().handle_line(line))
    assert (reply.ok, reply.code) == (False, "bad-request"), reply
    assert fragment in reply.message
    assert len(reply.message) < 300, "the message quotes too much of the request"


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


def _deep(depth: int, opener: bytes) -> bytes:
    closer = b"]" if opener == b"[" else b"}"
    inner = b'{"a":' if opener == b"{" else b"["
    return inner * depth + b"1" + closer * depth


@st.composite
def hostile_lines(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["fields", "binary", "deep", "oversized", "text"]))
    if kind == "fields":
        body = draw(st.dictionaries(st.sampled_from(["v", "id", "cmd", "args", "x"]), JSON_VALUES))
        return json.dumps(body).encode()
    if kind == "binary":
        return draw(st.binary(max_size=256))
    if kind == "deep":
        depth = draw(st.integers(min_value=1, max_value=60_000))
        nested = _deep(depth, draw(st.sampled_from([b"[", b"{"])))
        return b'{"v":1,"cmd":"echo","args":{"x":' + nested + b"}}"
    if kind == "oversized":
        return b'{"v":1,"cmd":"echo","args":{"x":"' + b"a" * MAX_MESSAGE_BYTES + b'"}}'
    return draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")


@given(hostile_lines())
def test_fuzzed_requests_get_a_reply_and_never_an_internal_error(line: bytes) -> None:
    reply = decode_reply(registry().handle_line(line))
    if reply.ok:  # a well-formed echo is fine
        return
    assert reply.code in {"bad-request", "unknown-command"}, reply


@pytest.mark.parametrize("cmd", [" ", "Status", "status ", "../x", "a" * 65, "sound..layers"])
def test_a_command_that_is_no_command_name_is_a_bad_request(cmd: str) -> None:
    # found by fuzzing a live server: {"v":1,"":0,"cmd":" ","":{}} was answered unknown-command
    line = json.dumps({"v": 1, "cmd": cmd, "args": {}}).encode()
    with pytest.raises(ProtocolError) as refused:
        decode_request(line)
    assert refused.value.code == BAD_REQUEST
