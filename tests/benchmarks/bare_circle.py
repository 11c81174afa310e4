"""The bare baseline for the animating dial: a 400x400 widget repainting a circle at 60 fps.

Each frame the circle's radius moves (as a breathing shape would) and the whole widget is
repainted with antialiasing. Run by ``tests/benchmarks/run.py``.
"""

from __future__ import annotations

import math
import sys
import time

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget


class Circle(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("bare-circle")
        self.resize(400, 400)
        self._t0 = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(16)
        self._timer.timeout.connect(self.update)
        self._timer.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        t = time.monotonic() - self._t0
        radius = 90 + 60 * math.sin(2 * math.pi * t / 11.0)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#202428"))
        painter.setBrush(QColor("#5aa7d8"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(200, 200), radius, radius)
        painter.end()


def main() -> int:
    app = QApplication(sys.argv)
    app.setApplicationName("bare-circle")
    widget = Circle()
    widget.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
