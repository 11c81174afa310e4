"""The one rule for a session's minutes: explicit, else last chosen or default, capped by the
acclimation week while the plan runs, always within the routine's range."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from acumat_desktop.core.acclimation import MinutesChoice, choose_minutes, weekly_plan
from acumat_desktop.core.routines import Routine
from tests.core.test_routines import load_builtins

START = date(2026, 11, 2)


@pytest.fixture(scope="module")
def routines() -> dict[str, Routine]:
    return load_builtins()


def week(n: int) -> date:
    return START + timedelta(days=7 * n)


def test_explicit_minutes_always_win(routines: dict[str, Routine]) -> None:
    sleep = routines["sleep"]
    choice = choose_minutes(sleep, explicit=12.5, last_used=4, first_session=START, today=START)
    assert choice == MinutesChoice(12.5, "explicit", week=0, cap=5)


def test_last_used_then_default(routines: dict[str, Routine]) -> None:
    sleep = routines["sleep"]  # 10 min (3-15)
    later = week(8)  # the plan is over
    assert choose_minutes(sleep, first_session=START, today=later) == MinutesChoice(10, "default")
    assert choose_minutes(sleep, last_used=13, first_session=START, today=later) == MinutesChoice(
        13, "last"
    )
    no_plan = choose_minutes(sleep, last_used=13, acclimation=False, today=START)
    assert no_plan == MinutesChoice(13, "last"), "turned off: the last choice as it was"


def test_the_week_caps_what_would_be_chosen(routines: dict[str, Routine]) -> None:
    sleep = routines["sleep"]
    minutes = [
        choose_minutes(sleep, last_used=15, first_session=START, today=week(n)).minutes
        for n in range(5)
    ]
    assert minutes == [5, 10, 15, 15, 15]
    first = choose_minutes(sleep, last_used=15, first_session=None, today=START)
    assert (first.week, first.cap, first.capped) == (0, 5, True), "before any session: week 1"
    short = choose_minutes(sleep, last_used=4, first_session=START, today=START)
    assert short == MinutesChoice(4, "last", week=0, cap=5), "a shorter choice stays"


def test_never_outside_the_routines_range(routines: dict[str, Routine]) -> None:
    back = routines["back-neck"]  # 20 min (15-40): week 1's 5 minutes would be too short
    choice = choose_minutes(back, first_session=START, today=START)
    assert choice.minutes == back.min_minutes
    assert choice.capped
    assert choice.over_plan, "its shortest is longer than the week's 5 minutes: said, not hidden"
    later = [choose_minutes(back, first_session=START, today=week(n)).over_plan for n in range(4)]
    assert later == [True, True, False, False], "15 minutes fit week 3's cap"
    asked = choose_minutes(back, explicit=15, first_session=START, today=START)
    assert asked.over_plan and asked.minutes == 15
    sleep = choose_minutes(routines["sleep"], first_session=START, today=START)
    assert not sleep.over_plan, "3-15 minutes: the week's 5 fit"


def test_a_weekly_step_adjusts_the_plan(routines: dict[str, Routine]) -> None:
    assert weekly_plan(5) == (5, 10, 15, 20)
    assert weekly_plan(3) == (3, 6, 9, 12)
    sleep = routines["sleep"]
    choice = choose_minutes(sleep, first_session=START, today=week(1), plan=weekly_plan(3))
    assert (choice.minutes, choice.week, choice.cap) == (6, 1, 6)
