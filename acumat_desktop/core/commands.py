"""The app side of the control protocol: one small handler per command, looked up by name."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from acumat_desktop.core.protocol import (
    BAD_ARGS,
    FAILED,
    UNKNOWN_COMMAND,
    ProtocolError,
    Request,
    decode_request,
    error_reply,
    ok_reply,
)

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], Any]


class CommandError(Exception):
    """A handler's refusal, with the reply code (BAD_ARGS -> exit 2, FAILED -> exit 1)."""

    def __init__(self, message: str, code: str = BAD_ARGS) -> None:
        super().__init__(message)
        self.code = code


class CommandRegistry:
    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, name: str, handler: Handler) -> None:
        if name in self._handlers:
            raise ValueError(f"command {name!r} is registered twice")
        self._handlers[name] = handler

    def names(self) -> list[str]:
        return sorted(self._handlers)

    def dispatch(self, request: Request) -> Any:
        handler = self._handlers.get(request.cmd)
        if handler is None:
            raise CommandError(f"unknown command {request.cmd!r}", UNKNOWN_COMMAND)
        return handler(request.args)

    def handle_line(self, line: bytes) -> bytes:
        """Turn one request line into one reply line; never raises."""
        ident = None
        try:
            request = decode_request(line)
            ident = request.id
            return ok_reply(ident, self.dispatch(request))
        except ProtocolError as exc:
            return error_reply(ident, exc.code, str(exc))
        except CommandError as exc:
            return error_reply(ident, exc.code, str(exc))
        except Exception as exc:  # a handler's bug must not take the app down
            log.exception("command failed")
            return error_reply(ident, FAILED, f"internal error: {exc}")
