"""The desk-break reminder: a small, calm popup near the tray that never takes the focus.

One instance is made and reused. It stays until answered (Start desk break, Snooze, "I just
moved") or until the owner withdraws it (the user went idle, locked the screen, started a
session). Showing it again (after a snooze) only updates its text and brings it back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

WINDOW_TITLE = "AcuMat — time for the mat"
MARGIN = 12  # pixels between the popup and the tray icon or the screen edge


def sitting_phrase(seconds: float) -> str:
    """``52 minutes``, ``1 hour 5 minutes``, ``40 seconds`` (whole units, never ``0 minutes``)."""
    total = max(0, int(seconds))
    if total < 60:
        return f"{total} second{'s' if total != 1 else ''}"
    hours, minutes = divmod(total // 60, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
    if minutes or not hours:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)


def popup_position(size: QSize, available: QRect, anchor: QRect | None) -> QPoint:
    """Top-left corner for a popup of ``size``: next to the tray icon ``anchor`` when known
    (below it for a top panel, above it otherwise), else the bottom-right of ``available``;
    always kept inside ``available``."""
    if anchor is not None and anchor.isValid() and not anchor.isEmpty():
        x = anchor.center().x() - size.width() // 2
        if anchor.center().y() < available.center().y():
            y = anchor.bottom() + MARGIN
        else:
            y = anchor.top() - MARGIN - size.height()
    else:
        x = available.right() - MARGIN - size.width()
        y = available.bottom() - MARGIN - size.height()
    x = max(available.left() + MARGIN, min(x, available.right() - MARGIN - size.width()))
    y = max(available.top() + MARGIN, min(y, available.bottom() - MARGIN - size.height()))
    return QPoint(x, y)


class ReminderPopup(QWidget):
    """Signals: ``start_requested`` (start the desk-break routine), ``snooze_requested``,
    ``moved_requested`` ("I just moved"). The popup hides itself after any answer."""

    start_requested = Signal()
    snooze_requested = Signal()
    moved_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(parent, flags)
        self.setObjectName("ReminderPopup")
        self.setWindowTitle(WINDOW_TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAccessibleName(self.tr("Time for the mat"))
        self.shown_count = 0

        self.message = QLabel(self)
        self.message.setObjectName("reminderMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(280)
        self.hint = QLabel(self.tr("A few minutes on the mat loosen the back after sitting."))
        self.hint.setObjectName("reminderHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "secondary")

        self.start_button = self._button("start", self.tr("Start desk break"),
                                         self.tr("Start the desk-break routine on the mat"))
        self.snooze_button = self._button("snooze", self.tr("Snooze"),
                                          self.tr("Remind me again later"))
        self.moved_button = self._button("moved", self.tr("I just moved"),
                                         self.tr("I just moved: start counting again"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self._answer(self.start_requested))
        self.snooze_button.clicked.connect(lambda: self._answer(self.snooze_requested))
        self.moved_button.clicked.connect(lambda: self._answer(self.moved_requested))

        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.moved_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)

    def _button(self, name: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"reminder.{name}")
        button.setAccessibleName(accessible)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # -- showing -----------------------------------------------------------------------------
    def show_reminder(
        self,
        sitting_s: float,
        *,
        can_snooze: bool,
        snooze_minutes: float | None = None,
        anchor: QRect | None = None,
    ) -> None:
        """Show (or update) the reminder without taking the focus."""
        phrase = sitting_phrase(sitting_s)
        self.message.setText(self.tr("You've been sitting for %1 — time for the mat").replace(
            "%1", phrase))
        self.message.setAccessibleName(self.message.text())
        if snooze_minutes:
            self.snooze_button.setText(self.tr("Snooze %1 min").replace(
                "%1", f"{snooze_minutes:g}"))
        self.snooze_button.setVisible(can_snooze)
        self.adjustSize()
        self.move(popup_position(self.sizeHint(), self._available(anchor), anchor))
        self.shown_count += 1
        if not self.isVisible():
            self.show()
        log.info("reminder shown after %s of sitting", phrase)

    def withdraw(self) -> None:
        """The reminder went stale (the user left, locked, started a session)."""
        self.hide()

    def _available(self, anchor: QRect | None) -> QRect:
        screen = None
        if anchor is not None and anchor.isValid():
            screen = QGuiApplication.screenAt(anchor.center())
        screen = screen or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)

    def _answer(self, signal: SignalInstance) -> None:
        self.hide()
        signal.emit()
