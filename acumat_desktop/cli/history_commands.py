"""``acumat history [--json] [--limit N]``: recent sessions from the running app, newest first."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from acumat_desktop.cli.base import EXIT_OK, Command, call_app, out, print_json

DEFAULT_LIMIT = 20


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text}: the limit must be from 1 to 1000")
    return value


def describe_row(row: dict[str, Any]) -> str:
    """``Thu 26 Nov 19:00  Back and neck  20 of 20 min  completed  feeling 4``."""
    started = datetime.fromisoformat(str(row["started_at"])).strftime("%a %d %b %H:%M")
    actual = round(float(row["actual_s"]) / 60)
    planned = round(float(row["planned_s"]) / 60)
    if row["completed"]:
        result = "completed"
    elif row.get("interrupted"):  # the app ended while it ran (killed, crash, power loss)
        result = "interrupted"
    else:
        result = "stopped"
    line = f"{started}  {row['routine_name']}  {actual} of {planned} min  {result}"
    if row.get("feeling") is not None:
        line += f"  feeling {row['feeling']}"
    return line


class History(Command):
    name = "history"
    help = "recent sessions, newest first (from the running app)"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON list")
        parser.add_argument(
            "--limit",
            type=_limit,
            default=DEFAULT_LIMIT,
            help=f"at most N (default {DEFAULT_LIMIT})",
        )

    def run(self, args: argparse.Namespace) -> int:
        rows = call_app("history", limit=args.limit)
        if args.json:
            print_json(rows)
            return EXIT_OK
        if not rows:
            out("No sessions yet")
        for row in rows:
            out(describe_row(row))
        return EXIT_OK
