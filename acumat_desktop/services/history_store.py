"""Session history in SQLite (stdlib sqlite3, WAL) in the data folder.

The schema version lives in ``PRAGMA user_version`` and grows through small registered migration
steps, each in its own transaction. A database that cannot be read is renamed aside
(``history.sqlite3.corrupt-<stamp>``) and a fresh one started; ``message`` then says so for the UI.
A database from a newer version of the app is refused and left untouched.

Besides sessions it holds the reminders issue's daily sitting totals and reminder events.
"""

from __future__ import annotations

import contextlib
import csv
import io
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import platformdirs

from acumat_desktop import APP_NAME
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.services.settings_store import atomic_write_text

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"
IN_MEMORY = Path(":memory:")  # a history that lives until the app quits
_KIND = re.compile(r"^[a-z][a-z-]{0,31}$")


def history_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / FILE_NAME


class HistoryVersionError(RuntimeError):
    """The database was written by a newer AcuMat; it is left untouched."""


def open_history(path: Path, clock: Clock) -> HistoryStore:
    """The app's one history store. If the file cannot be used at all (written by a newer AcuMat,
    unwritable folder), the app still runs on an in-memory history and ``message`` says why."""
    try:
        return HistoryStore(path, clock)
    except (HistoryVersionError, OSError, sqlite3.Error) as exc:
        log.error("history database %s unusable: %s", path, exc)
        store = HistoryStore(IN_MEMORY, clock)
        store.message = (
            f"The session history could not be opened ({exc}), so this run keeps its sessions "
            "only until AcuMat quits."
        )
        return store


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


# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2]
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = (
    "id, started_at, routine_id, routine_name, planned_s, actual_s, completed, pattern_id, "
    "feeling, breaths, sound"
)


class HistoryStore:
    def __init__(self, path: Path | None = None, clock: Clock | None = None) -> None:
        self.path = path or history_path()
        self._clock = clock or SystemClock()
        self.message: str | None = None  # for the UI: set when a damaged file was kept aside
        self.kept_aside: Path | None = None
        if self.path != IN_MEMORY:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            log.warning("history database unreadable (%s); keeping it aside", exc)
            self.kept_aside = self._keep_aside()
            self.message = (
                f"The session history could not be read, so it was kept aside as "
                f"{self.kept_aside.name} and a new history was started."
            )
            self._db = self._open()

    # --- opening --------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            # Read the version before anything writes (WAL mode changes the file header).
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise HistoryVersionError(
                    f"{self.path.name} was written by a newer AcuMat (schema {version}, this "
                    f"version knows {SCHEMA_VERSION}); it is left untouched"
                )
            check = db.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db, version)
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for step in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[step](db)
                db.execute(f"PRAGMA user_version = {step + 1}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            log.info("history database migrated to schema %d", step + 1)

    def _keep_aside(self) -> Path:
        stamp = self._clock.now().strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 2
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        self.path.replace(aside)
        for suffix in ("-wal", "-shm"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                companion.replace(aside.with_name(aside.name + suffix))
        return aside

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- sessions -------------------------------------------------------------------------------

    def save_session(self, record: SessionRecord) -> int:
        """Insert or update (same start and routine) a session; returns its row id. Saving the
        record again after the feeling is noted updates it in place."""
        utc = record.started_at.astimezone(UTC).isoformat()
        values = (
            record.started_at.isoformat(),
            utc,
            record.routine_id,
            record.routine_name,
            record.planned_s,
            record.actual_s,
            int(record.completed),
            record.pattern_id,
            record.feeling,
            record.breaths,
            record.sound,
        )
        with self._transaction() as db:
            db.execute(
                """INSERT INTO sessions (started_at, started_utc, routine_id, routine_name,
                       planned_s, actual_s, completed, pattern_id, feeling, breaths, sound)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (started_utc, routine_id) DO UPDATE SET
                       routine_name = excluded.routine_name, planned_s = excluded.planned_s,
                       actual_s = excluded.actual_s, completed = excluded.completed,
                       pattern_id = excluded.pattern_id,
                       feeling = COALESCE(excluded.feeling, sessions.feeling),
                       breaths = excluded.breaths, sound = excluded.sound""",
                values,
            )
            row = db.execute(
                "SELECT id FROM sessions WHERE started_utc = ? AND routine_id = ?",
                (utc, record.routine_id),
            ).fetchone()
        return int(row[0])

    def set_feeling(self, session_id: int, feeling: int) -> None:
        if not 1 <= feeling <= 5:
            raise ValueError("feeling must be between 1 and 5")
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE sessions SET feeling = ? WHERE id = ?", (feeling, session_id)
            )
            if cursor.rowcount != 1:
                raise LookupError(f"no session with id {session_id}")

    def sessions(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[SessionRecord]:
        """Sessions newest first, optionally from ``since`` (aware) on and at most ``limit``."""
        query = f"SELECT {_COLUMNS} FROM sessions"
        params: list[object] = []
        if since is not None:
            query += " WHERE started_utc >= ?"
            params.append(since.astimezone(UTC).isoformat())
        query += " ORDER BY started_utc DESC, id DESC"
        if limit is not None:
            query += " LIMIT ?"
            params.append(limit)
        return [_record(row) for row in self._db.execute(query, params)]

    def session_days(self) -> list[date]:
        """Every day with at least one session (for the streak)."""
        return sorted({r.day for r in self.sessions()})

    # --- sitting and reminders (written by the reminders issue) -------------------------------

    def add_sitting(self, day: date, seconds: float) -> None:
        """Add ``seconds`` of sitting to ``day``'s total."""
        if seconds < 0:
            raise ValueError("sitting seconds must not be negative")
        with self._transaction() as db:
            db.execute(
                """INSERT INTO sitting_days (day, seconds) VALUES (?, ?)
                   ON CONFLICT (day) DO UPDATE SET seconds = seconds + excluded.seconds""",
                (day.isoformat(), float(seconds)),
            )

    def sitting_totals(self, start: date, end: date) -> dict[date, float]:
        """Sitting seconds per day for ``start <= day <= end`` (days without data left out)."""
        rows = self._db.execute(
            "SELECT day, seconds FROM sitting_days WHERE day BETWEEN ? AND ? ORDER BY day",
            (start.isoformat(), end.isoformat()),
        )
        return {date.fromisoformat(day): float(seconds) for day, seconds in rows}

    def record_reminder_event(self, kind: str, at: datetime) -> None:
        """Count a reminder event: ``shown``, ``snoozed``, ``followed`` (or another short kind)."""
        if not _KIND.match(kind):
            raise ValueError(f"reminder event kind {kind!r}: use lower-case letters and hyphens")
        if at.tzinfo is None:
            raise ValueError("reminder event time must be aware")
        with self._transaction() as db:
            db.execute(
                "INSERT INTO reminder_events (kind, at, day) VALUES (?, ?, ?)",
                (kind, at.isoformat(), at.date().isoformat()),
            )

    def reminder_counts(self, start: date, end: date | None = None) -> dict[str, int]:
        """Reminder events per kind for ``start <= day <= end`` (one day if no end)."""
        rows = self._db.execute(
            "SELECT kind, COUNT(*) FROM reminder_events WHERE day BETWEEN ? AND ? GROUP BY kind",
            (start.isoformat(), (end or start).isoformat()),
        )
        return {kind: int(count) for kind, count in rows}

    # --- export ---------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> int:
        """Write every session, oldest first, as CSV (minutes, one row each). Returns the count."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        records = list(reversed(self.sessions()))
        for r in records:
            writer.writerow(
                [
                    r.started_at.isoformat(),
                    r.routine_id,
                    _cell(r.routine_name),
                    f"{r.planned_s / 60:.2f}",
                    f"{r.actual_s / 60:.2f}",
                    "yes" if r.completed else "no",
                    r.pattern_id or "",
                    "" if r.feeling is None else r.feeling,
                    r.breaths,
                    r.sound or "",
                ]
            )
        atomic_write_text(path, buffer.getvalue())
        return len(records)


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
    feeling, breaths = row[8], row[9]
    sound = row[10]
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
    )
