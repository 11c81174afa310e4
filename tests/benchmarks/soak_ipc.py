"""Soak, full size: 1,000 start/stop cycles over the control socket, in one app built offscreen.

    .venv/bin/python -m tests.benchmarks.soak_ipc [--cycles 1000] [--out /tmp/soak_ipc.json]

Two passes, each in a fresh process, because tracemalloc's own bookkeeping and snapshots live in
the process's memory: ``--mode pss`` runs untraced and reads the PSS (/proc/self/smaps_rollup),
file descriptors and Qt objects every ``--every`` cycles; ``--mode heap`` traces the Python heap
(after an untraced warm-up of 50 cycles and 10 traced ones) and, with ``--leaks``, prints where
it grew, by traceback. Without ``--mode`` both run and their figures go to ``--out``. The CI
version is ``tests/soak/test_ipc_soak.py`` (100 cycles).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.soak.measure import Sample

WARM_UP = 50
TRACED_WARM_UP = 10


def isolate() -> None:
    """Offscreen, no sound renderer warming up, every XDG folder in a fresh temporary tree."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["ACUMAT_PREWARM_DELAY_MS"] = "-1"
    root = Path(tempfile.mkdtemp(prefix="acumat-soak-"))
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        (root / var).mkdir(mode=0o700)
        os.environ[var] = str(root / var)
    (root / "runtime").mkdir(mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = str(root / "runtime")


def row(step: int, reading: Sample, **extra: object) -> dict[str, object]:
    return {
        "at": step,
        "traced_bytes": reading.traced_bytes,
        "fds": reading.fds,
        "qobjects": reading.qobjects,
        "top_levels": reading.top_levels,
        "pss_kb": reading.pss_kb,
        **extra,
    }


def both_passes(module: str, argv: list[str], out: Path) -> int:
    """Run ``--mode pss`` then ``--mode heap`` of ``module`` in fresh processes; merge."""
    figures: dict[str, Any] = {}
    for mode in ("pss", "heap"):
        part = out.with_suffix(f".{mode}.json")
        command = [sys.executable, "-m", module, *argv, "--mode", mode, "--out", str(part)]
        subprocess.run(command, check=True)
        figures[mode] = json.loads(part.read_text())
    out.write_text(json.dumps(figures, indent=2))
    print(f"figures of both passes in {out}")
    return 0


def summary(samples: list[dict[str, Any]], per: float, unit: str) -> dict[str, Any]:
    first, last = samples[0], samples[-1]
    return {
        f"traced_bytes_per_{unit}": (last["traced_bytes"] - first["traced_bytes"]) / per,
        "fds": [first["fds"], last["fds"]],
        "qobjects": [first["qobjects"], last["qobjects"]],
        "top_levels": [first["top_levels"], last["top_levels"]],
        "pss_kb": [first["pss_kb"], last["pss_kb"]],
        "pss_kb_max": max(s["pss_kb"] or 0 for s in samples),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=1000)
    parser.add_argument("--every", type=int, default=100)
    parser.add_argument("--mode", choices=("pss", "heap"))
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "soak_ipc.json")
    parser.add_argument("--leaks", action="store_true", help="print where the heap grew")
    args = parser.parse_args(argv)
    if args.mode is None:
        passed = ["--cycles", str(args.cycles), "--every", str(args.every)]
        return both_passes("tests.benchmarks.soak_ipc", passed + ["--leaks"] * args.leaks, args.out)
    isolate()

    from acumat_desktop.core.clock import FakeClock
    from tests.soak.measure import TRACE_FRAMES, describe, leak_report, sample
    from tests.soak.rig import IpcLoad, build_app, close_app

    acumat = build_app(FakeClock(), reminders=False)
    load = IpcLoad(acumat)
    load.run(WARM_UP)
    if args.mode == "heap":
        tracemalloc.start(TRACE_FRAMES)
        load.run(TRACED_WARM_UP)
    start = load.cycles_done
    first = sample(acumat.app)
    samples, last = [row(0, first)], first
    began = time.perf_counter()
    while (done := load.cycles_done - start) < args.cycles:
        load.run(min(args.every, args.cycles - done))
        last = sample(acumat.app)
        samples.append(row(load.cycles_done - start, last))
        print(f"{load.cycles_done - start:5d} cycles: {describe(first, last, 1, 'run')}")
    seconds = time.perf_counter() - began
    tracemalloc.stop()
    close_app(acumat)
    figures = {
        "mode": args.mode,
        "cycles": args.cycles,
        "seconds": round(seconds, 1),
        **summary(samples, args.cycles, "cycle"),
        "samples": samples,
    }
    args.out.write_text(json.dumps(figures, indent=2))
    print(f"{args.mode}: {describe(first, last, args.cycles, 'cycle')}")
    print(f"{args.cycles} cycles in {seconds:.1f} s; figures in {args.out}")
    if args.leaks and args.mode == "heap":
        print(leak_report(first, last, top=12))
    return 0


if __name__ == "__main__":
    sys.exit(main())
