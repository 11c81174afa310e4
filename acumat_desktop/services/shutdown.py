"""One shutdown path: components register what they must save or close, and quitting runs each
step once, the newest first (a feature built on top of another is closed before it).

Like qutebrowser's save manager: nothing registers an ``atexit`` of its own, and a test that
builds the app closes it the same way the app does when it quits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)


class ShutdownManager:
    def __init__(self) -> None:
        self._steps: list[tuple[str, Callable[[], None]]] = []
        self._done = False

    @property
    def done(self) -> bool:
        return self._done

    def names(self) -> list[str]:
        """The registered steps in the order they will run."""
        return [name for name, _ in reversed(self._steps)]

    def register(self, name: str, step: Callable[[], None]) -> None:
        if self._done:
            raise RuntimeError(f"cannot register {name!r}: the app has already shut down")
        self._steps.append((name, step))

    def run(self) -> None:
        """Run every step once, newest first; a failing step is logged and the rest still run."""
        if self._done:
            return
        self._done = True
        for name, step in reversed(self._steps):
            try:
                step()
            except Exception:
                log.exception("shutting down %s failed", name)
