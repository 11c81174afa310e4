"""Session history in SQLite (stdlib sqlite3, WAL) in the data folder.

The schema version lives in ``PRAGMA user_version`` and grows through small registered migration
steps, each in its own transaction. Only a database SQLite itself calls damaged (SQLITE_CORRUPT,
SQLITE_NOTADB, a failed ``PRAGMA quick_check``) is renamed aside
(``history.sqlite3.corrupt-<stamp>``) and a fresh one started. A locked, full, unreadable or
unwritable database is left untouched: what could not be written waits in memory (``pending``)
and is written at the next write or ``retry()``; ``message`` says what is wrong until then.
A database from a newer version of the app is refused and left untouched.

A running session is written when it starts (status ``running``), updated by ``checkpoint`` and
finished by ``finish_session``; rows still ``running`` when the store opens were left by an app
that was killed, and become ``interrupted`` with the minutes of their last checkpoint.

Besides sessions it holds the reminders issue's daily sitting totals and reminder events.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import platformdirs

from acumat_desktop import APP_NAME
from acumat_desktop.core.clock import Clock, SystemClock
from acumat_desktop.core.history import SessionRecord
from acumat_desktop.services.history_schema import (
    _INSERT,
    _UPDATE,
    DONE,
    INTERRUPTED,
    MIGRATIONS,
    RUNNING,
    SCHEMA_VERSION,
    DeskRecords,
    HistoryCorruptError,
    HistoryEntry,
    HistoryVersionError,
    _Pending,
    _record,
    _v1,
    _values,
    csv_text,
    describe_problem,
    entries_query,
    is_corruption,
)
from acumat_desktop.services.settings_store import atomic_write_text

__all__ = [
    "IN_MEMORY",
    "SCHEMA_VERSION",
    "HistoryEntry",
    "HistoryStore",
    "HistoryVersionError",
    "_v1",
    "history_path",
    "open_history",
]

log = logging.getLogger(__name__)

FILE_NAME = "history.sqlite3"
IN_MEMORY = Path(":memory:")  # a history that lives until the app quits
BUSY_TIMEOUT_S = 2.0  # how long a write waits for another program's lock before it is queued

Connect = Callable[[str, float], sqlite3.Connection]
Op = Callable[[sqlite3.Connection], object]


def history_path() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / FILE_NAME


def _connect(path: str, timeout: float) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None, timeout=timeout)


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


class HistoryStore(DeskRecords):
    def __init__(
        self,
        path: Path | None = None,
        clock: Clock | None = None,
        *,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
        connect: Connect = _connect,
    ) -> None:
        self.path = path or history_path()
        self._clock = clock or SystemClock()
        self._busy_s = busy_timeout_s
        self._connect = connect
        self.message: str | None = None  # for the UI: a damaged file kept aside, or a problem
        self.on_message: Callable[[str | None], None] | None = None  # called when it changes
        self.kept_aside: Path | None = None
        self._trouble: str | None = None  # the current problem, cleared once writes work again
        self._db: sqlite3.Connection | None = None
        self._swept = False  # leftover running rows marked interrupted (once per process)
        self._pending: dict[int, _Pending] = {}  # session key -> latest unwritten state
        self._ops: list[Op] = []  # other writes that wait for the store
        self._row_of: dict[int, int] = {}  # a temporary (negative) key -> its row id
        self._next_key = -1
        if self.path != IN_MEMORY:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if is_corruption(exc):
                self._start_afresh(exc)
            else:
                self._set_trouble(exc, opening=True)

    # --- opening --------------------------------------------------------------------------------

    def _start_afresh(self, exc: BaseException) -> None:
        log.warning("history database damaged (%s); keeping it aside", exc)
        try:
            self.kept_aside = self._keep_aside()
            self._db = self._open()
        except (OSError, sqlite3.Error) as again:
            self._set_trouble(again, opening=True)
            return
        self.message = (
            f"The session history could not be read, so it was kept aside as "
            f"{self.kept_aside.name} and a new history was started."
        )

    def _open(self) -> sqlite3.Connection:
        db = self._connect(str(self.path), self._busy_s)
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
                raise HistoryCorruptError(f"integrity check failed: {check}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            self._migrate(db, version)
            self._sweep(db)
        except BaseException:
            db.close()
            raise
        return db

    def _sweep(self, db: sqlite3.Connection) -> None:
        """Sessions left running by an app that ended without finishing them are interrupted."""
        if self._swept:
            return
        if db.execute("SELECT 1 FROM sessions WHERE status = ? LIMIT 1", (RUNNING,)).fetchone():
            db.execute("UPDATE sessions SET status = ? WHERE status = ?", (INTERRUPTED, RUNNING))
            log.info("sessions left running by the last run are marked interrupted")
        self._swept = True

    @staticmethod
    def _migrate(db: sqlite3.Connection, version: int) -> None:
        for step in range(version, SCHEMA_VERSION):
            db.execute("BEGIN IMMEDIATE")
            try:
                MIGRATIONS[step](db)
                db.execute(f"PRAGMA user_version = {step + 1}")
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
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
        if self._db is None:
            return 0
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    @property
    def in_trouble(self) -> bool:
        """The file cannot be opened or written right now; call ``retry()`` from time to time."""
        return self._trouble is not None

    @property
    def pending(self) -> int:
        """How many writes wait in memory for the store to work again."""
        return len(self._pending) + len(self._ops)

    def close(self) -> None:
        """Write what waits (one last try), then close."""
        self.retry()
        if self._db is not None:
            self._db.close()
            self._db = None

    # --- trouble and retry ----------------------------------------------------------------------

    def _set_trouble(self, exc: BaseException, opening: bool = False) -> None:
        reason = describe_problem(exc)
        log.warning("history database %s: %s (%s)", self.path, reason, exc)
        what = "cannot be opened" if opening else "cannot be saved"
        text = (
            f"Your session history {what} right now: {reason}. Nothing is lost: the file was "
            "left untouched, and AcuMat keeps new sessions in memory and saves them as soon as "
            "it can."
        )
        if text != self._trouble:
            self._trouble = text
            self._announce(text)

    def _announce(self, text: str | None) -> None:
        self.message = text
        if self.on_message is not None:
            self.on_message(text)

    def retry(self) -> bool:
        """Open the file if it could not be opened, then write what waits. True when nothing
        waits any more (the app may call this from a timer while ``pending`` is not zero)."""
        if self._db is None and self.path != IN_MEMORY:
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                self._set_trouble(exc, opening=True)
                return False
            except HistoryVersionError as exc:
                self._set_trouble(exc, opening=True)
                return False
        return self._flush()

    def _flush(self) -> bool:
        if self._db is None:
            return self.retry() if self.path != IN_MEMORY else False
        if not self._pending and not self._ops and self._trouble is None:
            return True
        written: dict[int, int] = {}
        try:
            with self._transaction() as db:
                for key, item in self._pending.items():
                    written[key] = self._write(db, key, item)
                for op in self._ops:
                    op(db)
        except sqlite3.Error as exc:
            self._set_trouble(exc)
            return False
        for key, row in written.items():
            if key < 0:
                self._row_of[key] = row
        self._pending.clear()
        self._ops.clear()
        if self._trouble is not None:
            log.info("history database %s works again; waiting writes saved", self.path)
            self._trouble = None
            self._announce(None)
        return True

    @staticmethod
    def _write(db: sqlite3.Connection, key: int, item: _Pending) -> int:
        values = _values(item.record, item.status, item.manual)
        if key > 0 and db.execute(_UPDATE, (*values, key)).rowcount == 1:
            return key
        return int(db.execute(_INSERT, values).fetchone()[0])

    def _queue(self, op: Op) -> None:
        self._ops.append(op)
        self._flush()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._db
        if db is None:
            raise sqlite3.OperationalError("the history file is not open")
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            raise
        try:
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            raise

    def _read(self, query: str, params: Sequence[object]) -> list[tuple[object, ...]]:
        if self._db is None:
            return []
        try:
            return list(self._db.execute(query, params))
        except sqlite3.Error as exc:
            self._set_trouble(exc)
            return []

    # --- sessions -------------------------------------------------------------------------------

    def _key(self, session_id: int) -> int:
        return self._row_of.get(session_id, session_id)

    def _put(self, key: int, record: SessionRecord, status: str, manual: bool = False) -> int:
        self._pending[key] = _Pending(record, status, manual)
        self._flush()
        return self._row_of.get(key, key)

    def begin_session(self, record: SessionRecord) -> int:
        """Write a session that has just started (status running); returns its id for
        ``checkpoint`` and ``finish_session``. Never raises for a store that cannot write: the
        session then waits in memory and the id stays valid."""
        key = self._next_key
        self._next_key -= 1
        self._put(key, record, RUNNING)
        return self._row_of.pop(key, key)  # written at once: the caller holds the row id

    def checkpoint(self, session_id: int, record: SessionRecord) -> int:
        """Update a running session (minutes done so far); what a kill would leave behind."""
        return self._put(self._key(session_id), record, RUNNING)

    def finish_session(self, session_id: int, record: SessionRecord) -> int:
        """The session ended (finished or stopped). One that never ran (stopped during the
        countdown, 0 s) is removed. Returns the id for ``set_feeling``."""
        key = self._key(session_id)
        if record.actual_s > 0:
            return self._put(key, record, DONE)
        self._pending.pop(key, None)
        if key > 0:
            self._queue(lambda db: db.execute("DELETE FROM sessions WHERE id = ?", (key,)))
        return key

    def save_session(self, record: SessionRecord, *, manual: bool = False) -> int:
        """Insert or update (same start and routine) a finished session; returns its id. Saving
        the record again after the feeling is noted updates it in place. ``manual`` marks a
        session entered by hand (done on the mat without the app)."""
        key = self._next_key
        self._next_key -= 1
        self._put(key, record, DONE, manual)
        return self._row_of.pop(key, key)  # written at once: the caller holds the row id

    def update_session(self, session_id: int, record: SessionRecord) -> int:
        """Change a finished session (its routine, start, minutes, feeling); returns its id.
        Raises LookupError for an unknown id and ValueError when another session of the same
        routine already starts at the same moment (the store never merges two rows by itself).
        A store that cannot write keeps the change in memory, like every other write."""
        key = self._key(session_id)
        item = self._pending.get(key)
        missing = item is None and (key < 0 or not self._exists(key))
        if missing and self._db is not None and self._trouble is None:
            raise LookupError(f"no session with id {session_id}")
        if self._clashes(key, record):
            raise ValueError("another session of this routine starts at the same time")
        status = item.status if item is not None else DONE
        manual = item.manual if item is not None else self._is_manual(key)
        self._pending[key] = _Pending(record, status, manual)
        if record.feeling is None and key > 0:  # the write keeps a noted feeling: clear it
            self._ops.append(
                lambda db: db.execute("UPDATE sessions SET feeling = NULL WHERE id = ?", (key,))
            )
        self._flush()
        return self._row_of.get(key, key)

    def delete_session(self, session_id: int) -> None:
        """Remove a session for good (an unknown id is not an error: it is already gone)."""
        key = self._key(session_id)
        self._pending.pop(key, None)
        if key > 0:
            self._queue(lambda db: db.execute("DELETE FROM sessions WHERE id = ?", (key,)))

    def _exists(self, key: int) -> bool:
        return bool(self._read("SELECT 1 FROM sessions WHERE id = ?", (key,)))

    def _is_manual(self, key: int) -> bool:
        rows = self._read("SELECT manual FROM sessions WHERE id = ?", (key,))
        return bool(rows and rows[0][0])

    def _clashes(self, key: int, record: SessionRecord) -> bool:
        utc = record.started_at.astimezone(UTC)
        for other, item in self._pending.items():
            same = item.record.routine_id == record.routine_id
            if other != key and same and item.record.started_at.astimezone(UTC) == utc:
                return True
        rows = self._read(
            "SELECT id FROM sessions WHERE started_utc = ? AND routine_id = ? AND id != ?",
            (utc.isoformat(), record.routine_id, key),
        )
        return bool(rows)

    def set_feeling(self, session_id: int, feeling: int) -> None:
        if not 1 <= feeling <= 5:
            raise ValueError("feeling must be between 1 and 5")
        key = self._key(session_id)
        item = self._pending.get(key)
        if item is not None:
            self._put(key, dataclasses.replace(item.record, feeling=feeling), item.status)
            return
        missing = key < 0 or not self._read("SELECT 1 FROM sessions WHERE id = ?", (key,))
        if missing and self._db is not None and self._trouble is None:
            raise LookupError(f"no session with id {session_id}")
        self._queue(
            lambda db: db.execute("UPDATE sessions SET feeling = ? WHERE id = ?", (feeling, key))
        )

    def sessions(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[SessionRecord]:
        """Sessions newest first, optionally from ``since`` (aware) on and at most ``limit``;
        sessions still running are left out, those waiting to be written are included."""
        return [entry.record for entry in self.entries(since, limit=limit)]

    def entries(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        limit: int | None = None,
    ) -> list[HistoryEntry]:
        """Like ``sessions`` with each session's id and manual mark; ``until`` (aware) is
        exclusive, so a week or a month is ``entries(start, end)``."""
        query, params = entries_query(since, until, None if self._pending else limit)
        rows = {
            int(row[0]): HistoryEntry(int(row[0]), _record(row), bool(row[12]))  # type: ignore[call-overload]
            for row in self._read(query, params)
        }
        if not self._pending:
            return list(rows.values())
        for key, item in self._pending.items():
            rows.pop(key, None)
            start = item.record.started_at
            keep = (since is None or start >= since) and (until is None or start < until)
            if item.status != RUNNING and keep:
                rows[key] = HistoryEntry(key, item.record, item.manual)
        ordered = sorted(
            rows.values(),
            key=lambda e: (e.record.started_at.astimezone(UTC), e.id),
            reverse=True,
        )
        return ordered[:limit]

    def session_days(self) -> list[date]:
        """Every day with at least one session (for the streak)."""
        return sorted({r.day for r in self.sessions()})

    # --- export ---------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> int:
        """Write every session, oldest first, as CSV (minutes, one row each). Returns the count."""
        records = list(reversed(self.sessions()))
        atomic_write_text(path, csv_text(records))
        return len(records)
