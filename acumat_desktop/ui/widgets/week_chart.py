"""A week's or a month's minutes on the mat as painted bars (no QtCharts needed), and beneath a
week's day names, when there is any, the time sat at the desk each day as a quiet line with its
hours. A month's days are named by their number, as many as fit.

Painting reads only the values and the palette; it runs when the data or the size changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

MIN_SCALE_MINUTES = 20.0  # a short first week still shows bars of honest height
SITTING_SCALE_S = 8 * 3600.0  # a full working day fills the sitting line
TRACK_H = 5.0
ROW_GAP = 8  # between the day names and the sitting row's caption
BARS_MIN_H, BARS_MAX_H = 130, 230  # the bars' room: the chart grows between these with the page


def day_name(day: date) -> str:
    """The short day name in the interface's language ("Mon", "Mo.")."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def _tr(text: str, disambiguation: str | None = None) -> str:
    return QCoreApplication.translate("WeekChart", text, disambiguation)


def _spoken_day(day: date, many: bool) -> str:
    if not many:
        return day_name(day)
    month = QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)
    return _tr("%1 %2", "day, month").replace("%1", str(day.day)).replace("%2", month)


def chart_description(
    days: Sequence[tuple[date, float]], sitting: Sequence[tuple[date, float]] = ()
) -> str:
    """The chart in words for screen readers: ``Mon 20 min, Tue none, ...``, then the desk."""
    many = len(days) > 7
    parts = [
        _tr("%1 %2 min").replace("%1", _spoken_day(d, many)).replace("%2", str(round(m)))
        if m > 0
        else _tr("%1 none").replace("%1", _spoken_day(d, many))
        for d, m in days
    ]
    text = ", ".join(parts)
    if any(s > 0 for _, s in sitting):
        desk = [f"{day_name(d)} {sitting_label(s)}" for d, s in sitting]
        text += _tr(". Sitting at the desk: %1").replace("%1", ", ".join(desk))
    return text


def sitting_label(seconds: float) -> str:
    """``6 h 05``, ``45 min``, ``<1 min``, or ``none``."""
    if seconds <= 0:
        return _tr("none")
    if seconds < 60:
        return _tr("<1 min")
    minutes = round(seconds / 60)
    if minutes < 60:
        return _tr("%1 min").replace("%1", str(minutes))
    hours, rest = divmod(minutes, 60)
    return _tr("%1 h %2").replace("%1", str(hours)).replace("%2", f"{rest:02d}")


class WeekChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WeekChart")
        self.setAccessibleName(self.tr("Minutes on the mat this week"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._days: list[tuple[date, float]] = []
        self._sitting: list[tuple[date, float]] = []
        self._today: date | None = None
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(420, 150 + self._sitting_height())

    def set_days(self, days: Sequence[tuple[date, float]], today: date | None = None) -> None:
        self._days = list(days)
        self._today = today
        self._describe()
        self.update()

    def days(self) -> list[tuple[date, float]]:
        return list(self._days)

    def set_sitting(self, days: Sequence[tuple[date, float]]) -> None:
        """Seconds sat at the desk on each of the week's days; all zero hides the row."""
        self._sitting = list(days)
        self._fit_height()
        self._describe()
        self.update()

    def _fit_height(self) -> None:
        extra = self._sitting_height()
        self.setMinimumHeight(BARS_MIN_H + extra)
        self.setMaximumHeight(BARS_MAX_H + extra)
        self.updateGeometry()

    def sitting(self) -> list[tuple[date, float]]:
        return list(self._sitting)

    def shows_sitting(self) -> bool:
        return any(seconds > 0 for _, seconds in self._sitting)

    def _describe(self) -> None:
        self.setAccessibleDescription(chart_description(self._days, self._sitting))

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        return font

    def _sitting_height(self) -> int:
        if not self.shows_sitting():
            return 0
        sfm = QFontMetrics(self._small_font())
        return int(sfm.height() * 2 + TRACK_H + 14 + ROW_GAP)

    def _baseline(self) -> float:
        fm = QFontMetrics(self.font())
        return self.height() - fm.height() - 8 - self._sitting_height()

    def sitting_rects(self) -> list[QRectF]:
        """Each day's sitting fill in widget coordinates (empty when the row is hidden)."""
        if not self.shows_sitting():
            return []
        tracks = self._sitting_tracks()
        scale = max(SITTING_SCALE_S, max(s for _, s in self._sitting))
        return [
            QRectF(t.left(), t.top(), t.width() * min(1.0, s / scale), t.height())
            for t, (_, s) in zip(tracks, self._sitting, strict=True)
        ]

    def _sitting_tracks(self) -> list[QRectF]:
        fm = QFontMetrics(self.font())
        sfm = QFontMetrics(self._small_font())
        y = self._baseline() + fm.height() + 8 + ROW_GAP + sfm.height() + 4
        slot = self.width() / max(1, len(self._sitting))
        width = min(64.0, slot * 0.66)
        return [
            QRectF(slot * i + (slot - width) / 2, y, width, TRACK_H)
            for i in range(len(self._sitting))
        ]

    def bar_rects(self) -> list[QRectF]:
        """Each day's bar in widget coordinates (height 0 for a day without minutes)."""
        if not self._days:
            return []
        fm = QFontMetrics(self.font())
        top = fm.height() + 6
        bottom = self._baseline()
        usable = max(1.0, bottom - top)
        slot = self.width() / len(self._days)
        width = min(44.0, slot * (0.56 if len(self._days) <= 7 else 0.7))
        scale = max(MIN_SCALE_MINUTES, max(m for _, m in self._days))
        rects = []
        for i, (_, minutes) in enumerate(self._days):
            height = usable * (minutes / scale) if minutes > 0 else 0.0
            if 0 < height < 3:
                height = 3.0  # a minute or two is still visible
            x = slot * i + (slot - width) / 2
            rects.append(QRectF(x, bottom - height, width, height))
        return rects

    def _names_day(self, day: date) -> bool:
        """In a narrow month: today, the 1st and every 5th day, but none beside today."""
        if day == self._today:
            return True
        beside = self._today is not None and abs((day - self._today).days) == 1
        return not beside and (day.day == 1 or day.day % 5 == 0)

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
        bottom = self._baseline()
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, int(bottom) + 1, self.width(), int(bottom) + 1)
        slot = self.width() / max(1, len(self._days))
        bold = QFont(self.font())
        bold.setBold(True)
        many = len(self._days) > 7
        figures_fit = slot >= fm.horizontalAdvance("888") + 4
        for i, ((day, minutes), rect) in enumerate(zip(self._days, self.bar_rects(), strict=True)):
            is_today = day == self._today
            if rect.height() > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent if is_today else soft)
                radius = min(6.0, rect.width() / 2, rect.height() / 2)
                painter.drawRoundedRect(rect, radius, radius)
                if figures_fit:
                    painter.setPen(text)
                    label_rect = QRectF(
                        rect.left() - 12,
                        rect.top() - fm.height() - 3,
                        rect.width() + 24,
                        fm.height(),
                    )
                    painter.drawText(
                        label_rect, int(Qt.AlignmentFlag.AlignCenter), f"{round(minutes)}"
                    )
            if many and not figures_fit and not self._names_day(day):
                continue
            painter.setFont(bold if is_today else self.font())
            painter.setPen(text if is_today else muted)
            painter.drawText(
                QRectF(slot * i - 6, bottom + 4, slot + 12, fm.height() + 2),
                int(Qt.AlignmentFlag.AlignCenter),
                str(day.day) if many else day_name(day),
            )
            painter.setFont(self.font())
        if self.shows_sitting():
            self._paint_sitting(painter)
        painter.end()

    def _paint_sitting(self, painter: QPainter) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        track = QColor(palette.color(QPalette.ColorRole.Mid))
        track.setAlphaF(0.35)
        fill = QColor(text)
        fill.setAlphaF(0.42)
        small = self._small_font()
        bold = QFont(small)
        bold.setBold(True)
        sfm = QFontMetrics(small)
        tracks = self._sitting_tracks()
        if not tracks:
            return
        painter.setFont(small)
        painter.setPen(muted)
        words = self.tr("Sitting at the desk")
        caption = QRectF(0, tracks[0].top() - sfm.height() - 3, self.width(), sfm.height())
        painter.drawText(
            caption, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter), words
        )
        half = sfm.horizontalAdvance(words) / 2 + 10
        rule_y = caption.center().y()
        painter.setPen(track)
        for x0, x1 in (
            (tracks[0].left(), caption.center().x() - half),
            (caption.center().x() + half, tracks[-1].right()),
        ):
            if x1 > x0:
                painter.drawLine(QPointF(x0, rule_y), QPointF(x1, rule_y))
        slot = self.width() / len(tracks)
        for i, (t, f, (day, seconds)) in enumerate(
            zip(tracks, self.sitting_rects(), self._sitting, strict=True)
        ):
            radius = TRACK_H / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(t, radius, radius)
            if f.width() > 0:
                painter.setBrush(fill)
                painter.drawRoundedRect(
                    QRectF(f.left(), f.top(), max(f.width(), TRACK_H), f.height()), radius, radius
                )
            is_today = day == self._today
            painter.setFont(bold if is_today else small)
            painter.setPen(text if is_today and seconds > 0 else muted)
            label = sitting_label(seconds) if seconds > 0 else "–"
            painter.drawText(
                QRectF(slot * i, t.bottom() + 3, slot, sfm.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )
        painter.setFont(self.font())
