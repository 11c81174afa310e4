"""Argument parsing and dispatch for ``acumat``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from acumat_desktop import __version__
from acumat_desktop.cli import (  # noqa: F401  (each module registers its commands)
    app_commands,
    history_commands,
    reminder_commands,
    session_commands,
    settings_commands,
    sound_commands,
)
from acumat_desktop.cli.base import EXIT_USAGE, CliError, Command


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"acumat: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="acumat",
        description="AcuMat: a relaxation companion for your acupressure mat. "
        "Without a command it starts the app (or brings the running one forward).",
    )
    parser.add_argument("--version", action="version", version=f"acumat {__version__}")
    parser.add_argument(
        "--minimized", action="store_true", help="start in the system tray without a window"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, command in Command.registry.items():
        child = sub.add_parser(name, help=command.help, description=command.help)
        command.add_arguments(child)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from acumat_desktop.app import run_app

        return run_app(minimized=args.minimized)
    try:
        return Command.registry[args.command]().run(args)
    except CliError as exc:
        sys.stderr.write(f"acumat: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:  # e.g. `acumat settings get | head`
        sys.stderr.close()
        return 0
