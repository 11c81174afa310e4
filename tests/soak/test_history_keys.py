"""What the IPC soak found: each session the history store writes leaves its temporary key
behind (``_row_of``: negative key -> row id, never pruned), about 70 bytes a session, for as long
as the app runs. Measured here on the store alone, by the memory its own module holds."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.services.history_store import HistoryStore

SESSIONS = 400
START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def run_sessions(store: HistoryStore, first: int, count: int) -> None:
    for n in range(first, first + count):
        record = SessionRecord(
            routine_id="desk-break",
            routine_name="Desk break",
            started_at=START + timedelta(minutes=10 * n),
            planned_s=300.0,
            actual_s=300.0,
            completed=True,
        )
        session_id = store.begin_session(record)
        assert session_id > 0, "written at once: the caller holds the row id"
        store.finish_session(session_id, record)


def store_heap(snapshot: tracemalloc.Snapshot) -> int:
    mine = snapshot.filter_traces([tracemalloc.Filter(True, "*/services/history_store.py")])
    return sum(stat.size for stat in mine.statistics("filename"))


def test_written_sessions_leave_no_memory_in_the_store(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3", FakeClock())
    try:
        run_sessions(store, 0, 200)  # warm-up: sqlite3 caches its statements (up to 128)
        tracemalloc.start(4)
        try:
            before = store_heap(tracemalloc.take_snapshot())
            run_sessions(store, 200, SESSIONS)
            after = store_heap(tracemalloc.take_snapshot())
        finally:
            tracemalloc.stop()
        assert len(store.sessions()) >= SESSIONS
    finally:
        store.close()
    assert after - before < 16 * SESSIONS, f"{(after - before) / SESSIONS:.0f} B per session"
