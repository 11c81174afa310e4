"""The one timer a sound driver needs: precise, single-shot, armed for "the next step is due in
so many seconds" or stopped when nothing is due, so nothing wakes while nothing is to do."""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class DueTimer(QTimer):
    """Calls ``step`` when what :meth:`arm` was given has come."""

    def __init__(self, parent: QObject, step: Callable[[], None]) -> None:
        super().__init__(parent)
        self.setSingleShot(True)
        self.setTimerType(Qt.TimerType.PreciseTimer)  # wakes rarely; a fade starts on time
        self.timeout.connect(step)

    def arm(self, due_s: float | None) -> None:
        """Fire in ``due_s`` seconds (at least 1 ms, rounded up), or never for None."""
        if due_s is None:
            self.stop()
        else:
            self.start(max(1, math.ceil(due_s * 1000)))
