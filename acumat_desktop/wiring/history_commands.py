"""The ``history`` control command: recent sessions as JSON rows, newest first."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.protocol import FAILED

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 20
MAX_LIMIT = 1000


class RecentSessions(Protocol):
    def sessions(self, since: Any = None, limit: int | None = None) -> list[SessionRecord]: ...


def session_row(record: SessionRecord) -> dict[str, Any]:
    """One session as a JSON-ready row (the CLI's ``history --json`` prints a list of these)."""
    return {
        "started_at": record.started_at.isoformat(),
        "routine": record.routine_id,
        "routine_name": record.routine_name,
        "planned_s": record.planned_s,
        "actual_s": record.actual_s,
        "completed": record.completed,
        "breathing": record.pattern_id,
        "feeling": record.feeling,
        "breaths": record.breaths,
        "sound": record.sound,
        "interrupted": record.interrupted,
    }


def history_limit(args: dict[str, Any]) -> int:
    limit = args.get("limit", DEFAULT_LIMIT)
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise CommandError(f"'limit' must be a whole number from 1 to {MAX_LIMIT}, not {limit!r}")
    return limit


def register_history_commands(commands: CommandRegistry, history: RecentSessions) -> None:
    def recent(args: dict[str, Any]) -> list[dict[str, Any]]:
        limit = history_limit(args)
        try:
            records = history.sessions(limit=limit)
        except Exception as exc:
            log.exception("could not read the history for the history command")
            raise CommandError(f"the history could not be read: {exc}", FAILED) from None
        return [session_row(r) for r in records]

    commands.register("history", recent)
