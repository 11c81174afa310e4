"""This week's minutes on the mat as seven painted bars (no QtCharts needed).

Painting reads only the seven values and the palette; it runs when the data or the size changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SCALE_MINUTES = 20.0  # a short first week still shows bars of honest height


def day_name(day: date) -> str:
    return day.strftime("%a")


def chart_description(days: Sequence[tuple[date, float]]) -> str:
    """The chart in words for screen readers: ``Mon 20 min, Tue none, ...``."""
    parts = [f"{day_name(d)} {round(m)} min" if m > 0 else f"{day_name(d)} none" for d, m in days]
    return ", ".join(parts)


class WeekChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeekChart")
        self.setAccessibleName(self.tr("Minutes on the mat this week"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)
        self._days: list[tuple[date, float]] = []
        self._today: date | None = None

    def sizeHint(self) -> QSize:
        return QSize(420, 150)

    def set_days(self, days: Sequence[tuple[date, float]], today: date | None = None) -> None:
        self._days = list(days)
        self._today = today
        self.setAccessibleDescription(chart_description(self._days))
        self.update()

    def days(self) -> list[tuple[date, float]]:
        return list(self._days)

    def bar_rects(self) -> list[QRectF]:
        """Each day's bar in widget coordinates (height 0 for a day without minutes)."""
        if not self._days:
            return []
        fm = QFontMetrics(self.font())
        top = fm.height() + 6
        bottom = self.height() - fm.height() - 8
        usable = max(1.0, bottom - top)
        slot = self.width() / len(self._days)
        width = min(44.0, slot * 0.56)
        scale = max(MIN_SCALE_MINUTES, max(m for _, m in self._days))
        rects = []
        for i, (_, minutes) in enumerate(self._days):
            height = usable * (minutes / scale) if minutes > 0 else 0.0
            if 0 < height < 3:
                height = 3.0  # a minute or two is still visible
            x = slot * i + (slot - width) / 2
            rects.append(QRectF(x, bottom - height, width, height))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        soft = QColor(accent)
        soft.setAlphaF(0.55)
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        fm = QFontMetrics(self.font())
        bottom = self.height() - fm.height() - 8
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, int(bottom) + 1, self.width(), int(bottom) + 1)
        slot = self.width() / max(1, len(self._days))
        bold = QFont(self.font())
        bold.setBold(True)
        for i, ((day, minutes), rect) in enumerate(zip(self._days, self.bar_rects(), strict=True)):
            is_today = day == self._today
            if rect.height() > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent if is_today else soft)
                radius = min(6.0, rect.width() / 2, rect.height() / 2)
                painter.drawRoundedRect(rect, radius, radius)
                painter.setPen(text)
                label_rect = QRectF(
                    rect.left() - 12, rect.top() - fm.height() - 3, rect.width() + 24, fm.height()
                )
                painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignCenter), f"{round(minutes)}")
            x = slot * i
            painter.setFont(bold if is_today else self.font())
            painter.setPen(text if is_today else muted)
            painter.drawText(
                QRectF(x, bottom + 4, slot, fm.height() + 2),
                int(Qt.AlignmentFlag.AlignCenter),
                day_name(day),
            )
            painter.setFont(self.font())
        painter.end()
