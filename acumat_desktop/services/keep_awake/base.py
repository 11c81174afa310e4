"""The one small interface every keep-awake backend implements."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

TIMEOUT_MS = 1500
"""The bound on every D-Bus call a backend makes: a hung service must not hang the app."""


@runtime_checkable
class KeepAwake(Protocol):
    """Stop the screen from blanking or locking and the computer from suspending while held.

    ``method`` is shown in settings and in ``status --json`` (``session.keep_awake``), e.g.
    "portal", "gnome-session", "screensaver", "logind", "xss", "windows", "macos", "none".
    ``available`` is a cheap probe (a bounded D-Bus call at most), used once to choose.
    ``hold`` returns whether the OS accepted; holding twice keeps one inhibition.
    ``release`` is safe to call when nothing is held. Neither ever raises.
    """

    method: str

    @property
    def held(self) -> bool: ...

    def available(self) -> bool: ...

    def hold(self, reason: str) -> bool: ...

    def release(self) -> None: ...
