"""macOS: ``CGEventSourceSecondsSinceLastEventType`` through ctypes (no Accessibility
permission needed). The function is injectable so the checks are tested elsewhere."""

from __future__ import annotations

import ctypes
import logging
import math
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

HID_SYSTEM_STATE = 1  # kCGEventSourceStateHIDSystemState
ANY_INPUT_EVENT = 0xFFFFFFFF  # kCGAnyInputEventType
_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module
_CORE_GRAPHICS = "/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"

SecondsSince = Callable[[int, int], float]


def _core_graphics() -> SecondsSince | None:
    if _PLATFORM != "darwin":
        return None
    try:
        lib = ctypes.CDLL(_CORE_GRAPHICS)
    except OSError:
        return None
    fn = lib.CGEventSourceSecondsSinceLastEventType
    fn.restype = ctypes.c_double
    fn.argtypes = [ctypes.c_int32, ctypes.c_uint32]
    return lambda state, event: float(fn(state, event))


class MacIdleSource:
    name = "macos"

    def __init__(self, seconds_since: SecondsSince | None = None) -> None:
        self._fn = seconds_since if seconds_since is not None else _core_graphics()

    def available(self) -> bool:
        return self.idle_seconds() is not None

    def idle_seconds(self) -> float | None:
        if self._fn is None:
            return None
        value = self._fn(HID_SYSTEM_STATE, ANY_INPUT_EVENT)
        if math.isnan(value) or math.isinf(value) or value < 0:
            return None
        return value

    def close(self) -> None:
        self._fn = None
