"""macOS: an IOKit power assertion, ``IOPMAssertionCreateWithName`` of type
``PreventUserIdleDisplaySleep`` (which also keeps the system from idle sleep), released with
``IOPMAssertionRelease``. The two calls are injectable so they are tested elsewhere."""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)

ASSERTION_TYPE = "PreventUserIdleDisplaySleep"  # kIOPMAssertionTypePreventUserIdleDisplaySleep
LEVEL_ON = 255  # kIOPMAssertionLevelOn
_UTF8 = 0x08000100  # kCFStringEncodingUTF8
_PLATFORM: str = sys.platform  # a plain str, so type checkers on Linux check this module
_IOKIT = "/System/Library/Frameworks/IOKit.framework/IOKit"
_CORE_FOUNDATION = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation"

CreateAssertion = Callable[[str, str], "int | None"]
"""(assertion type, name shown by ``pmset -g assertions``) -> assertion id, None on failure."""
ReleaseAssertion = Callable[[int], bool]


def _iokit() -> tuple[CreateAssertion, ReleaseAssertion] | None:
    if _PLATFORM != "darwin":
        return None
    try:
        iokit = ctypes.CDLL(_IOKIT)
        cf = ctypes.CDLL(_CORE_FOUNDATION)
    except OSError:
        return None
    cf.CFStringCreateWithCString.restype = ctypes.c_void_p
    cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
    cf.CFRelease.argtypes = [ctypes.c_void_p]
    create_fn = iokit.IOPMAssertionCreateWithName
    create_fn.restype = ctypes.c_int32
    create_fn.argtypes = [
        ctypes.c_void_p,
        ctypes.c_uint32,
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_uint32),
    ]
    release_fn = iokit.IOPMAssertionRelease
    release_fn.restype = ctypes.c_int32
    release_fn.argtypes = [ctypes.c_uint32]

    def create(kind: str, name: str) -> int | None:
        cf_kind = cf.CFStringCreateWithCString(None, kind.encode(), _UTF8)
        cf_name = cf.CFStringCreateWithCString(None, name.encode(), _UTF8)
        try:
            if not cf_kind or not cf_name:
                return None
            assertion = ctypes.c_uint32(0)
            status = create_fn(cf_kind, LEVEL_ON, cf_name, ctypes.byref(assertion))
            return int(assertion.value) if status == 0 else None
        finally:
            for ref in (cf_kind, cf_name):
                if ref:
                    cf.CFRelease(ref)

    def release(assertion: int) -> bool:
        return int(release_fn(assertion)) == 0

    return create, release


class MacKeepAwake:
    method = "macos"

    def __init__(
        self, create: CreateAssertion | None = None, release: ReleaseAssertion | None = None
    ) -> None:
        if create is not None and release is not None:
            self._fns: tuple[CreateAssertion, ReleaseAssertion] | None = (create, release)
        else:
            self._fns = _iokit()
        self._assertion: int | None = None

    @property
    def held(self) -> bool:
        return self._assertion is not None

    def available(self) -> bool:
        return self._fns is not None

    def hold(self, reason: str) -> bool:
        if self._assertion is not None:
            return True
        if self._fns is None:
            return False
        assertion = self._fns[0](ASSERTION_TYPE, reason)
        if assertion is None:
            log.info("IOKit refused the power assertion")
            return False
        self._assertion = assertion
        return True

    def release(self) -> None:
        if self._assertion is None or self._fns is None:
            return
        assertion, self._assertion = self._assertion, None
        if not self._fns[1](assertion):
            log.info("IOKit did not release power assertion %s", assertion)
