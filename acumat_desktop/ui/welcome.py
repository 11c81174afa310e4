"""The first run's welcome: a short hello, then the safety note, then the way to "First time on
the mat". A sheet over the main window (like the safety note before a first session), in two
steps; the wiring marks the note read and selects the routine."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.safety import SAFETY_TITLE
from acumat_desktop.ui.safety_note import Sheet, note_text, title_label


class WelcomeSheet(Sheet):
    """Step 1 "Welcome to AcuMat" → step 2 the safety note → ``read`` (or ``later``)."""

    read = Signal()  # the note was read: show "First time on the mat"
    later = Signal()  # closed without reading; the note comes again before the first session

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("WelcomeSheet")
        self.setAccessibleName(self.tr("Welcome to AcuMat"))
        self.pages = [self._hello(), self._note()]  # shown one at a time
        for page in self.pages:
            self.card_layout.addWidget(page, 1)
        self.step = 0

    def _hello(self) -> QWidget:
        page = QWidget(self.card)
        text = QLabel(
            self.tr(
                "AcuMat keeps the time on your acupressure mat and guides your breathing, with "
                "quiet sounds if you like, so you can close your eyes and let go."
            ),
            page,
        )
        text.setWordWrap(True)
        first = QLabel(
            self.tr(
                "New to the mat? Begin with “First time on the mat”: 5 to 10 minutes, lying on "
                "a bed, through a thin shirt. The points prickle at first, then most people feel "
                "warmth."
            ),
            page,
        )
        first.setWordWrap(True)
        self.next_button = QPushButton(self.tr("Next: before you lie down"), page)
        self.next_button.setObjectName("sheetPrimary")
        self.next_button.clicked.connect(self.show_note)
        self.skip_button = QPushButton(self.tr("Later"), page)
        self.skip_button.setToolTip(
            self.tr("The safety note comes again before your first session")
        )
        self.skip_button.clicked.connect(self._later)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        column.addWidget(title_label(self.tr("Welcome to AcuMat"), page, 1.5))
        column.addWidget(text)
        column.addWidget(first)
        column.addSpacing(6)
        column.addLayout(_buttons(self.skip_button, self.next_button))
        return page

    def _note(self) -> QWidget:
        page = QWidget(self.card)
        scroll, self.text_label = note_text(page)
        self.texts.append((scroll, self.text_label))
        self.back_button = QPushButton(self.tr("Back"), page)
        self.back_button.clicked.connect(lambda: self._go(0))
        self.read_button = QPushButton(self.tr("I understand: show me the first routine"), page)
        self.read_button.setObjectName("sheetPrimary")
        self.read_button.clicked.connect(self._read)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(title_label(QCoreApplication.translate("Safety", SAFETY_TITLE), page))
        column.addWidget(scroll, 1)
        column.addLayout(_buttons(self.back_button, self.read_button))
        return page

    def open(self) -> None:
        self._go(0)
        self.cover(self.next_button)

    def show_note(self) -> None:
        self._go(1)

    def _go(self, step: int) -> None:
        """Show one step; the card takes that step's size (a short hello, a longer note)."""
        self.step = step
        for index, page in enumerate(self.pages):
            page.setVisible(index == step)
        self.fit()
        focus = self.next_button if step == 0 else self.read_button
        if self.isVisible():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._later()
        else:
            super().keyPressEvent(event)

    def _read(self) -> None:
        self.hide()
        self.read.emit()

    def _later(self) -> None:
        self.hide()
        self.later.emit()


def _buttons(secondary: QPushButton, primary: QPushButton) -> QHBoxLayout:
    primary.setDefault(True)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(secondary)
    row.addWidget(primary)
    return row
