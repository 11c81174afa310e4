"""Benchmark (not a test): start-up time to the tray icon, memory and idle CPU of `acumat`.

Run: ``.venv/bin/python -m tests.benchmarks.bench_startup [runs]``. It starts a private Xvfb
and trayer, launches ``acumat --minimized`` with fresh XDG folders, and reports
- the time from exec to AcuMat's icon being embedded in trayer's panel (polled every 5 ms),
- RSS and PSS after the app settles, and its CPU share of one core while idle.
The first run on fresh folders is reported apart: it renders the default soundscape once.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.harness.desktop import Desktop, tray_icons, wait_for

ACUMAT = str(Path(sys.executable).with_name("acumat"))


def smaps_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(desk: Desktop, root: Path, idle_s: float) -> dict[str, float]:
    env = {**os.environ, **desk.env, "QT_QPA_PLATFORM": "xcb"}
    for var in ("CONFIG", "DATA", "STATE", "CACHE", "RUNTIME"):
        folder = root / var.lower()
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        env[f"XDG_{var}_{'DIR' if var == 'RUNTIME' else 'HOME'}"] = str(folder)
    start = time.monotonic()
    proc = subprocess.Popen([ACUMAT, "--minimized"], env=env, stderr=subprocess.DEVNULL)
    wait_for(lambda: tray_icons(desk.x_tree()), 30, "the tray icon", interval=0.005)
    to_tray = time.monotonic() - start
    time.sleep(float(os.environ.get("SETTLE_S", "15")))  # start-up work (prewarm) ends first
    cpu0, t0 = cpu_seconds(proc.pid), time.monotonic()
    time.sleep(idle_s)
    idle_cpu = (cpu_seconds(proc.pid) - cpu0) / (time.monotonic() - t0) * 100
    result = {
        "to_tray_ms": to_tray * 1000,
        "rss_mb": smaps_kb(proc.pid, "Rss") / 1024,
        "pss_mb": smaps_kb(proc.pid, "Pss") / 1024,
        "idle_cpu_pct": idle_cpu,
    }
    subprocess.run([ACUMAT, "quit"], env=env, check=False, capture_output=True)
    proc.wait(20)
    return result


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    idle_s = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    with tempfile.TemporaryDirectory() as tmp:
        desk = Desktop(Path(tmp))
        try:
            desk.start_xvfb()
            desk.start_dbus()
            desk.start_tray()
            # A first (cold) run fills caches and renders the default soundscape once; the
            # measured runs are warm starts on the same folders, as a user's every day is.
            home = Path(tmp) / "home"
            first = one_run(desk, home, idle_s)
            print(f"first run (cold): {first}")
            results = [one_run(desk, home, idle_s) for _ in range(runs)]
        finally:
            desk.close()
    for key in results[0]:
        values = [r[key] for r in results]
        print(
            f"{key:>14}: median {statistics.median(values):8.2f}   "
            f"min {min(values):8.2f}   max {max(values):8.2f}   ({runs} runs)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
