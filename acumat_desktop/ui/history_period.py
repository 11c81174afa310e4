"""The stretch of time the history page shows, a week or a month stepped back and forth, and
the bar that chooses it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from acumat_desktop.core.history import SessionRecord, week_start

TOGGLE_STYLE = """
QPushButton#periodToggle {
    padding: 3px 14px; border: 1px solid palette(mid); border-radius: 4px;
    background: palette(base);
}
QPushButton#periodToggle:hover { border-color: palette(highlight); }
QPushButton#periodToggle:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QPushButton#periodToggle:focus { border: 2px solid palette(highlight); }
QPushButton#periodToggle:checked:focus { border: 2px solid palette(text); }
"""
"""Week and Month show which is chosen as the goal chips do, filled with the accent: Fusion's
own pressed look for a checked button is all but invisible in the dark theme."""


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"


@dataclasses.dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date  # the first day

    @property
    def end(self) -> date:
        """The day after the last one."""
        if self.kind is PeriodKind.WEEK:
            return self.start + timedelta(days=7)
        year, month = divmod(self.start.month, 12)
        return date(self.start.year + year, month + 1, 1)

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days)]

    def contains(self, day: date) -> bool:
        return self.start <= day < self.end

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` weeks or months later (earlier when negative)."""
        if self.kind is PeriodKind.WEEK:
            return Period(self.kind, self.start + timedelta(days=7 * steps))
        months = self.start.year * 12 + self.start.month - 1 + steps
        return Period(self.kind, date(months // 12, months % 12 + 1, 1))

    def bounds(self, tz: tzinfo | None) -> tuple[datetime, datetime]:
        """The period as aware moments (``tz`` is the person's), the end exclusive."""
        return (
            datetime.combine(self.start, time(), tzinfo=tz),
            datetime.combine(self.end, time(), tzinfo=tz),
        )


def period_of(kind: PeriodKind, today: date, first_weekday: int = 0) -> Period:
    """The week or month that holds ``today``."""
    if kind is PeriodKind.WEEK:
        return Period(kind, week_start(today, first_weekday))
    return Period(kind, today.replace(day=1))


def day_minutes(records: Iterable[SessionRecord], days: list[date]) -> list[tuple[date, float]]:
    """Each of ``days`` with the minutes on the mat that day."""
    totals = dict.fromkeys(days, 0.0)
    for record in records:
        if record.day in totals:
            totals[record.day] += record.actual_minutes
    return [(d, totals[d]) for d in days]


class PeriodBar(QWidget):
    """‹ This week › [Week] [Month]: which period the history page shows."""

    stepped = Signal(int)  # -1 earlier, +1 later
    kind_chosen = Signal(object)  # a PeriodKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.earlier_button = self._arrow("‹", self.tr("Earlier"), -1)
        self.label = QLabel(self)
        self.label.setObjectName("periodTitle")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setMinimumWidth(170)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.later_button = self._arrow("›", self.tr("Later"), 1)
        self.week_button = QPushButton(self.tr("&Week"), self)
        self.month_button = QPushButton(self.tr("&Month"), self)
        group = QButtonGroup(self)
        for button, kind in (
            (self.week_button, PeriodKind.WEEK),
            (self.month_button, PeriodKind.MONTH),
        ):
            button.setObjectName("periodToggle")
            button.setCheckable(True)
            button.setAutoDefault(False)
            group.addButton(button)
            button.clicked.connect(lambda _=False, k=kind: self.kind_chosen.emit(k))
        self.week_button.setChecked(True)
        self.setStyleSheet(TOGGLE_STYLE)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(4)
        for widget in (self.earlier_button, self.label, self.later_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.week_button)
        bar.addWidget(self.month_button)

    def _arrow(self, text: str, name: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.clicked.connect(lambda _=False: self.stepped.emit(step))
        return button

    def show_period(self, period: Period, offset: int) -> str:
        """Name ``period`` (``offset`` periods before the current one); returns the tile's
        caption for it: "this week", "last week", "in October"…"""
        week = period.kind is PeriodKind.WEEK
        (self.week_button if week else self.month_button).setChecked(True)
        locale = QLocale()
        start = QDate(period.start.year, period.start.month, period.start.day)
        if offset == 0:
            title = self.tr("This week") if week else self.tr("This month")
            caption = self.tr("this week") if week else self.tr("this month")
        elif week and offset == 1:
            title, caption = self.tr("Last week"), self.tr("last week")
        elif week:
            last = period.days()[-1]
            end = locale.toString(QDate(last.year, last.month, last.day), "d MMM yyyy")
            title = self.tr("%1 – %2").replace("%1", locale.toString(start, "d MMM"))
            title = title.replace("%2", end)
            caption = self.tr("that week")
        else:
            title = locale.toString(start, "MMMM yyyy")
            caption = self.tr("in %1").replace("%1", locale.toString(start, "MMMM"))
        self.label.setText(title)
        self.later_button.setEnabled(offset > 0)
        return caption
