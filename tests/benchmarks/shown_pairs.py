"""Only the shown-session pair, several times: AcuMat's session page animating in a shown window,
then the bare 400x400 circle at 60 fps, one right after the other, on the private desktop.

    .venv/bin/python -m tests.benchmarks.shown_pairs [--pairs 5] [--seconds 20] [--quick]

Prints each pair's CPU (% of a core), ratio and AcuMat's threads, then the medians; for work on
the dial, where the whole suite (``tests.benchmarks.run``) would take a quarter of an hour.
``--quick`` settles and measures as ``tests.benchmarks.run --quick`` does, to see how far its
one short pair can be trusted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace

from tests.benchmarks.apps import private_apps
from tests.benchmarks.bench_desktop import QUICK, Plan, session_shown
from tests.benchmarks.figures import threads_text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--quick", action="store_true", help="the quick run's settling and span")
    args = parser.parse_args(argv)
    if args.quick:
        plan = QUICK
    else:
        plan = replace(Plan(), runs=1, quick=True, settle_s=3.0, session_s=args.seconds)
    ratios: list[float] = []
    ours: list[float] = []
    bare: list[float] = []
    with private_apps("acumat-shown-") as apps:
        for index in range(args.pairs):
            (figure,) = session_shown(apps, plan)
            app, base = figure.values[0], figure.baselines[0]
            ours.append(app)
            bare.append(base)
            ratios.append(app / base)
            print(
                f"pair {index + 1}: AcuMat {app:.2f} %, bare {base:.2f} %, ratio {app / base:.2f}"
                f"; {threads_text(figure.threads, '% of a core')}",
                flush=True,
            )
    print(
        f"median: AcuMat {statistics.median(ours):.2f} %, bare {statistics.median(bare):.2f} %, "
        f"ratio {statistics.median(ratios):.2f} (goal <= 1.5)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
