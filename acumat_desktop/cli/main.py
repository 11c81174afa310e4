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
    selftest_command,
    session_commands,
    settings_commands,
    sound_commands,
)
from acumat_desktop.cli.base import EXIT_FAILED, EXIT_USAGE, CliError, Command


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
    """Run one command. Whatever happens, a person sees at most one line on stderr: an
    unexpected exception becomes ``acumat: internal error: ...`` (exit 1), its traceback in
    the log file."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        sys.stderr.write("acumat: interrupted\n")
        return EXIT_FAILED
    except Exception as exc:  # the last resort: never a traceback on the terminal
        return _internal_error(exc, argv)


def _run(argv: Sequence[str] | None) -> int:
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


MAX_MESSAGE_CHARS = 300


def _internal_error(exc: Exception, argv: Sequence[str] | None) -> int:
    """Append the traceback to the log file and say one line naming the exception."""
    import traceback  # only here: the CLI's usual path stays lean
    from datetime import datetime

    from acumat_desktop.services.paths import AppPaths

    command = " ".join(sys.argv[1:] if argv is None else argv)
    try:
        log_file = AppPaths.for_user().log_file
        log_file.parent.mkdir(parents=True, exist_ok=True)
        with log_file.open("a", encoding="utf-8") as handle:
            stamp = datetime.now().isoformat(sep=" ", timespec="seconds")
            handle.write(f"{stamp} ERROR acumat.cli: internal error in 'acumat {command}'\n")
            handle.write("".join(traceback.format_exception(exc)))
        where = f"details in {log_file}"
    except Exception as log_exc:  # the log itself cannot be written: still one line
        where = f"no details: the log could not be written ({type(log_exc).__name__})"
    text = " ".join(str(exc).split())
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[: MAX_MESSAGE_CHARS - 1] + "…"
    sys.stderr.write(f"acumat: internal error: {type(exc).__name__}: {text} ({where})\n")
    return EXIT_FAILED
