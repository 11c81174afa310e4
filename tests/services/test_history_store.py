"""The SQLite history: sessions, migrations, corrupt files kept aside, CSV, sitting, reminders."""

from __future__ import annotations

import csv
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from acumat_desktop.core.breathing import BUILTIN_PATTERNS
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.core.history import SessionRecord, streak
from acumat_desktop.core.session import FeelingNoted, Finished, SessionEngine, SessionPlan, Stopped
from acumat_desktop.services.history_schema import _v2, describe_problem, is_corruption
from acumat_desktop.services.history_store import (
    IN_MEMORY,
    SCHEMA_VERSION,
    HistoryStore,
    HistoryVersionError,
    _v1,
    history_path,
    open_history,
)

CET = timezone(timedelta(hours=1))


def record(minutes: float = 20, routine: str = "back-neck", **kw: object) -> SessionRecord:
    values: dict[str, object] = {
        "routine_id": routine,
        "routine_name": "Back and neck",
        "started_at": datetime(2026, 11, 24, 8, 30, tzinfo=CET),
        "planned_s": 1200.0,
        "actual_s": minutes * 60,
        "completed": True,
        "pattern_id": "resonance",
        "breaths": 109,
        "sound": "ocean",
    }
    values.update(kw)
    return SessionRecord(**values)  # type: ignore[arg-type]


@pytest.fixture
def store() -> HistoryStore:
    return HistoryStore()


def test_lives_in_the_data_folder_with_wal_and_a_schema_version(
    store: HistoryStore, xdg_dirs: dict[str, Path]
) -> None:
    assert store.path == history_path()
    assert store.path.is_relative_to(xdg_dirs["XDG_DATA_HOME"])
    assert store.path.name == "history.sqlite3"
    assert store.schema_version == SCHEMA_VERSION
    mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    assert store.message is None


def test_sessions_round_trip_and_upsert(store: HistoryStore) -> None:
    first = record()
    row = store.save_session(first)
    assert store.sessions() == [first]
    again = store.save_session(record(feeling=4))  # same start and routine: updated in place
    assert again == row
    (saved,) = store.sessions()
    assert saved.feeling == 4
    assert saved.started_at.utcoffset() == timedelta(hours=1)
    store.save_session(record())  # a later save without a feeling keeps the feeling
    assert store.sessions()[0].feeling == 4
    store.set_feeling(row, 2)
    assert store.sessions()[0].feeling == 2
    with pytest.raises(LookupError):
        store.set_feeling(row + 100, 3)
    later = record(5, "desk-break", started_at=datetime(2026, 11, 24, 15, tzinfo=CET))
    store.save_session(later)
    assert [r.routine_id for r in store.sessions()] == ["desk-break", "back-neck"]
    assert [r.routine_id for r in store.sessions(limit=1)] == ["desk-break"]
    since = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
    assert [r.routine_id for r in store.sessions(since=since)] == ["desk-break"]
    store.close()
    assert len(HistoryStore().sessions()) == 2  # persisted


def test_engine_events_feed_the_store(store: HistoryStore) -> None:
    clock = FakeClock()
    engine = SessionEngine(clock)

    def on_event(event: object) -> None:
        if isinstance(event, Finished | Stopped | FeelingNoted):
            store.save_session(event.record)

    engine.subscribe(on_event)
    plan = SessionPlan("sleep", "Before sleep", 300, pattern=BUILTIN_PATTERNS["relax-4-6"])
    engine.start(plan)
    clock.advance(300)
    engine.poll()
    engine.set_feeling(5)
    engine.start(plan)
    clock.advance(42)
    engine.stop()
    done, stopped = store.sessions()[1], store.sessions()[0]
    assert (done.completed, done.actual_s, done.feeling, done.breaths) == (True, 300, 5, 30)
    assert (stopped.completed, stopped.actual_s, stopped.feeling) == (False, 42, None)


def test_migrates_a_version_one_database(xdg_dirs: dict[str, Path]) -> None:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    _v1(db)
    db.execute(
        "INSERT INTO sessions (started_at, started_utc, routine_id, routine_name, planned_s, "
        "actual_s, completed, pattern_id, feeling, breaths) "
        "VALUES ('2026-11-01T09:00:00+00:00', '2026-11-01T09:00:00+00:00', 'sleep', 'Sleep', "
        "600, 600, 1, '4-7-8', 3, 4)"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    store = HistoryStore()
    assert store.schema_version == SCHEMA_VERSION
    (old,) = store.sessions()
    assert (old.routine_id, old.feeling, old.sound) == ("sleep", 3, None)
    store.add_sitting(date(2026, 11, 1), 60)  # the tables v2 added exist


def test_corrupt_database_is_kept_aside_and_a_new_one_started(xdg_dirs: dict[str, Path]) -> None:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not a database at all" * 200
    path.write_bytes(garbage)
    clock = FakeClock(start=datetime(2026, 11, 24, 10, 15, tzinfo=UTC))
    store = HistoryStore(clock=clock)
    assert store.kept_aside == path.with_name("history.sqlite3.corrupt-20261124T101500")
    assert store.kept_aside.read_bytes() == garbage
    assert store.message is not None
    assert "history.sqlite3.corrupt-20261124T101500" in store.message
    assert store.sessions() == []
    store.save_session(record())
    assert len(store.sessions()) == 1
    store.close()
    path.write_bytes(garbage)  # damaged again in the same second: a second name, both kept
    second = HistoryStore(clock=clock)
    assert second.kept_aside is not None
    assert second.kept_aside.name == "history.sqlite3.corrupt-20261124T101500-2"


def test_damaged_pages_are_detected(xdg_dirs: dict[str, Path]) -> None:
    store = HistoryStore()
    for i in range(300):
        store.save_session(record(started_at=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(hours=i)))
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(history_path().read_bytes())
    page = 4096
    data[page * 2 : page * 4] = b"\xff" * (page * 2)  # smash two pages, keep the header
    history_path().write_bytes(bytes(data))
    again = HistoryStore()
    assert again.kept_aside is not None
    assert again.sessions() == []


def test_newer_schema_is_refused_and_untouched(xdg_dirs: dict[str, Path]) -> None:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(HistoryVersionError, match="newer AcuMat"):
        HistoryStore()
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))


def test_open_history_runs_in_memory_when_the_file_is_from_a_newer_app(
    xdg_dirs: dict[str, Path],
) -> None:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    store = open_history(path, FakeClock())
    assert store.path == IN_MEMORY
    assert store.message is not None and "newer AcuMat" in store.message
    store.save_session(record())
    store.add_sitting(date(2026, 11, 24), 60)
    assert len(store.sessions()) == 1
    assert path.read_bytes() == before
    assert not (Path.cwd() / ":memory:").exists()


def test_open_history_uses_the_file_when_it_can(xdg_dirs: dict[str, Path]) -> None:
    path = history_path()
    first = open_history(path, FakeClock())
    first.save_session(record())
    first.close()
    again = open_history(path, FakeClock())
    assert again.path == path and again.message is None
    assert len(again.sessions()) == 1


def test_csv_export(store: HistoryStore, tmp_path: Path) -> None:
    store.save_session(record(feeling=4))
    store.save_session(
        record(
            2.5,
            "desk-break",
            routine_name="=HYPERLINK(1)",
            started_at=datetime(2026, 11, 25, 12, tzinfo=CET),
            completed=False,
            pattern_id=None,
            sound=None,
        )
    )
    out = tmp_path / "history.csv"
    assert store.export_csv(out) == 2
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["routine_id"] for r in rows] == ["back-neck", "desk-break"]  # oldest first
    assert rows[0] == {
        "started_at": "2026-11-24T08:30:00+01:00",
        "routine_id": "back-neck",
        "routine_name": "Back and neck",
        "planned_minutes": "20.00",
        "actual_minutes": "20.00",
        "completed": "yes",
        "breathing": "resonance",
        "feeling": "4",
        "breaths": "109",
        "sound": "ocean",
    }
    assert rows[1]["routine_name"] == "'=HYPERLINK(1)"
    assert (rows[1]["completed"], rows[1]["actual_minutes"], rows[1]["feeling"]) == (
        "no",
        "2.50",
        "",
    )


def test_sitting_totals_and_reminder_counts(store: HistoryStore) -> None:
    day = date(2026, 11, 24)
    store.add_sitting(day, 1800)
    store.add_sitting(day, 600.5)
    store.add_sitting(day + timedelta(days=1), 60)
    assert store.sitting_totals(day, day + timedelta(days=6)) == {
        day: 2400.5,
        day + timedelta(days=1): 60.0,
    }
    with pytest.raises(ValueError, match="negative"):
        store.add_sitting(day, -1)
    at = datetime(2026, 11, 24, 10, tzinfo=CET)
    for kind in ("shown", "snoozed", "shown", "followed"):
        store.record_reminder_event(kind, at)
    store.record_reminder_event("shown", at + timedelta(days=1))
    assert store.reminder_counts(day) == {"shown": 2, "snoozed": 1, "followed": 1}
    assert store.reminder_counts(day, day + timedelta(days=1))["shown"] == 3
    with pytest.raises(ValueError, match="kind"):
        store.record_reminder_event("DROP TABLE", at)
    with pytest.raises(ValueError, match="aware"):
        store.record_reminder_event("shown", datetime(2026, 11, 24))


def test_session_days_feed_the_streak(store: HistoryStore) -> None:
    for offset in (0, 1, 3):
        store.save_session(
            record(started_at=datetime(2026, 11, 24, 9, tzinfo=CET) - timedelta(days=offset))
        )
    assert streak(store.session_days(), date(2026, 11, 24)) == 3


# --- issue 9: only real damage is kept aside; nothing a person did is lost --------------------


def _v2_file_with_one_session() -> Path:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    _v1(db)
    _v2(db)
    db.execute(
        "INSERT INTO sessions (started_at, started_utc, routine_id, routine_name, planned_s, "
        "actual_s, completed, breaths) VALUES ('2026-11-01T09:00:00+00:00', "
        "'2026-11-01T09:00:00+00:00', 'sleep', 'Sleep', 600, 600, 1, 4)"
    )
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    return path


def test_a_database_locked_at_start_up_is_left_alone_and_written_once_free(
    xdg_dirs: dict[str, Path],
) -> None:
    path = _v2_file_with_one_session()
    before = path.read_bytes()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    store = HistoryStore(busy_timeout_s=0)
    assert store.kept_aside is None
    assert not list(path.parent.glob("*.corrupt-*"))
    assert store.message is not None and "another program" in store.message
    assert store.in_trouble
    kept = store.save_session(record())  # never raises; waits in memory
    assert store.pending == 1
    assert [r.routine_id for r in store.sessions()] == ["back-neck"]
    assert path.read_bytes() == before
    holder.execute("ROLLBACK")
    holder.close()
    assert store.retry()
    assert store.message is None and store.pending == 0 and not store.in_trouble
    assert [r.routine_id for r in store.sessions()] == ["back-neck", "sleep"]
    store.set_feeling(kept, 4)  # the id handed out while waiting still works
    store.close()
    assert [r.feeling for r in HistoryStore().sessions()] == [4, None]


def test_writes_wait_while_another_program_holds_the_lock(store: HistoryStore) -> None:
    seen: list[str | None] = []
    store.on_message = seen.append
    store._busy_s = 0
    store._db.execute("PRAGMA busy_timeout = 0")  # type: ignore[union-attr]
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    store.add_sitting(date(2026, 11, 24), 60)
    store.save_session(record())
    assert store.pending == 2
    assert seen and seen[-1] is not None and "another program" in seen[-1]
    holder.execute("ROLLBACK")
    store.record_reminder_event("shown", datetime(2026, 11, 24, 9, tzinfo=UTC))  # flushes all
    assert store.pending == 0 and seen[-1] is None
    assert store.sitting_totals(date(2026, 11, 24), date(2026, 11, 24)) == {
        date(2026, 11, 24): 60.0
    }
    assert len(store.sessions()) == 1


def _fill_the_disk(store: HistoryStore) -> None:
    db = store._db
    assert db is not None
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_full_disk_keeps_sessions_in_memory_until_there_is_room(
    store: HistoryStore,
) -> None:
    _fill_the_disk(store)
    start = datetime(2026, 11, 1, 8, tzinfo=UTC)
    for i in range(40):  # far more than the free space of the last page
        store.save_session(record(started_at=start + timedelta(days=i), routine_name="x" * 500))
    assert store.pending > 0
    assert store.message is not None and "the disk is full" in store.message
    assert len(store.sessions()) == 40  # the person still sees every session
    assert store.kept_aside is None
    store._db.execute("PRAGMA max_page_count = 1000000")  # type: ignore[union-attr]
    assert store.retry()
    store.close()
    assert len(HistoryStore().sessions()) == 40


class _DiskError(sqlite3.Connection):
    """A connection on a failing disk: every statement fails with SQLite's error ``code``."""

    code = sqlite3.SQLITE_IOERR

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        error = sqlite3.OperationalError(f"failure {self.code}")
        error.sqlite_errorcode = self.code
        raise error


@pytest.mark.parametrize(
    ("failure", "reason"),
    [(sqlite3.SQLITE_IOERR, "I/O error"), (sqlite3.SQLITE_FULL, "disk is full")],
)
def test_io_errors_and_a_full_disk_at_start_up_never_set_the_history_aside(
    xdg_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, failure: int, reason: str
) -> None:
    path = _v2_file_with_one_session()
    before = path.read_bytes()
    fail = [True]

    def connect(name: str, timeout: float) -> sqlite3.Connection:
        if not fail[0]:
            return sqlite3.connect(name, isolation_level=None, timeout=timeout)
        return sqlite3.connect(name, isolation_level=None, factory=_DiskError)

    monkeypatch.setattr(_DiskError, "code", failure)
    store = HistoryStore(connect=connect)
    assert store.kept_aside is None and path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))
    assert store.message is not None and reason in store.message
    store.save_session(record())
    fail[0] = False
    assert store.retry()
    assert len(store.sessions()) == 2


def test_problems_are_named_plainly() -> None:
    def err(code: int) -> sqlite3.Error:
        exc = sqlite3.OperationalError("x")
        exc.sqlite_errorcode = code
        return exc

    assert describe_problem(err(sqlite3.SQLITE_FULL)) == "the disk is full"
    assert "I/O error" in describe_problem(err(sqlite3.SQLITE_IOERR | (1 << 8)))
    assert "another program" in describe_problem(err(sqlite3.SQLITE_BUSY))
    assert is_corruption(err(sqlite3.SQLITE_CORRUPT)) and is_corruption(err(sqlite3.SQLITE_NOTADB))
    for code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, 8, 3, 14):
        assert not is_corruption(err(code))


# --- sessions written while they run ---------------------------------------------------------


def test_a_session_killed_while_running_comes_back_interrupted_with_its_minutes(
    xdg_dirs: dict[str, Path],
) -> None:
    first = HistoryStore()
    running = record(minutes=0, completed=False)
    session_id = first.begin_session(running)
    assert first.sessions() == []  # a running session is not history yet
    first.checkpoint(session_id, record(minutes=7, completed=False))
    # SIGKILL: nothing else runs; a new process opens the same file.
    again = HistoryStore()
    (left,) = again.sessions()
    assert (left.interrupted, left.completed, left.actual_s) == (True, False, 420)
    assert left.routine_id == "back-neck"
    again.close()
    assert HistoryStore().sessions()[0].interrupted  # stays interrupted, never running again


def test_begin_checkpoint_finish_write_one_row_even_when_the_start_moves(
    store: HistoryStore,
) -> None:
    countdown_start = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    session_id = store.begin_session(record(minutes=0, completed=False, started_at=countdown_start))
    run_start = countdown_start + timedelta(seconds=5)  # the run starts after the countdown
    store.checkpoint(session_id, record(minutes=1, completed=False, started_at=run_start))
    done = store.finish_session(session_id, record(minutes=20, started_at=run_start))
    store.set_feeling(done, 5)
    (row,) = store.sessions()
    assert (row.started_at, row.actual_s, row.completed, row.feeling) == (run_start, 1200, True, 5)
    assert not row.interrupted


def test_a_session_stopped_during_the_countdown_leaves_nothing(store: HistoryStore) -> None:
    session_id = store.begin_session(record(minutes=0, completed=False))
    store.finish_session(session_id, record(minutes=0, completed=False))
    store.close()
    assert HistoryStore().sessions() == []


def test_a_session_finished_on_a_full_disk_is_kept_and_written_later(
    store: HistoryStore,
) -> None:
    session_id = store.begin_session(record(minutes=0, completed=False))
    _fill_the_disk(store)
    day = date(2000, 1, 1)
    while not store.pending:  # the disk fills up during the session (bounded by the dates)
        store.add_sitting(day, 60.0)
        day += timedelta(days=1)
    done = store.finish_session(session_id, record(minutes=20))
    store.set_feeling(done, 3)
    assert store.pending > 0
    (shown,) = store.sessions()
    assert (shown.actual_s, shown.feeling) == (1200, 3)
    store._db.execute("PRAGMA max_page_count = 1000000")  # type: ignore[union-attr]
    store.close()  # one last try at quit writes it
    (kept,) = HistoryStore().sessions()
    assert (kept.actual_s, kept.completed, kept.feeling, kept.interrupted) == (1200, True, 3, False)
