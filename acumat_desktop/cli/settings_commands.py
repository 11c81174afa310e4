"""``acumat settings path|get [KEY]|set KEY VALUE|reset [KEY]`` (work: settings_actions)."""

from __future__ import annotations

import argparse

from acumat_desktop.cli.base import Command


class SettingsCommand(Command):
    name = "settings"
    help = "show or change settings: path | get [KEY] | set KEY VALUE | reset [KEY]"

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        sub.add_parser("path", help="print where the settings file is")
        get = sub.add_parser("get", help="print one setting, or all of them")
        get.add_argument("key", nargs="?", help="e.g. reminders.sit_limit")
        get.add_argument("--json", action="store_true", help="print JSON")
        put = sub.add_parser("set", help="change one setting (durations: 50m, 90s, 1h30m)")
        put.add_argument("key")
        put.add_argument("value")
        reset = sub.add_parser("reset", help="reset one setting, or all of them, to the default")
        reset.add_argument("key", nargs="?")

    def run(self, args: argparse.Namespace) -> int:
        from acumat_desktop.cli.settings_actions import SettingsActions

        return SettingsActions().run(args)
