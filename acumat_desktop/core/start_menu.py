"""What the tray's Start submenu lists, in which order: favourites, then a few recent routines,
then the rest. Pure: ids in, ids out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

RECENT_LIMIT = 3


@dataclass(frozen=True)
class StartMenuPlan:
    favourites: tuple[str, ...]
    recent: tuple[str, ...]
    rest: tuple[str, ...]

    @property
    def has_shortcuts(self) -> bool:
        """True when favourites or recents lead the menu (the rest can then fold away)."""
        return bool(self.favourites or self.recent)


def plan_start_menu(
    known: Sequence[str],
    favourites: Iterable[str],
    recent: Iterable[str],
    recent_limit: int = RECENT_LIMIT,
) -> StartMenuPlan:
    """``known``: every routine id in library order; ``favourites`` in the user's order;
    ``recent``: routine ids of past sessions, newest first (repeats allowed). Unknown ids (a
    deleted routine) are skipped; no id appears twice."""
    library = set(known)
    favs = _unique(f for f in favourites if f in library)
    taken = set(favs)
    recents: list[str] = []
    for routine_id in recent:
        if len(recents) >= recent_limit:
            break
        if routine_id in library and routine_id not in taken:
            recents.append(routine_id)
            taken.add(routine_id)
    rest = [r for r in known if r not in taken]
    return StartMenuPlan(tuple(favs), tuple(recents), tuple(_unique(rest)))


def _unique(ids: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for routine_id in ids:
        seen.setdefault(routine_id, None)
    return list(seen)
