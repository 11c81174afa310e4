"""A soak over the control socket: after a warm-up, 100 start/stop cycles (the command line's
``acumat start desk-break --sound none`` and ``acumat stop``, one connection each) leave the
Python heap, the open file descriptors and the Qt objects where they were.

The full size (1,000 cycles, with PSS) is ``python -m tests.benchmarks.soak_ipc``.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat
from acumat_desktop.core.clock import FakeClock
from tests.soak.measure import (
    TRACE_FRAMES,
    describe,
    file_changes,
    grown_kinds,
    leak_report,
    sample,
)
from tests.soak.rig import IpcLoad, build_app, close_app

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise"
)

WARM_UP = 50  # caches (the tray's ring icons, json's scanners...) fill over ~50 cycles
TRACED_WARM_UP = 10
CYCLES = 100
BYTES_PER_CYCLE = 2048


@pytest.fixture
def acumat(qtbot: QtBot) -> Iterator[AcuMat]:
    parts = build_app(FakeClock(), reminders=False)
    qtbot.addWidget(parts.window)
    yield parts
    close_app(parts)


def test_start_stop_cycles_over_the_socket_leave_nothing_behind(acumat: AcuMat) -> None:
    load = IpcLoad(acumat)
    starts: list[object] = []
    acumat.session.state_changed.connect(starts.append)
    load.run(WARM_UP)  # untraced: three times faster
    tracemalloc.start(TRACE_FRAMES)
    try:
        # A few traced cycles first: state the cycles replace (an untraced block freed, a
        # traced one made) must be traced already, or the replacement reads as growth.
        load.run(TRACED_WARM_UP)
        before = sample(acumat.app)
        load.run(CYCLES)
        after = sample(acumat.app)
    finally:
        tracemalloc.stop()
    print(describe(before, after, CYCLES, "cycle"))
    assert load.cycles_done == WARM_UP + TRACED_WARM_UP + CYCLES
    assert len(starts) >= 2 * load.cycles_done, "every cycle ran a session and stopped it"
    assert acumat.services.server.connection_count == 0
    grown = after.traced_bytes - before.traced_bytes
    assert grown < BYTES_PER_CYCLE * CYCLES, leak_report(before, after)
    assert after.fds == before.fds, file_changes(before, after)
    assert grown_kinds(before, after) == {}
    assert after.top_levels == before.top_levels
