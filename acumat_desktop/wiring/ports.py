"""Ports: the small typed doors through which one feature uses another.

A feature receives these in its constructor instead of the other feature itself, so each can be
built alone in a test with a stand-in, and no feature module imports another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from acumat_desktop.core.acclimation import MinutesChoice
    from acumat_desktop.core.audio.ambience import AmbienceInfo


class RoutineStarter(Protocol):
    """Something that can start a routine (the sessions feature)."""

    def start(
        self,
        routine_id: str,
        minutes: float | None = None,
        breathing: str | None = None,
        sound: str | None = None,
    ) -> None:
        """Start it, or raise ValueError naming the problem."""
        ...

    def minutes_for(self, routine_id: str) -> MinutesChoice:
        """The minutes a start without minutes would use (last chosen or default, within the
        acclimation week's cap), or raise ValueError for an unknown routine."""
        ...


class SoundLister(Protocol):
    """Something that knows the sounds (the sound feature)."""

    def sounds(self) -> list[dict[str, str]]:
        """Every soundscape and imported sound: ``{"id", "name", "kind"}``."""
        ...

    def check_sound(self, spec: str) -> None:
        """Accept a soundscape id, a mix such as ``rain:0.7,wind:0.3``, a saved mix's name or
        ``none``; raise ValueError naming the bad part otherwise."""
        ...


class AmbiencePlayer(Protocol):
    """Ambience played without a session (the sound feature's ``ambience``): what the media
    keys show and control while no session runs."""

    def info(self) -> AmbienceInfo:
        """What plays: stopped, playing or paused, the mix, the sleep timer's time left."""
        ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...

    def watch(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` whenever what :meth:`info` says may have changed."""
        ...


class Notices(Protocol):
    """Somewhere to tell the person something (the main window's notice line)."""

    def show_notice(self, text: str, timeout_ms: int = ...) -> None:
        """A passing remark that clears itself."""
        ...

    def show_warning(self, text: str) -> None:
        """Something that must be read: it stays until closed."""
        ...

    def clear_notices(self) -> None: ...
