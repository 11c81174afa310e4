"""The connections a feature makes to what outlives it, cut together when it shuts down.

The settings, the session, the window and the tray outlive a feature (in tests, and for a moment
while the app quits); a signal of theirs must never reach a feature that has shut down, nor a
page of it that Qt has deleted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMetaObject, QObject, SignalInstance


class Links:
    """``connect`` as Qt does, remembered; ``cut`` undoes every one (again: nothing)."""

    def __init__(self) -> None:
        self._made: list[QMetaObject.Connection] = []

    def __len__(self) -> int:
        return len(self._made)

    def connect(self, signal: SignalInstance, slot: Any) -> None:
        self._made.append(signal.connect(slot))

    def cut(self) -> None:
        made, self._made = self._made, []
        for link in made:
            QObject.disconnect(link)
