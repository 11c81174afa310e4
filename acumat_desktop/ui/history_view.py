"""The history page: this week's minutes as bars with the desk's sitting time beneath, the
reminders of the week (shown, followed, snoozed), the current streak (one rest day forgiven),
totals per routine, recent sessions, Export CSV… and Back. It reads a history source on
``refresh()`` only; it owns no timer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.clock import Clock
from acumat_desktop.core.history import (
    SessionRecord,
    streak,
    total_minutes,
    totals_per_routine,
    week_minutes,
)
from acumat_desktop.ui.session_summary import FEELINGS
from acumat_desktop.ui.widgets.stat_tile import StatTile
from acumat_desktop.ui.widgets.week_chart import WeekChart

log = logging.getLogger(__name__)

RECENT_LIMIT = 50


class HistorySource(Protocol):
    """What the view reads (HistoryStore fits)."""

    def sessions(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[SessionRecord]: ...

    def export_csv(self, path: Path) -> int: ...

    def sitting_totals(self, start: date, end: date) -> dict[date, float]: ...

    def reminder_counts(self, start: date, end: date | None = None) -> dict[str, int]: ...


CsvChooser = Callable[[QWidget, str], Path | None]


def ask_csv_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Export sessions"), suggested, parent.tr("CSV files (*.csv)")
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")


def minutes_label(minutes: float) -> str:
    if minutes < 60:
        return f"{round(minutes)} min"
    hours, rest = divmod(round(minutes), 60)
    return f"{hours} h {rest:02d} min"


class HistoryView(QWidget):
    back = Signal()
    exported = Signal(str, int)  # path, sessions written

    def __init__(
        self,
        source: HistorySource,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        choose_csv_path: CsvChooser = ask_csv_path,
        first_weekday: int = 0,
        grace_days: int = 1,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryView")
        self.setAccessibleName(self.tr("Session history"))
        self._source = source
        self._clock = clock
        self._choose = choose_csv_path
        self._first_weekday = first_weekday
        self._grace = grace_days

        header = self._build_header()
        tiles = self._build_tiles()
        self.chart = WeekChart(self)
        self.desk_label = QLabel(self)
        self.desk_label.setObjectName("deskSummary")
        self.desk_label.setWordWrap(True)
        self.desk_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build_lists()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("historyStatus")
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addLayout(tiles)
        layout.addWidget(self.chart)
        layout.addWidget(self.desk_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        self.setStyleSheet(
            "QFrame#statTile { border: 1px solid palette(mid); border-radius: 10px;"
            " background: palette(base); }"
        )
        QWidget.setTabOrder(self.back_button, self.export_button)
        QWidget.setTabOrder(self.export_button, self.tabs)
        self.refresh()

    def _build_header(self) -> QHBoxLayout:
        self.back_button = QPushButton(self.tr("‹ Back"), self)
        self.back_button.setAccessibleName(self.tr("Back to the routines"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        title = QLabel(self.tr("Your sessions"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export all sessions as CSV"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_csv)
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.export_button)
        return header

    def _build_tiles(self) -> QHBoxLayout:
        self.week_value, week_tile = self._tile(self.tr("this week"))
        self.streak_value, streak_tile = self._tile(self.tr("day streak"))
        self.total_value, total_tile = self._tile(self.tr("all time"))
        streak_tile.setToolTip(self.tr("Days in a row with a session; one rest day is forgiven."))
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in (week_tile, streak_tile, total_tile):
            tiles.addWidget(tile, 1)
        return tiles

    def _build_lists(self) -> None:
        """Recent sessions and totals per routine, as two tabs."""
        self.recent = self._tree(
            self.tr("Recent sessions"),
            [
                self.tr("Date"),
                self.tr("Routine"),
                self.tr("Minutes"),
                self.tr("Result"),
                self.tr("Feeling"),
            ],
        )
        self.totals = self._tree(
            self.tr("Totals per routine"),
            [self.tr("Routine"), self.tr("Sessions"), self.tr("Minutes"), self.tr("Completed")],
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Session lists"))
        self.tabs.addTab(self.recent, self.tr("&Recent"))
        self.tabs.addTab(self.totals, self.tr("By &routine"))

    def _tile(self, caption: str) -> tuple[QLabel, QFrame]:
        tile = StatTile(caption, self)
        return tile.value, tile

    def _tree(self, name: str, columns: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setAccessibleName(name)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setHeaderLabels(columns)
        tree.setFrameShape(QFrame.Shape.NoFrame)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(
            1 if columns[0] == self.tr("Date") else 0, QHeaderView.ResizeMode.Stretch
        )
        return tree

    # ----------------------------------------------------------------- public API

    def refresh(self) -> None:
        """Read the history again and redraw everything."""
        try:
            records = self._source.sessions()
        except Exception:
            log.exception("could not read the session history")
            self.status_label.setText(self.tr("The history could not be read."))
            records = []
        today = self._clock.now().date()
        days = week_minutes(records, today, self._first_weekday)
        self.chart.set_days(days, today)
        week_total = sum(m for _, m in days)
        self.week_value.setText(minutes_label(week_total))
        current = streak((r.day for r in records), today, self._grace)
        self.streak_value.setText(str(current))
        self.streak_value.setAccessibleName(self.tr("Streak: %1 days").replace("%1", str(current)))
        self.total_value.setText(minutes_label(total_minutes(records)))
        self.total_value.setToolTip(self.tr("%1 sessions").replace("%1", str(len(records))))
        self._fill_desk([d for d, _ in days])
        self._fill_recent(records[:RECENT_LIMIT])
        self._fill_totals(records)
        self.export_button.setEnabled(bool(records))
        message = getattr(self._source, "message", None)
        if isinstance(message, str) and message:
            self.status_label.setText(message)
        elif not records:
            self.status_label.setText(self.tr("No sessions yet. Your first one will appear here."))

    def export_csv(self) -> Path | None:
        stamp = self._clock.now().strftime("%Y-%m-%d")
        path = self._choose(self, f"acumat-sessions-{stamp}.csv")
        if path is None:
            return None
        try:
            count = self._source.export_csv(path)
        except OSError as exc:
            log.warning("CSV export failed: %s", exc)
            self.status_label.setText(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return None
        self.status_label.setText(
            self.tr("Saved %1 sessions to %2").replace("%1", str(count)).replace("%2", str(path))
        )
        self.exported.emit(str(path), count)
        return path

    # ----------------------------------------------------------------- filling

    def _fill_desk(self, week_days: list[date]) -> None:
        """The desk side of the week: sitting per day in the chart, reminders in a line."""
        try:
            sitting = self._source.sitting_totals(week_days[0], week_days[-1])
            counts = self._source.reminder_counts(week_days[0], week_days[-1])
        except Exception:
            log.exception("could not read the desk history")
            sitting, counts = {}, {}
        week = [(d, sitting.get(d, 0.0)) for d in week_days]
        self.chart.set_sitting(week)
        total_s = sum(seconds for _, seconds in week)
        shown, followed, snoozed = (counts.get(k, 0) for k in ("shown", "followed", "snoozed"))
        if total_s <= 0 and not (shown or followed or snoozed):
            text = self.tr(
                "No desk time yet this week. With reminders on, AcuMat counts how long you sit "
                "at the computer and shows it here."
            )
        else:
            text = self.tr("At the desk this week: %1 sitting").replace(
                "%1", minutes_label(total_s / 60)
            )
            if shown or followed or snoozed:
                text += self.tr("  ·  Reminders: %1 shown, %2 followed, %3 snoozed")
                text = text.replace("%1", str(shown)).replace("%2", str(followed))
                text = text.replace("%3", str(snoozed))
            else:
                text += self.tr("  ·  No reminders")
        self.desk_label.setText(text)
        self.desk_label.setAccessibleName(text)

    def _fill_recent(self, records: list[SessionRecord]) -> None:
        self.recent.clear()
        items = []
        for r in records:
            feeling = (
                "" if r.feeling is None else f"{r.feeling} · {self.tr(FEELINGS[r.feeling - 1])}"
            )
            item = QTreeWidgetItem(
                [
                    r.started_at.strftime("%a %d %b, %H:%M"),
                    r.routine_name,
                    f"{round(r.actual_minutes)}",
                    self.tr("Completed") if r.completed else self.tr("Stopped"),
                    feeling,
                ]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        self.recent.addTopLevelItems(items)

    def _fill_totals(self, records: list[SessionRecord]) -> None:
        self.totals.clear()
        items = []
        for total in totals_per_routine(records):
            item = QTreeWidgetItem(
                [
                    total.routine_name,
                    str(total.sessions),
                    f"{round(total.minutes)}",
                    str(total.completed),
                ]
            )
            for column in (1, 2, 3):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            items.append(item)
        self.totals.addTopLevelItems(items)
