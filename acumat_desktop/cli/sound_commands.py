"""``acumat sounds [--json]``, ``acumat sounds play MIX [--minutes N]``, ``acumat sounds stop``,
``acumat volume [0..100]``, ``acumat mute``, ``acumat unmute``.

``sounds`` answers without the app too (from the catalogue on disk); ``sounds play`` and
``sounds stop`` play ambience without a session (a sleep timer fades it out) and stop it; the
others change the running app's sound settings. All but the list exit 3 when it is not running.
"""

from __future__ import annotations

import argparse
from typing import Any

from acumat_desktop.cli.base import (
    EXIT_NOT_RUNNING,
    EXIT_OK,
    EXIT_USAGE,
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


MAX_SLEEP_MINUTES = 24 * 60


def _sleep_minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"minutes must be a whole number from 1 to {MAX_SLEEP_MINUTES}, not {text!r}"
        ) from None
    if not 1 <= value <= MAX_SLEEP_MINUTES:
        raise argparse.ArgumentTypeError(
            f"minutes must be from 1 to {MAX_SLEEP_MINUTES}, not {value}"
        )
    return value


def check_ambience(spec: str) -> None:
    """A saved mix's name, or a soundscape / mix of known sounds (ids, never paths); exit 2
    naming the bad part. ``none`` is no ambience."""
    from acumat_desktop.core.audio.mix import NO_SOUND, check_mix
    from acumat_desktop.services.audio.mix_presets import MixPresets
    from acumat_desktop.services.paths import AppPaths

    if MixPresets(AppPaths.for_user().data / "mixes.json").get(spec) is not None:
        return
    try:
        if spec.strip() == NO_SOUND:
            raise ValueError("'none' plays nothing; to stop the ambience: acumat sounds stop")
        check_mix(spec, {sound["id"] for sound in catalogue_sounds()})
    except ValueError as exc:
        raise CliError(f"{spec}: {exc}", EXIT_USAGE) from None


def catalogue_sounds() -> list[dict[str, str]]:
    from acumat_desktop.services.audio.soundscapes import SoundCatalogue
    from acumat_desktop.services.paths import AppPaths

    paths = AppPaths.for_user()
    catalogue = SoundCatalogue(paths.cache / "sounds", paths.data / "sounds")
    return [s.as_dict() for s in catalogue.sounds()]


class Sounds(Command):
    name = "sounds"
    help = (
        "list the soundscapes and your imported sounds (id, name, kind); "
        "play one or a mix without a session, or stop it"
    )

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--json", action="store_true", help="print one JSON list")
        sub = parser.add_subparsers(dest="action", metavar="ACTION")
        play = sub.add_parser(
            "play",
            help="play ambience without a session: a soundscape, a mix or a saved mix",
            description="Play ambience without a session, e.g. 'acumat sounds play rain "
            "--minutes 30' or 'acumat sounds play rain:0.7,wind:0.3'. A session started "
            "meanwhile takes the sound over.",
        )
        play.add_argument("mix", metavar="MIX", help="a soundscape id, a mix or a saved mix")
        play.add_argument(
            "--minutes", type=_sleep_minutes, help="sleep timer: fade out and stop after N minutes"
        )
        sub.add_parser("stop", help="fade the ambience out and stop it")

    def run(self, args: argparse.Namespace) -> int:
        action = getattr(args, "action", None)
        if action == "play":
            check_ambience(args.mix)
            request: dict[str, Any] = {"mix": args.mix}
            if args.minutes is not None:
                request["minutes"] = args.minutes
            result = call_app("ambience.play", **request)
            return self._said(result, args.json)
        if action == "stop":
            return self._said(call_app("ambience.stop"), args.json)
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

    @staticmethod
    def _said(ambience: dict[str, Any], as_json: bool) -> int:
        """What plays now, as the status's ``audio.ambience`` or one line."""
        if as_json:
            print_json(ambience)
        elif not ambience.get("playing"):
            out("Ambience stopped")
        else:
            left = ambience.get("sleep_timer_remaining_s")
            timer = f", fading out in {round(left / 60)} min" if left is not None else ""
            out(f"Playing {ambience.get('mix')}{timer}")
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
