"""Write the figures as docs/benchmarks.md: the machine, the date, each figure beside its bare
baseline, the pairwise ratio and the goal."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tests.benchmarks.figures import Figure

HEADER = """# Benchmarks

Measured by `{command}` on a private Xvfb + trayer desktop (D-Bus session bus, PulseAudio null
sink), side by side with bare baselines written in `tests/benchmarks/`: `bare_tray.py` (a PySide6
tray app: tray icon and menu, hidden main window, QtMultimedia loaded, a 1 Hz timer),
`bare_circle.py` (a 400×400 widget repainting a circle at 60 fps) and `bare_status_client.py`
(python3 connecting to the control socket and reading one line). Each figure is the median of
its runs; a ratio is the median of the ratios taken pair by pair (AcuMat and its baseline measured
one right after the other). CPU is the on-CPU time of every thread (`/proc/PID/task/*/schedstat`)
over wall time, in % of one core; wakeups are voluntary context switches summed over every thread
(`/proc/PID/task/*/status`), sampled every half second so threads that end still count. PSS
shares a library's pages among every process that maps it, so it moves with what else runs on
the machine; its ratio is taken within the same minute. The machine is shared (other test runs
at the same time), so start-up times spread widely: read their ratios, not their milliseconds.

- **Date**: {date}
- **Machine**: {machine}
- **Mode**: {mode}
"""


ORDER = ("Start-up", "Idle in the tray", "Sessions", "Sound", "Timer fidelity", "Storage",
         "History view", "Command line")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores available, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def _met(figure: Figure) -> str:
    met = figure.met
    return "–" if met is None else ("met" if met else "**not met**")


def render(figures: Sequence[Figure], *, command: str, quick: bool,
           errors: Sequence[str] = ()) -> str:
    lines = [HEADER.format(command=command, date=datetime.now().astimezone().isoformat(
        timespec="minutes"), machine=machine(),
        mode="quick (short spans, one run: a smoke test, not figures to quote)" if quick
        else "full")]
    sections: dict[str, list[Figure]] = {name: [] for name in ORDER}
    for figure in figures:
        sections.setdefault(figure.section, []).append(figure)
    for section, items in sections.items():
        if not items:
            continue
        lines += [f"## {section}", "",
                  "| figure | AcuMat | bare baseline | ratio | goal | | runs | notes |",
                  "|---|---|---|---|---|---|---|---|"]
        for f in items:
            base = f"{_num(f.baseline, f.unit)} ({f.baseline_name})" if f.baselines else "–"
            ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "–"
            spread = (f" ({_num(min(f.values))}–{_num(max(f.values))})"
                      if len(f.values) > 1 else "")
            lines.append(f"| {f.name} | {_num(f.value, f.unit)}{spread} | {base} | {ratio} | "
                         f"{f.goal_text()} | {_met(f)} | {len(f.values)} | {f.note} |")
        lines.append("")
    if errors:
        lines += ["## Benchmarks that failed", "", *(f"- {e}" for e in errors), ""]
    return "\n".join(lines)


def write(path: Path, figures: Sequence[Figure], *, command: str, quick: bool,
          errors: Sequence[str] = ()) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(figures, command=command, quick=quick, errors=errors),
                    encoding="utf-8")
