"""A figure with its caption beneath, in a framed tile (summary and history pages)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class StatTile(QFrame):
    def __init__(
        self,
        caption: str,
        parent: QWidget | None = None,
        *,
        scale: float = 1.4,
        margins: tuple[int, int] = (10, 6),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statTile")
        self.value = QLabel(self)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption, self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QVBoxLayout(self)
        box.setContentsMargins(margins[0], margins[1], margins[0], margins[1])
        box.setSpacing(0)
        box.addWidget(self.value)
        box.addWidget(self.caption)
