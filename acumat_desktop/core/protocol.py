"""The control protocol: versioned JSON lines between the ``acumat`` CLI and the running app.

A request is one line ``{"v": 1, "id": 7, "cmd": "status", "args": {...}}``; the reply is one line
``{"v": 1, "id": 7, "ok": true, "result": ...}`` or ``{"v": 1, "id": 7, "ok": false, "error":
{"code": "bad-args", "message": "..."}}``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024
MAX_DEPTH = 16  # nesting of arrays and objects inside a request's args
MAX_ID_CHARS = 128
COMMAND_NAME = re.compile(r"[a-z][a-z0-9]*([._-][a-z0-9]+)*")  # status, settings.set, …
MAX_COMMAND_CHARS = 64

# Error codes and the CLI exit status each maps to.
BAD_REQUEST = "bad-request"  # malformed, oversized, wrong version
UNKNOWN_COMMAND = "unknown-command"
BAD_ARGS = "bad-args"  # exit 2
FAILED = "failed"  # exit 1
BUSY = "busy"  # too many open control connections; exit 1, try again
TIMEOUT = "timeout"  # a connection sent no complete request in time; exit 1

EXIT_CODES = {BAD_REQUEST: 2, UNKNOWN_COMMAND: 2, BAD_ARGS: 2, FAILED: 1, BUSY: 1, TIMEOUT: 1}


class ProtocolError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Request:
    cmd: str
    args: dict[str, Any] = field(default_factory=dict)
    id: int | str | None = None


def encode_request(request: Request) -> bytes:
    body = {"v": PROTOCOL_VERSION, "id": request.id, "cmd": request.cmd, "args": request.args}
    return (json.dumps(body, separators=(",", ":")) + "\n").encode()


def decode_request(line: bytes) -> Request:
    """Parse one request line strictly; anything malformed raises ProtocolError(BAD_REQUEST)."""
    if len(line) > MAX_MESSAGE_BYTES:
        raise ProtocolError(
            BAD_REQUEST, f"message too large ({len(line)} bytes, limit {MAX_MESSAGE_BYTES})"
        )
    body = _load_object(line)
    version = body.get("v")
    if type(version) is not int or version != PROTOCOL_VERSION:  # True == 1, 1.0 == 1
        raise ProtocolError(
            BAD_REQUEST,
            f"protocol version {_short(json.dumps(version))} is not supported "
            f"(this app speaks {PROTOCOL_VERSION}, as a whole number)",
        )
    cmd, args, ident = body.get("cmd"), body.get("args", {}), body.get("id")
    if not isinstance(cmd, str) or not cmd:
        raise ProtocolError(BAD_REQUEST, "'cmd' must be a non-empty string")
    if len(cmd) > MAX_COMMAND_CHARS or not COMMAND_NAME.fullmatch(cmd):
        raise ProtocolError(
            BAD_REQUEST, f"'cmd' must be a command name such as status, not {_short(repr(cmd))}"
        )
    if not isinstance(args, dict):
        raise ProtocolError(BAD_REQUEST, "'args' must be an object")
    if not _valid_id(ident):
        raise ProtocolError(
            BAD_REQUEST, f"'id' must be a whole number or a string of at most {MAX_ID_CHARS}"
        )
    if _depth(args) > MAX_DEPTH:
        raise ProtocolError(BAD_REQUEST, f"'args' is nested too deeply (limit {MAX_DEPTH})")
    return Request(cmd, args, ident)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _load_object(line: bytes) -> dict[str, Any]:
    try:
        body = json.loads(line.decode("utf-8"), parse_constant=_refuse_constant)
    except UnicodeDecodeError as exc:
        raise ProtocolError(BAD_REQUEST, f"not a JSON message: not UTF-8 ({exc.reason})") from None
    except RecursionError:
        raise ProtocolError(BAD_REQUEST, "not a JSON message: nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, NaN/Infinity, integers too long to convert
        raise ProtocolError(BAD_REQUEST, f"not a JSON message: {_short(str(exc))}") from None
    if not isinstance(body, dict):
        raise ProtocolError(BAD_REQUEST, "a message must be a JSON object")
    return body


def _valid_id(ident: object) -> bool:
    if ident is None:
        return True
    if type(ident) is int:
        return abs(ident) < 2**53
    return isinstance(ident, str) and len(ident) <= MAX_ID_CHARS


def _depth(value: object) -> int:
    """How deeply arrays and objects nest in ``value`` (iterative: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if not isinstance(item, dict | list):
            continue
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, level + 1) for child in children)
    return deepest


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ok_reply(ident: int | str | None, result: Any) -> bytes:
    body = {"v": PROTOCOL_VERSION, "id": ident, "ok": True, "result": result}
    return (json.dumps(body, separators=(",", ":")) + "\n").encode()


def error_reply(ident: int | str | None, code: str, message: str) -> bytes:
    body = {
        "v": PROTOCOL_VERSION,
        "id": ident,
        "ok": False,
        "error": {"code": code, "message": message},
    }
    return (json.dumps(body, separators=(",", ":")) + "\n").encode()


@dataclass(frozen=True)
class Reply:
    ok: bool
    result: Any = None
    code: str = ""
    message: str = ""


def decode_reply(line: bytes) -> Reply:
    try:
        body = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise ProtocolError(BAD_REQUEST, f"the app sent an unreadable reply: {exc!r}") from None
    if not isinstance(body, dict) or not isinstance(body.get("ok"), bool):
        raise ProtocolError(BAD_REQUEST, "the app sent a reply without 'ok'")
    if body["ok"]:
        return Reply(True, body.get("result"))
    error = body.get("error")
    if not isinstance(error, dict):
        error = {}
    return Reply(False, None, str(error.get("code", FAILED)), str(error.get("message", "")))
