"""The history page: a week or a month of minutes on the mat as bars (the desk's sitting time
beneath a week), the reminders of the period, the current streak (one rest day forgiven), the
period's sessions and totals per routine. A session can be done again (double-click, Enter or its
menu), corrected or deleted; one done without the app can be added by hand. It reads its source
on ``refresh()`` only and owns no timer.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.clock import Clock
from acumat_desktop.core.history import SessionRecord, streak, total_minutes
from acumat_desktop.services.history_store import HistoryEntry
from acumat_desktop.ui.history_lists import SessionLists
from acumat_desktop.ui.history_period import Period, PeriodBar, PeriodKind, day_minutes, period_of
from acumat_desktop.ui.session_entry import EntryAsker, RoutineChoice, ask_session_entry
from acumat_desktop.ui.widgets.stat_tile import StatTile
from acumat_desktop.ui.widgets.week_chart import WeekChart

log = logging.getLogger(__name__)


class HistorySource(Protocol):
    """What the view reads and changes (HistoryStore fits)."""

    def sessions(
        self, since: datetime | None = None, limit: int | None = None
    ) -> list[SessionRecord]: ...

    def entries(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        *,
        limit: int | None = None,
    ) -> list[HistoryEntry]: ...

    def save_session(self, record: SessionRecord, *, manual: bool = False) -> int: ...

    def update_session(self, session_id: int, record: SessionRecord) -> int: ...

    def delete_session(self, session_id: int) -> None: ...

    def export_csv(self, path: Path) -> int: ...

    def sitting_totals(self, start: date, end: date) -> dict[date, float]: ...

    def reminder_counts(self, start: date, end: date | None = None) -> dict[str, int]: ...


CsvChooser = Callable[[QWidget, str], Path | None]
Confirm = Callable[[QWidget, str], bool]


def ask_csv_path(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("HistoryView", "Export sessions"),
        suggested,
        QCoreApplication.translate("HistoryView", "CSV files (*.csv)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".csv" else path.with_suffix(".csv")


def ask_confirm(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("HistoryView", "Delete session"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def minutes_label(minutes: float) -> str:
    if minutes < 60:
        return QCoreApplication.translate("HistoryView", "%1 min").replace(
            "%1", str(round(minutes))
        )
    hours, rest = divmod(round(minutes), 60)
    text = QCoreApplication.translate("HistoryView", "%1 h %2 min")
    return text.replace("%1", str(hours)).replace("%2", f"{rest:02d}")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class HistoryView(QWidget):
    back = Signal()
    exported = Signal(str, int)  # path, sessions written
    again_requested = Signal(str, int, object, object)  # routine id, minutes, breathing, sound
    changed = Signal()  # a session was added, corrected or deleted

    def __init__(
        self,
        source: HistorySource,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        choose_csv_path: CsvChooser = ask_csv_path,
        ask_entry: EntryAsker = ask_session_entry,
        confirm: Confirm = ask_confirm,
        routines: Callable[[], Sequence[RoutineChoice]] | None = None,
        first_weekday: int = 0,
        grace_days: int = 1,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryView")
        self.setAccessibleName(self.tr("Session history"))
        self._source = source
        self._clock = clock
        self._choose = choose_csv_path
        self._ask_entry = ask_entry
        self._confirm = confirm
        self._routines = routines
        self._first_weekday = first_weekday
        self._grace = grace_days
        self._kind = PeriodKind.WEEK
        self._offset = 0  # periods back from the current one
        self._entries: dict[int, HistoryEntry] = {}
        self._all: list[SessionRecord] = []

        header = self._build_header()
        tiles = self._build_tiles()
        self.chart = WeekChart(self)
        self.desk_label = self._wrapping_label("deskSummary", Qt.AlignmentFlag.AlignCenter)
        self._build_lists()
        self.status_label = self._wrapping_label("historyStatus", Qt.AlignmentFlag.AlignLeft)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self._build_period_bar())
        layout.addLayout(tiles)
        layout.addWidget(self.chart, 1)  # a share of the room; the list takes the most
        layout.addWidget(self.desk_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.tabs, 3)
        layout.addLayout(self._buttons_row())
        self.setStyleSheet(
            "QFrame#statTile { border: 1px solid palette(mid); border-radius: 10px;"
            " background: palette(base); }"
            "QPushButton#againButton:enabled { background: palette(highlight);"
            " color: palette(highlighted-text); border: 1px solid palette(highlight);"
            " border-radius: 4px; padding: 4px 14px; font-weight: bold; }"
            "QPushButton#againButton:focus { border: 2px solid palette(text); }"
        )
        self._set_tab_order()
        self.refresh()

    # ----------------------------------------------------------------- building

    def _wrapping_label(self, name: str, align: Qt.AlignmentFlag) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(align)
        return label

    def _build_lists(self) -> None:
        self.tabs = SessionLists(self)
        self.recent, self.totals = self.tabs.recent, self.tabs.totals
        self.tabs.again.connect(self.do_again)
        self.tabs.edit.connect(self.edit_selected)
        self.tabs.delete.connect(self.delete_selected)
        self.tabs.selection_changed.connect(self._update_row_actions)

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
        self.add_button = self._button(self.tr("Add a session…"), self.add_session)
        self.add_button.setToolTip(self.tr("A session you did on the mat without AcuMat"))
        self.export_button = self._button(self.tr("Export CSV…"), self.export_csv)
        self.export_button.setAccessibleName(self.tr("Export all sessions as CSV"))
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(8)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.add_button)
        header.addWidget(self.export_button)
        return header

    def _build_period_bar(self) -> PeriodBar:
        self.period_bar = PeriodBar(self)
        self.period_bar.stepped.connect(self.step)
        self.period_bar.kind_chosen.connect(lambda kind: self.show_period(kind))
        return self.period_bar

    def _build_tiles(self) -> QHBoxLayout:
        self.period_tile = StatTile(self.tr("this week"), self)
        self.week_value = self.period_tile.value
        streak_tile = StatTile(self.tr("day streak", "", 0), self)
        self.streak_value, self.streak_caption = streak_tile.value, streak_tile.caption
        total_tile = StatTile(self.tr("all time"), self)
        self.total_value = total_tile.value
        streak_tile.setToolTip(self.tr("Days in a row with a session; one rest day is forgiven."))
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for tile in (self.period_tile, streak_tile, total_tile):
            tiles.addWidget(tile, 1)
        return tiles

    def _buttons_row(self) -> QHBoxLayout:
        """What can be done with the selected session (also in its menu and on keys)."""
        self.again_button = self._button(self.tr("Do this again"), self.do_again)
        self.again_button.setObjectName("againButton")
        self.edit_button = self._button(self.tr("Edit…"), self.edit_selected)
        self.delete_button = self._button(self.tr("Delete…"), self.delete_selected)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addSpacing(8)
        row.addWidget(self.again_button)
        return row

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _set_tab_order(self) -> None:
        bar = self.period_bar
        chain = [
            self.back_button,
            self.add_button,
            self.export_button,
            bar.earlier_button,
            bar.later_button,
            bar.week_button,
            bar.month_button,
            self.tabs,
            self.recent,
            self.edit_button,
            self.delete_button,
            self.again_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ----------------------------------------------------------------- public API

    @property
    def period(self) -> Period:
        today = self._clock.now().date()
        return period_of(self._kind, today, self._first_weekday).shifted(-self._offset)

    def show_period(self, kind: PeriodKind, offset: int = 0) -> None:
        """Show the week or month ``offset`` periods before the current one."""
        self._kind = kind
        self._offset = max(0, offset)
        self.refresh()

    def step(self, steps: int) -> None:
        """Go ``steps`` periods later (earlier when negative); never past the current one."""
        self.show_period(self._kind, self._offset - steps)

    def refresh(self) -> None:
        """Read the history again and redraw everything."""
        problem = False
        try:
            self._all = self._source.sessions()
            since, until = self.period.bounds(self._clock.now().tzinfo)
            entries = self._source.entries(since, until)
        except Exception:
            log.exception("could not read the session history")
            self._all, entries, problem = [], [], True
        today = self._clock.now().date()
        period = self.period
        self._entries = {e.id: e for e in entries}
        records = [e.record for e in entries]
        days = day_minutes(records, period.days())
        self.chart.set_days(days, today)
        caption = self.period_bar.show_period(period, self._offset)
        self.period_tile.caption.setText(caption)
        self.week_value.setText(minutes_label(sum(m for _, m in days)))
        self.chart.setAccessibleName(
            self.tr("Minutes on the mat: %1").replace("%1", self.period_bar.label.text())
        )
        current = streak((r.day for r in self._all), today, self._grace)
        self.streak_value.setText(str(current))
        self.streak_caption.setText(self.tr("day streak", "", current))  # "1 Tag", "2 Tage"
        self.streak_value.setAccessibleName(self.tr("Streak: %n days", "", current))
        self.total_value.setText(minutes_label(total_minutes(self._all)))
        self.total_value.setToolTip(self.tr("%n sessions", "", len(self._all)))
        self._fill_desk(period)
        self.tabs.fill_sessions(entries)
        self.tabs.fill_totals(records)
        self.export_button.setEnabled(bool(self._all))
        self._fill_status(problem, bool(entries))
        self._update_row_actions()

    def selected_entry(self) -> HistoryEntry | None:
        entry_id = self.tabs.selected_id()
        return None if entry_id is None else self._entries.get(entry_id)

    def do_again(self) -> None:
        """Start the selected session's routine again, as it was set up."""
        entry = self.selected_entry()
        if entry is None:
            return
        r = entry.record
        minutes = max(1, round((r.planned_s or r.actual_s) / 60))
        self.again_requested.emit(r.routine_id, minutes, r.pattern_id, r.sound)

    def add_session(self) -> None:
        record = self._ask_entry(self, self._routine_choices(), self._clock.now(), None)
        if record is None:
            return
        self._source.save_session(record, manual=True)
        self._after_change(
            self.tr("Added %1 on %2.")
            .replace("%1", record.routine_name)
            .replace("%2", self._day_text(record.started_at)),
            record,
        )

    def edit_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        record = self._ask_entry(self, self._routine_choices(), self._clock.now(), entry.record)
        if record is None or record == entry.record:
            return
        try:
            self._source.update_session(entry.id, record)
        except (LookupError, ValueError) as exc:
            log.warning("session not changed: %s", exc)
            self._status(
                self.tr(
                    "That change was not saved: another session of this routine starts at the "
                    "same time."
                )
            )
            return
        self._after_change(self.tr("Session changed."), record)

    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        r = entry.record
        question = self.tr("Delete the %1 session of %2? This cannot be undone.")
        question = question.replace("%1", r.routine_name).replace(
            "%2", self._day_text(r.started_at)
        )
        if not self._confirm(self, question):
            return
        self._source.delete_session(entry.id)
        self._after_change(self.tr("Session deleted."), None)

    def export_csv(self) -> Path | None:
        stamp = self._clock.now().strftime("%Y-%m-%d")
        path = self._choose(self, f"acumat-sessions-{stamp}.csv")
        if path is None:
            return None
        try:
            count = self._source.export_csv(path)
        except OSError as exc:
            log.warning("CSV export failed: %s", exc)
            self._status(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return None
        self._status(self.tr("Saved %n sessions to %1", "", count).replace("%1", str(path)))
        self.exported.emit(str(path), count)
        return path

    # ----------------------------------------------------------------- helpers

    def _routine_choices(self) -> list[RoutineChoice]:
        if self._routines is not None:
            return list(self._routines())
        seen: dict[str, str] = {}
        for r in self._all:
            seen.setdefault(r.routine_id, r.routine_name)
        return sorted(seen.items(), key=lambda kv: kv[1])

    def _after_change(self, message: str, record: SessionRecord | None) -> None:
        """Show the period of a changed session, say what happened, select it."""
        if record is not None and not self.period.contains(record.day):
            today = self._clock.now().date()
            current = period_of(self._kind, today, self._first_weekday)
            offset = 0
            while offset < 1200 and not current.shifted(-offset).contains(record.day):
                offset += 1
            self._offset = offset if offset < 1200 else 0
        self.refresh()
        self._status(message)
        if record is not None:
            for entry in self._entries.values():
                if entry.record == record:
                    self.tabs.select_id(entry.id)
                    break
        self.changed.emit()

    def _day_text(self, moment: datetime) -> str:
        return QLocale().toString(_qdate(moment.date()), QLocale.FormatType.LongFormat)

    def _status(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def _update_row_actions(self) -> None:
        has = self.selected_entry() is not None
        self.tabs.set_row_actions_enabled(has)
        for button in (self.again_button, self.edit_button, self.delete_button):
            button.setEnabled(has)

    # ----------------------------------------------------------------- filling

    def _fill_status(self, problem: bool, any_in_period: bool) -> None:
        message = getattr(self._source, "message", None)
        if isinstance(message, str) and message:
            self._status(message)
        elif problem:
            self._status(self.tr("The history could not be read."))
        elif not self._all:
            self._status(self.tr("No sessions yet. Your first one will appear here."))
        elif not any_in_period:
            self._status(
                self.tr("No sessions in this week.")
                if self._kind is PeriodKind.WEEK
                else self.tr("No sessions in this month.")
            )
        else:
            self._status("")

    def _fill_desk(self, period: Period) -> None:
        """The desk side: sitting per day beneath a week's bars, the reminders in a line."""
        days = period.days()
        try:
            sitting = self._source.sitting_totals(days[0], days[-1])
            counts = self._source.reminder_counts(days[0], days[-1])
        except Exception:
            log.exception("could not read the desk history")
            sitting, counts = {}, {}
        per_day = [(d, sitting.get(d, 0.0)) for d in days]
        self.chart.set_sitting(per_day if period.kind is PeriodKind.WEEK else [])
        total_s = sum(seconds for _, seconds in per_day)
        shown, followed, snoozed = (counts.get(k, 0) for k in ("shown", "followed", "snoozed"))
        if total_s <= 0 and not (shown or followed or snoozed):
            text = self.tr(
                "No desk time yet in this period. With reminders on, AcuMat counts how long you "
                "sit at the computer and shows it here."
            )
        else:
            text = self.tr("At the desk: %1 sitting").replace("%1", minutes_label(total_s / 60))
            if shown or followed or snoozed:
                text += self.tr("  ·  Reminders: %1 shown, %2 followed, %3 snoozed")
                text = text.replace("%1", str(shown)).replace("%2", str(followed))
                text = text.replace("%3", str(snoozed))
            else:
                text += self.tr("  ·  No reminders")
        self.desk_label.setText(text)
        self.desk_label.setAccessibleName(text)
