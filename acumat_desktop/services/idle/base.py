"""The one small interface every idle source implements."""

from __future__ import annotations

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
