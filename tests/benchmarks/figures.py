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
    (value <= x) or None. ``key`` names it for ``gaps.py``; ``threads`` is where the time or the
    wakeups went, thread by thread (median over the runs); ``extra`` holds side readings the
    gap text quotes (e.g. private memory)."""

    section: str
    name: str
    unit: str
    values: list[float]
    baselines: list[float] = field(default_factory=list)
    baseline_name: str = ""
    goal: tuple[str, float] | None = None
    note: str = ""
    key: str = ""
    threads: dict[str, float] = field(default_factory=dict)
    extra: dict[str, float] = field(default_factory=dict)

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
    keys = (
        "section",
        "name",
        "unit",
        "values",
        "baselines",
        "baseline_name",
        "goal",
        "note",
        "key",
        "threads",
        "extra",
    )
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
    """One field of the process's memory summary, in MB (``Private`` = clean + dirty)."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if rest.strip().endswith("kB"):
            fields[name] = int(rest.split()[0])
    if key == "Private":
        return (fields["Private_Clean"] + fields["Private_Dirty"]) / 1024
    return fields[key] / 1024


# What the threads' kernel names (``comm``, 15 bytes) are, where the name alone does not say.
THREAD_GLOSS = {
    "QXcbEventQueue": "X11 reader",
    "QDBusConnection": "D-Bus",
    "Thread (pooled)": "Qt pool",
    "threaded-ml": "libpulse",
    "QPulseAudioEngi": "Qt audio",
    "acumat-audio": "audio feeder",
    "acumat-scapes": "generator",
}


UNNAMED = "unnamed"


def thread_names(pid: int) -> dict[int, str]:
    """Each live thread's label: the main thread is the GUI; others by their kernel name, or
    ``UNNAMED`` for a Python thread that did not name itself to the kernel (it carries the
    process's name)."""
    names: dict[int, str] = {}
    try:
        process = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:  # the process ended
        return names
    for comm in Path(f"/proc/{pid}/task").glob("*/comm"):
        try:
            name = comm.read_text().strip()
        except OSError:  # the thread ended meanwhile
            continue
        tid = int(comm.parent.name)
        if tid == pid:
            names[tid] = "GUI"
        else:
            names[tid] = UNNAMED if name == process else THREAD_GLOSS.get(name, name)
    return names


@dataclass
class Window:
    """CPU share and wakeups of one process between ``start`` and ``stop``, thread by thread:
    each thread from its count at the start (or from zero if born since) to the last count
    seen, so only a thread born and gone between two samples is missed."""

    pid: int
    t0: float = 0.0
    span: float = 0.0
    first: dict[str, dict[int, float]] = field(default_factory=dict)
    seen: dict[str, dict[int, float]] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    def _read(self) -> dict[str, dict[int, float]]:
        switches = {tid: float(n) for tid, n in voluntary_switches(self.pid).items()}
        self.names.update(thread_names(self.pid))
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

    def _deltas(self, key: str) -> dict[int, float]:
        start = self.first[key]
        return {tid: v - start.get(tid, 0.0) for tid, v in self.seen[key].items()}

    def stop(self, now: float) -> tuple[float, float]:
        """(CPU % of one core, wakeups per second) since ``start``."""
        self.span = max(1e-9, now - self.t0)
        self.sample()
        return (
            sum(self._deltas("cpu").values()) / self.span * 100,
            sum(self._deltas("wake").values()) / self.span,
        )

    @property
    def stop_cpu(self) -> float:
        """After ``stop``: the CPU % of one core over the window."""
        return sum(self._deltas("cpu").values()) / self.span * 100

    def by_thread(self, key: str) -> dict[str, float]:
        """After ``stop``: ``"cpu"`` (% of a core) or ``"wake"`` (/s) per thread label, threads
        of the same label summed."""
        scale = 100 / self.span if key == "cpu" else 1 / self.span
        out: dict[str, float] = {}
        for tid, delta in self._deltas(key).items():
            label = self.names.get(tid, "ended")
            out[label] = out.get(label, 0.0) + delta * scale
        return out


def threads_text(threads: dict[str, float], unit: str, limit: int = 6) -> str:
    """A thread breakdown, largest first: ``GUI 0.31, audio feeder 0.2 (% of a core)``."""
    items = sorted(((v, k) for k, v in threads.items() if v > 0), reverse=True)
    if not items:
        return ""
    shown = ", ".join(f"{k} {v:.2g}" for v, k in items[:limit])
    rest = sum(v for v, _ in items[limit:])
    return shown + (f", others {rest:.2g}" if rest > 0 else "") + f" ({unit})"


def median_threads(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    """Each thread label's median over the runs (a run without that thread counts as 0)."""
    labels = {label for run in runs for label in run}
    return {label: statistics.median(run.get(label, 0.0) for run in runs) for label in labels}


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
