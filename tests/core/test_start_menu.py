"""The Start menu's order: favourites, up to three recents, the rest; no repeats, no strangers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.start_menu import plan_start_menu

KNOWN = ["first-time", "back-neck", "sleep", "desk-break", "tired-feet", "headache"]


def test_nothing_to_lead_with_lists_the_library_in_order() -> None:
    plan = plan_start_menu(KNOWN, [], [])
    assert plan.favourites == () and plan.recent == ()
    assert plan.rest == tuple(KNOWN)
    assert not plan.has_shortcuts


def test_favourites_keep_their_order_and_recents_skip_them() -> None:
    plan = plan_start_menu(
        KNOWN,
        favourites=["sleep", "first-time"],
        recent=["sleep", "headache", "headache", "desk-break", "back-neck", "tired-feet"],
    )
    assert plan.favourites == ("sleep", "first-time")
    assert plan.recent == ("headache", "desk-break", "back-neck")
    assert plan.rest == ("tired-feet",)
    assert plan.has_shortcuts


def test_deleted_routines_are_left_out() -> None:
    plan = plan_start_menu(KNOWN, favourites=["gone", "sleep"], recent=["old", "sleep", "headache"])
    assert plan.favourites == ("sleep",)
    assert plan.recent == ("headache",)


@given(
    favourites=st.lists(st.sampled_from([*KNOWN, "gone"])),
    recent=st.lists(st.sampled_from([*KNOWN, "old"])),
    limit=st.integers(0, 5),
)
def test_every_known_routine_appears_exactly_once(
    favourites: list[str], recent: list[str], limit: int
) -> None:
    plan = plan_start_menu(KNOWN, favourites, recent, recent_limit=limit)
    listed = [*plan.favourites, *plan.recent, *plan.rest]
    assert sorted(listed) == sorted(KNOWN)
    assert len(plan.recent) <= limit
    assert [r for r in KNOWN if r in plan.rest] == list(plan.rest), "rest in library order"
