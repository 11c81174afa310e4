"""The remembered minutes per routine and the acclimation settings: bounded and validated."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from acumat_desktop.settings import access
from acumat_desktop.settings.model import MAX_REMEMBERED, SessionSettings, Settings


def test_defaults_keep_the_plan_on_and_nothing_remembered() -> None:
    session = Settings().session
    assert session.last_minutes == {}
    assert session.acclimation is True
    assert session.acclimation_step == 5
    assert session.ramp_routines == []


def test_minutes_are_set_from_the_command_line_form() -> None:
    changed = access.with_value(Settings(), "session.last_minutes", "sleep:12, back-neck:25")
    assert changed.session.last_minutes == {"sleep": 12, "back-neck": 25}
    assert access.with_value(Settings(), "session.acclimation", "off").session.acclimation is False


@pytest.mark.parametrize(
    "bad",
    [{"sleep": 0}, {"sleep": 121}, {"Sleep!": 10}, {"sleep": "soon"}, {"sleep": True}],
)
def test_bad_minutes_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        SessionSettings(last_minutes=bad)


def test_only_the_newest_routines_are_kept() -> None:
    many = {f"routine-{n}": 10 for n in range(MAX_REMEMBERED + 5)}
    kept = SessionSettings(last_minutes=many).last_minutes
    assert len(kept) == MAX_REMEMBERED
    assert "routine-0" not in kept and f"routine-{MAX_REMEMBERED + 4}" in kept


def test_the_weekly_step_is_bounded() -> None:
    with pytest.raises(ValidationError):
        SessionSettings(acclimation_step=0)
    with pytest.raises(ValidationError):
        SessionSettings(acclimation_step=31)
