"""Read-only looks at the process: file descriptors, PSS, Qt objects. Kept apart from
``measure.py`` so the heap figures can leave out what these readings themselves allocate."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication


def fd_count() -> int:
    return len(os.listdir("/proc/self/fd"))


def open_files() -> list[str]:
    """What each open file descriptor points at (``socket:[…]``, a path, ``anon_inode:…``)."""
    found: list[str] = []
    for name in sorted(os.listdir("/proc/self/fd"), key=int):
        with contextlib.suppress(OSError):  # the listing's own descriptor is gone by now
            found.append(f"{name} -> {os.readlink(f'/proc/self/fd/{name}')}")
    return found


def pss_kb(rollup: Path = Path("/proc/self/smaps_rollup")) -> int | None:
    """Proportional set size in KiB (Linux), or None where /proc has no rollup."""
    try:
        text = rollup.read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return None


def qt_objects(app: QApplication) -> Counter[str]:
    """Class name -> count of every QObject under the application or a top-level widget."""
    found: dict[int, QObject] = {}
    roots: list[QObject] = [app, *QApplication.topLevelWidgets()]
    for root in roots:
        found[id(root)] = root
        for child in root.findChildren(QObject):
            found[id(child)] = child
    return Counter(type(obj).__name__ for obj in found.values())


def top_level_count() -> int:
    return len(QApplication.topLevelWidgets())
