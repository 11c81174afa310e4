"""The dial's pacing on a fake clock: it looks at its session only when something visible can
have changed by then, and repaints only what did (a hold: never the shape; the ring: each pixel
its arc's end moves; a moving shape: each pixel its edge moves, never a pixel late).

The dial's own timer paces the clock: each step jumps the fake clock to the timer's next timeout
and runs what the timeout runs, so the test sees exactly the reads and paints the dial asks for.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, Phase, phase_at
from acumat_desktop.core.clock import FakeClock
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.dial_frame import DialFrame
from acumat_desktop.ui.widgets.dial_pacing import EASE_MAX_SLOPE, quiet_for
from acumat_desktop.ui.widgets.dial_painting import (
    BREATH_MAX_RADIUS,
    BREATH_MIN_RADIUS,
    RING_RADIUS,
    DialOptions,
    _arc_span,
    breath_geometry,
)

SIDE = 300
TOTAL_S = 1200.0


class Session:
    """Frames of a session on a fake clock, as the session page reads them."""

    def __init__(self, clock: FakeClock, pattern_id: str | None, at: float) -> None:
        self.clock = clock
        self.pattern = BUILTIN_PATTERNS[pattern_id] if pattern_id else None
        self.start = clock.monotonic() - at

    def __call__(self) -> DialFrame:
        t = self.clock.monotonic() - self.start
        breath = phase_at(self.pattern, t) if self.pattern is not None else None
        return DialFrame(TOTAL_S - t, TOTAL_S, breath, False, "")


class Paints(QObject):
    """Each paint's region and the frame it painted."""

    def __init__(self, dial: BreathDial) -> None:
        super().__init__()
        self.dial = dial
        self.seen: list[tuple[QRect, DialFrame]] = []
        self.shown: list[float] = []  # the shape's logical radius on screen at each paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        frame = self.dial.current_frame()
        if event.type() == QEvent.Type.Paint and frame is not None:
            self.seen.append((event.region().boundingRect(), frame))  # type: ignore[attr-defined]
            shown = self.dial._painter.shape_shown()
            assert shown is not None
            self.shown.append(shown[0])
        return False


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def start(qtbot: QtBot, clock: FakeClock, pattern_id: str | None, at: float) -> BreathDial:
    dial = BreathDial(Session(clock, pattern_id, at))
    dial.resize(SIDE, SIDE)
    qtbot.addWidget(dial)
    with qtbot.waitExposed(dial):
        dial.show()
    dial.set_animating(True)
    QApplication.processEvents()
    return dial


def drive(
    dial: BreathDial,
    clock: FakeClock,
    seconds: float,
    before_read: Callable[[], None] = lambda: None,
) -> tuple[Paints, int]:
    """Run ``seconds`` of the fake clock at the pace the dial's timer asks; (paints, reads)."""
    paints = Paints(dial)
    dial.installEventFilter(paints)
    reads = 0
    end = clock.monotonic() + seconds
    timer = dial.frame_timer()
    while clock.monotonic() < end:
        assert timer.isActive()
        clock.advance(timer.interval() / 1000.0)
        before_read()
        dial.refresh()  # what the timer's timeout runs
        QApplication.processEvents()
        reads += 1
    dial.removeEventFilter(paints)
    return paints, reads


def px_per_unit(dial: BreathDial) -> float:
    return min(dial.width(), dial.height()) / 200.0 * dial.devicePixelRatioF()


def shape_edge(dial: BreathDial, frame: DialFrame) -> QPoint:
    """The device point on the breathing shape's edge at 3 o'clock."""
    radius = breath_geometry(frame, False)[0] * px_per_unit(dial)
    return QPoint(round(dial.width() / 2 + radius), dial.height() // 2)


def arc_end(dial: BreathDial, frame: DialFrame) -> tuple[float, float]:
    """The device position of the arc's end (it runs clockwise from 12 o'clock)."""
    span = _arc_span(QSize(dial.width(), dial.height()), dial.devicePixelRatioF(), frame)
    angle = math.radians(90.0 - span / 16.0)
    r = RING_RADIUS * px_per_unit(dial)
    return r * math.cos(angle), -r * math.sin(angle)


def test_a_hold_never_repaints_the_shape_and_sleeps_between_seconds(
    qtbot: QtBot, clock: FakeClock
) -> None:
    dial = start(qtbot, clock, "box", at=4.05)  # box: 4 s in, 4 s hold, 4 s out, 4 s hold
    paints, reads = drive(dial, clock, 3.9)
    frames = [frame for _, frame in paints.seen]
    assert frames, "the seconds still tick"
    holding = [i for i, f in enumerate(frames) if f.breath and f.breath.phase is Phase.HOLD]
    assert len(holding) >= len(frames) - 1, "the last look may find the hold over, just then"
    for i in holding:
        region, frame = paints.seen[i]
        assert not region.contains(shape_edge(dial, frame)), "the shape is never repainted"
    assert len({paints.shown[i] for i in holding}) == 1, "the shape on screen stays the same"
    # a look a second (the count and the time tick together) and one per arc step (1.5 s)
    assert reads <= 3.9 * 2 + 1, reads
    assert len(frames) <= reads


def test_the_ring_repaints_only_when_its_arc_end_moves_a_pixel(
    qtbot: QtBot, clock: FakeClock
) -> None:
    dial = start(qtbot, clock, None, at=600.0)  # no breathing guidance: the time and the ring
    arc_builds = dial.cache_builds()["arc"]
    paints, reads = drive(dial, clock, 20.0)
    frames = [frame for _, frame in paints.seen]
    ends = [arc_end(dial, f) for f in frames]
    moves = [math.dist(a, b) for a, b in itertools.pairwise(ends) if a != b]
    assert len(moves) >= 10, "the arc moves over 20 s of a 20-minute session"
    assert all(m >= 1.0 for m in moves), min(moves)
    assert dial.cache_builds()["arc"] - arc_builds == len(moves), "re-stroked once per step"
    assert reads <= 20 * 2 + 1, "asleep between the seconds and the arc's steps"


def test_a_moving_shape_is_read_for_each_pixel_and_never_a_pixel_late(
    qtbot: QtBot, clock: FakeClock
) -> None:
    dial = start(qtbot, clock, "box", at=0.05)
    k = px_per_unit(dial)
    fastest = (BREATH_MAX_RADIUS - BREATH_MIN_RADIUS) * k * EASE_MAX_SLOPE / 4.0  # px a second
    frame_s = dial.frame_timer().interval() / 1000.0
    lags: list[float] = []

    def lag() -> None:  # how far the true shape is from the one on screen, before each look
        shown = dial._painter.shape_shown()
        assert shown is not None
        truth = breath_geometry(Session.__call__(dial._source), False)[0]  # type: ignore[arg-type]
        lags.append(abs(truth - shown[0]) * k)

    paints, reads = drive(dial, clock, 3.85, lag)
    inhaling = [f.breath is not None and f.breath.phase is Phase.INHALE for _, f in paints.seen]
    assert all(inhaling[:-1]), "the last look may find the inhale over, just then"
    assert max(lags) < 1.0 + fastest * (frame_s + 0.002), "never more than a frame late"
    assert reads < 3.85 * 60 / 2, "far fewer looks than a 60 Hz timer"
    radii = [r * k for r, _ in itertools.groupby(paints.shown)]  # each shape painted
    assert len(radii) >= 20, "the shape still moves smoothly"
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(radii)), "a whole pixel a paint"


@pytest.mark.parametrize("pattern_id", sorted(p for p in BUILTIN_PATTERNS if p != "none"))
def test_no_wait_oversleeps_a_pixel_of_any_breath(pattern_id: str) -> None:
    """Wherever a breath is, the dial's wait ends before its shape can have moved a pixel: the
    pacing's bound on the breathing module's ease holds for every built-in pattern."""
    pattern = BUILTIN_PATTERNS[pattern_id]
    size, options = QSize(600, 600), DialOptions()
    k = 600 / 200.0

    def radius(t: float) -> float:
        return breath_geometry(DialFrame(600.0, 1200.0, phase_at(pattern, t)), False)[0] * k

    t, looks = 0.0, 0
    while t < 2 * pattern.cycle_seconds:
        frame = DialFrame(600.0, 1200.0, phase_at(pattern, t))
        on_screen = breath_geometry(frame, False)
        wait = quiet_for(size, 1.0, frame, options, on_screen)
        assert abs(radius(t + wait * (1 - 1e-9)) - radius(t)) < 1.0 + 1e-6, (t, wait)
        t += max(wait, 0.001)
        looks += 1
    assert looks < 2 * pattern.cycle_seconds * 30, "fewer looks than a 30 Hz timer"
