"""The history page's two lists as tabs: the period's sessions (each can be done again, edited
or deleted from its menu, on keys, or by double-click) and the period's totals per routine."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHeaderView, QTabWidget, QTreeWidget, QTreeWidgetItem, QWidget

from acumat_desktop.core.history import SessionRecord, totals_per_routine
from acumat_desktop.services.history_store import HistoryEntry
from acumat_desktop.ui.session_summary import feeling_word

ID_ROLE = Qt.ItemDataRole.UserRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def started_text(moment: datetime) -> str:
    """ "Fri 27 Nov, 18:00", in the interface's language and its own order."""
    stamp = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    pattern = QCoreApplication.translate("SessionLists", "ddd dd MMM, HH:mm", "date and time")
    return QLocale().toString(stamp, pattern)


class SessionLists(QTabWidget):
    again = Signal()  # double-click, Enter or "Do this again" on the selected session
    edit = Signal()
    delete = Signal()
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Session lists"))
        self.recent = self._tree(
            self.tr("Sessions"),
            [
                self.tr("Date"),
                self.tr("Routine"),
                self.tr("Minutes"),
                self.tr("Result"),
                self.tr("Feeling"),
            ],
            stretch=1,
        )
        self.recent.itemActivated.connect(lambda *_: self.again.emit())
        self.recent.currentItemChanged.connect(lambda *_: self.selection_changed.emit())
        self.recent.itemSelectionChanged.connect(self.selection_changed)
        self.totals = self._tree(
            self.tr("Totals per routine"),
            [self.tr("Routine"), self.tr("Sessions"), self.tr("Minutes"), self.tr("Completed")],
            stretch=0,
        )
        self.addTab(self.recent, self.tr("&Sessions"))
        self.addTab(self.totals, self.tr("By &routine"))
        self._build_actions()

    def _build_actions(self) -> None:
        """The row's menu; Enter (which activates the row) and F2, Delete act on the list."""
        self.again_action = QAction(self.tr("Do this &again"), self)
        self.edit_action = QAction(self.tr("&Edit…"), self)
        self.edit_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        for action, signal in (
            (self.again_action, self.again),
            (self.edit_action, self.edit),
            (self.delete_action, self.delete),
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(signal)
            self.recent.addAction(action)
        self.recent.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _tree(self, name: str, columns: list[str], *, stretch: int) -> QTreeWidget:
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
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return tree

    def selected_id(self) -> int | None:
        item = self.recent.currentItem()
        if item is None or not item.isSelected():
            return None
        return int(item.data(0, ID_ROLE))

    def select_id(self, entry_id: int) -> None:
        for i in range(self.recent.topLevelItemCount()):
            item = self.recent.topLevelItem(i)
            if item is not None and int(item.data(0, ID_ROLE)) == entry_id:
                self.recent.setCurrentItem(item)
                return

    def set_row_actions_enabled(self, enabled: bool) -> None:
        for action in (self.again_action, self.edit_action, self.delete_action):
            action.setEnabled(enabled)

    def fill_sessions(self, entries: list[HistoryEntry]) -> None:
        self.recent.clear()
        items = []
        for entry in entries:
            r = entry.record
            feeling = "" if r.feeling is None else f"{r.feeling} · {feeling_word(r.feeling)}"
            if entry.manual:
                result = self.tr("Entered by hand")
            else:
                result = self.tr("Completed") if r.completed else self.tr("Stopped")
            item = QTreeWidgetItem(
                [
                    started_text(r.started_at),
                    r.routine_name,
                    f"{round(r.actual_minutes)}",
                    result,
                    feeling,
                ]
            )
            item.setData(0, ID_ROLE, entry.id)
            item.setTextAlignment(2, RIGHT)
            items.append(item)
        self.recent.addTopLevelItems(items)

    def fill_totals(self, records: list[SessionRecord]) -> None:
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
                item.setTextAlignment(column, RIGHT)
            items.append(item)
        self.totals.addTopLevelItems(items)
