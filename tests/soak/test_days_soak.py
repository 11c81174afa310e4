"""A soak over working days on a fake clock, reminders on: sitting, natural breaks, reminders
snoozed, followed and answered with "I moved", a locked lunch, sessions started from the
reminder and from the app, finished and stopped, the night away. After the first day, each day
leaves the Python heap, the file descriptors and the Qt objects where they were, and adds no more
to the history database than the day before did.

The full size (eight days, with PSS) is ``python -m tests.benchmarks.soak_days``.
"""

from __future__ import annotations

import itertools
import tracemalloc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.core.clock import FakeClock
from tests.soak.measure import (
    TRACE_FRAMES,
    DatabaseSize,
    describe,
    file_changes,
    grown_kinds,
    leak_report,
    sample,
)
from tests.soak.rig import WorkingDay, build_app, close_app, scripted_sources

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

DAYS = 1  # measured, after a day that fills the caches and a day traced to set the baseline
BYTES_PER_DAY = 128 * 1024  # measured 7-48 KiB: PySide6 pools still filling; 64 B a look shows
DB_GROWTH_PER_DAY = 16 * 1024


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[WorkingDay]:
    clock = FakeClock()
    with scripted_sources(clock) as sources:
        acumat = build_app(clock, reminders=True)
    qtbot.addWidget(acumat.window)
    yield WorkingDay(acumat, clock, sources)
    close_app(acumat)


@pytest.fixture
def history_size(rig: WorkingDay) -> Iterator[DatabaseSize]:
    size = DatabaseSize(rig.acumat.history.path)
    yield size
    size.close()


def test_working_days_leave_nothing_behind(rig: WorkingDay, history_size: DatabaseSize) -> None:
    rig.day()  # the first day fills the caches (untraced: three times faster)
    tracemalloc.start(TRACE_FRAMES)
    try:
        # A traced day before the measured ones: state a day replaces (an untraced block freed,
        # a traced one made) must be traced already, or the replacement reads as growth.
        rig.day()
        readings, sizes = [sample(rig.acumat.app)], [history_size()]
        for _ in range(DAYS):
            rig.day()
            readings.append(sample(rig.acumat.app))
            sizes.append(history_size())
    finally:
        tracemalloc.stop()
    first, last = readings[0], readings[-1]
    for a, b in itertools.pairwise(readings):
        print(describe(a, b, 1, "day"))
    print("history", sizes)
    counts, all_days = rig.counts, DAYS + 2
    assert (counts.reminders, counts.snoozed, counts.followed, counts.moved) == (
        5 * all_days,
        all_days,
        all_days,
        all_days,
    ), counts  # two of each day's five reminders go unanswered until the person gets up
    assert counts.sessions == 3 * all_days
    grown = last.traced_bytes - first.traced_bytes
    assert grown < BYTES_PER_DAY * DAYS, leak_report(first, last)
    assert last.fds == first.fds, file_changes(first, last)
    assert grown_kinds(first, last) == {}
    assert last.top_levels == first.top_levels
    assert all(b - a <= DB_GROWTH_PER_DAY for a, b in itertools.pairwise(sizes)), sizes
