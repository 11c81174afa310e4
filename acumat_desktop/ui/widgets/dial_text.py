"""The breathing dial's words: the cue and count inside the breathing shape, the time below it.

Everything is drawn on the dial's logical canvas (see ``dial_painting``) in fixed boxes, so no
string can move or resize anything else; a word too wide for its box is set smaller.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

# The time sits in the band between the shape at its largest (glow included) and the ring.
TIME_AREA = QRectF(-24.0, 69.0, 48.0, 12.0)
_WORD_BOX = QRectF(-46.0, -12.0, 92.0, 17.0)  # the cue, or a label such as "Starting in 3"
_COUNT_BOX = QRectF(-20.0, 7.0, 40.0, 12.0)
_WORD_PX = 11.0  # the cue's size on the canvas (eyes closed: _WORD_PX_EYES_CLOSED)
_WORD_PX_EYES_CLOSED = 13.0
_LABEL_PX = 9.5
_COUNT_PX = 8.0
_TIME_PX = 8.0
_FIT_SHARE = 0.84  # the words' width at most this share of the shape's diameter


def paint_words(
    painter: QPainter,
    color: QColor,
    base_font: QFont,
    lines: tuple[str, str, str],
    eyes_closed: bool,
    radius: float,
) -> None:
    """The cue (or a label) and the count, inside the breathing shape at its smallest: a word
    too wide for it is set smaller, never spilled past its edge."""
    label, cue, count = lines
    centre = Qt.AlignmentFlag.AlignCenter
    room = 2 * radius * _FIT_SHARE
    word, px = (label, _LABEL_PX)
    if cue:
        word, px = cue, (_WORD_PX_EYES_CLOSED if eyes_closed else _WORD_PX)
    if word:
        painter.setPen(color)
        painter.setFont(_fitted(base_font, px, QFont.Weight.Normal, word, room))
        painter.drawText(_WORD_BOX, centre, word)
    if count:
        painter.setPen(with_alpha(color, 0.7))
        painter.setFont(_font(base_font, _COUNT_PX, QFont.Weight.Normal))
        painter.drawText(_COUNT_BOX, centre, count)


def paint_time(painter: QPainter, color: QColor, base_font: QFont, time_text: str) -> None:
    """The time left, small and soft, below the breathing shape."""
    painter.setPen(with_alpha(color, 0.8))
    painter.setFont(
        _fitted(base_font, _TIME_PX, QFont.Weight.Normal, time_text, TIME_AREA.width() - 2)
    )
    painter.drawText(TIME_AREA, Qt.AlignmentFlag.AlignCenter, time_text)


def _fitted(base: QFont, pixel_size: float, weight: QFont.Weight, text: str, width: float) -> QFont:
    """``_font`` at ``pixel_size``, or smaller if ``text`` would be wider than ``width``."""
    probe = _font(base, 100.0, weight)
    advance = QFontMetricsF(probe).horizontalAdvance(text)
    if advance > 0:
        pixel_size = min(pixel_size, math.floor(100.0 * width / advance))
    return _font(base, pixel_size, weight)


def _font(base: QFont, pixel_size: float, weight: QFont.Weight) -> QFont:
    """A copy of ``base`` sized in logical canvas units (the painter's scale does the rest)."""
    font = QFont(base)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setWeight(weight)
    return font


def with_alpha(color: QColor, share: float) -> QColor:
    """``color`` with its alpha multiplied by ``share``."""
    out = QColor(color)
    out.setAlphaF(color.alphaF() * share)
    return out
