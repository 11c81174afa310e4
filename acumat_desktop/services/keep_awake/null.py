"""No way to keep the computer awake here: sessions run, and the UI says the screen may lock."""

from __future__ import annotations


class NullKeepAwake:
    method = "none"
    held = False

    def available(self) -> bool:
        return False

    def hold(self, reason: str) -> bool:
        return False

    def release(self) -> None:
        pass
