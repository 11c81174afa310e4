"""The breathing dial: the large custom-painted session timer at the centre of a session.

It paints on a logical 200 x 200 canvas centred on the widget (like the PySide6 ``analogclock``
example), so every size and device pixel ratio gets the same picture:

* a faint track ring with the remaining-time arc over it (the track and the background are
  cached in a QPixmap keyed by size, device pixel ratio and colours);
* the remaining minutes and seconds, big, in the centre (hidden in eyes-closed mode);
* behind them the breathing shape, a soft disc that grows on the inhale, holds, and shrinks on the
  exhale; in reduced-motion mode it keeps one size and only its opacity changes gently;
* the cue in words ("Breathe in") and the count under the time.

The dial only reads: each frame it calls its source for a :class:`DialFrame`. Its frame timer
runs only while the dial is visible, animating is on and the frame is not paused.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import (
    Property,
    QEvent,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QRadialGradient,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from acumat_desktop.ui.widgets.dial_frame import DialFrame, format_remaining

log = logging.getLogger(__name__)

FrameSource = Callable[[], DialFrame]

# Geometry on the logical canvas (-100 .. 100 on both axes).
_CANVAS = 200.0
_RING_RADIUS = 88.0
_RING_WIDTH = 5.0
_BREATH_MIN_RADIUS = 30.0
_BREATH_MAX_RADIUS = 68.0
_BREATH_STILL_RADIUS = 56.0  # reduced motion and routines without breathing guidance
_GLOW = 9.0  # logical width of the soft glow around the breathing shape
_STILL_MIN_OPACITY = 0.30
_STILL_MAX_OPACITY = 0.80

# Reduced motion only fades an opacity, so a slow frame rate is indistinguishable and cheaper.
_REDUCED_MOTION_INTERVAL_MS = 50
_FALLBACK_REFRESH_HZ = 60.0


class BreathDial(QWidget):
    """Circular session timer with a breathing guide inside it.

    Colours come from the palette unless set through the Qt properties ``ringColor``,
    ``trackColor``, ``breathColor`` and ``textColor`` (so a style sheet can set them with
    ``qproperty-ringColor: #6a9``); an invalid QColor returns a property to the palette.
    """

    def __init__(self, source: FrameSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._frame: DialFrame | None = None
        self._animating = False
        self._reduced_motion = False
        self._eyes_closed = False
        self._colors: dict[str, QColor] = {}
        self._ring_cache: QPixmap | None = None
        self._ring_key: tuple[object, ...] | None = None
        self._ring_builds = 0

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)

        # The dial paints every pixel it owns (the cached ring includes the background), so Qt
        # need not repaint the parent under it: a frame touches only the dial's rectangle.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Session timer"))
        self.setAccessibleDescription(self.tr("No session"))

    # ----------------------------------------------------------------- public API

    def set_source(self, source: FrameSource | None) -> None:
        """Read frames from ``source`` from now on (None shows an empty dial)."""
        self._source = source
        self.refresh()

    def set_animating(self, on: bool) -> None:
        """Switch the frame timer on while a session runs; off repaints once and stops."""
        self._animating = on
        self.refresh()

    def is_animating(self) -> bool:
        return self._animating

    def set_reduced_motion(self, on: bool) -> None:
        """No scaling: the breathing shape keeps one size and only its opacity changes."""
        self._reduced_motion = on
        self._apply_interval()
        self.update()

    def reduced_motion(self) -> bool:
        return self._reduced_motion

    def set_eyes_closed(self, on: bool) -> None:
        """Hide the numbers, keep the breathing guide: for sessions with eyes closed."""
        self._eyes_closed = on
        self.update()

    def eyes_closed(self) -> bool:
        return self._eyes_closed

    def frame_timer(self) -> QTimer:
        """The one timer the dial owns (exposed for tests and diagnostics)."""
        return self._timer

    def ring_cache_builds(self) -> int:
        """How many times the static ring has been painted into its cache."""
        return self._ring_builds

    def current_frame(self) -> DialFrame | None:
        return self._frame

    def refresh(self) -> None:
        """Read one frame from the source, repaint the dial's rectangle, start or stop the timer."""
        self._frame = self._source() if self._source is not None else None
        self._update_description()
        self.update()
        self._sync_timer()

    # ----------------------------------------------------------------- colour properties

    def _color(self, name: str) -> QColor:
        explicit = self._colors.get(name)
        if explicit is not None and explicit.isValid():
            return QColor(explicit)
        pal = self.palette()
        if name == "ring":
            return pal.color(QPalette.ColorRole.Highlight)
        if name == "track":
            track = QColor(pal.color(QPalette.ColorRole.WindowText))
            track.setAlphaF(0.10)
            return track
        if name == "breath":
            return _mix(
                pal.color(QPalette.ColorRole.Highlight), pal.color(QPalette.ColorRole.Window), 0.2
            )
        return pal.color(QPalette.ColorRole.WindowText)

    def _set_color(self, name: str, color: QColor) -> None:
        self._colors[name] = QColor(color)
        self._ring_key = None
        self.update()

    def _get_ring_color(self) -> QColor:
        return self._color("ring")

    def _set_ring_color(self, color: QColor) -> None:
        self._set_color("ring", color)

    def _get_track_color(self) -> QColor:
        return self._color("track")

    def _set_track_color(self, color: QColor) -> None:
        self._set_color("track", color)

    def _get_breath_color(self) -> QColor:
        return self._color("breath")

    def _set_breath_color(self, color: QColor) -> None:
        self._set_color("breath", color)

    def _get_text_color(self) -> QColor:
        return self._color("text")

    def _set_text_color(self, color: QColor) -> None:
        self._set_color("text", color)

    ringColor = Property(QColor, _get_ring_color, _set_ring_color)
    trackColor = Property(QColor, _get_track_color, _set_track_color)
    breathColor = Property(QColor, _get_breath_color, _set_breath_color)
    textColor = Property(QColor, _get_text_color, _set_text_color)

    # ----------------------------------------------------------------- sizing

    def sizeHint(self) -> QSize:
        return QSize(360, 360)

    def minimumSizeHint(self) -> QSize:
        return QSize(180, 180)

    def hasHeightForWidth(self) -> bool:
        return False

    # ----------------------------------------------------------------- timer and visibility

    def _should_run(self) -> bool:
        if not (self._animating and self._source is not None and self.isVisible()):
            return False
        if self.window().isMinimized():
            # Minimising sends a spontaneous hide event yet leaves isVisible() true: a session
            # event arriving meanwhile must not restart the animation.
            return False
        return not (self._frame is not None and self._frame.paused)

    def _sync_timer(self) -> None:
        if self._should_run():
            if not self._timer.isActive():
                self._apply_interval()
                self._timer.start()
        elif self._timer.isActive():
            self._timer.stop()

    def _apply_interval(self) -> None:
        if self._reduced_motion:
            self._timer.setInterval(_REDUCED_MOTION_INTERVAL_MS)
            return
        screen = self.screen()
        hz = screen.refreshRate() if screen is not None else 0.0
        if not hz or hz < 20.0:
            hz = _FALLBACK_REFRESH_HZ
        self._timer.setInterval(max(4, round(1000.0 / hz)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._ring_key = None
            self.update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._ring_key = None

    # ----------------------------------------------------------------- accessibility

    def _update_description(self) -> None:
        text = self._describe()
        if text != self.accessibleDescription():
            self.setAccessibleDescription(text)

    def _describe(self) -> str:
        frame = self._frame
        if frame is None:
            return self.tr("No session")
        parts: list[str] = []
        if frame.paused:
            parts.append(self.tr("Paused"))
        elif frame.breath is not None:
            parts.append(frame.breath.cue)
        # Whole minutes only: assistive technology hears a change once a minute, not a second.
        minutes = math.ceil(max(0.0, frame.remaining_s) / 60.0 - 1e-9)
        if minutes > 1:
            parts.append(self.tr("%1 minutes left").replace("%1", str(minutes)))
        elif minutes == 1:
            parts.append(self.tr("About a minute left"))
        else:
            parts.append(self.tr("Time is up"))
        return ". ".join(parts)

    # ----------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.drawPixmap(0, 0, self._ring_pixmap())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            self._to_canvas(painter)
            frame = self._frame
            self._paint_breath(painter, frame)
            self._paint_arc(painter, frame)
            self._paint_text(painter, frame)
        finally:
            painter.end()

    def _to_canvas(self, painter: QPainter) -> None:
        side = min(self.width(), self.height())
        painter.translate(self.width() / 2.0, self.height() / 2.0)
        painter.scale(side / _CANVAS, side / _CANVAS)

    def _ring_pixmap(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        background = self.palette().color(QPalette.ColorRole.Window)
        track = self._color("track")
        key = (self.width(), self.height(), dpr, background.rgba(), track.rgba())
        if self._ring_cache is not None and key == self._ring_key:
            return self._ring_cache
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(background)
        painter = QPainter(pixmap)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._to_canvas(painter)
            pen = QPen(track, _RING_WIDTH)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0.0, 0.0), _RING_RADIUS, _RING_RADIUS)
        finally:
            painter.end()
        self._ring_cache, self._ring_key = pixmap, key
        self._ring_builds += 1
        log.debug("dial ring cache rebuilt (%s)", key)
        return pixmap

    def _paint_arc(self, painter: QPainter, frame: DialFrame | None) -> None:
        if frame is None:
            return
        fraction = frame.fraction_left
        if fraction <= 0.0:
            return
        color = self._color("ring")
        if frame.paused:
            color.setAlphaF(color.alphaF() * 0.45)
        pen = QPen(color, _RING_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(-_RING_RADIUS, -_RING_RADIUS, 2 * _RING_RADIUS, 2 * _RING_RADIUS)
        # Qt angles are 1/16 degree, counter-clockwise from 3 o'clock; start at 12, run clockwise.
        painter.drawArc(rect, 90 * 16, -round(fraction * 360 * 16))

    def breath_radius_and_opacity(self, frame: DialFrame | None) -> tuple[float, float]:
        """The breathing shape's logical radius and opacity for ``frame``."""
        if frame is None:
            return _BREATH_STILL_RADIUS, _STILL_MIN_OPACITY
        if frame.breath is None:
            return _BREATH_STILL_RADIUS, (_STILL_MIN_OPACITY + _STILL_MAX_OPACITY) / 2
        scale = min(1.0, max(0.0, frame.breath.scale))
        if self._reduced_motion:
            opacity = _STILL_MIN_OPACITY + (_STILL_MAX_OPACITY - _STILL_MIN_OPACITY) * scale
            return _BREATH_STILL_RADIUS, opacity
        radius = _BREATH_MIN_RADIUS + (_BREATH_MAX_RADIUS - _BREATH_MIN_RADIUS) * scale
        return radius, 1.0

    def _paint_breath(self, painter: QPainter, frame: DialFrame | None) -> None:
        radius, opacity = self.breath_radius_and_opacity(frame)
        base = self._color("breath")
        painter.save()
        painter.setOpacity(opacity * (0.6 if frame is not None and frame.paused else 1.0))
        painter.setPen(Qt.PenStyle.NoPen)
        # A glow that fades out around the shape, then the body, lighter in its middle, then a
        # fine rim so the size reads clearly even in a pale palette.
        glow = QRadialGradient(QPointF(0.0, 0.0), radius + _GLOW)
        edge = radius / (radius + _GLOW)
        glow.setColorAt(edge, _with_alpha(base, 0.30))
        glow.setColorAt(1.0, _with_alpha(base, 0.0))
        painter.setBrush(glow)
        painter.drawEllipse(QPointF(0.0, 0.0), radius + _GLOW, radius + _GLOW)
        body = QRadialGradient(QPointF(0.0, 0.0), radius)
        body.setColorAt(0.0, _with_alpha(base, 0.35))
        body.setColorAt(0.75, _with_alpha(base, 0.55))
        body.setColorAt(1.0, _with_alpha(base, 0.80))
        painter.setBrush(body)
        painter.drawEllipse(QPointF(0.0, 0.0), radius, radius)
        painter.setPen(QPen(_with_alpha(base, 0.9), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(0.0, 0.0), radius, radius)
        painter.restore()

    def _paint_text(self, painter: QPainter, frame: DialFrame | None) -> None:
        text_color = self._color("text")
        painter.setPen(text_color)
        if frame is None:
            return
        cue = self.tr("Paused") if frame.paused else (frame.breath.cue if frame.breath else "")
        count = ""
        if frame.breath is not None and not frame.paused and frame.breath.count > 0:
            count = str(frame.breath.count)
        if self._eyes_closed:
            painter.setFont(_font(self.font(), 15.0, QFont.Weight.Normal))
            painter.drawText(QRectF(-70, -14, 140, 22), Qt.AlignmentFlag.AlignCenter, cue)
            painter.setFont(_font(self.font(), 9.0, QFont.Weight.Normal))
            painter.drawText(QRectF(-40, 10, 80, 14), Qt.AlignmentFlag.AlignCenter, count)
            return
        if frame.label:
            soft = QColor(text_color)
            soft.setAlphaF(text_color.alphaF() * 0.7)
            painter.setPen(soft)
            painter.setFont(_font(self.font(), 7.5, QFont.Weight.Normal))
            painter.drawText(QRectF(-60, -42, 120, 12), Qt.AlignmentFlag.AlignCenter, frame.label)
            painter.setPen(text_color)
        painter.setFont(_font(self.font(), 30.0, QFont.Weight.Light))
        painter.drawText(
            QRectF(-70, -30, 140, 40),
            Qt.AlignmentFlag.AlignCenter,
            format_remaining(frame.remaining_s),
        )
        painter.setFont(_font(self.font(), 9.5, QFont.Weight.Normal))
        painter.drawText(QRectF(-70, 12, 140, 14), Qt.AlignmentFlag.AlignCenter, cue)
        if count:
            soft = QColor(text_color)
            soft.setAlphaF(text_color.alphaF() * 0.7)
            painter.setPen(soft)
            painter.setFont(_font(self.font(), 8.0, QFont.Weight.Normal))
            painter.drawText(QRectF(-40, 27, 80, 12), Qt.AlignmentFlag.AlignCenter, count)


def _font(base: QFont, pixel_size: float, weight: QFont.Weight) -> QFont:
    """A copy of ``base`` sized in logical canvas units (the painter's scale does the rest)."""
    font = QFont(base)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    return font


def _with_alpha(color: QColor, share: float) -> QColor:
    """``color`` with its alpha multiplied by ``share``."""
    out = QColor(color)
    out.setAlphaF(color.alphaF() * share)
    return out


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a share ``t`` towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )
