"""What a soak measures: Python heap (tracemalloc), open file descriptors, Qt objects, PSS.

Every reading first lets Qt run its deferred deletions and Python collect its cycles, so what is
left is what the app really holds. ``leak_report`` names where Python memory grew, grouped by
traceback, for the message of a failing assertion.
"""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from tests.soak.probes import fd_count, open_files, pss_kb, qt_objects, top_level_count

TRACE_FRAMES = 8  # deep enough to see which of our modules allocated, yet quick to snapshot


@dataclass(frozen=True)
class Sample:
    """One reading of the process."""

    traced_bytes: int
    fds: int
    qobjects: int
    top_levels: int
    pss_kb: int | None
    kinds: Counter[str] = field(default_factory=Counter, compare=False, repr=False)
    heap: tracemalloc.Snapshot | None = field(default=None, compare=False, repr=False)
    files: list[str] = field(default_factory=list, compare=False, repr=False)


def settle(app: QCoreApplication) -> None:
    """Run posted events and deferred deletions (twice: a deletion may post another), then
    collect Python's cycles, so only what is really held remains."""
    for _ in range(2):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def sample(app: QApplication) -> Sample:
    settle(app)
    kinds = qt_objects(app)
    heap = tracemalloc.take_snapshot() if tracemalloc.is_tracing() else None
    return Sample(
        traced_bytes=0 if heap is None else heap_bytes(heap),
        fds=fd_count(),
        files=open_files(),
        qobjects=sum(kinds.values()),
        top_levels=top_level_count(),
        pss_kb=pss_kb(),
        kinds=kinds,
        heap=heap,
    )


# Allocations made by the measuring itself, and log records (pytest's log capture keeps every
# record logged during a test, and the app logs a warning per session when nothing can keep the
# computer awake): not the app's. Only the innermost frame is looked at, but for logging any.
NOT_THE_APP = (
    tracemalloc.Filter(False, tracemalloc.__file__),
    tracemalloc.Filter(False, "<frozen importlib._bootstrap*>"),
    tracemalloc.Filter(False, "*/linecache.py"),
    tracemalloc.Filter(False, "*/logging/__init__.py", all_frames=True),
    tracemalloc.Filter(False, "*/_pytest/*"),
    tracemalloc.Filter(False, "*/tests/soak/probes.py", all_frames=True),
)


def heap_bytes(snapshot: tracemalloc.Snapshot) -> int:
    """The Python heap the app holds, as traced."""
    return sum(stat.size for stat in snapshot.filter_traces(NOT_THE_APP).statistics("filename"))


def object_growth(before: Sample, after: Sample) -> dict[str, int]:
    """The classes whose count changed, with the change."""
    delta = Counter(after.kinds)
    delta.subtract(before.kinds)
    return {name: n for name, n in sorted(delta.items()) if n}


def grown_kinds(before: Sample, after: Sample) -> dict[str, int]:
    """The classes with more objects after than before (fewer is no leak)."""
    return {name: n for name, n in object_growth(before, after).items() if n > 0}


def file_changes(before: Sample, after: Sample) -> dict[str, list[str]]:
    """The descriptors closed and opened between two samples."""
    closed = [f for f in before.files if f not in after.files]
    opened = [f for f in after.files if f not in before.files]
    return {"closed": closed, "opened": opened}


class DatabaseSize:
    """A SQLite database's logical size (its pages, the write-ahead log's included), read on a
    read-only connection of its own, opened once: SQLite keeps a closed connection's descriptor
    open while another connection of the process holds locks on the file, so a connection per
    reading would show as a descriptor more. The -wal file's size is not the database's: SQLite
    reuses that file from its start after each checkpoint, so it stays as large as it once grew.
    """

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        self()  # the first reading opens the -wal and -shm files: before any sample

    def __call__(self) -> int:
        pages = self._db.execute("PRAGMA page_count").fetchone()[0]
        size = self._db.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)

    def close(self) -> None:
        self._db.close()


def leak_report(before: Sample, after: Sample, top: int = 8) -> str:
    """Where traced memory grew most between two samples, each place with its traceback."""
    if before.heap is None or after.heap is None:
        return "not traced"
    stats = after.heap.filter_traces(NOT_THE_APP).compare_to(
        before.heap.filter_traces(NOT_THE_APP), "traceback"
    )
    grown = sorted((s for s in stats if s.size_diff > 0), key=lambda s: -s.size_diff)
    lines: list[str] = []
    for stat in grown[:top]:
        lines.append(f"+{stat.size_diff} B in {stat.count_diff:+d} blocks:")
        lines.extend(f"    {frame}" for frame in stat.traceback.format()[-6:])
    return "\n".join(lines) or "no growth traced"


def describe(before: Sample, after: Sample, per: int, unit: str) -> str:
    """One line of figures: growth per unit, fds, objects (and PSS where read)."""
    grown = after.traced_bytes - before.traced_bytes
    pss = ""
    if before.pss_kb is not None and after.pss_kb is not None:
        pss = f", PSS {before.pss_kb} -> {after.pss_kb} KiB"
    return (
        f"traced {before.traced_bytes} -> {after.traced_bytes} B ({grown / per:+.0f} B per {unit})"
        f", fds {before.fds} -> {after.fds}, Qt objects {before.qobjects} -> {after.qobjects}"
        f", top-level widgets {before.top_levels} -> {after.top_levels}{pss}"
    )
