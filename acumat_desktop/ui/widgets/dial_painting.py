"""How the breathing dial is painted: geometry on a logical canvas and three layers.

The picture lives on a logical 200 x 200 canvas centred on the widget (like the PySide6
``analogclock`` example), so every size and device pixel ratio gets the same drawing. A frame is
three layers, and only the middle one is painted every frame:

1. *dial*: background, the faint track ring (cached, rebuilt on resize, DPR or colour change)
   and the remaining-time arc over it (re-stroked only when its end moves by half a device pixel);
2. *breath*: the soft breathing shape, a cached sprite scaled to the breath and a cosmetic rim;
3. *text*: two small cached layers, each rebuilt only when its strings change: the words inside
   the breathing shape (the cue or a label, and the count, sized to fit the shape at its
   smallest) and the time, small, below the shape and inside the ring (hidden with eyes closed).

Nothing in the picture moves or changes size but the breathing shape and the arc's end: the
layout of the text is fixed, so a long word is set smaller rather than spilling out of the shape.

Cached layers are drawn in unscaled device-aligned coordinates so blits stay 1:1 and crisp.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPen,
    QPixmap,
    QRadialGradient,
    QRegion,
)

from acumat_desktop.ui.widgets.dial_frame import DialFrame, format_remaining
from acumat_desktop.ui.widgets.dial_text import TIME_AREA as _TIME_AREA
from acumat_desktop.ui.widgets.dial_text import paint_time, paint_words, with_alpha

log = logging.getLogger(__name__)

CANVAS = 200.0
RING_RADIUS = 88.0
RING_WIDTH = 2.0  # a fine line: the ring tells the time, it should not be the loudest thing
BREATH_MIN_RADIUS = 36.0  # large enough to hold "Breathe out" at a readable size
BREATH_MAX_RADIUS = 60.0
BREATH_STILL_RADIUS = 52.0  # reduced motion and routines without breathing guidance
GLOW = 7.0  # logical width of the soft glow around the breathing shape
STILL_MIN_OPACITY = 0.30
STILL_MAX_OPACITY = 0.80
PAUSED_DIM = 0.6
# Logical areas of the two text layers. The words sit inside the shape at its smallest; the
# time sits in the band between the shape at its largest (glow included, 69) and the ring.
_WORDS_AREA = QRectF(-46.0, -13.0, 92.0, 33.0)
ARC_STEP_PX = 1.0  # re-stroke the arc once its end has moved a whole device pixel
BREATH_STEP_PX = 1.0  # repaint the shape once its edge has moved a whole device pixel
OPACITY_STEP = 0.5 / 255  # ... or its opacity by half a level of 8-bit colour


@dataclass(frozen=True)
class DialColors:
    background: QColor
    track: QColor
    ring: QColor
    breath: QColor
    text: QColor


@dataclass(frozen=True)
class DialOptions:
    reduced_motion: bool = False
    eyes_closed: bool = False
    paused_text: str = "Paused"


def breath_geometry(frame: DialFrame | None, reduced_motion: bool) -> tuple[float, float]:
    """The breathing shape's logical radius and opacity for ``frame``."""
    if frame is None:
        return BREATH_STILL_RADIUS, STILL_MIN_OPACITY
    if frame.breath is None:
        return BREATH_STILL_RADIUS, (STILL_MIN_OPACITY + STILL_MAX_OPACITY) / 2
    scale = min(1.0, max(0.0, frame.breath.scale))
    if reduced_motion:
        return BREATH_STILL_RADIUS, STILL_MIN_OPACITY + (
            STILL_MAX_OPACITY - STILL_MIN_OPACITY
        ) * scale
    return BREATH_MIN_RADIUS + (BREATH_MAX_RADIUS - BREATH_MIN_RADIUS) * scale, 1.0


class _Cache:
    """One pixmap, kept while its key stays the same; counts its rebuilds."""

    def __init__(self) -> None:
        self.key: tuple[object, ...] | None = None
        self.pixmap: QPixmap | None = None
        self.builds = 0

    def get(self, key: tuple[object, ...], build: Callable[[], QPixmap]) -> QPixmap:
        if self.pixmap is None or key != self.key:
            self.pixmap, self.key = build(), key
            self.builds += 1
        return self.pixmap

    def clear(self) -> None:
        self.key, self.pixmap = None, None


class DialPainter:
    """Paints :class:`DialFrame`s for one widget, reusing what did not change."""

    def __init__(self) -> None:
        self._ring = _Cache()
        self._arc = _Cache()
        self._words = _Cache()
        self._time = _Cache()
        self._sprite = _Cache()
        # The breathing shape's (radius, opacity) as last painted whole: a repaint for the text
        # alone may catch the shape mid-step, so its next step counts from here.
        self._shape_shown: tuple[float, float] | None = None

    def shape_shown(self) -> tuple[float, float] | None:
        """The breathing shape's logical (radius, opacity) on screen; None before a paint."""
        return self._shape_shown

    def painted_whole(self, frame: DialFrame | None, options: DialOptions) -> None:
        """The whole dial was just painted from ``frame``."""
        self._shape_shown = breath_geometry(frame, options.reduced_motion)

    def invalidate(self) -> None:
        for cache in (self._ring, self._arc, self._words, self._time, self._sprite):
            cache.clear()

    def builds(self) -> dict[str, int]:
        """How often each cached layer has been repainted (for tests and diagnostics); ``text``
        counts both text layers."""
        text = self._words.builds + self._time.builds
        return {"ring": self._ring.builds, "arc": self._arc.builds, "text": text}

    def paint(
        self,
        painter: QPainter,
        size: QSize,
        dpr: float,
        colors: DialColors,
        font: QFont,
        frame: DialFrame | None,
        options: DialOptions,
    ) -> None:
        painter.drawPixmap(0, 0, self._dial_layer(size, dpr, colors, frame))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _to_canvas(painter, size)
        sprite = self._shape_sprite(size, dpr, colors.breath)
        _paint_breath(painter, sprite, colors.breath, frame, options.reduced_motion)
        painter.restore()
        if frame is None or colors.text.alpha() == 0:
            return
        label, time_text, cue, count = _text_lines(frame, options)
        words = (label, cue, count, options.eyes_closed, frame.breath is not None)
        layers = ((self._words, _WORDS_AREA, words), (self._time, _TIME_AREA, (time_text,)))
        for cache, area, strings in layers:
            if any(strings[:3]):
                layer = self._text_layer(cache, area, size, dpr, colors.text, font, strings)
                painter.drawPixmap(_area_origin(size, area), layer)

    # ----------------------------------------------------------------- cached layers

    def _ring_layer(self, size: QSize, dpr: float, colors: DialColors) -> QPixmap:
        key = (size.width(), size.height(), dpr, colors.background.rgba(), colors.track.rgba())

        def build() -> QPixmap:
            pixmap = _pixmap(size, dpr)
            pixmap.fill(colors.background)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            _to_canvas(painter, size)
            painter.setPen(QPen(colors.track, RING_WIDTH))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0.0, 0.0), RING_RADIUS, RING_RADIUS)
            painter.end()
            log.debug("dial ring layer rebuilt for %s", key)
            return pixmap

        return self._ring.get(key, build)

    def _shape_sprite(self, size: QSize, dpr: float, base: QColor) -> QPixmap:
        """The breathing shape at its largest, in device pixels; frames draw it scaled down
        (a bilinear blit costs a fraction of a radial-gradient fill)."""
        outer_px = (BREATH_MAX_RADIUS + GLOW) * scale_of(size)
        side = max(2, math.ceil(2 * outer_px))
        key = (side, dpr, base.rgba())

        def build() -> QPixmap:
            pixmap = _pixmap(QSize(side, side), dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.translate(side / 2.0, side / 2.0)
            scale = side / 2.0 / (BREATH_MAX_RADIUS + GLOW)
            painter.scale(scale, scale)
            _paint_shape(painter, base, BREATH_MAX_RADIUS)
            painter.end()
            return pixmap

        return self._sprite.get(key, build)

    def _dial_layer(
        self, size: QSize, dpr: float, colors: DialColors, frame: DialFrame | None
    ) -> QPixmap:
        ring = self._ring_layer(size, dpr, colors)
        if frame is None or frame.fraction_left <= 0.0:
            return ring
        span = _arc_span(size, dpr, frame)
        color = QColor(colors.ring)
        if frame.paused:
            color.setAlphaF(color.alphaF() * 0.45)
        key = (self._ring.key, span, color.rgba())

        def build() -> QPixmap:
            pixmap = QPixmap(ring)  # shares the ring until painted on, then detaches
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            _to_canvas(painter, size)
            pen = QPen(color, RING_WIDTH)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            rect = QRectF(-RING_RADIUS, -RING_RADIUS, 2 * RING_RADIUS, 2 * RING_RADIUS)
            # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock. Start at 12, go clockwise.
            painter.drawArc(rect, 90 * 16, -span)
            painter.end()
            return pixmap

        return self._arc.get(key, build)

    def _text_layer(
        self,
        cache: _Cache,
        area: QRectF,
        size: QSize,
        dpr: float,
        color: QColor,
        font: QFont,
        strings: tuple[object, ...],
    ) -> QPixmap:
        key = (size.width(), size.height(), dpr, color.rgba(), font.key(), strings)

        def build() -> QPixmap:
            origin = _area_origin(size, area)
            k = scale_of(size)
            pixels = QSize(math.ceil(area.width() * k) + 2, math.ceil(area.height() * k) + 2)
            pixmap = _pixmap(pixels, dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.translate(-origin.x(), -origin.y())
            _to_canvas(painter, size)
            if area is _TIME_AREA:
                paint_time(painter, color, font, str(strings[0]))
            else:
                label, cue, count, eyes_closed, guided = strings
                radius = BREATH_MIN_RADIUS if guided else BREATH_STILL_RADIUS
                paint_words(
                    painter,
                    color,
                    font,
                    (str(label), str(cue), str(count)),
                    bool(eyes_closed),
                    radius,
                )
            painter.end()
            return pixmap

        return cache.get(key, build)

    # ----------------------------------------------------------------- damage

    def _shape_step(
        self, size: QSize, dpr: float, before: DialFrame, after: DialFrame, options: DialOptions
    ) -> QRectF | None:
        """The logical square to repaint for the breathing shape, once its edge has moved a
        whole device pixel (or its opacity half a level) since it was last painted; else None."""
        shown = self._shape_shown or breath_geometry(before, options.reduced_motion)
        r_shown, o_shown = shown
        r_after, o_after = breath_geometry(after, options.reduced_motion)
        moved = abs(r_shown - r_after) * scale_of(size) * dpr
        if moved < BREATH_STEP_PX and abs(o_shown - o_after) < OPACITY_STEP:
            return None
        self._shape_shown = (r_after, o_after)
        reach = max(r_shown, r_after) * (1.0 + GLOW / BREATH_MAX_RADIUS) + 1.0
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def damage(
        self,
        size: QSize,
        dpr: float,
        before: DialFrame | None,
        after: DialFrame | None,
        options: DialOptions,
    ) -> QRegion | None:
        """The part of the widget that must be repainted to go from ``before`` to ``after``:
        None when nothing visible changed (a breath hold, a step of less than a pixel); else the
        squares around the arc's moving end, the breathing shape and the text, as far as each
        changed; the whole dial when the frame appears, goes, pauses or resumes. Counts the
        shape's step from where it was last painted (see :meth:`shape_shown`)."""
        full = QRect(QPoint(0, 0), size)
        if before is None or after is None or before.paused != after.paused:
            if before is None and after is None:
                return None
            self.painted_whole(after, options)  # what the whole dial will show
            return QRegion(full)
        areas: list[QRectF] = []
        span_before, span_after = _arc_span(size, dpr, before), _arc_span(size, dpr, after)
        if span_before != span_after:
            arc = _arc_ends(span_before, span_after)
            if arc is None:
                self.painted_whole(after, options)
                return QRegion(full)
            areas.append(arc)
        shape = self._shape_step(size, dpr, before, after, options)
        if shape is not None:
            areas.append(shape)
        label_a, time_a, cue_a, count_a = _text_lines(before, options)
        label_b, time_b, cue_b, count_b = _text_lines(after, options)
        if (label_a, cue_a, count_a) != (label_b, cue_b, count_b):
            areas.append(_WORDS_AREA.adjusted(-1, -1, 1, 1))
        if time_a != time_b:
            areas.append(_TIME_AREA.adjusted(-1, -1, 1, 1))
        if not areas:
            return None
        region = QRegion()
        for area in areas:
            region = region.united(_to_device(size, area).intersected(full))
        return region


# ----------------------------------------------------------------- geometry helpers


def _arc_ends(span_a: int, span_b: int) -> QRectF | None:
    """The logical square holding the arc's end at both spans (a step is a fraction of a
    degree); None for a jump too long for one small square."""
    if abs(span_a - span_b) > 5 * 16:
        return None
    half = RING_WIDTH / 2 + 1.0
    area = QRectF()
    for span in (span_a, span_b):
        angle = math.radians(90.0 - span / 16.0)  # Qt: from 12 o'clock, clockwise for -span
        x, y = RING_RADIUS * math.cos(angle), -RING_RADIUS * math.sin(angle)
        area = area.united(QRectF(x - half, y - half, 2 * half, 2 * half))
    return area


def _to_device(size: QSize, area: QRectF) -> QRect:
    """A logical rectangle as the widget's pixels, rounded outwards with a pixel to spare."""
    k = scale_of(size)
    centre = QPointF(size.width() / 2.0, size.height() / 2.0)
    device = QRectF(centre + area.topLeft() * k, centre + area.bottomRight() * k)
    return device.toAlignedRect().adjusted(-1, -1, 1, 1)


def _arc_span(size: QSize, dpr: float, frame: DialFrame) -> int:
    """The arc's span in 1/16 degree, quantised so its end moves by a device pixel per step (a
    20-minute session on a 450-pixel dial re-strokes it about once a second)."""
    step = arc_step(size, dpr)
    return round(frame.fraction_left * 360 * 16 / step) * step


def arc_step(size: QSize, dpr: float) -> int:
    """The arc's quantum in 1/16 degree: the least that moves its end a whole device pixel
    along the ring."""
    radius_px = RING_RADIUS * scale_of(size) * dpr
    return max(1, math.ceil(math.degrees(ARC_STEP_PX / max(radius_px, 1.0)) * 16))


def scale_of(size: QSize) -> float:
    """Device-independent pixels per logical canvas unit."""
    return min(size.width(), size.height()) / CANVAS


def _to_canvas(painter: QPainter, size: QSize) -> None:
    k = scale_of(size)
    painter.translate(size.width() / 2.0, size.height() / 2.0)
    painter.scale(k, k)


def _area_origin(size: QSize, area: QRectF) -> QPoint:
    """Where a text layer's top-left corner sits, on whole logical pixels."""
    k = scale_of(size)
    return QPoint(
        math.floor(size.width() / 2.0 + area.left() * k) - 1,
        math.floor(size.height() / 2.0 + area.top() * k) - 1,
    )


def _pixmap(size: QSize, dpr: float) -> QPixmap:
    pixmap = QPixmap(max(1, round(size.width() * dpr)), max(1, round(size.height() * dpr)))
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


# ----------------------------------------------------------------- painting


def _paint_breath(
    painter: QPainter, sprite: QPixmap, base: QColor, frame: DialFrame | None, reduced_motion: bool
) -> None:
    """Draw the cached shape scaled to this frame's radius, then a crisp rim at that radius."""
    radius, opacity = breath_geometry(frame, reduced_motion)
    painter.setOpacity(opacity * (PAUSED_DIM if frame is not None and frame.paused else 1.0))
    outer = (BREATH_MAX_RADIUS + GLOW) * radius / BREATH_MAX_RADIUS
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    painter.drawPixmap(QRectF(-outer, -outer, 2 * outer, 2 * outer), sprite, QRectF(sprite.rect()))
    # A one-pixel cosmetic pen takes Qt's fast path; a scaled pen is stroked as a path.
    rim = QPen(with_alpha(base, 0.9), 1.0)
    rim.setCosmetic(True)
    painter.setPen(rim)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(0.0, 0.0), radius, radius)


def _paint_shape(painter: QPainter, base: QColor, radius: float) -> None:
    """The breathing shape at ``radius``: one radial gradient for the body (lighter in its
    middle, denser towards the edge) and the glow that fades out around it."""
    outer = radius + GLOW * radius / BREATH_MAX_RADIUS
    edge = radius / outer
    shape = QRadialGradient(QPointF(0.0, 0.0), outer)
    shape.setColorAt(0.0, with_alpha(base, 0.35))
    shape.setColorAt(edge * 0.75, with_alpha(base, 0.55))
    shape.setColorAt(edge - 0.004, with_alpha(base, 0.80))
    shape.setColorAt(edge, with_alpha(base, 0.30))
    shape.setColorAt(1.0, with_alpha(base, 0.0))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(shape)
    painter.drawEllipse(QPointF(0.0, 0.0), outer, outer)


def _text_lines(frame: DialFrame, options: DialOptions) -> tuple[str, str, str, str]:
    """(label, time, cue, count): everything the text layer shows, and its cache key."""
    breath = frame.breath
    cue = options.paused_text if frame.paused else (breath.cue if breath is not None else "")
    cue = QCoreApplication.translate("Breathing", cue) if cue else cue  # core's words, in data
    count = ""
    if breath is not None and not frame.paused and breath.count > 0:
        count = str(breath.count)
    if options.eyes_closed:
        return "", "", cue, count
    return frame.label, format_remaining(frame.remaining_s), cue, count
