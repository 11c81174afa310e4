"""A small form for one session of the history: add one done without the app, or correct one.

It asks for the routine, the day and time it started, the minutes and, if the person likes, how it
felt. It decides nothing about storage: ``record()`` is the session as entered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.history import SessionRecord
from acumat_desktop.core.routines import MAX_MINUTES
from acumat_desktop.ui.session_summary import FEELINGS, feeling_word

RoutineChoice = tuple[str, str]  # id, name


class SessionEntryDialog(QDialog):
    """``record`` None: a new session entered by hand; otherwise that session, to correct."""

    def __init__(
        self,
        routines: Sequence[RoutineChoice],
        now: datetime,
        record: SessionRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SessionEntry")
        self._now = now
        self._original = record
        adding = record is None
        self.setWindowTitle(self.tr("Add a session") if adding else self.tr("Edit session"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr("A session you did on the mat without AcuMat counts just the same.")
            if adding
            else self.tr("Correct this session if something is not right.")
        )
        intro.setWordWrap(True)
        self.routine = QComboBox(self)
        choices = list(routines)
        if record is not None and record.routine_id not in {rid for rid, _ in choices}:
            choices.append((record.routine_id, record.routine_name))
        for rid, name in choices:
            self.routine.addItem(name, rid)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when.setMaximumDateTime(_qt(now))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setSuffix(self.tr(" min"))
        self.feeling = QComboBox(self)
        self.feeling.addItem(self.tr("Not noted"), None)
        for value in range(1, len(FEELINGS) + 1):
            self.feeling.addItem(f"{value} · {feeling_word(value)}", value)
        self._fill(record)

        form = QFormLayout()
        form.addRow(self.tr("&Routine:"), self.routine)
        form.addRow(self.tr("&Started:"), self.when)
        form.addRow(self.tr("&Minutes on the mat:"), self.minutes)
        form.addRow(self.tr("&Feeling afterwards:"), self.feeling)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.routine.setFocus()

    def _fill(self, record: SessionRecord | None) -> None:
        if record is None:
            start = self._now.replace(second=0, microsecond=0)
            self.when.setDateTime(_qt(start))
            self.minutes.setValue(10)
            return
        self.routine.setCurrentIndex(max(0, self.routine.findData(record.routine_id)))
        self.when.setDateTime(_qt(record.started_at))
        self.minutes.setValue(max(1, round(record.actual_minutes)))
        self.feeling.setCurrentIndex(max(0, self.feeling.findData(record.feeling)))

    def record(self) -> SessionRecord:
        """The session as entered (aware, in the offset of ``now`` or of the original)."""
        tz = (self._original.started_at if self._original else self._now).tzinfo
        moment = self.when.dateTime()
        day, clock = moment.date(), moment.time()
        started = datetime(
            day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=tz
        )
        seconds = self.minutes.value() * 60.0
        feeling = self.feeling.currentData()
        rid = str(self.routine.currentData())
        name = self.routine.currentText()
        if self._original is None:
            return SessionRecord(
                routine_id=rid,
                routine_name=name,
                started_at=started,
                planned_s=seconds,
                actual_s=seconds,
                completed=True,
                feeling=feeling if isinstance(feeling, int) else None,
            )
        unchanged = round(self._original.actual_minutes) == self.minutes.value()
        return dataclasses.replace(
            self._original,
            routine_id=rid,
            routine_name=name,
            started_at=started,
            actual_s=self._original.actual_s if unchanged else seconds,
            feeling=feeling if isinstance(feeling, int) else None,
        )


def _qt(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )


EntryAsker = Callable[
    [QWidget, Sequence[RoutineChoice], datetime, SessionRecord | None], SessionRecord | None
]


def ask_session_entry(
    parent: QWidget,
    routines: Sequence[RoutineChoice],
    now: datetime,
    record: SessionRecord | None,
) -> SessionRecord | None:
    """Show the form modally; the session as entered, or None when cancelled."""
    dialog = SessionEntryDialog(routines, now, record, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.record()
        return None
    finally:
        dialog.deleteLater()
