"""Several backends held together: a desktop method (screen and idle) plus logind (sleep)."""

from __future__ import annotations

from acumat_desktop.services.keep_awake.base import KeepAwake


class CombinedKeepAwake:
    """``method`` joins the parts' names, e.g. "portal+logind". Holding succeeds when any part
    accepts; the ones that refused are asked again on the next hold."""

    def __init__(self, *parts: KeepAwake) -> None:
        self.parts = parts
        self.method = "+".join(part.method for part in parts)

    @property
    def held(self) -> bool:
        return any(part.held for part in self.parts)

    def available(self) -> bool:
        return any(part.available() for part in self.parts)

    def hold(self, reason: str) -> bool:
        results = [part.hold(reason) for part in self.parts]
        return any(results)

    def release(self) -> None:
        for part in self.parts:
            part.release()
