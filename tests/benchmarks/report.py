"""Write the figures as docs/benchmarks.md: the machine, the date, each figure beside its bare
baseline, the pairwise ratio, the goal, where the time went thread by thread, and for a goal
not met its measured cause and what would close it (``gaps.py``)."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tests.benchmarks.figures import Figure, threads_text
from tests.benchmarks.gaps import GAPS, WHY, fill

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
- **Runs**: {runs}
- **Goals**: {tally}
"""


ORDER = (
    "Start-up",
    "Idle in the tray",
    "Sessions",
    "Sound",
    "Timer fidelity",
    "Storage",
    "History view",
    "Command line",
)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores available, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def _num(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def _met(figure: Figure) -> str:
    met = figure.met
    return "–" if met is None else ("met" if met else "**not met**")


def _threads(figure: Figure) -> str:
    return threads_text(figure.threads, figure.unit)


def _notes(figure: Figure) -> str:
    parts = [figure.note] if figure.note else []
    if threads := _threads(figure):
        parts.append("by thread: " + threads)
    if figure.met is False and figure.key in GAPS:
        parts.append("cause below")
    return "; ".join(parts)


def _readings(figure: Figure) -> dict[str, object]:
    return {
        "value": figure.value,
        "ratio": figure.ratio,
        "baseline": figure.baseline,
        "threads": _threads(figure) or "not measured",
        **figure.extra,
    }


def _remarks(items: Sequence[Figure]) -> list[str]:
    """Below a section's table: the gaps of the goals not met, then the figures' whys."""
    lines: list[str] = []
    for f in items:
        gap = GAPS.get(f.key)
        if f.met is False and gap is not None:
            values = _readings(f)
            lines.append(
                f"- **{f.name}, not met.** Cause: {fill(gap.cause, values)} "
                f"What would close it: {fill(gap.closing, values)}"
            )
    for f in items:
        if f.key in WHY:
            lines.append(f"- *{f.name}*: {fill(WHY[f.key], _readings(f))}")
    return [*lines, ""] if lines else []


def _tally(figures: Sequence[Figure], errors: Sequence[str]) -> str:
    judged = [f for f in figures if f.met is not None]
    missed = [f.name for f in judged if not f.met]
    text = f"{len(judged) - len(missed)} of {len(judged)} met"
    if missed:
        text += " (not met: " + "; ".join(missed) + ")"
    if errors:
        text += f"; {len(errors)} benchmark(s) failed, listed at the end"
    return text


def render(
    figures: Sequence[Figure],
    *,
    command: str,
    quick: bool,
    errors: Sequence[str] = (),
    runs: str = "",
) -> str:
    mode = "quick (short spans, one run: a smoke test, not figures to quote)" if quick else "full"
    lines = [
        HEADER.format(
            command=command,
            date=datetime.now().astimezone().isoformat(timespec="minutes"),
            machine=machine(),
            mode=mode,
            runs=runs or "–",
            tally=_tally(figures, errors),
        )
    ]
    sections: dict[str, list[Figure]] = {name: [] for name in ORDER}
    for figure in figures:
        sections.setdefault(figure.section, []).append(figure)
    for section, items in sections.items():
        if not items:
            continue
        lines += [
            f"## {section}",
            "",
            "| figure | AcuMat | bare baseline | ratio | goal | | runs | notes |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for f in items:
            base = f"{_num(f.baseline, f.unit)} ({f.baseline_name})" if f.baselines else "–"
            ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "–"
            spread = f" ({_num(min(f.values))}–{_num(max(f.values))})" if len(f.values) > 1 else ""
            lines.append(
                f"| {f.name} | {_num(f.value, f.unit)}{spread} | {base} | {ratio} | "
                f"{f.goal_text()} | {_met(f)} | {len(f.values)} | {_notes(f)} |"
            )
        lines += ["", *_remarks(items)]
    if errors:
        lines += [
            "## Benchmarks that failed",
            "",
            "Their figures are missing above; the others were measured as usual.",
            "",
            *(f"- {e}" for e in errors),
            "",
        ]
    return "\n".join(lines)


def write(
    path: Path,
    figures: Sequence[Figure],
    *,
    command: str,
    quick: bool,
    errors: Sequence[str] = (),
    runs: str = "",
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        render(figures, command=command, quick=quick, errors=errors, runs=runs), encoding="utf-8"
    )
