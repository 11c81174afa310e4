"""Soak, full size: eight simulated working days on a fake clock, reminders on, in one app.

    .venv/bin/python -m tests.benchmarks.soak_days [--days 8] [--out /tmp/soak_days.json]

Each day (``tests/soak/rig.py``: sitting, natural breaks, five reminders snoozed, followed,
answered with "I moved" or left, a locked lunch, three sessions, the night away) is followed by a
reading of the file descriptors, the Qt objects, the history database's size and either the PSS
(``--mode pss``: untraced) or the Python heap (``--mode heap``: traced from after day 1, measured
from after day 2; ``--leaks`` prints where it grew, by traceback). Without ``--mode`` both passes
run, each in a fresh process, and their figures go to ``--out``. The CI version is
``tests/soak/test_days_soak.py`` (one measured day after two).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from tests.benchmarks.soak_ipc import both_passes, isolate, row, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=8)
    parser.add_argument("--mode", choices=("pss", "heap"))
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "soak_days.json")
    parser.add_argument("--leaks", action="store_true", help="print where the heap grew")
    args = parser.parse_args(argv)
    if args.mode is None:
        passed = ["--days", str(args.days), *["--leaks"] * args.leaks]
        return both_passes("tests.benchmarks.soak_days", passed, args.out)
    isolate()
    return run(args)


def run(args: argparse.Namespace) -> int:
    """One pass, as ``--mode`` says."""
    from acumat_desktop.core.clock import FakeClock
    from tests.soak.measure import TRACE_FRAMES, DatabaseSize, describe, leak_report, sample
    from tests.soak.rig import WorkingDay, build_app, close_app, scripted_sources

    clock = FakeClock()
    with scripted_sources(clock) as sources:
        acumat = build_app(clock, reminders=True)
    rig = WorkingDay(acumat, clock, sources)
    history = DatabaseSize(acumat.history.path)
    began = time.perf_counter()
    rig.day()
    if args.mode == "heap":  # traced from after day 1, measured from after day 2
        tracemalloc.start(TRACE_FRAMES)
        rig.day()
    first = sample(acumat.app)
    last, day = first, (1 if args.mode == "pss" else 2)
    samples = [row(day, first, history_bytes=history())]
    print(f"day {day}: {describe(first, first, 1, 'day')}, history {history()} B")
    while day < args.days:
        rig.day()
        day += 1
        last = sample(acumat.app)
        samples.append(row(day, last, history_bytes=history()))
        print(f"day {day}: {describe(first, last, 1, 'run')}, history {history()} B")
    seconds = time.perf_counter() - began
    tracemalloc.stop()
    history.close()
    close_app(acumat)
    per = max(1, len(samples) - 1)
    figures = {
        "mode": args.mode,
        "days": args.days,
        "seconds": round(seconds, 1),
        "counts": vars(rig.counts),
        **summary(samples, per, "day"),
        "history_bytes": [s["history_bytes"] for s in samples],
        "samples": samples,
    }
    args.out.write_text(json.dumps(figures, indent=2))
    print(f"{args.mode}: {describe(first, last, per, 'day')}")
    print(f"{args.days} days in {seconds:.1f} s ({vars(rig.counts)}); figures in {args.out}")
    if args.leaks and args.mode == "heap":
        print(leak_report(first, last, top=12))
    return 0


if __name__ == "__main__":
    sys.exit(main())
