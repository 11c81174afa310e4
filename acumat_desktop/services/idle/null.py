"""No idle source: reminders fall back to plain elapsed time, and the UI says so."""

from __future__ import annotations


class NullIdleSource:
    name = "none"

    def available(self) -> bool:
        return False

    def idle_seconds(self) -> float | None:
        return None

    def close(self) -> None:
        pass
