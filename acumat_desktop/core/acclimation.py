"""Acclimation: shorter suggested sessions for the first weeks on the mat.

Mat makers suggest starting with about 5–10 minutes and building up week by week (Yantra: ten
minutes the first days, double it the next week). The plan caps a routine's default minutes by
the week the user is in, counted from their first session; it never goes outside the routine's
own range and stops applying once the plan is over. :func:`choose_minutes` is the one rule
every start follows (see its docstring).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from acumat_desktop.core.routines import Routine

# Cap on the suggested minutes in week 1, 2, 3, 4 after the first session.
DEFAULT_PLAN: tuple[int, ...] = (5, 10, 15, 20)


def acclimation_week(first_session: date | None, today: date) -> int:
    """0 for the first week (or before any session), 1 for the second, and so on."""
    if first_session is None or today <= first_session:
        return 0
    return (today - first_session).days // 7


def suggested_minutes(
    routine: Routine,
    first_session: date | None,
    today: date,
    plan: Sequence[int] = DEFAULT_PLAN,
) -> int:
    """The minutes to preselect for ``routine`` today."""
    week = acclimation_week(first_session, today)
    if week >= len(plan):
        return routine.minutes
    capped = min(routine.minutes, plan[week])
    return max(routine.min_minutes, min(routine.max_minutes, capped))


def weekly_plan(step: int, weeks: int = len(DEFAULT_PLAN)) -> tuple[int, ...]:
    """The weekly caps for a step: 5 → (5, 10, 15, 20)."""
    return tuple(step * (week + 1) for week in range(weeks))


@dataclass(frozen=True)
class MinutesChoice:
    """The minutes a start would use and why.

    ``source``: ``"explicit"`` (given with the start), ``"last"`` (the person's last choice for
    this routine), ``"default"`` (the routine's own). ``week`` (0-based) and ``cap`` are set while
    the acclimation plan runs; ``capped`` says the plan shortened the session; ``over_plan`` says
    the routine's shortest session is longer than the week's cap, so the plan could not shorten
    it that far (the minutes are the routine's shortest, not the week's)."""

    minutes: float  # whole minutes unless given otherwise with the start
    source: Literal["explicit", "last", "default"]
    week: int | None = None
    cap: int | None = None
    capped: bool = False
    over_plan: bool = False


def choose_minutes(
    routine: Routine,
    *,
    explicit: float | None = None,
    last_used: int | None = None,
    acclimation: bool = True,
    first_session: date | None = None,
    today: date,
    plan: Sequence[int] = DEFAULT_PLAN,
) -> MinutesChoice:
    """The one rule for how long a session runs, wherever it starts (tray, window, reminder,
    command line, media keys):

    1. minutes given with the start win (the picker's box, ``--minutes``);
    2. otherwise the minutes last chosen for this routine, else the routine's default;
    3. while the acclimation plan runs (it is on and the first session is under
       ``len(plan)`` weeks old), that is capped by the week's minutes: week 1 up to
       ``plan[0]``, week 2 up to ``plan[1]``…; shorter choices stay as chosen;
    4. always within the routine's own range: a routine whose shortest session is longer than
       the week's cap runs its shortest, and the choice says ``over_plan``.
    """
    week = acclimation_week(first_session, today)
    running = acclimation and week < len(plan)
    cap = plan[week] if running else None
    over = cap is not None and routine.min_minutes > cap
    if explicit is not None:
        return MinutesChoice(
            float(explicit), "explicit", week if running else None, cap, over_plan=over
        )
    source: Literal["last", "default"] = "last" if last_used is not None else "default"
    wanted = last_used if last_used is not None else routine.minutes
    minutes = min(wanted, cap) if cap is not None else wanted
    minutes = max(routine.min_minutes, min(routine.max_minutes, minutes))
    return MinutesChoice(
        minutes, source, week if running else None, cap, capped=minutes < wanted, over_plan=over
    )
