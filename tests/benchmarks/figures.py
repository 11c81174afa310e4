"""What a benchmark reports: figures with their baseline, pairwise ratio and goal; /proc readings.

Ratios are taken pair by pair (each run of the app against the bare baseline measured right
beside it) and the median of those ratios is reported, so machine noise that hits both cancels.
"""

from __future__ import annotations

import os
import statistics
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
    """User + system time of the whole process (all its threads), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def voluntary_switches(pid: int) -> int:
    """Voluntary context switches summed over every live thread: each is one wakeup."""
    total = 0
    for status in Path(f"/proc/{pid}/task").glob("*/status"):
        try:
            text = status.read_text()
        except OSError:  # the thread ended between listing and reading
            continue
        for line in text.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def smaps_mb(pid: int, key: str = "Pss") -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


@dataclass
class Window:
    """CPU share and wakeups of one process between ``start`` and ``stop``."""

    pid: int
    cpu0: float = 0.0
    switches0: int = 0
    t0: float = 0.0

    def start(self, now: float) -> None:
        self.cpu0, self.switches0 = cpu_seconds(self.pid), voluntary_switches(self.pid)
        self.t0 = now

    def stop(self, now: float) -> tuple[float, float]:
        """(CPU % of one core, wakeups per second) since ``start``."""
        span = max(1e-9, now - self.t0)
        cpu = (cpu_seconds(self.pid) - self.cpu0) / span * 100
        wakeups = (voluntary_switches(self.pid) - self.switches0) / span
        return cpu, wakeups


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
