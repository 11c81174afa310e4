"""The idle wakeup figure alone, thread by thread: which threads of AcuMat wake in the tray.

    .venv/bin/python -m tests.benchmarks.idle_threads [--runs 3] [--settle 15] [--span 60]

Each run is one AcuMat half of ``bench_desktop.idle`` (``--minimized``, reminders on, start-up
work settled, then the span watched): it prints the whole-process rate (the benchmark's figure)
and each thread's share, so a periodic wakeup is found by the thread that has it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace

from tests.benchmarks.apps import private_apps
from tests.benchmarks.bench_desktop import Plan, quiet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--settle", type=float, default=15.0)
    parser.add_argument("--span", type=float, default=60.0)
    args = parser.parse_args(argv)
    plan = replace(Plan(), settle_s=args.settle, idle_s=args.span)
    totals: list[float] = []
    with private_apps("acumat-idle-") as apps:
        for run in range(args.runs):
            app = apps.launch_acumat("--minimized")
            try:
                apps.wait_running()
                apps.cli("reminders", "on")
                found = quiet(app.pid, plan)
            finally:
                apps.quit_acumat(app)
            totals.append(found.wake)
            print(f"run {run + 1}: {found.wake:.3f} wakeups/s, CPU {found.cpu:.4f} %")
            for label, rate in sorted(found.wake_threads.items(), key=lambda item: -item[1]):
                if rate > 0:
                    cpu = found.cpu_threads.get(label, 0.0)
                    print(f"    {rate:7.3f} /s  {cpu:7.4f} %  {label}")
    print(f"median: {statistics.median(totals):.3f} wakeups/s over {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
