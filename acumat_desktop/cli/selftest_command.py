"""``acumat selftest``: check that this installation is complete (see acumat_desktop.selftest)."""

from __future__ import annotations

import argparse

from acumat_desktop.cli.base import Command


class Selftest(Command):
    name = "selftest"
    help = (
        "check this installation offscreen: load every resource, routine, breathing pattern, "
        "soundscape and translation and build every window once; exits 0, or 1 naming what failed"
    )

    def run(self, args: argparse.Namespace) -> int:
        from acumat_desktop.selftest import run_selftest  # loads Qt: only for this command

        return run_selftest()
