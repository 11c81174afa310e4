"""One AcuMat per user: a lock file held for the app's lifetime decides who is first.

QLocalServer alone cannot decide it: with UserAccessOption it binds in a private folder and
renames the socket into place, silently replacing a live instance's socket.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class InstanceLock:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = QLockFile(str(path))
        self._lock.setStaleLockTime(0)  # never stale by age; a dead owner's lock is still taken

    def acquire(self, timeout_ms: int = 0) -> bool:
        return self._lock.tryLock(timeout_ms)

    def release(self) -> None:
        self._lock.unlock()

    @property
    def held(self) -> bool:
        return self._lock.isLocked()
