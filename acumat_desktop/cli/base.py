"""The CLI's command layer: each command is one small class registered by name."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any, ClassVar

from acumat_desktop.core.protocol import BUSY, EXIT_CODES, ProtocolError, Reply
from acumat_desktop.services.ipc_client import ControlClient, NoReplyError, NotRunningError
from acumat_desktop.services.paths import server_name

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_NOT_RUNNING = 3

NOT_RUNNING = "AcuMat is not running"
BUSY_RETRY_S = (0.05, 0.1, 0.2, 0.4, 0.8)  # when the app has too many control connections open


class CliError(Exception):
    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Command:
    """Subclass, set ``name`` and ``help``, add arguments, implement ``run``."""

    name: ClassVar[str]
    help: ClassVar[str]
    registry: ClassVar[dict[str, type[Command]]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if getattr(cls, "name", None):
            Command.registry[cls.name] = cls

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        """Add this command's arguments."""

    def run(self, args: argparse.Namespace) -> int:
        raise NotImplementedError


def connect() -> ControlClient:
    client = ControlClient(server_name())
    try:
        client.connect()
    except NoReplyError as exc:
        raise CliError(f"AcuMat runs but did not answer: {exc}", EXIT_FAILED) from None
    except NotRunningError:
        raise CliError(NOT_RUNNING, EXIT_NOT_RUNNING) from None
    return client


def app_running() -> bool:
    try:
        connect().close()
    except CliError as exc:
        return exc.exit_code != EXIT_NOT_RUNNING
    return True


def call_app(cmd: str, **args: Any) -> Any:
    """Send one command to the running app; raise CliError with the right exit code. A busy
    app (too many control connections) is asked again a few times."""
    reply = _request(cmd, args)
    for pause in BUSY_RETRY_S:
        if reply.ok or reply.code != BUSY:
            break
        time.sleep(pause)  # back-off before asking again, not synchronisation
        reply = _request(cmd, args)
    if not reply.ok:
        raise CliError(reply.message, EXIT_CODES.get(reply.code, EXIT_FAILED))
    return reply.result


def _request(cmd: str, args: dict[str, Any]) -> Reply:
    client = connect()
    try:
        return client.request(cmd, **args)
    except NoReplyError as exc:
        raise CliError(f"AcuMat runs but did not answer: {exc}", EXIT_FAILED) from None
    except NotRunningError:
        raise CliError(NOT_RUNNING, EXIT_NOT_RUNNING) from None
    except ProtocolError as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    finally:
        client.close()


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=None, separators=(",", ":")) + "\n")


def out(text: str) -> None:
    sys.stdout.write(text + "\n")
