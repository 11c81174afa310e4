"""A small speaker, painted in the palette's text colour: the one icon that opens the sound
controls (no icon theme is needed, so it looks the same on every desktop)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

_SIZES = (16, 20, 24, 32, 48)


def speaker_icon(color: QColor, muted: bool = False) -> QIcon:
    """A speaker with two sound waves, or with a cross when ``muted``."""
    icon = QIcon()
    for side in _SIZES:
        icon.addPixmap(_speaker(side, color, muted))
    return icon


def _speaker(side: int, color: QColor, muted: bool) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.scale(side / 24.0, side / 24.0)
    body = QPainterPath()
    body.moveTo(3.5, 9.0)
    body.lineTo(7.5, 9.0)
    body.lineTo(12.0, 5.0)
    body.lineTo(12.0, 19.0)
    body.lineTo(7.5, 15.0)
    body.lineTo(3.5, 15.0)
    body.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(body)
    pen = QPen(color, 1.8)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if muted:
        painter.drawLine(QPointF(15.5, 9.5), QPointF(20.5, 14.5))
        painter.drawLine(QPointF(20.5, 9.5), QPointF(15.5, 14.5))
    else:
        for radius in (4.0, 7.5):
            rect = QRectF(12.0 - radius, 12.0 - radius, 2 * radius, 2 * radius)
            painter.drawArc(rect, -45 * 16, 90 * 16)
    painter.end()
    return pixmap
