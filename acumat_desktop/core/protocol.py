"""The control protocol: versioned JSON lines between the ``acumat`` CLI and the running app.

A request is one line ``{"v": 1, "id": 7, "cmd": "status", "args": {...}}``; the reply is one line
``{"v": 1, "id": 7, "ok": true, "result": ...}`` or ``{"v": 1, "id": 7, "ok": false, "error":
{"code": "bad-args", "message": "..."}}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024

# Error codes and the CLI exit status each maps to.
BAD_REQUEST = "bad-request"  # malformed, oversized, wrong version
UNKNOWN_COMMAND = "unknown-command"
BAD_ARGS = "bad-args"  # exit 2
FAILED = "failed"  # exit 1

EXIT_CODES = {BAD_REQUEST: 2, UNKNOWN_COMMAND: 2, BAD_ARGS: 2, FAILED: 1}


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
    if len(line) > MAX_MESSAGE_BYTES:
        raise ProtocolError(
            BAD_REQUEST, f"message too large ({len(line)} bytes, limit {MAX_MESSAGE_BYTES})"
        )
    try:
        body = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError(BAD_REQUEST, f"not a JSON message: {exc}") from None
    if not isinstance(body, dict):
        raise ProtocolError(BAD_REQUEST, "a message must be a JSON object")
    if body.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(
            BAD_REQUEST,
            f"protocol version {body.get('v')!r} is not supported "
            f"(this app speaks {PROTOCOL_VERSION})",
        )
    cmd, args, ident = body.get("cmd"), body.get("args", {}), body.get("id")
    if not isinstance(cmd, str) or not cmd:
        raise ProtocolError(BAD_REQUEST, "'cmd' must be a non-empty string")
    if not isinstance(args, dict):
        raise ProtocolError(BAD_REQUEST, "'args' must be an object")
    if ident is not None and not isinstance(ident, int | str):
        raise ProtocolError(BAD_REQUEST, "'id' must be a number or a string")
    return Request(cmd, args, ident)


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
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProtocolError(BAD_REQUEST, f"the app sent an unreadable reply: {exc}") from None
    if not isinstance(body, dict) or "ok" not in body:
        raise ProtocolError(BAD_REQUEST, "the app sent a reply without 'ok'")
    if body["ok"]:
        return Reply(True, body.get("result"))
    error = body.get("error") or {}
    return Reply(False, None, str(error.get("code", FAILED)), str(error.get("message", "")))
