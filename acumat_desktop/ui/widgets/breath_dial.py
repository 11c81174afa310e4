"""The breathing dial: the large custom-painted session timer at the centre of a session.

It shows a fine remaining-time ring, inside it the breathing shape that grows on the inhale,
holds and shrinks on the exhale, with the cue in words and the count inside the shape (sized to
fit it at its smallest), and below the shape, small, the minutes and seconds (hidden in
eyes-closed mode); in reduced-motion mode the shape keeps one size and only its opacity changes.
The session page sets the dynamic property ``evening`` for the style sheet's evening colours.
How it is drawn and cached lives in ``dial_painting`` (the words in ``dial_text``); this module
is the widget's life: the frame timer, visibility, colours, accessibility.

The dial only reads: each frame it calls its source for a :class:`DialFrame`. Its frame timer
runs only while the dial is visible (and its window not minimised), animating is on and the
frame is not paused; a frame repaints only the part of the dial that visibly changed (the shape
once its edge moved a whole device pixel, the arc once its end did, the text when a string
changed). Between frames the timer sleeps until the next thing that can change (``dial_pacing``):
the shape's next pixel, the hold's end, a number's tick, the arc's next step.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import (
    Property,
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from acumat_desktop.ui.widgets.dial_frame import DialFrame
from acumat_desktop.ui.widgets.dial_pacing import quiet_for
from acumat_desktop.ui.widgets.dial_painting import DialColors, DialOptions, DialPainter

log = logging.getLogger(__name__)

FrameSource = Callable[[], DialFrame]

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
        self._painted: DialFrame | None = None  # the frame last painted, for damage
        self._animating = False
        self._reduced_motion = False
        self._eyes_closed = False
        self._colors: dict[str, QColor] = {}
        self._painter = DialPainter()

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
        self._sync_timer()
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
        return self._painter.builds()["ring"]

    def cache_builds(self) -> dict[str, int]:
        """Rebuilds of each cached layer: ``ring``, ``arc`` and ``text``."""
        return self._painter.builds()

    def current_frame(self) -> DialFrame | None:
        return self._frame

    def refresh(self) -> None:
        """Read one frame from the source, repaint the dial's rectangle, start or stop the timer."""
        self._frame = self._source() if self._source is not None else None
        self._update_description()
        dirty = self._painter.damage(
            self.size(), self.devicePixelRatioF(), self._painted, self._frame, self._options()
        )
        if dirty is not None:
            self.update(dirty)
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
        self._painter.invalidate()
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
        """Sleep until the next visible change can be due: a whole pixel of the moving shape, a
        second, the arc's step, the end of a hold; never shorter than a frame."""
        if not self._should_run():
            if self._timer.isActive():
                self._timer.stop()
            return
        frame_ms = self._frame_interval_ms()
        quiet_ms = 1000.0 * quiet_for(
            self.size(),
            self.devicePixelRatioF(),
            self._frame,
            self._options(),
            self._painter.shape_shown(),
        )
        wait_ms = math.ceil(quiet_ms) + 1 if quiet_ms > frame_ms else frame_ms
        if not self._timer.isActive() or self._timer.interval() != wait_ms:
            self._timer.start(wait_ms)

    def _frame_interval_ms(self) -> int:
        if self._reduced_motion:
            return _REDUCED_MOTION_INTERVAL_MS
        screen = self.screen()
        hz = screen.refreshRate() if screen is not None else 0.0
        if not hz or hz < 20.0:
            hz = _FALLBACK_REFRESH_HZ
        return max(4, round(1000.0 / hz))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._painter.invalidate()
            self.update()
        super().changeEvent(event)

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
            parts.append(QCoreApplication.translate("Breathing", frame.breath.cue))
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

    def colors(self) -> DialColors:
        """The colours in use now: explicit properties, else the palette."""
        return DialColors(
            background=self.palette().color(QPalette.ColorRole.Window),
            track=self._color("track"),
            ring=self._color("ring"),
            breath=self._color("breath"),
            text=self._color("text"),
        )

    def _options(self) -> DialOptions:
        return DialOptions(self._reduced_motion, self._eyes_closed, self.tr("Paused"))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            options = self._options()
            self._painted = self._frame
            if QRegion(self.rect()).subtracted(event.region()).isEmpty():  # all of it
                self._painter.painted_whole(self._frame, options)
            self._painter.paint(
                painter,
                self.size(),
                self.devicePixelRatioF(),
                self.colors(),
                self.font(),
                self._frame,
                options,
            )
        finally:
            painter.end()


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved a share ``t`` towards ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )
