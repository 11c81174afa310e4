"""The idle wakeup figure alone, thread by thread: which threads of AcuMat wake in the tray.

    .venv/bin/python -m tests.benchmarks.idle_threads [--runs 3] [--settle 15] [--span 60]

Each run starts AcuMat with ``--minimized`` on a private desktop (as ``bench_desktop.idle``),
turns reminders on, waits for start-up work to settle and counts every thread's voluntary
context switches over the span; it prints the whole-process rate (the benchmark's figure) and
each thread's share with its name, so a periodic wakeup is found by the thread that has it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.apps import Apps, desktop
from tests.benchmarks.figures import voluntary_switches


def thread_names(pid: int) -> dict[int, str]:
    names: dict[int, str] = {}
    for comm in Path(f"/proc/{pid}/task").glob("*/comm"):
        try:
            names[int(comm.parent.name)] = comm.read_text().strip()
        except OSError:  # the thread ended meanwhile
            continue
    return names


def one_run(apps: Apps, settle_s: float, span_s: float) -> tuple[float, dict[str, float]]:
    app = apps.launch_acumat("--minimized")
    try:
        apps.wait_running()
        apps.cli("reminders", "on")
        time.sleep(settle_s)  # start-up work ends first
        names = thread_names(app.pid)
        first = voluntary_switches(app.pid)
        seen = dict(first)
        end = time.monotonic() + span_s
        while time.monotonic() < end:
            time.sleep(0.5)  # sampling so that threads that end still count
            seen.update(voluntary_switches(app.pid))
            names.update(thread_names(app.pid))
        per_thread: dict[str, float] = {}
        for tid, count in seen.items():
            label = f"{names.get(tid, '?')} ({tid})"
            per_thread[label] = (count - first.get(tid, 0)) / span_s
        return sum(per_thread.values()), per_thread
    finally:
        apps.quit_acumat(app)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=15.0)
    parser.add_argument("--span", type=float, default=60.0)
    args = parser.parse_args(argv)
    totals: list[float] = []
    with (
        tempfile.TemporaryDirectory(prefix="acumat-idle-") as tmp,
        desktop(Path(tmp), pulse=True) as desk,
    ):
        apps = Apps(desk, Path(tmp) / "home")
        for run in range(args.runs):
            total, per_thread = one_run(apps, args.settle, args.span)
            totals.append(total)
            print(f"run {run + 1}: {total:.3f} wakeups/s")
            for label, rate in sorted(per_thread.items(), key=lambda item: -item[1]):
                if rate > 0:
                    print(f"    {rate:7.3f} /s  {label}")
    print(f"median: {statistics.median(totals):.3f} wakeups/s over {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
