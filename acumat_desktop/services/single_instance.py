"""One AcuMat per user: a lock file held for the app's lifetime decides who is first.

QLocalServer alone cannot decide it: with UserAccessOption it binds in a private folder and
renames the socket into place, silently replacing a live instance's socket.

A second launch either reaches the first (which comes forward), finds it gone (the lock is then
its own and it starts), or says which process holds the lock without answering.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from acumat_desktop.core.protocol import BUSY, ProtocolError
from acumat_desktop.services.ipc_client import ControlClient, NotRunningError

RETRY_S = 0.1  # between attempts while the first instance starts or is busy


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

    def owner_pid(self) -> int | None:
        """The process holding the lock, as its file says (None if unreadable)."""
        info = self._lock.getLockInfo()
        pid = info[0] if isinstance(info, tuple) and info else 0
        return pid if isinstance(pid, int) and pid > 0 else None


@dataclass(frozen=True)
class Reach:
    """What a second launch found: ``reached`` (the first came forward), ``lock_taken`` (the
    first is gone and this launch now holds the lock: start normally), or neither (``message``
    says who holds the lock without answering)."""

    reached: bool
    lock_taken: bool = False
    message: str = ""


def reach_running_instance(name: str, lock: InstanceLock, wait_s: float = 15.0) -> Reach:
    """Ask the instance holding ``lock`` to come forward; while it does not answer, keep trying
    (it may be starting or busy) and keep checking whether it is gone, for up to ``wait_s``."""
    deadline = time.monotonic() + wait_s
    while True:
        if _ask_to_show(name):
            return Reach(reached=True)
        if lock.acquire():
            return Reach(reached=False, lock_taken=True)
        if time.monotonic() >= deadline:
            return Reach(reached=False, message=_no_answer(lock, wait_s))
        time.sleep(RETRY_S)  # polling another process's socket and lock, with a deadline


def _ask_to_show(name: str) -> bool:
    client = ControlClient(name, timeout_ms=1500)
    try:
        client.connect()
        reply = client.request("show")
    except (NotRunningError, ProtocolError):
        return False
    finally:
        client.close()
    return reply.ok or reply.code != BUSY


def _no_answer(lock: InstanceLock, wait_s: float) -> str:
    pid = lock.owner_pid()
    if pid is None:
        return f"another AcuMat holds the instance lock ({lock.path}) but does not answer"
    if pid == os.getpid():
        return "this AcuMat already holds the instance lock"
    return (
        f"another AcuMat (process {pid}) holds the instance lock but has not answered for "
        f"{wait_s:g} s; if it is stuck, end it (kill {pid}) and start AcuMat again"
    )
