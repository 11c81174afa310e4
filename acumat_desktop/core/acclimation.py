"""Acclimation: shorter suggested sessions for the first weeks on the mat.

Mat makers suggest starting with about 5–10 minutes and building up week by week (Yantra: ten
minutes the first days, double it the next week). The plan caps a routine's default minutes by
the week the user is in, counted from their first session; it never goes outside the routine's
own range and stops applying once the plan is over.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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
