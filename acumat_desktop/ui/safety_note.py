"""The safety note: shown once before the first session and re-readable from Help.

The wiring decides when (settings ``session.safety_note_seen``); this dialog only shows the text
from ``core.safety`` and reports whether the user acknowledged it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
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
        self.setWindowTitle(self.tr(SAFETY_TITLE))
        self.first_time = first_time
        self.resize(500, 460)

        title = QLabel(self.tr(SAFETY_TITLE), self)
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
        self.text_label = QLabel(self.tr(SAFETY_NOTE), self)
        self.text_label.setObjectName("safetyText")
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text_label.setAccessibleName(self.tr(SAFETY_TITLE))
        self.text_label.setAccessibleDescription(self.tr(SAFETY_NOTE))
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
