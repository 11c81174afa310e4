"""The breathing dial: when its timer runs, what it paints, what it caches, what it tells AT."""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, Phase, phase_at
from acumat_desktop.ui.widgets.breath_dial import BreathDial
from acumat_desktop.ui.widgets.dial_frame import DialFrame, format_remaining

RESONANCE = BUILTIN_PATTERNS["resonance"]  # 5.5 s in, 5.5 s out
LATE_INHALE = phase_at(RESONANCE, 4.5)
LATE_EXHALE = phase_at(RESONANCE, 10.0)


class Holder:
    """A frame source the test can change between frames."""

    def __init__(self, frame: DialFrame) -> None:
        self.frame = frame
        self.reads = 0

    def __call__(self) -> DialFrame:
        self.reads += 1
        return self.frame


def running_frame(breath_t: float = 2.75, remaining: float = 600.0) -> DialFrame:
    return DialFrame(remaining, 1200.0, phase_at(RESONANCE, breath_t), False, "Sleep")


@pytest.fixture
def dial(qtbot: QtBot) -> BreathDial:
    widget = BreathDial(Holder(running_frame()))
    widget.resize(300, 300)
    qtbot.addWidget(widget)
    return widget


def show(qtbot: QtBot, widget: QWidget) -> None:
    with qtbot.waitExposed(widget):
        widget.show()


# ----------------------------------------------------------------------------- the frame timer


def test_timer_runs_only_while_visible_and_animating(qtbot: QtBot, dial: BreathDial) -> None:
    timer = dial.frame_timer()
    dial.set_animating(True)
    assert not timer.isActive(), "hidden dial must not animate"
    show(qtbot, dial)
    assert timer.isActive()
    assert timer.timerType() == Qt.TimerType.PreciseTimer
    dial.hide()
    assert not timer.isActive(), "hiding stops the timer"
    show(qtbot, dial)
    assert timer.isActive(), "showing again resumes it"
    dial.set_animating(False)
    assert not timer.isActive()


def test_timer_does_not_run_without_a_session(qtbot: QtBot) -> None:
    dial = BreathDial()
    qtbot.addWidget(dial)
    show(qtbot, dial)
    dial.set_animating(True)
    assert not dial.frame_timer().isActive()


def test_frames_are_read_each_tick(qtbot: QtBot, dial: BreathDial) -> None:
    source = Holder(running_frame())
    dial.set_source(source)
    show(qtbot, dial)
    dial.set_animating(True)
    before = source.reads
    qtbot.waitUntil(lambda: source.reads >= before + 3, timeout=2000)


def test_paused_frame_repaints_once_and_stops(qtbot: QtBot, dial: BreathDial) -> None:
    source = Holder(running_frame())
    dial.set_source(source)
    show(qtbot, dial)
    dial.set_animating(True)
    timer = dial.frame_timer()
    assert timer.isActive()
    source.frame = replace(source.frame, paused=True)
    qtbot.waitUntil(lambda: not timer.isActive(), timeout=2000)
    frame = dial.current_frame()
    assert frame is not None
    assert frame.paused, "the last frame read, the paused one, is what stays painted"
    reads = source.reads
    qtbot.wait(100)
    assert source.reads == reads, "nothing is read while paused"
    source.frame = replace(source.frame, paused=False)
    dial.set_animating(True)
    assert timer.isActive()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform
def test_minimised_window_stops_the_timer(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    dial = BreathDial(Holder(running_frame()), window)
    QVBoxLayout(window).addWidget(dial)
    show(qtbot, window)
    dial.set_animating(True)
    assert dial.frame_timer().isActive()
    window.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(lambda: not dial.frame_timer().isActive(), timeout=2000)
    dial.set_animating(True)  # a session event while minimised
    assert not dial.frame_timer().isActive()
    window.setWindowState(Qt.WindowState.WindowNoState)
    qtbot.waitUntil(dial.frame_timer().isActive, timeout=2000)


def test_reduced_motion_uses_a_slower_frame_rate(qtbot: QtBot, dial: BreathDial) -> None:
    top_up = BUILTIN_PATTERNS["cyclic-sigh"]  # 2.5 s in, a 1 s top-up, 6.5 s out
    dial.set_source(Holder(DialFrame(600.0, 1200.0, phase_at(top_up, 3.0), False, "")))
    dial.resize(600, 600)
    show(qtbot, dial)
    dial.set_animating(True)
    normal = dial.frame_timer().interval()
    assert 4 <= normal <= 34, "a fast top-up of a large shape runs at the frame rate"
    dial.set_reduced_motion(True)
    assert dial.frame_timer().interval() > normal


# ----------------------------------------------------------------------------- painting


RED = QColor(220, 0, 0)


def paint_for_measuring(dial: BreathDial, frame: DialFrame) -> QImage:
    """Grab the dial with a red breath, no text and a white background."""
    palette = dial.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    dial.setPalette(palette)
    dial.setProperty("breathColor", RED)
    dial.setProperty("ringColor", QColor(0, 160, 0))
    dial.setProperty("textColor", QColor(0, 0, 0, 0))
    dial.set_source(lambda: frame)
    return dial.grab().toImage()


def redness(image: QImage, x: int, y: int) -> int:
    c = image.pixelColor(x, y)
    return c.red() - max(c.green(), c.blue())


def breath_pixels(image: QImage, threshold: int = 30) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if redness(image, x, y) > threshold
    )


def rim_radius(image: QImage) -> int:
    """Distance from the centre to the reddest pixel on the centre row: the shape's rim."""
    cy, cx = image.height() // 2, image.width() // 2
    row = [redness(image, x, cy) for x in range(cx, image.width())]
    return max(range(len(row)), key=row.__getitem__)


def test_breath_shape_is_larger_on_the_inhale_than_on_the_exhale(dial: BreathDial) -> None:
    assert LATE_INHALE.phase is Phase.INHALE
    assert LATE_EXHALE.phase is Phase.EXHALE
    dial.resize(200, 200)
    inhale = paint_for_measuring(dial, replace(running_frame(), breath=LATE_INHALE))
    exhale = paint_for_measuring(dial, replace(running_frame(), breath=LATE_EXHALE))
    assert breath_pixels(inhale) > 2 * breath_pixels(exhale)
    # 36..60 logical units: the smallest shape still holds "Breathe out" at a readable size
    assert rim_radius(inhale) > rim_radius(exhale) + 15


def test_reduced_motion_keeps_one_size_and_changes_opacity(dial: BreathDial) -> None:
    dial.resize(200, 200)
    dial.set_reduced_motion(True)
    inhale = paint_for_measuring(dial, replace(running_frame(), breath=LATE_INHALE))
    exhale = paint_for_measuring(dial, replace(running_frame(), breath=LATE_EXHALE))
    assert abs(rim_radius(inhale) - rim_radius(exhale)) <= 1
    centre = (inhale.width() // 2, inhale.height() // 2)
    assert redness(inhale, *centre) > redness(exhale, *centre) + 10, "fuller breath, more opaque"


def test_breath_shape_grows_smoothly_with_the_breath(dial: BreathDial) -> None:
    dial.resize(200, 200)
    frames = [replace(running_frame(), breath=phase_at(RESONANCE, t)) for t in (0.5, 1.5, 2.5, 4.5)]
    radii = [rim_radius(paint_for_measuring(dial, frame)) for frame in frames]
    assert radii == sorted(radii)
    assert radii[-1] > radii[0]


def test_time_and_cue_are_painted_and_eyes_closed_hides_the_time(dial: BreathDial) -> None:
    dial.resize(240, 240)
    dial.set_source(lambda: running_frame())
    with_time = dial.grab().toImage()
    dial.set_eyes_closed(True)
    without_time = dial.grab().toImage()
    assert with_time != without_time
    assert format_remaining(600.0) == "10:00"
    assert format_remaining(59.2) == "1:00"
    assert format_remaining(0.0) == "0:00"
    assert format_remaining(3725) == "1:02:05"


# ----------------------------------------------------------------------------- cache and repaint


def test_static_ring_is_cached_between_frames(qtbot: QtBot, dial: BreathDial) -> None:
    source = Holder(running_frame())
    dial.set_source(source)
    show(qtbot, dial)
    dial.set_animating(True)
    qtbot.waitUntil(lambda: source.reads > 5, timeout=2000)
    dial.repaint()
    builds = dial.ring_cache_builds()
    assert builds >= 1
    for t in (1.0, 2.0, 3.0, 4.0):
        source.frame = running_frame(breath_t=t, remaining=600 - t)
        dial.refresh()
        dial.repaint()
    assert dial.ring_cache_builds() == builds, "frames reuse the cached ring"
    dial.resize(320, 320)
    dial.repaint()
    assert dial.ring_cache_builds() == builds + 1, "a resize rebuilds it"
    palette = dial.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#101010"))
    dial.setPalette(palette)
    dial.repaint()
    assert dial.ring_cache_builds() == builds + 2, "a palette change rebuilds it"


class CountingParent(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        QPainter(self).end()


def test_frames_repaint_only_the_dial(qtbot: QtBot) -> None:
    parent = CountingParent()
    qtbot.addWidget(parent)
    parent.resize(500, 500)
    dial = BreathDial(Holder(running_frame()), parent)
    dial.setGeometry(100, 100, 300, 300)
    show(qtbot, parent)
    dial.set_animating(True)
    qtbot.wait(50)
    before = parent.paints
    for _ in range(5):
        dial.refresh()
        dial.repaint()
    assert parent.paints == before


# ----------------------------------------------------------------------------- colours


def test_colours_follow_the_palette_by_default(dial: BreathDial) -> None:
    palette = dial.palette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#336699"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#eeeeee"))
    dial.setPalette(palette)
    assert dial.property("ringColor") == QColor("#336699")
    assert dial.property("textColor") == QColor("#eeeeee")


def test_style_sheet_sets_colour_properties(qtbot: QtBot, dial: BreathDial) -> None:
    dial.setStyleSheet(
        "BreathDial { qproperty-ringColor: #6a9955; qproperty-breathColor: #112233; }"
    )
    dial.ensurePolished()
    assert dial.property("ringColor") == QColor("#6a9955")
    assert dial.property("breathColor") == QColor("#112233")
    dial.setProperty("ringColor", QColor())
    assert dial.property("ringColor") == dial.palette().color(QPalette.ColorRole.Highlight)


# ----------------------------------------------------------------------------- accessibility


def test_accessible_name_and_description(dial: BreathDial) -> None:
    assert dial.accessibleName() == "Session timer"
    dial.set_source(lambda: running_frame(breath_t=1.0, remaining=605.0))
    assert "Breathe in" in dial.accessibleDescription()
    assert "11 minutes left" in dial.accessibleDescription()


def test_description_is_set_only_when_its_text_changes(
    dial: BreathDial, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Holder(running_frame(breath_t=0.5, remaining=600.0))
    dial.set_source(source)
    calls: list[str] = []
    original = dial.setAccessibleDescription

    def spy(text: str) -> None:
        calls.append(text)
        original(text)

    monkeypatch.setattr(dial, "setAccessibleDescription", spy)
    for i in range(60):  # one second of frames within one inhale
        source.frame = running_frame(breath_t=0.5 + i / 60, remaining=600.0 - i / 60)
        dial.refresh()
    assert calls == []
    source.frame = running_frame(breath_t=7.0, remaining=598.0)  # now exhaling
    dial.refresh()
    assert len(calls) == 1
    assert "Breathe out" in calls[0]


def test_size_hints_suit_a_central_element(dial: BreathDial) -> None:
    assert dial.sizeHint().width() >= 300
    assert dial.sizeHint().height() >= 300
    assert 120 <= dial.minimumSizeHint().width() < dial.sizeHint().width()


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_breath_hold_repaints_nothing(qtbot: QtBot, dial: BreathDial) -> None:
    box = BUILTIN_PATTERNS["box"]  # 4 in, 4 hold, 4 out, 4 hold
    source = Holder(DialFrame(600.9, 1200.0, phase_at(box, 4.2), False, "Focus"))
    dial.set_source(source)
    show(qtbot, dial)
    counter = PaintCounter()
    dial.installEventFilter(counter)
    qtbot.wait(20)
    before = counter.paints
    source.frame = DialFrame(600.5, 1200.0, phase_at(box, 4.6), False, "Focus")  # still 10:01
    dial.refresh()
    qtbot.wait(20)
    assert counter.paints == before, "same shape, same text: nothing to paint"
    source.frame = DialFrame(599.9, 1200.0, phase_at(box, 5.2), False, "Focus")  # 10:00
    dial.refresh()
    qtbot.waitUntil(lambda: counter.paints > before, timeout=1000)


def test_slow_layers_are_cached_across_frames(qtbot: QtBot, dial: BreathDial) -> None:
    source = Holder(running_frame(breath_t=0.1, remaining=600.0))
    dial.set_source(source)
    show(qtbot, dial)
    dial.repaint()
    builds = dial.cache_builds()
    for i in range(1, 60):  # one second of an inhale, at 60 frames a second
        source.frame = running_frame(breath_t=0.1 + i / 60, remaining=600.0 - i / 60)
        dial.refresh()
        dial.repaint()
    after = dial.cache_builds()
    assert after["ring"] == builds["ring"]
    assert after["text"] - builds["text"] <= 2, "text is re-rendered only when a string changes"
    assert after["arc"] - builds["arc"] <= 2, "the arc is re-stroked only when its end moves"


# ----------------------------------------------------------------------------- pacing


def _radius_px(dial: BreathDial, frame: DialFrame) -> float:
    from acumat_desktop.ui.widgets.dial_painting import CANVAS, breath_geometry

    k = min(dial.width(), dial.height()) / CANVAS
    return breath_geometry(frame, False)[0] * k * dial.devicePixelRatioF()


def _play(
    qtbot: QtBot, dial: BreathDial, pattern_id: str, start: float, seconds: float
) -> list[DialFrame]:
    """Drive the dial at 60 frames a second of a fake clock; return the frames it painted."""
    from PySide6.QtWidgets import QApplication

    pattern = BUILTIN_PATTERNS[pattern_id]
    source = Holder(DialFrame(600.0, 1200.0, phase_at(pattern, start), False, "Focus"))
    dial.set_source(source)
    show(qtbot, dial)
    QApplication.processEvents()
    painted: list[DialFrame] = []

    class Recorder(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and dial.current_frame() is not None:
                painted.append(dial.current_frame())  # type: ignore[arg-type]
            return False

    recorder = Recorder()
    dial.installEventFilter(recorder)
    for i in range(1, round(seconds * 60) + 1):
        t = start + i / 60
        source.frame = DialFrame(600.0 - i / 60, 1200.0, phase_at(pattern, t), False, "Focus")
        dial.refresh()
        QApplication.processEvents()
    dial.removeEventFilter(recorder)
    return painted


def _changes(dial: BreathDial, a: DialFrame, b: DialFrame) -> tuple[bool, bool]:
    """(the text changed, the arc moved) between two painted frames."""
    from acumat_desktop.ui.widgets.dial_painting import DialOptions, _arc_span, _text_lines

    size, dpr, options = dial.size(), dial.devicePixelRatioF(), DialOptions()
    return (
        _text_lines(a, options) != _text_lines(b, options),
        _arc_span(size, dpr, a) != _arc_span(size, dpr, b),
    )


def test_a_hold_costs_nearly_nothing(qtbot: QtBot, dial: BreathDial) -> None:
    painted = _play(qtbot, dial, "box", 4.05, 3.9)  # box: 4 in, 4 hold, 4 out, 4 hold
    assert all(f.breath is not None and f.breath.phase is Phase.HOLD for f in painted)
    assert len(painted) <= 12, "only the seconds ticking and the arc's half-pixel steps"
    assert all(any(_changes(dial, a, b)) for a, b in itertools.pairwise(painted))


def test_an_inhale_repaints_the_shape_only_when_its_edge_moves_a_pixel(
    qtbot: QtBot, dial: BreathDial
) -> None:
    shown: list[float] = []  # the shape's radius on screen at each paint, in device pixels
    radii: list[float] = []  # ... and where the breath had it
    k = min(dial.width(), dial.height()) / 200.0 * dial.devicePixelRatioF()

    class Shape(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            frame = dial.current_frame()
            if event.type() == QEvent.Type.Paint and frame is not None:
                on_screen = dial._painter.shape_shown()
                assert on_screen is not None
                shown.append(on_screen[0] * k)
                radii.append(_radius_px(dial, frame))
            return False

    spy = Shape()
    dial.installEventFilter(spy)
    painted = _play(qtbot, dial, "box", 0.0, 3.9)
    steps = [b - a for a, b in itertools.pairwise(shown) if b != a]
    assert len(steps) >= 20, "the shape still moves smoothly"
    assert all(s >= 1.0 for s in steps), min(steps)
    assert all(abs(r - s) < 1.0 for r, s in zip(radii, shown, strict=False)), "never a pixel behind"
    assert len(painted) < 3.9 * 60 * 0.6, "fewer paints than frames"


def test_a_hold_sleeps_the_timer_until_something_changes(qtbot: QtBot, dial: BreathDial) -> None:
    box = BUILTIN_PATTERNS["box"]
    source = Holder(DialFrame(600.6, 1200.0, phase_at(box, 4.2), False, "Focus"))
    dial.set_source(source)
    show(qtbot, dial)
    dial.set_animating(True)
    timer = dial.frame_timer()
    assert timer.isActive()
    assert 100 < timer.interval() <= 601, "asleep until the seconds tick or the arc steps"
    hold = timer.interval()
    source.frame = DialFrame(599.0, 1200.0, phase_at(box, 2.0), False, "Focus")  # inhaling
    dial.refresh()
    # At its fastest the shape crosses 36..60 units (times 1.5 pixels) at pi/2 over 4 s:
    pixel_ms = 1000 / ((60 - 36) * 1.5 * math.pi / 2 / 4.0)  # 70.7 ms a pixel
    assert timer.interval() <= min(hold, pixel_ms + 2), "awake for each pixel the shape moves"


def test_an_arc_step_repaints_only_the_arc_end(dial: BreathDial) -> None:
    from PySide6.QtCore import QSize

    from acumat_desktop.ui.widgets.dial_painting import DialOptions, DialPainter

    box = BUILTIN_PATTERNS["box"]
    size, painter, options = QSize(300, 300), DialPainter(), DialOptions()
    before = DialFrame(1000.9, 1200.0, phase_at(box, 4.5), False, "Focus")
    for i in range(1, 200):
        after = replace(before, remaining_s=1000.9 - i / 100)
        region = painter.damage(size, 1.0, before, after, options)
        if region is not None:
            break
    assert region is not None, "the arc stepped within 2 s (a pixel: 1.46 s)"
    box_area = region.boundingRect().width() * region.boundingRect().height()
    assert box_area < 0.02 * 300 * 300, "a few pixels around the arc's end, not the dial"
