"""Run every benchmark beside its bare baseline and write docs/benchmarks.md.

    .venv/bin/python -m tests.benchmarks.run            # full: about 15 minutes
    .venv/bin/python -m tests.benchmarks.run --quick    # every benchmark, short: under a minute
    .venv/bin/python -m tests.benchmarks.run --only idle,status --out /tmp/b.md

Needs Xvfb, trayer, dbus-daemon, PulseAudio, xdotool and xwininfo (``packaging/dev/test.sh``
installs them). ``--json PATH`` also writes every figure with all its runs as JSON. The status
round trip is also measured for the frozen build where /usr/bin/acumat is the .deb's, or for
the ``acumat`` that ``ACUMAT_BENCH_FROZEN`` names (e.g. an unpacked package's usr/bin/acumat).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks import bench_desktop, bench_timer, report
from tests.benchmarks.apps import PYTHON, Apps, private_apps
from tests.benchmarks.bench_desktop import QUICK, Plan
from tests.benchmarks.figures import Figure, figure_from

ROOT = Path(__file__).resolve().parents[2]
DesktopBench = Callable[[Apps, Plan], list[Figure]]
DESKTOP: dict[str, DesktopBench] = {
    "startup": bench_desktop.startup,
    "idle": bench_desktop.idle,
    "shown": bench_desktop.session_shown,
    "hidden": bench_desktop.session_hidden,
    "timer": bench_timer.timer_fidelity,
    "status": bench_desktop.status_round_trip,
}
NAMES = ("inproc", *DESKTOP)

log = logging.getLogger("bench")


def in_process(quick: bool) -> list[Figure]:
    out = subprocess.run(
        [PYTHON, "-m", "tests.benchmarks.bench_inproc", *(["--quick"] if quick else [])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if out.returncode != 0:  # the document names the error, not only the exit status
        last = out.stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"exit status {out.returncode}: {last[0]}")
    return [figure_from(item) for item in json.loads(out.stdout)]


def run(names: list[str], plan: Plan) -> tuple[list[Figure], list[str]]:
    figures: list[Figure] = []
    errors: list[str] = []
    if "inproc" in names:
        _guarded("inproc", lambda: in_process(plan.quick), figures, errors)
    wanted = [n for n in names if n in DESKTOP]
    if not wanted:
        return figures, errors
    try:
        with private_apps() as apps:
            for name in wanted:
                bench = DESKTOP[name]
                _guarded(name, lambda b=bench: b(apps, plan), figures, errors)  # type: ignore[misc]
    except Exception as exc:  # the desktop itself: every desktop figure is missing, say why
        log.error("the private desktop failed: %s", traceback.format_exc())
        done = {e.split(":", 1)[0] for e in errors}
        errors.extend(f"{n}: the private desktop failed ({exc})" for n in wanted if n not in done)
    return figures, errors


def _guarded(
    name: str, bench: Callable[[], list[Figure]], figures: list[Figure], errors: list[str]
) -> None:
    log.info("running %s", name)
    try:
        found = bench()
    except Exception as exc:  # one broken benchmark must not hide the others' figures
        log.error("%s failed: %s", name, traceback.format_exc())
        errors.append(f"{name}: {exc}")
        return
    for figure in found:
        log.info(
            "  %s: %.3g %s (ratio %s)",
            figure.name,
            figure.value,
            figure.unit,
            f"{figure.ratio:.2f}" if figure.ratio is not None else "–",
        )
    figures.extend(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short spans, one run each")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--json", type=Path, help="also write the figures and runs here")
    parser.add_argument("--only", default=",".join(NAMES), help=f"some of {','.join(NAMES)}")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = sorted(set(names) - set(NAMES))
    if unknown:
        parser.error(f"unknown benchmarks: {', '.join(unknown)}")
    plan = QUICK if args.quick else Plan()
    figures, errors = run(names, plan)
    command = "python -m tests.benchmarks.run" + (" --quick" if args.quick else "")
    report.write(
        args.out, figures, command=command, quick=args.quick, errors=errors, runs=plan.describe()
    )
    if args.json is not None:
        args.json.write_text(json.dumps([f.as_dict() for f in figures], indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
