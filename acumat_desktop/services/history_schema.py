"""The history database's schema, SQL and error classification (used by history_store)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime

from acumat_desktop.core.history import SessionRecord

RUNNING, DONE, INTERRUPTED = "running", "done", "interrupted"


class HistoryVersionError(RuntimeError):
    """The database was written by a newer AcuMat; it is left untouched."""


class HistoryCorruptError(sqlite3.DatabaseError):
    """``PRAGMA quick_check`` found damage."""


_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_REASONS = {
    sqlite3.SQLITE_BUSY: "another program is using the history file",
    sqlite3.SQLITE_LOCKED: "another program is using the history file",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written (I/O error)",
    sqlite3.SQLITE_READONLY: "the history file cannot be written (read-only)",
    sqlite3.SQLITE_PERM: "the history file cannot be written (no permission)",
    sqlite3.SQLITE_CANTOPEN: "the history file cannot be opened (missing folder or permission)",
}


def is_corruption(exc: BaseException) -> bool:
    """True only when SQLite says the file is damaged or not a database at all."""
    if isinstance(exc, HistoryCorruptError):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def describe_problem(exc: BaseException) -> str:
    """A plain reason for a person: "the disk is full", "another program is using ..."."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _REASONS:
        return _REASONS[code & 0xFF]
    return str(exc) or type(exc).__name__


def _v1(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            routine_id TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            planned_s REAL NOT NULL,
            actual_s REAL NOT NULL,
            completed INTEGER NOT NULL,
            pattern_id TEXT,
            feeling INTEGER CHECK (feeling BETWEEN 1 AND 5),
            breaths INTEGER NOT NULL DEFAULT 0,
            UNIQUE (started_utc, routine_id)
        )"""
    )
    db.execute("CREATE INDEX sessions_by_start ON sessions (started_utc)")


def _v2(db: sqlite3.Connection) -> None:
    """Sound per session; sitting totals and reminder events for the reminders issue."""
    db.execute("ALTER TABLE sessions ADD COLUMN sound TEXT")
    db.execute("CREATE TABLE sitting_days (day TEXT PRIMARY KEY, seconds REAL NOT NULL)")
    db.execute(
        """CREATE TABLE reminder_events (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            at TEXT NOT NULL,
            day TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX reminder_events_by_day ON reminder_events (day, kind)")


def _v3(db: sqlite3.Connection) -> None:
    """Sessions written while they run: running, done, or interrupted (the app was killed)."""
    db.execute("ALTER TABLE sessions ADD COLUMN status TEXT NOT NULL DEFAULT 'done'")


def _v4(db: sqlite3.Connection) -> None:
    """Sessions entered by hand (done on the mat without the app) are marked as such."""
    db.execute("ALTER TABLE sessions ADD COLUMN manual INTEGER NOT NULL DEFAULT 0")


# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4]
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "id, started_at, routine_id, routine_name, planned_s, actual_s, completed, pattern_id, "
    "feeling, breaths, sound, status, manual"
)
_FIELDS = (
    "started_at, started_utc, routine_id, routine_name, planned_s, actual_s, completed, "
    "pattern_id, feeling, breaths, sound, status, manual"
)
_INSERT = f"""INSERT INTO sessions ({_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (started_utc, routine_id) DO UPDATE SET
        routine_name = excluded.routine_name, planned_s = excluded.planned_s,
        actual_s = excluded.actual_s, completed = excluded.completed,
        pattern_id = excluded.pattern_id,
        feeling = COALESCE(excluded.feeling, sessions.feeling),
        breaths = excluded.breaths, sound = excluded.sound, status = excluded.status,
        manual = excluded.manual
    RETURNING id"""
_UPDATE = f"""UPDATE OR REPLACE sessions SET ({_FIELDS}) =
    (?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, feeling), ?, ?, ?) WHERE id = ?"""


def _values(record: SessionRecord, status: str, manual: bool = False) -> tuple[object, ...]:
    return (
        record.started_at.isoformat(),
        record.started_at.astimezone(UTC).isoformat(),
        record.routine_id,
        record.routine_name,
        record.planned_s,
        record.actual_s,
        int(record.completed),
        record.pattern_id,
        record.feeling,
        record.breaths,
        record.sound,
        status,
        int(manual),
    )


@dataclasses.dataclass
class _Pending:
    record: SessionRecord
    status: str
    manual: bool = False


@dataclasses.dataclass(frozen=True)
class HistoryEntry:
    """A stored session with what the history page needs to change it: its id (for
    ``update_session`` and ``delete_session``) and whether it was entered by hand."""

    id: int
    record: SessionRecord
    manual: bool = False


def entries_query(
    since: datetime | None, until: datetime | None, limit: int | None
) -> tuple[str, list[object]]:
    """The SELECT for finished sessions from ``since`` up to ``until`` (exclusive), newest first."""
    query = f"SELECT {_COLUMNS} FROM sessions WHERE status != ?"
    params: list[object] = [RUNNING]
    if since is not None:
        query += " AND started_utc >= ?"
        params.append(since.astimezone(UTC).isoformat())
    if until is not None:
        query += " AND started_utc < ?"
        params.append(until.astimezone(UTC).isoformat())
    query += " ORDER BY started_utc DESC, id DESC"
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    return query, params


_KIND = re.compile(r"^[a-z][a-z-]{0,31}$")


class DeskRecords:
    """The reminders issue's daily sitting totals and reminder events, written through the
    store's queue (kept in memory while the store fails) and read through its ``_read``."""

    def _queue(self, op: Callable[[sqlite3.Connection], object]) -> None:
        raise NotImplementedError

    def _read(self, query: str, params: Sequence[object]) -> list[tuple[object, ...]]:
        raise NotImplementedError

    def add_sitting(self, day: date, seconds: float) -> None:
        """Add ``seconds`` of sitting to ``day``'s total (kept in memory while the store fails)."""
        if seconds < 0:
            raise ValueError("sitting seconds must not be negative")
        self._queue(
            lambda db: db.execute(
                """INSERT INTO sitting_days (day, seconds) VALUES (?, ?)
                   ON CONFLICT (day) DO UPDATE SET seconds = seconds + excluded.seconds""",
                (day.isoformat(), float(seconds)),
            )
        )

    def sitting_totals(self, start: date, end: date) -> dict[date, float]:
        """Sitting seconds per day for ``start <= day <= end`` (days without data left out)."""
        rows = self._read(
            "SELECT day, seconds FROM sitting_days WHERE day BETWEEN ? AND ? ORDER BY day",
            (start.isoformat(), end.isoformat()),
        )
        return {date.fromisoformat(str(day)): float(sec) for day, sec in rows}  # type: ignore[arg-type]

    def record_reminder_event(self, kind: str, at: datetime) -> None:
        """Count a reminder event: ``shown``, ``snoozed``, ``followed`` (or another short kind)."""
        if not _KIND.match(kind):
            raise ValueError(f"reminder event kind {kind!r}: use lower-case letters and hyphens")
        if at.tzinfo is None:
            raise ValueError("reminder event time must be aware")
        self._queue(
            lambda db: db.execute(
                "INSERT INTO reminder_events (kind, at, day) VALUES (?, ?, ?)",
                (kind, at.isoformat(), at.date().isoformat()),
            )
        )

    def reminder_counts(self, start: date, end: date | None = None) -> dict[str, int]:
        """Reminder events per kind for ``start <= day <= end`` (one day if no end)."""
        rows = self._read(
            "SELECT kind, COUNT(*) FROM reminder_events WHERE day BETWEEN ? AND ? GROUP BY kind",
            (start.isoformat(), (end or start).isoformat()),
        )
        return {str(kind): int(count) for kind, count in rows}  # type: ignore[call-overload]


CSV_HEADER = (
    "started_at",
    "routine_id",
    "routine_name",
    "planned_minutes",
    "actual_minutes",
    "completed",
    "breathing",
    "feeling",
    "breaths",
    "sound",
)


def _cell(text: str) -> str:
    """Keep spreadsheets from reading a user-typed name as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _record(row: tuple[object, ...]) -> SessionRecord:
    _, started_at, routine_id, name, planned, actual, completed, pattern = row[:8]
    feeling, breaths, sound, status = row[8:12]
    return SessionRecord(
        routine_id=str(routine_id),
        routine_name=str(name),
        started_at=datetime.fromisoformat(str(started_at)),
        planned_s=float(planned),  # type: ignore[arg-type]
        actual_s=float(actual),  # type: ignore[arg-type]
        completed=bool(completed),
        pattern_id=None if pattern is None else str(pattern),
        feeling=None if feeling is None else int(feeling),  # type: ignore[call-overload]
        breaths=int(breaths),  # type: ignore[call-overload]
        sound=None if sound is None else str(sound),
        interrupted=status == INTERRUPTED,
    )


def csv_text(records: Iterable[SessionRecord]) -> str:
    """The CSV export: a header, then one row per record (minutes)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in records:
        writer.writerow(
            [
                r.started_at.isoformat(),
                r.routine_id,
                _cell(r.routine_name),
                f"{r.planned_s / 60:.2f}",
                f"{r.actual_s / 60:.2f}",
                "yes" if r.completed else ("interrupted" if r.interrupted else "no"),
                r.pattern_id or "",
                "" if r.feeling is None else r.feeling,
                r.breaths,
                r.sound or "",
            ]
        )
    return buffer.getvalue()
