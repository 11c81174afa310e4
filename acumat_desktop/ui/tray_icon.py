"""The tray icon with a progress ring: session progress, or sitting time toward the limit.

Rendering happens only when the ring would visibly change (STEPS positions around the circle).
A ring icon paints its own pixmaps (``_RingEngine``): Qt's own icon engine puts what it paints
into the application's pixmap cache, whose flush timer then woke the idle app 2–3 times a
minute after each step of the sitting ring.
PySide6's ``Qt`` namespace is imported where a ring is drawn: creating its enums costs ~12 ms,
and the tray icon shows before anything else needs them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPen, QPixmap

STEPS = 48  # ring positions; finer changes are invisible at tray sizes
SIZES = (16, 22, 24, 32, 48, 64)

SESSION_COLOUR = QColor("#ffd166")
SITTING_COLOUR = QColor("#f4a261")
SITTING_FULL_COLOUR = QColor("#e76f51")


class ProgressIcon:
    def __init__(self, base: QIcon) -> None:
        self._base = base
        self._key: tuple[str, int] | None = None
        self._icon = base
        self._tracks: dict[int, QPixmap] | None = None  # the icon and its ring track, per size
        self.renders = 0

    @property
    def icon(self) -> QIcon:
        return self._icon

    def update(self, session: float | None, sitting: float | None) -> bool:
        """Set the fractions (0..1, or None to hide); True if the icon changed."""
        if session is not None:
            key = ("session", _step(session))
        elif sitting is not None:
            key = ("sitting", _step(sitting))
        else:
            key = ("none", 0)
        if key == self._key:
            return False
        self._key = key
        self._icon = self._render(*key)
        return True

    def _render(self, kind: str, step: int) -> QIcon:
        """Only the arc is drawn per step: the icon with its wide, antialiased track is
        rasterised once per size (re-drawing it woke Qt's pooled threads ~70 times a step)."""
        if kind == "none":
            return self._base
        self.renders += 1
        from PySide6.QtCore import Qt

        if self._tracks is None:
            self._tracks = {size: _with_track(self._base, size) for size in SIZES}
        if kind == "session":
            colour = SESSION_COLOUR
        else:
            colour = SITTING_FULL_COLOUR if step >= STEPS else SITTING_COLOUR
        pixmaps: dict[int, QPixmap] = {}
        for size, track in self._tracks.items():
            pixmap = QPixmap(track)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            width = _ring_width(size)
            pen = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawArc(_ring_rect(size), 90 * 16, -int(5760 * step / STEPS))
            painter.end()
            pixmaps[size] = pixmap
        return QIcon(_RingEngine(pixmaps))  # the icon owns its engine


class _RingEngine(QIconEngine):
    """Paints the nearest of its pixmaps (one per size in SIZES) straight onto the tray, and
    hands out pixmaps (a tray reached over D-Bus asks for them) without keeping copies."""

    def __init__(self, pixmaps: dict[int, QPixmap]) -> None:
        super().__init__()
        self._pixmaps = pixmaps

    def _nearest(self, side: int) -> QPixmap:
        """The smallest pixmap at least ``side`` wide (or the largest): drawn down, never up."""
        size = next((size for size in sorted(self._pixmaps) if size >= side), max(self._pixmaps))
        return self._pixmaps[size]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        side = min(rect.width(), rect.height())
        target = QRect(0, 0, side, side)
        target.moveCenter(rect.center())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(target, self._nearest(side))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        from PySide6.QtCore import Qt

        pixmap = self._nearest(max(size.width(), size.height()))
        if pixmap.size() == size:
            return pixmap
        return pixmap.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height(), max(self._pixmaps))
        return QSize(side, side)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(size, size) for size in sorted(self._pixmaps)]

    def clone(self) -> QIconEngine:
        return _RingEngine(dict(self._pixmaps))


def _ring_width(size: int) -> float:
    return max(2.0, size / 8)


def _ring_rect(size: int) -> QRectF:
    width = _ring_width(size)
    return QRectF(width / 2, width / 2, size - width, size - width)


def _with_track(base: QIcon, size: int) -> QPixmap:
    from PySide6.QtCore import Qt

    pixmap = base.pixmap(size, size)
    if pixmap.isNull():
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(0, 0, 0, 90), _ring_width(size)))
    painter.drawEllipse(_ring_rect(size))
    painter.end()
    return pixmap


def _step(fraction: float) -> int:
    return max(0, min(STEPS, round(fraction * STEPS)))
