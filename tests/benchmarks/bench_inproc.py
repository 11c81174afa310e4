"""The figures measured inside one process: the mixer, settings save, history insert, and the
history view opening on ten years of daily sessions (offscreen Qt).

Prints the figures as JSON for ``run.py``: ``python -m tests.benchmarks.bench_inproc [--quick]``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from tests.benchmarks.bench_mixer import generator_cpu_share, mixer_cpu_share
from tests.benchmarks.figures import Figure

YEARS = 10


def settings_save(folder: Path, runs: int) -> Figure:
    from acumat_desktop.services.settings_store import SettingsStore
    from acumat_desktop.settings.model import Settings

    store = SettingsStore(folder / "settings.json")
    settings = Settings()
    times = []
    for i in range(runs):
        settings.sound.master_volume = 0.3 + 0.001 * (i % 100)
        start = time.perf_counter()
        store.save(settings)
        times.append((time.perf_counter() - start) * 1000)
    return Figure(
        "Storage",
        "settings save (atomic: temp file, fsync, rename)",
        "ms",
        times,
        goal=("max", 50.0),
        note=f"{runs} saves",
        key="settings_save",
    )


def history_fill(folder: Path, years: int) -> tuple[Figure, Path]:
    """``years`` of one session a day; every insert is timed (the last ones hit a full file)."""
    from acumat_desktop.core.clock import SystemClock
    from acumat_desktop.core.history import SessionRecord
    from acumat_desktop.services.history_store import HistoryStore

    path = folder / "history.sqlite3"
    store = HistoryStore(path, SystemClock())
    first = datetime.now().astimezone().replace(hour=7, minute=30) - timedelta(days=365 * years)
    times = []
    for day in range(365 * years):
        record = SessionRecord(
            "sleep",
            "Before sleep",
            first + timedelta(days=day),
            900.0,
            880.0 + day % 20,
            True,
            "4-7-8",
            feeling=3,
            breaths=60,
        )
        start = time.perf_counter()
        store.save_session(record)
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    return Figure(
        "Storage",
        "history insert (one finished session)",
        "ms",
        times,
        goal=("max", 50.0),
        note=f"into a file growing to {years} years of days",
        key="history_insert",
    ), path


def history_view_open(path: Path, runs: int, years: int) -> Figure:
    """From the click to the painted page: read the history, fill the view, show, paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from acumat_desktop.core.clock import SystemClock
    from acumat_desktop.services.history_store import HistoryStore
    from acumat_desktop.ui.history_view import HistoryView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    times = []
    for _ in range(runs):
        store = HistoryStore(path, SystemClock())
        view = HistoryView(store, SystemClock())
        view.resize(900, 640)
        start = time.perf_counter()
        view.refresh()
        view.show()
        view.repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        view.close()
        view.deleteLater()
        store.close()
    return Figure(
        "History view",
        f"opening with {years} years of daily sessions",
        "ms",
        times,
        goal=("max", 200.0),
        note="read, fill, show and paint (offscreen)",
        key="history_view",
    )


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    audio_s, runs = (5.0, 1) if quick else (60.0, 5)
    figures = [
        Figure(
            "Sound",
            "mixer alone: 4 layers + cues + a bell",
            "% of a core",
            [mixer_cpu_share(audio_s) for _ in range(runs)],
            goal=("max", 2.0),
            note="numpy, 25 ms blocks at 48 kHz, the layers as ready loops",
            key="mixer",
        ),
        Figure(
            "Sound",
            "generating the 4 layers alone (rain, ocean, wind, bowls)",
            "% of a core",
            [generator_cpu_share(audio_s, 2.0 if quick else 20.0) for _ in range(runs)],
            goal=None,
            note="read in the mixer's blocks, after a warm-up",
            key="generators",
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        figures.append(settings_save(folder, 5 if quick else 50))
        years = 1 if quick else YEARS  # every insert is fsynced: ten years take ~15 s
        insert, path = history_fill(folder, years)
        figures.append(insert)
        figures.append(history_view_open(path, 1 if quick else 5, years))
    json.dump([f.as_dict() for f in figures], sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
