"""The desk-break reminder: a small, calm popup near the tray that never takes the focus.

One instance is made and reused. It stays until answered (the primary "Start a 5-minute desk
break", or the quieter "I just moved" and Snooze), closed (the × by the headline), or withdrawn
by its owner (the user went idle, locked the screen, started a session). Showing it again (after
a snooze) only updates its text and brings it back. Its title names no app: Qt appends the
application's display name itself ("Time for the mat — AcuMat").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.ui.plurals import install_english_plurals

log = logging.getLogger(__name__)

MARGIN = 12  # pixels between the popup and the tray icon or the screen edge


def sitting_phrase(seconds: float) -> str:
    """``52 minutes``, ``1 hour 5 minutes``, ``40 seconds`` (whole units, never ``0 minutes``);
    each number through a ``%n`` string, so every language gets its own plural forms."""
    total = max(0, int(seconds))
    if total < 60:
        return _tr("%n seconds", total)
    hours, minutes = divmod(total // 60, 60)
    parts = []
    if hours:
        parts.append(_tr("%n hours", hours))
    if minutes or not hours:
        parts.append(_tr("%n minutes", minutes))
    return " ".join(parts)


def _tr(text: str, n: int) -> str:
    return QCoreApplication.translate("ReminderPopup", text, None, n)


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


def start_text(owner: QObject, minutes: int | None) -> str:
    """The primary action, saying its length: "Start a 5-minute desk break"."""
    if minutes is None or minutes <= 0:
        return QCoreApplication.translate("ReminderPopup", "Start a desk break")
    return QCoreApplication.translate(
        "ReminderPopup", "Start a %n-minute desk break", "", int(minutes)
    )


def snooze_text(owner: QObject, minutes: float) -> str:
    """ "Snooze 10 minutes" (whole minutes through %n; a fraction written out)."""
    if float(minutes).is_integer():
        return QCoreApplication.translate("ReminderPopup", "Snooze %n minutes", "", int(minutes))
    text = QCoreApplication.translate("ReminderPopup", "Snooze %1 minutes")
    return text.replace("%1", f"{minutes:g}")


class ReminderPopup(QWidget):
    """Signals: ``start_requested`` (start the desk-break routine), ``snooze_requested``,
    ``moved_requested`` ("I just moved"), ``close_requested`` (the close button or Escape: put
    away without an answer). The popup hides itself after any answer.

    Layout: a headline with a close button, the sitting time, one hint, then one primary action
    that says its length ("Start a 5-minute desk break") above two quieter ones."""

    start_requested = Signal()
    snooze_requested = Signal()
    moved_requested = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        super().__init__(parent, flags)
        self.setObjectName("ReminderPopup")
        # Qt appends the application's display name ("— AcuMat") to window titles itself.
        self.setWindowTitle(self.tr("Time for the mat"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAccessibleName(self.tr("Time for the mat"))
        self.shown_count = 0

        self.headline = QLabel(self.tr("Time for the mat"), self)
        self.headline.setObjectName("reminderHeadline")
        headline_font = QFont(self.headline.font())
        headline_font.setPointSizeF(headline_font.pointSizeF() * 1.25)
        headline_font.setBold(True)
        self.headline.setFont(headline_font)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("reminder.close")
        self.close_button.setText("\u00d7")  # a plain multiplication sign, no stock pixmap
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the reminder"))
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.close_button.clicked.connect(lambda: self._answer(self.close_requested))

        self.message = QLabel(self)
        self.message.setObjectName("reminderMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(340)
        self.hint = QLabel(self.tr("A few minutes on the mat loosen the back after sitting."))
        self.hint.setObjectName("reminderHint")
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "secondary")

        self.start_button = self._button(
            "start",
            self.tr("Start a desk break"),
            self.tr("Start the desk-break routine on the mat"),
        )
        self.start_button.setProperty("role", "primary")
        self.snooze_button = self._button(
            "snooze", self.tr("Snooze"), self.tr("Remind me again later")
        )
        self.moved_button = self._button(
            "moved", self.tr("I just moved"), self.tr("I just moved: start counting again")
        )
        for quiet in (self.snooze_button, self.moved_button):
            quiet.setFlat(True)
            quiet.setProperty("role", "quiet")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(lambda: self._answer(self.start_requested))
        self.snooze_button.clicked.connect(lambda: self._answer(self.snooze_requested))
        self.moved_button.clicked.connect(lambda: self._answer(self.moved_requested))
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.headline, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        quiet = QHBoxLayout()
        quiet.setSpacing(6)
        quiet.addStretch(1)
        quiet.addWidget(self.moved_button)
        quiet.addWidget(self.snooze_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 12, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addSpacing(6)
        layout.addWidget(self.start_button)
        layout.addLayout(quiet)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._answer(self.close_requested)
            return
        super().keyPressEvent(event)

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
        break_minutes: int | None = None,
        anchor: QRect | None = None,
    ) -> None:
        """Show (or update) the reminder without taking the focus. ``break_minutes``: how long
        the desk break would be (the primary button says so), None when unknown."""
        install_english_plurals()
        phrase = sitting_phrase(sitting_s)
        self.message.setText(self.tr("You've been sitting for %1.").replace("%1", phrase))
        self.message.setAccessibleName(self.message.text())
        self.start_button.setText(start_text(self, break_minutes))
        if snooze_minutes:
            self.snooze_button.setText(snooze_text(self, snooze_minutes))
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
