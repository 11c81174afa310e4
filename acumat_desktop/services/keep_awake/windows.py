"""Windows: ``SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED)``
keeps the display on and the system awake; ``ES_CONTINUOUS`` alone releases.

The state belongs to the calling thread, so hold and release run on the GUI thread (the guard
lives there). The function is injectable so the calls are tested on Linux.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

ES_CONTINUOUS = 0x80000000
ES_SYSTEM_REQUIRED = 0x00000001
ES_DISPLAY_REQUIRED = 0x00000002
HOLD_FLAGS = ES_CONTINUOUS | ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED
_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module

SetState = Callable[[int], int]
"""``SetThreadExecutionState``: the previous state, 0 on failure."""


def _kernel32_set_state() -> SetState | None:
    if _PLATFORM != "win32":
        return None
    win_dll = getattr(ctypes, "WinDLL")  # noqa: B009  (absent from ctypes off Windows)
    fn = win_dll("kernel32").SetThreadExecutionState
    fn.restype = ctypes.c_uint32
    fn.argtypes = [ctypes.c_uint32]
    return lambda flags: int(fn(flags))


class WindowsKeepAwake:
    method = "windows"

    def __init__(self, set_state: SetState | None = None) -> None:
        self._set_state = set_state if set_state is not None else _kernel32_set_state()
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def available(self) -> bool:
        return self._set_state is not None

    def hold(self, reason: str) -> bool:
        if self._held:
            return True
        if self._set_state is None:
            return False
        if self._set_state(HOLD_FLAGS) == 0:
            log.info("SetThreadExecutionState refused to keep the system awake")
            return False
        self._held = True
        return True

    def release(self) -> None:
        if not self._held or self._set_state is None:
            return
        self._held = False
        self._set_state(ES_CONTINUOUS)
