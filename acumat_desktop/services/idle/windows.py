"""Windows: ``GetLastInputInfo`` and ``GetTickCount`` through ctypes.

Both are 32-bit millisecond tick counts that wrap after about 49.7 days, so the difference is
taken modulo 2**32. The two functions are injectable so the arithmetic is tested on Linux.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

_WRAP = 1 << 32
_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module


def idle_ms(tick_now: int, last_input_tick: int) -> int:
    """Milliseconds since the last input, across a GetTickCount wrap."""
    return (tick_now - last_input_tick) % _WRAP


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]


def _win32_functions() -> tuple[Callable[[], int | None], Callable[[], int]] | None:
    if _PLATFORM != "win32":
        return None
    win_dll = getattr(ctypes, "WinDLL")  # noqa: B009  (absent from ctypes off Windows)
    user32 = win_dll("user32")
    kernel32 = win_dll("kernel32")
    kernel32.GetTickCount.restype = ctypes.c_uint32

    def last_input() -> int | None:
        info = _LastInputInfo()
        info.cbSize = ctypes.sizeof(info)
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        return int(info.dwTime)

    def tick_count() -> int:
        return int(kernel32.GetTickCount())

    return last_input, tick_count


class WindowsIdleSource:
    name = "windows"

    def __init__(
        self,
        last_input: Callable[[], int | None] | None = None,
        tick_count: Callable[[], int] | None = None,
    ) -> None:
        if last_input is not None and tick_count is not None:
            self._fns: tuple[Callable[[], int | None], Callable[[], int]] | None = (
                last_input,
                tick_count,
            )
        else:
            self._fns = _win32_functions()

    def available(self) -> bool:
        return self._fns is not None and self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        if self._fns is None:
            return None
        last_input, tick_count = self._fns
        last = last_input()
        if last is None:
            return None
        return idle_ms(tick_count() & (_WRAP - 1), last & (_WRAP - 1)) / 1000.0

    def close(self) -> None:
        self._fns = None
