"""The one small interface every idle source implements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable


@runtime_checkable
class IdleSource(Protocol):
    """Seconds since the user's last input, from the OS.

    ``name`` is shown in settings and in ``status --json`` (``sitting.source``).
    ``idle_seconds`` returns None when the answer is unknown this time (the caller then treats
    plain elapsed time as sitting); it must be cheap: it is polled every few seconds.
    """

    name: str

    def available(self) -> bool: ...

    def idle_seconds(self) -> float | None: ...

    def close(self) -> None: ...


@runtime_checkable
class IdleWatcher(Protocol):
    """A source that can tell, without being polled, when the user has been idle for a while
    and when they come back (XSync alarms, Mutter's watches, ext-idle-notify).

    ``watch`` replaces any armed watch with: ``callback`` once idle reaches ``idle_after_s``
    (at once if it already has), and/or once at the next input (``on_input``). It returns False
    when this source cannot watch right now; the caller then polls. The callback runs on the
    Qt event loop, once; the caller looks at the source and arms again.
    """

    def watch(
        self, idle_after_s: float | None, on_input: bool, callback: Callable[[], None]
    ) -> bool: ...

    def unwatch(self) -> None: ...
