from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.durations import format_human, format_iso, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("50m", 3000),
        ("90s", 90),
        ("1h30m", 5400),
        ("2h", 7200),
        ("PT50M", 3000),
        ("PT1H30M", 5400),
        ("pt15s", 15),
        ("45", 45),
        ("1h 5m 3s", 3903),
        ("10min", 600),
    ],
)
def test_parses_human_and_iso_forms(text: str, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "soon", "5x", "PT", "m", "-5m", "1h30"])
def test_rejects_what_is_not_a_duration_and_says_what_works(text: str) -> None:
    with pytest.raises(ValueError, match="50m"):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10 * 24 * 3600))
def test_iso_and_human_forms_round_trip(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_iso(value)) == value
    assert parse_duration(format_human(value)) == value


def test_iso_form_is_the_familiar_one() -> None:
    assert format_iso(timedelta(minutes=50)) == "PT50M"
    assert format_iso(timedelta(0)) == "PT0S"
    assert format_human(timedelta(minutes=90)) == "1h30m"
