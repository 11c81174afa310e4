"""Changing the history by hand: edit, delete, sessions entered without the app, periods."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from acumat_desktop.core.history import SessionRecord
from acumat_desktop.services.history_schema import _v2, _v3
from acumat_desktop.services.history_store import (
    SCHEMA_VERSION,
    HistoryStore,
    _v1,
    history_path,
)

CET = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 23, 8, 30, tzinfo=CET)


def record(minutes: float = 20, routine: str = "back-neck", **kw: object) -> SessionRecord:
    values: dict[str, object] = {
        "routine_id": routine,
        "routine_name": "Back and neck",
        "started_at": MONDAY,
        "planned_s": 1200.0,
        "actual_s": minutes * 60,
        "completed": True,
    }
    values.update(kw)
    return SessionRecord(**values)  # type: ignore[arg-type]


@pytest.fixture
def store(xdg_dirs: dict[str, Path]) -> HistoryStore:
    return HistoryStore()


def _lock(store: HistoryStore) -> sqlite3.Connection:
    store._busy_s = 0
    store._db.execute("PRAGMA busy_timeout = 0")  # type: ignore[union-attr]
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_a_version_three_database_gains_the_manual_mark(xdg_dirs: dict[str, Path]) -> None:
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    for step in (_v1, _v2, _v3):
        step(db)
    db.execute(
        "INSERT INTO sessions (started_at, started_utc, routine_id, routine_name, planned_s, "
        "actual_s, completed, breaths) VALUES ('2026-11-01T09:00:00+00:00', "
        "'2026-11-01T09:00:00+00:00', 'sleep', 'Sleep', 600, 600, 1, 4)"
    )
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    store = HistoryStore()
    assert store.schema_version == SCHEMA_VERSION == 4
    (entry,) = store.entries()
    assert (entry.record.routine_id, entry.manual) == ("sleep", False)


def test_a_session_entered_by_hand_is_marked_and_kept(store: HistoryStore) -> None:
    app_id = store.save_session(record(started_at=MONDAY - timedelta(days=1)))
    hand_id = store.save_session(record(10, routine="first-time"), manual=True)
    store.close()
    entries = HistoryStore().entries()
    assert [(e.id, e.record.routine_id, e.manual) for e in entries] == [
        (hand_id, "first-time", True),
        (app_id, "back-neck", False),
    ]


def test_update_changes_a_session_and_keeps_its_manual_mark(store: HistoryStore) -> None:
    key = store.save_session(record(feeling=4), manual=True)
    later = MONDAY + timedelta(hours=12)
    changed = record(35, routine="sleep", routine_name="Sleep", started_at=later, feeling=2)
    assert store.update_session(key, changed) == key
    store.close()
    (entry,) = HistoryStore().entries()
    assert entry.record == changed
    assert entry.manual


def test_an_edit_can_clear_the_feeling(store: HistoryStore) -> None:
    key = store.save_session(record(feeling=4))
    store.update_session(key, record(feeling=None))
    assert store.sessions()[0].feeling is None


def test_update_refuses_an_unknown_id_and_a_clash(store: HistoryStore) -> None:
    first = store.save_session(record())
    store.save_session(record(started_at=MONDAY + timedelta(hours=1)))
    with pytest.raises(LookupError):
        store.update_session(999, record())
    with pytest.raises(ValueError, match="same time"):
        store.update_session(first, record(started_at=MONDAY + timedelta(hours=1)))
    assert len(store.sessions()) == 2  # nothing merged, nothing lost


def test_delete_removes_one_session(store: HistoryStore) -> None:
    keep = store.save_session(record())
    gone = store.save_session(record(started_at=MONDAY + timedelta(hours=1)))
    store.delete_session(gone)
    store.delete_session(gone)  # twice is harmless
    store.close()
    assert [e.id for e in HistoryStore().entries()] == [keep]


def test_edits_and_deletes_wait_while_the_file_is_locked(store: HistoryStore) -> None:
    edited = store.save_session(record())
    gone = store.save_session(record(started_at=MONDAY + timedelta(hours=1)))
    holder = _lock(store)
    store.update_session(edited, record(40))
    store.delete_session(gone)
    added = store.save_session(record(5, routine="feet"), manual=True)
    assert store.pending > 0 and store.message is not None
    shown = {e.record.routine_id: e for e in store.entries()}  # what waits is what is shown
    assert set(shown) == {"back-neck", "feet"}
    assert shown["back-neck"].record.actual_s == 2400 and shown["feet"].manual
    holder.execute("ROLLBACK")
    holder.close()
    assert store.retry() and store.pending == 0
    store.delete_session(added)  # the id handed out while waiting still works
    store.close()
    assert [(e.id, e.record.actual_s) for e in HistoryStore().entries()] == [(edited, 2400)]


def test_entries_of_a_period(store: HistoryStore) -> None:
    for days in range(0, 40, 3):
        store.save_session(record(started_at=MONDAY - timedelta(days=days)))
    week = store.entries(MONDAY - timedelta(days=7), MONDAY)  # the week before, end exclusive
    assert [e.record.started_at.day for e in week] == [20, 17]
    assert len(store.entries(limit=3)) == 3
    store.save_session(dataclasses.replace(record(), started_at=datetime(2026, 11, 1, tzinfo=UTC)))
    assert len(store.entries(datetime(2026, 11, 1, tzinfo=UTC), MONDAY)) == 8
