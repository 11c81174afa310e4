"""``acumat sounds [--json]``, ``acumat volume [0..100]``, ``acumat mute``, ``acumat unmute``.

``sounds`` answers without the app too (from the catalogue on disk); the others change the
running app's sound settings and exit 3 when it is not running.
"""

from __future__ import annotations

import argparse
from typing import Any

from acumat_desktop.cli.base import (
    EXIT_NOT_RUNNING,
    EXIT_OK,
    CliError,
    Command,
    call_app,
    out,
    print_json,
)


def _percent(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"volume must be a whole number from 0 to 100, not {text!r}"
        ) from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"volume must be from 0 to 100, not {value}")
    return value


def catalogue_sounds() -> list[dict[str, str]]:
    from acumat_desktop.services.audio.soundscapes import SoundCatalogue
    from acumat_desktop.services.paths import AppPaths

    paths = AppPaths.for_user()
    catalogue = SoundCatalogue(paths.cache / "sounds", paths.data / "sounds")
    return [s.as_dict() for s in catalogue.sounds()]


class Sounds(Command):
    name = "sounds"
    help = "list the soundscapes and your imported sounds (id, name, kind)"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON list")

    def run(self, args: argparse.Namespace) -> int:
        try:
            sounds: list[dict[str, Any]] = call_app("sounds")
        except CliError as exc:  # not running: the catalogue on disk holds the same sounds
            if exc.exit_code != EXIT_NOT_RUNNING:
                raise
            sounds = catalogue_sounds()
        if args.json:
            print_json(sounds)
            return EXIT_OK
        width = max((len(s["id"]) for s in sounds), default=0)
        for sound in sounds:
            out(f"{sound['id']:<{width}}  {sound['name']} ({sound['kind']})")
        return EXIT_OK


class Volume(Command):
    name = "volume"
    help = "set the master volume from 0 to 100 (without a number: print it)"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("percent", nargs="?", type=_percent, help="0 to 100")

    def run(self, args: argparse.Namespace) -> int:
        request = {} if args.percent is None else {"percent": args.percent}
        result = call_app("volume", **request)
        if args.percent is None:
            out(f"{result['percent']}%")
        return EXIT_OK


class Mute(Command):
    name = "mute"
    help = "mute all sound"

    def run(self, args: argparse.Namespace) -> int:
        call_app("mute")
        return EXIT_OK


class Unmute(Command):
    name = "unmute"
    help = "unmute the sound"

    def run(self, args: argparse.Namespace) -> int:
        call_app("unmute")
        return EXIT_OK
