"""PySide6 6.12.0 under Python < 3.12 drops a reference to None on every Qt call that returns
nothing; a long-running app then aborts with ``none_dealloc``. Guard the pin."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QImage, QPainter, QPen

pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on"
)


def test_qt_calls_returning_nothing_keep_none_alive() -> None:
    obj = QObject()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    for _ in range(5000):
        obj.setObjectName("x")
    painter = QPainter(image)
    pen = QPen(QColor("red"))
    for _ in range(5000):
        painter.setPen(pen)
    painter.end()
    after = sys.getrefcount(None)
    assert after >= before - 50, f"None lost {before - after} references in 10,000 Qt calls"
