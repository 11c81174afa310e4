"""What a benchmark reports: figures with their baseline, pairwise ratio and goal; /proc readings.

Ratios are taken pair by pair (each run of the app against the bare baseline measured right
beside it) and the median of those ratios is reported, so machine noise that hits both cancels.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One published number. ``goal`` is ``("ratio", x)`` (value/baseline <= x), ``("max", x)``
    (value <= x) or None."""

    section: str
    name: str
    unit: str
    values: list[float]
    baselines: list[float] = field(default_factory=list)
    baseline_name: str = ""
    goal: tuple[str, float] | None = None
    note: str = ""

    @property
    def value(self) -> float:
        return statistics.median(self.values)

    @property
    def baseline(self) -> float | None:
        return statistics.median(self.baselines) if self.baselines else None

    @property
    def ratio(self) -> float | None:
        pairs = [v / b for v, b in zip(self.values, self.baselines, strict=False) if b > 0]
        return statistics.median(pairs) if pairs else None

    @property
    def met(self) -> bool | None:
        if self.goal is None:
            return None
        kind, limit = self.goal
        if kind == "ratio":
            return None if self.ratio is None else self.ratio <= limit
        return self.value <= limit

    def goal_text(self) -> str:
        if self.goal is None:
            return "–"
        kind, limit = self.goal
        return f"≤ {limit:g}× bare" if kind == "ratio" else f"≤ {limit:g} {self.unit}"

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.update(value=self.value, baseline=self.baseline, ratio=self.ratio, met=self.met)
        return out


def figure_from(data: dict[str, Any]) -> Figure:
    keys = ("section", "name", "unit", "values", "baselines", "baseline_name", "goal", "note")
    kwargs = {k: data[k] for k in keys if k in data}
    if kwargs.get("goal") is not None:
        kwargs["goal"] = tuple(kwargs["goal"])
    return Figure(**kwargs)


# -- /proc readings ------------------------------------------------------------------------------
def cpu_seconds(pid: int) -> float:
    """User + system time of the whole process (all its threads), in seconds (clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_runtimes(pid: int) -> dict[int, float]:
    """Seconds each live thread has run on a CPU, from schedstat (nanoseconds, not ticks:
    an idle process runs for less than one 10 ms tick a minute)."""
    times: dict[int, float] = {}
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            times[int(stat.parent.name)] = int(stat.read_text().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):  # the thread ended meanwhile
            continue
    return times


def voluntary_switches(pid: int) -> dict[int, int]:
    """Voluntary context switches of every live thread (each one is a wakeup), by thread id."""
    counts: dict[int, int] = {}
    for status in Path(f"/proc/{pid}/task").glob("*/status"):
        try:
            text = status.read_text()
        except OSError:  # the thread ended between listing and reading
            continue
        for line in text.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                counts[int(status.parent.name)] = int(line.split()[1])
    return counts


def smaps_mb(pid: int, key: str = "Pss") -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


@dataclass
class Window:
    """CPU share and wakeups of one process between ``start`` and ``stop``, thread by thread:
    each thread from its count at the start (or from zero if born since) to the last count
    seen, so only a thread born and gone between two samples is missed."""

    pid: int
    t0: float = 0.0
    first: dict[str, dict[int, float]] = field(default_factory=dict)
    seen: dict[str, dict[int, float]] = field(default_factory=dict)

    def _read(self) -> dict[str, dict[int, float]]:
        switches = {tid: float(n) for tid, n in voluntary_switches(self.pid).items()}
        return {"cpu": thread_runtimes(self.pid), "wake": switches}

    def start(self, now: float) -> None:
        self.first = self._read()
        self.seen = {k: dict(v) for k, v in self.first.items()}
        self.t0 = now

    def sample(self) -> None:
        """Note every thread's counts now, so a thread that ends later still counts."""
        for key, values in self._read().items():
            self.seen[key].update(values)

    def over(self, seconds: float, step: float = 0.5) -> tuple[float, float]:
        """Start, watch for ``seconds`` (sampling the threads every ``step``), stop."""
        self.start(time.monotonic())
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            time.sleep(min(step, left))  # the span measured, in steps
            self.sample()
        return self.stop(time.monotonic())

    def _delta(self, key: str) -> float:
        start = self.first[key]
        return sum(v - start.get(tid, 0.0) for tid, v in self.seen[key].items())

    def stop(self, now: float) -> tuple[float, float]:
        """(CPU % of one core, wakeups per second) since ``start``."""
        span = max(1e-9, now - self.t0)
        self.sample()
        return self._delta("cpu") / span * 100, self._delta("wake") / span


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
