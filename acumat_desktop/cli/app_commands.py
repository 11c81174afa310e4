"""Commands that talk to the running app: status, show, quit."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from acumat_desktop.cli.base import EXIT_OK, Command, call_app, out, print_json
from acumat_desktop.core.durations import format_human


def _describe(status: dict[str, Any]) -> str:
    session = status["session"]
    lines = [f"AcuMat {status['version']}"]
    if session["state"] == "idle":
        lines.append("Session: none")
    else:
        remaining = format_human_seconds(session["remaining_s"])
        lines.append(f"Session: {session['routine']} ({session['state']}, {remaining} left)")
        phase = session["breathing"]["phase"]
        if phase:
            lines.append(f"Breathing: {session['breathing']['pattern']} — {phase}")
    sitting = status["sitting"]
    lines.append(
        f"Sitting: {format_human_seconds(sitting['active_s'])} (idle source: {sitting['source']})"
    )
    reminders = status["reminders"]
    state = "on" if reminders["enabled"] else "off"
    if reminders["snoozed_until"]:
        state += f", snoozed until {reminders['snoozed_until']}"
    lines.append(f"Reminders: {state}")
    audio = status["audio"]
    layers = ", ".join(
        f"{layer['sound']} {round(layer['volume'] * 100)}%" for layer in audio["layers"]
    )
    lines.append(f"Sound: {'muted' if audio['muted'] else (layers or 'silent')}")
    lines.append(f"Tray: {'yes' if status['tray']['available'] else 'not available'}")
    return "\n".join(lines)


def format_human_seconds(seconds: float) -> str:
    return format_human(timedelta(seconds=max(0.0, seconds)))


class Status(Command):
    name = "status"
    help = "show what AcuMat is doing (with --json: one JSON object for scripts and status bars)"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def run(self, args: argparse.Namespace) -> int:
        status = call_app("status")
        if args.json:
            print_json(status)
        else:
            out(_describe(status))
        return EXIT_OK


class Show(Command):
    name = "show"
    help = "bring the AcuMat window forward"

    def run(self, args: argparse.Namespace) -> int:
        call_app("show")
        return EXIT_OK


class Quit(Command):
    name = "quit"
    help = "quit the running AcuMat"

    def run(self, args: argparse.Namespace) -> int:
        call_app("quit")
        return EXIT_OK
