"""The safety note: read once before the first session and re-readable from Help.

The wiring decides when (settings ``session.safety_note_seen``). Before a first session the note
is a sheet over the main window (``SafetySheet``), so a session started from the tray or the
command line waits behind it in the window, never beside it in a window of its own; re-reading
from Help is a small dialog. Both show the text from ``core.safety``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.safety import SAFETY_NOTE, SAFETY_TITLE


class SafetyNoteDialog(QDialog):
    """``first_time``: "I understand" (accept) and "Not now" (reject); otherwise just Close."""

    def __init__(self, parent: QWidget | None = None, *, first_time: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("SafetyNote")
        self.setWindowTitle(QCoreApplication.translate("Safety", SAFETY_TITLE))
        self.first_time = first_time
        self.resize(500, 460)

        title = QLabel(QCoreApplication.translate("Safety", SAFETY_TITLE), self)
        title.setObjectName("safetyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        scroll = self._build_text()
        self._build_buttons(first_time)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setFocus()

    def _build_text(self) -> QScrollArea:
        """The note as selectable plain text, readable by keyboard and screen reader."""
        self.text_label = QLabel(QCoreApplication.translate("Safety", SAFETY_NOTE), self)
        self.text_label.setObjectName("safetyText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text_label.setAccessibleName(QCoreApplication.translate("Safety", SAFETY_TITLE))
        self.text_label.setAccessibleDescription(QCoreApplication.translate("Safety", SAFETY_NOTE))
        self.text_label.setContentsMargins(2, 2, 8, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.text_label)
        return scroll

    def _build_buttons(self, first_time: bool) -> None:
        self.buttons = QDialogButtonBox(self)
        if first_time:
            self.ok_button: QPushButton = self.buttons.addButton(
                self.tr("I understand"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.later_button: QPushButton | None = self.buttons.addButton(
                self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole
            )
            self.later_button.setAccessibleName(self.tr("Not now: do not start the session"))
        else:
            self.ok_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
            self.later_button = None
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)


def show_safety_note(parent: QWidget | None, *, first_time: bool) -> bool:
    """Show the note modally; True if the user acknowledged it (always True when re-reading)."""
    dialog = SafetyNoteDialog(parent, first_time=first_time)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return accepted or not first_time
    finally:
        dialog.deleteLater()


SHEET_STYLE = """
QFrame#sheetCard {
    background: palette(window); border: 1px solid palette(mid); border-radius: 14px;
}
QLabel#sheetTitle { font-weight: bold; }
QPushButton#sheetPrimary {
    background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(highlight); border-radius: 6px; padding: 6px 18px;
    font-weight: bold;
}
QPushButton#sheetPrimary:focus { border-color: palette(text); }
"""


class Sheet(QWidget):
    """A card on a quiet backdrop over the whole of ``host`` (the main window): in the window and
    on top of everything in it, never a window of its own that could fall behind. What lies
    beneath cannot be clicked, and Tab stays inside the card."""

    CARD_MAX_W = 600

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host
        self.setStyleSheet(SHEET_STYLE)
        self.card = QFrame(self)
        self.card.setObjectName("sheetCard")
        self.card.setMaximumWidth(self.CARD_MAX_W)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(26, 22, 26, 18)
        self.card_layout.setSpacing(12)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        self.texts: list[tuple[QScrollArea, QLabel]] = []  # grown to show all when room allows
        host.installEventFilter(self)
        self.hide()

    def cover(self, focus: QWidget | None = None) -> None:
        """Show the card over the host, raised above everything else in it."""
        self.fit()
        self.show()
        self.raise_()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def fit(self) -> None:
        """Cover the host; the card as wide as it may be, its texts whole when there is room."""
        host = self._host
        self.setGeometry(host.rect())
        width = min(self.CARD_MAX_W, host.width() - 48)
        self.card.setFixedWidth(width)
        room = max(80, host.height() - 260)  # what the title and buttons leave
        for scroll, label in self.texts:
            need = label.heightForWidth(width - 52 - 20) + 8
            scroll.setMinimumHeight(min(need, room))
        layout = self.card.layout()
        if layout is not None:
            layout.activate()
        tall = self.card.heightForWidth(width)
        self.card.setFixedHeight(min(max(tall, 160), max(160, host.height() - 40)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.isVisible():
            self.fit()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        veil = QColor(self.palette().color(QPalette.ColorRole.Window))
        veil.setAlphaF(0.88)
        painter.fillRect(self.rect(), veil)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # nothing beneath the veil is reachable

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the focused button (a sheet is no dialog, so no default button)."""
        focused = QApplication.focusWidget()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and isinstance(focused, QPushButton) and self.card.isAncestorOf(focused):
            focused.click()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        chain = [
            w
            for w in self.card.findChildren(QWidget)
            if w.isVisibleTo(self) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        if not chain:
            return False
        current = QApplication.focusWidget()
        index = chain.index(current) if current in chain else -1
        chain[(index + (1 if next else -1)) % len(chain)].setFocus(Qt.FocusReason.TabFocusReason)
        return True


def note_text(parent: QWidget) -> tuple[QScrollArea, QLabel]:
    """The note as selectable plain text in a frameless scroll area."""
    label = QLabel(QCoreApplication.translate("Safety", SAFETY_NOTE), parent)
    label.setObjectName("safetyText")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setAccessibleName(QCoreApplication.translate("Safety", SAFETY_TITLE))
    label.setAccessibleDescription(QCoreApplication.translate("Safety", SAFETY_NOTE))
    label.setContentsMargins(2, 2, 8, 2)
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(label)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll, label


def title_label(text: str, parent: QWidget, scale: float = 1.3) -> QLabel:
    title = QLabel(text, parent)
    title.setObjectName("sheetTitle")
    title.setWordWrap(True)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    title.setFont(font)
    return title


class SafetySheet(Sheet):
    """The note over the window before a first session: from the picker the session starts on
    "I understand"; started from the tray or the command line, it waits paused behind the note.
    Escape and "Not now" decline (the waiting session is then stopped by the wiring)."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("SafetySheet")
        self.setAccessibleName(QCoreApplication.translate("Safety", SAFETY_TITLE))
        self.title = title_label(QCoreApplication.translate("Safety", SAFETY_TITLE), self.card)
        self.intro = QLabel(self.card)
        self.intro.setObjectName("sheetIntro")
        self.intro.setWordWrap(True)
        scroll, self.text_label = note_text(self.card)
        self.texts.append((scroll, self.text_label))
        # Named from the start: a screen reader may list the sheet's buttons before it opens.
        self.ok_button = QPushButton(self.tr("I understand, begin"), self.card)
        self.ok_button.setObjectName("sheetPrimary")
        self.ok_button.setDefault(True)
        self.later_button = QPushButton(self.tr("Not now"), self.card)
        self.ok_button.clicked.connect(self._accept)
        self.later_button.clicked.connect(self._decline)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.ok_button)
        self.card_layout.addWidget(self.title)
        self.card_layout.addWidget(self.intro)
        self.card_layout.addWidget(scroll, 1)
        self.card_layout.addLayout(buttons)
        self.waiting = False

    def open(self, *, waiting: bool) -> None:
        """``waiting``: a session already started and waits, paused, behind the note."""
        self.waiting = waiting
        if waiting:
            self.intro.setText(
                self.tr("Your session is paused until you have read this. It takes a minute.")
            )
            self.ok_button.setText(self.tr("I understand, continue"))
            self.later_button.setText(self.tr("Not now: stop the session"))
        else:
            self.intro.setText(self.tr("Please read this once before your first session."))
            self.ok_button.setText(self.tr("I understand, begin"))
            self.later_button.setText(self.tr("Not now"))
        self.cover(self.ok_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._decline()
        else:
            super().keyPressEvent(event)

    def _accept(self) -> None:
        self.hide()
        self.accepted.emit()

    def _decline(self) -> None:
        self.hide()
        self.declined.emit()
