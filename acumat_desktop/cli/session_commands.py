"""Session commands: routines, patterns, start, pause, resume, stop."""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acumat_desktop.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    Command,
    app_running,
    call_app,
    out,
    print_json,
)

if TYPE_CHECKING:
    from acumat_desktop.services.pattern_library import PatternLibrary

START_WAIT_S = 30.0


def _patterns() -> PatternLibrary:
    from acumat_desktop.services.paths import AppPaths
    from acumat_desktop.services.pattern_library import PatternLibrary

    return PatternLibrary(AppPaths.for_user().data / "patterns")


def _library(patterns: PatternLibrary | None = None) -> Any:
    """The routines, validated against the built-in and user patterns."""
    from acumat_desktop.services.paths import AppPaths
    from acumat_desktop.services.routine_library import RoutineLibrary

    known = (patterns or _patterns()).all()
    return RoutineLibrary(user_dir=AppPaths.for_user().data / "routines", patterns=known)


def _minutes(text: str) -> float:
    """A number; whether it fits is the routine's to say (see ``_check_minutes``)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"minutes must be a number, not {text!r}")
    return value


def _check_minutes(routine: Any, minutes: float) -> None:
    low, high = routine.min_minutes, routine.max_minutes
    if not low <= minutes <= high:
        raise CliError(f"{routine.id} takes {low} to {high} minutes, not {minutes:g}", EXIT_USAGE)


def _known_sounds() -> set[str] | None:
    """The soundscapes and the user's imported sounds on disk (the app has the same), or None
    if they cannot be read: then the app judges the ids."""
    from acumat_desktop.cli.sound_commands import catalogue_sounds

    try:
        return {sound["id"] for sound in catalogue_sounds()}
    except (OSError, ValueError):
        return None


def _check_sound(spec: str) -> None:
    """``--sound`` at the door: a mix of sound ids (never paths) with volumes from 0 to 1, and
    ids that exist; exit 2 naming the bad part."""
    from acumat_desktop.core.audio.mix import NO_SOUND, SOUND_ID, check_mix, parse_mix

    try:
        if spec.strip() != NO_SOUND:
            layers = parse_mix(spec)
            if not layers:
                raise ValueError("the sound is empty; name a soundscape, a mix or none")
            for sound_id, _volume in layers:
                if not SOUND_ID.fullmatch(sound_id):
                    raise ValueError(f"{sound_id!r} is not a sound id (see 'acumat sounds')")
            known = _known_sounds()
            if known is not None:
                check_mix(spec, known)
    except ValueError as exc:
        raise CliError(f"--sound: {exc}", EXIT_USAGE) from None


class Routines(Command):
    name = "routines"
    help = "list the routines (built-in and yours)"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON list")

    def run(self, args: argparse.Namespace) -> int:
        rows = [routine.summary() for routine in _library().all()]
        if args.json:
            print_json(rows)
            return EXIT_OK
        width = max(len(r["id"]) for r in rows)
        for r in rows:
            minutes = f"{r['min_minutes']}–{r['max_minutes']} min (default {r['minutes']})"
            out(f"{r['id']:<{width}}  {r['name']} — {minutes}, {r['position']}")
        return EXIT_OK


class Patterns(Command):
    name = "patterns"
    help = "list the breathing patterns (built-in and yours); import or delete your own"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON list")
        sub = parser.add_subparsers(dest="action", metavar="ACTION")
        imp = sub.add_parser("import", help="add a pattern from a .toml or .json file")
        imp.add_argument("file", type=Path)
        delete = sub.add_parser("delete", help="delete one of your patterns")
        delete.add_argument("id")

    def run(self, args: argparse.Namespace) -> int:
        if args.action == "import":
            return self._import(args.file)
        if args.action == "delete":
            return self._delete(args.id)
        from acumat_desktop.core.breathing import describe

        library = _patterns()
        for problem in library.problems:
            sys.stderr.write(f"acumat: skipped {problem}\n")
        rows = describe(library.all().values())
        if args.json:
            print_json(rows)
            return EXIT_OK
        width = max(len(str(r["id"])) for r in rows)
        for r in rows:
            mine = " — yours" if r["source"] == "user" else ""
            out(f"{r['id']!s:<{width}}  {r['label']}{mine}")
        return EXIT_OK

    def _import(self, path: Path) -> int:
        from acumat_desktop.core.pattern_io import PatternFileError
        from acumat_desktop.services.pattern_library import PatternExistsError

        if not path.is_file():
            raise CliError(f"{path}: (file): no such file", EXIT_USAGE)
        try:
            pattern = _patterns().import_file(path)
        except (PatternFileError, PatternExistsError) as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        except OSError as exc:
            raise CliError(f"{path.name}: (file): cannot be copied: {exc}", EXIT_FAILED) from None
        out(f"Imported {pattern.name} ({pattern.id}, {pattern.timing})")
        _tell_app_to_reload()
        return EXIT_OK

    def _delete(self, pattern_id: str) -> int:
        from acumat_desktop.services.pattern_library import (
            ReadOnlyPatternError,
            UnknownPatternError,
        )

        try:
            _patterns().delete(pattern_id)
        except (ReadOnlyPatternError, UnknownPatternError) as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        out(f"Deleted {pattern_id}")
        _tell_app_to_reload()
        return EXIT_OK


def _tell_app_to_reload() -> None:
    """A running app reads the folder again at once; otherwise it does at its next start."""
    if not app_running():
        return
    try:
        call_app("patterns.reload")
    except CliError as exc:
        sys.stderr.write(f"acumat: the running app will see the change after a restart ({exc})\n")


def _launch_app() -> None:
    """Start AcuMat in the tray, detached, and wait until it answers."""
    subprocess.Popen(
        [sys.executable, "-m", "acumat_desktop", "--minimized"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + START_WAIT_S
    while not app_running():
        if time.monotonic() > deadline:
            raise CliError("AcuMat did not start (see its log)", EXIT_FAILED)
        time.sleep(0.1)  # polling the new process's socket, with a deadline


LAST = "last"  # `acumat start last`: the routine done last (the desktop file's action)


class Start(Command):
    name = "start"
    help = "start a routine (starts AcuMat if it is not running)"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "routine",
            help="a routine id (see 'acumat routines'), or 'last' for the routine done last "
            "(else the first favourite, else the default routine)",
        )
        parser.add_argument("--minutes", type=_minutes, help="within the routine's range")
        parser.add_argument("--breathing", metavar="PATTERN", help="a pattern id or 'none'")
        parser.add_argument("--sound", metavar="ID", help="a soundscape id, a mix, or 'none'")

    def run(self, args: argparse.Namespace) -> int:
        if args.routine == LAST:
            return self._start_last(args)
        patterns = _patterns()
        library = _library(patterns)
        if args.routine not in library:
            known = ", ".join(sorted(library.ids()))
            raise CliError(f"unknown routine {args.routine!r}; known routines: {known}", EXIT_USAGE)
        routine = library.get(args.routine)
        if args.minutes is not None:
            _check_minutes(routine, args.minutes)
        if args.breathing not in (None, "none") and args.breathing not in patterns:
            known = ", ".join(sorted(patterns.all()))
            raise CliError(
                f"unknown breathing pattern {args.breathing!r}; use one of {known}", EXIT_USAGE
            )
        if args.sound is not None:
            _check_sound(args.sound)
        if not app_running():
            _launch_app()
        request: dict[str, Any] = {"routine": args.routine}
        for key in ("minutes", "breathing", "sound"):
            if getattr(args, key) is not None:
                request[key] = getattr(args, key)
        session = call_app("start", **request)
        out(f"Started {routine.name}: {round(session['planned_s'] / 60, 1):g} min")
        return EXIT_OK

    def _start_last(self, args: argparse.Namespace) -> int:
        """The app knows the history: it picks the routine; the options still apply."""
        if args.sound is not None:
            _check_sound(args.sound)
        if not app_running():
            _launch_app()
        request: dict[str, Any] = {"routine": LAST}
        for key in ("minutes", "breathing", "sound"):
            if getattr(args, key) is not None:
                request[key] = getattr(args, key)
        session = call_app("start", **request)
        out(f"Started {session['routine']}: {round(session['planned_s'] / 60, 1):g} min")
        return EXIT_OK


class _Simple(Command):
    verb = ""

    def run(self, args: argparse.Namespace) -> int:
        call_app(self.verb)
        return EXIT_OK


class Pause(_Simple):
    name = verb = "pause"
    help = "pause the running session"


class Resume(_Simple):
    name = verb = "resume"
    help = "resume a paused session"


class Stop(_Simple):
    name = verb = "stop"
    help = "stop the session (the minutes so far go into the history)"
