"""``acumat reminders on|off|snooze [MINUTES]|pause DURATION|until-tomorrow``."""

from __future__ import annotations

import argparse
import math

from acumat_desktop.cli.base import EXIT_OK, CliError, Command, call_app, out
from acumat_desktop.core.durations import parse_duration


def _minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: minutes must be more than 0")
    return value


def pause_argument(text: str) -> float | str:
    """Seconds to pause for, or ``until-tomorrow``; a CliError names a bad duration."""
    if text == "until-tomorrow":
        return text
    try:
        seconds = parse_duration(text).total_seconds()
    except ValueError as exc:
        raise CliError(f"reminders pause: {exc}, or until-tomorrow") from None
    if seconds <= 0:
        raise CliError(f"reminders pause: {text!r} is no time at all; use e.g. 30m, 1h, 2h")
    return seconds


class RemindersCommand(Command):
    name = "reminders"
    help = "desk-break reminders: on | off | snooze [MINUTES] | pause DURATION|until-tomorrow"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        sub.add_parser("on", help="turn reminders on")
        sub.add_parser("off", help="turn reminders off (idle polling stops)")
        snooze = sub.add_parser("snooze", help="postpone the reminder (default: the setting)")
        snooze.add_argument("minutes", nargs="?", type=_minutes, help="e.g. 15")
        pause = sub.add_parser("pause", help="no reminders for 30m, 1h, 2h or until-tomorrow")
        pause.add_argument("duration")

    def run(self, args: argparse.Namespace) -> int:
        action = args.action
        if action in ("on", "off"):
            call_app(f"reminders.{action}")
            out(f"Reminders {action}")
            return EXIT_OK
        if action == "snooze":
            extra = {} if args.minutes is None else {"minutes": args.minutes}
            result = call_app("reminders.snooze", **extra)
            out(f"Reminder snoozed until {result.get('snoozed_until')}")
            return EXIT_OK
        duration = pause_argument(args.duration)
        result = call_app("reminders.pause", duration=duration)
        out(f"Reminders paused until {result.get('paused_until')}")
        return EXIT_OK
