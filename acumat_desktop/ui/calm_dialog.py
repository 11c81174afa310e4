"""A calm question: a headline, a plain sentence and two buttons named by what they do.

No stock pixmaps (no blue "?", no warning triangle), no icons on the buttons; the confirming
button is the styled primary one and answers Enter; Escape answers with the cancel button. A
destructive question (Stop the session) looks just as calm (the words say what happens) and
starts with the keyboard focus on the safe answer, so a stray Space keeps the session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class CalmDialog(QDialog):
    """The dialog behind :func:`ask`; kept as a class so tests can look at it."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        confirm_label: str,
        cancel_label: str,
        *,
        destructive: bool = False,
        detail: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calmDialog")
        self.setWindowTitle(title)  # Qt appends the application's name itself
        self.setModal(True)
        self.headline = QLabel(text, self)
        self.headline.setObjectName("calmDialogText")
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        font = QFont(self.headline.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.headline.setFont(font)
        self.detail = QLabel(detail or "", self)
        self.detail.setObjectName("calmDialogDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setVisible(bool(detail))
        self.confirm_button = QPushButton(confirm_label, self)
        self.confirm_button.setObjectName("calmDialog.confirm")
        self.confirm_button.setProperty("role", "primary")
        self.cancel_button = QPushButton(cancel_label, self)
        self.cancel_button.setObjectName("calmDialog.cancel")
        self.cancel_button.setProperty("role", "secondary")
        for button in (self.confirm_button, self.cancel_button):
            button.setAutoDefault(False)
        self.confirm_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.destructive = destructive
        self.confirm_button.setProperty("destructive", destructive)
        self._lay_out()
        self.confirm_button.setDefault(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        (self.cancel_button if self.destructive else self.confirm_button).setFocus()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setMinimumWidth(360)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    confirm_label: str,
    cancel_label: str,
    destructive: bool = False,
    *,
    detail: str | None = None,
) -> bool:
    """Ask and wait; True when the person chose ``confirm_label``."""
    dialog = CalmDialog(
        parent, title, text, confirm_label, cancel_label, destructive=destructive, detail=detail
    )
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def tell(parent: QWidget | None, title: str, text: str, *, detail: str | None = None) -> None:
    """Say something plainly and wait for "OK" (one calm button, no stock icon)."""
    dialog = CalmDialog(
        parent, title, text, QCoreApplication.translate("CalmDialog", "OK"), "", detail=detail
    )
    dialog.cancel_button.hide()
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
